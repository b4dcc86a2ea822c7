import { isSilenced, severityRank, type AlertSeverity } from '../../../../shared/alerts';
import type { AlertList, AlertView } from '../../../../shared/contract';

export interface BadgeCounts {
  /** Firing and not silenced: what wants a person now. Acknowledged alerts still count until resolved. */
  firing: number;
  critical: number;
  warning: number;
  info: number;
  worst: AlertSeverity | null;
}

type Counted = Pick<AlertView, 'state' | 'severity' | 'silencedUntil'>;

/** The header badge's numbers at data time `at` (silences lapse by the clock, not by an event). */
export function badgeCounts(alerts: readonly Counted[], at: number): BadgeCounts {
  const c: BadgeCounts = { firing: 0, critical: 0, warning: 0, info: 0, worst: null };
  for (const a of alerts) {
    if (a.state !== 'firing' || isSilenced(a, at)) continue;
    c.firing++;
    c[a.severity]++;
    if (c.worst === null || severityRank(a.severity) < severityRank(c.worst)) c.worst = a.severity;
  }
  return c;
}

/** "3 firing alerts, 1 critical"; "1 firing alert, 1 warning"; "No firing alerts". */
export function badgeLabel(c: BadgeCounts): string {
  if (c.firing === 0) return 'No firing alerts';
  const head = `${c.firing} firing alert${c.firing === 1 ? '' : 's'}`;
  const parts = (['critical', 'warning', 'info'] as const).filter((s) => c[s] > 0).map((s) => `${c[s]} ${s}`);
  // The worst kind is the one a person scans for; the others follow only when there are several kinds.
  return [head, ...parts.slice(0, c.worst === 'critical' ? 1 : parts.length)].join(', ');
}

/**
 * Critical alerts that started firing between two lists and are not silenced: one desktop notification
 * each. Nothing on the first list (start-up would announce every old alert at once). An alert that
 * returns after resolving has a new `firstSeen`, so it counts as new again.
 */
export function newlyFiringCritical(prev: AlertList | null, next: AlertList): AlertView[] {
  if (prev === null) return [];
  const before = new Set(
    prev.alerts.filter((a) => a.state === 'firing').map((a) => `${a.key}@${a.firstSeen}`),
  );
  return next.alerts.filter(
    (a) =>
      a.state === 'firing' &&
      a.severity === 'critical' &&
      !isSilenced(a, next.at) &&
      !before.has(`${a.key}@${a.firstSeen}`),
  );
}

/** Where an alert is: "eu-fra-1 / gpu-a-01 / GPU 3", "eu-fra-1 / gpu-a-01", "eu-fra-1". */
export function alertPlace(a: Pick<AlertView, 'siteId' | 'hostname' | 'gpu'>, siteName?: string): string {
  const parts = [siteName ?? a.siteId];
  if (a.hostname) parts.push(a.hostname);
  if (a.gpu !== null) parts.push(`GPU ${a.gpu}`);
  return parts.join(' / ');
}
