import type { AlertList } from '../../../../shared/contract';
import { formatClockSeconds } from '../../lib/format';
import type { MapColorMode } from './colorModes';
import type { ResidencyNowState } from './useResidencyNow';

/** Why every site's residency is unknown, for the tooltips; null once an answer is in. */
export function residencyUnknownWhy(state: ResidencyNowState): string | null {
  if (state.now !== null) return null;
  return state.error ? `the residency check failed: ${state.error.message}` : 'not checked yet';
}

/**
 * The legend's note for a categorical mode: what the marks cannot say by themselves (still loading, a
 * failed call and how old the marks are, a policy that allows everything or did not load).
 */
export function modeNote(
  mode: MapColorMode,
  residency: ResidencyNowState,
  alertList: AlertList | null,
): string | null {
  if (mode === 'alerts') {
    return alertList === null ? 'Waiting for the alert list: sites are hatched until it arrives.' : null;
  }
  if (mode !== 'jurisdiction') return null;
  const { now, error } = residency;
  if (now === null) {
    return error
      ? `Residency check failed: ${error.message}. Violations unknown.`
      : 'Checking residency… violations unknown until the first answer.';
  }
  const notes: string[] = [];
  if (error)
    notes.push(`Residency check failed: ${error.message}. Marks are from ${formatClockSeconds(now.at)}.`);
  if (now.policy.errors.length > 0)
    notes.push('policies.yaml has problems: the last good policy stays in force.');
  if (now.policy.rules === 0 && now.policy.default === 'allow')
    notes.push('No residency rules in force: every placement is allowed.');
  return notes.length > 0 ? notes.join(' ') : null;
}
