import { isSilenced, type AlertKind, type AlertSeverity } from '../../../../shared/alerts';
import type { AlertView } from '../../../../shared/contract';
import { formatClock } from '../../lib/format';

export type StateFilter = 'firing' | 'resolved' | 'all';
export type SeverityFilter = AlertSeverity | 'all';

export interface AlertFilter {
  state: StateFilter;
  severity: SeverityFilter;
}

export const DEFAULT_ALERT_FILTER: AlertFilter = { state: 'firing', severity: 'all' };

/** The list as filtered; the core's order (firing first, worst first, newest first) is kept. */
export function filterAlerts(alerts: readonly AlertView[], f: AlertFilter): AlertView[] {
  return alerts.filter(
    (a) => (f.state === 'all' || a.state === f.state) && (f.severity === 'all' || a.severity === f.severity),
  );
}

/** How long a silence lasts, as the Silence menu offers it; 0 lifts one. */
export const SILENCE_CHOICES = [
  { forS: 15 * 60, label: '15 min' },
  { forS: 3600, label: '1 h' },
  { forS: 4 * 3600, label: '4 h' },
  { forS: 24 * 3600, label: '24 h' },
] as const;

/** "until 15:42 by alice"; not silenced (or lapsed) → null. */
export function silenceText(a: Pick<AlertView, 'silencedUntil' | 'silencedBy'>, at: number): string | null {
  if (!isSilenced(a, at)) return null;
  return `until ${formatClock(a.silencedUntil!)}${a.silencedBy ? ` by ${a.silencedBy}` : ''}`;
}

export const KIND_WORDS: Record<AlertKind, string> = {
  'gpu-temp': 'GPU temperature',
  'gpu-power': 'GPU power',
  xid: 'XID error',
  'row-remap-failure': 'Row remap failure',
  'node-down': 'Node down',
  'site-unreachable': 'Site unreachable',
  'data-stale': 'Stale data',
  residency: 'Residency violation',
};

/** The newest firing critical alert nobody acknowledged yet: what the palette's "Acknowledge" takes. */
export function newestUnackedCritical(alerts: readonly AlertView[]): AlertView | null {
  let best: AlertView | null = null;
  for (const a of alerts) {
    if (a.state !== 'firing' || a.severity !== 'critical' || a.acknowledgedBy !== null) continue;
    if (best === null || a.firstSeen > best.firstSeen) best = a;
  }
  return best;
}
