import type { AlertSeverity } from '../../../../shared/alerts';
import { formatAge, NO_DATA } from '../../lib/format';
import type { SchedTone } from '../sites/schedulerText';

/** "NVIDIA H100 80GB HBM3" → "H100 80GB HBM3": the vendor is the same on every row; the title keeps it. */
export const shortModel = (model: string): string => model.replace(/^NVIDIA\s+/i, '');

/**
 * The tone of a scheduler state as the node table gets it, one word with flags ("MIXED+DRAIN",
 * "down*"): down or failing reads red, drained or in maintenance amber, the working states green.
 */
export function schedulerTone(state: string | null): SchedTone {
  if (state === null || state === '') return 'muted';
  const s = state.toUpperCase();
  if (/DOWN|FAIL|NOT_RESPONDING|ERROR|UNKNOWN|\*/.test(s)) return 'down';
  if (/DRAIN|MAINT|REBOOT/.test(s)) return 'warn';
  if (/IDLE|MIXED|ALLOC/.test(s)) return 'ok';
  return 'muted';
}

/** Seconds since the node's last scrape → "12 s ago"; never answered → "—". */
export const formatDataAge = (s: number | null): string => (s === null ? NO_DATA : formatAge(s * 1000));

/** "2 firing alerts, worst critical" for the alerts cell's title. */
export function alertsCellTitle(count: number, worst: AlertSeverity | null): string {
  if (count === 0) return 'No firing alerts';
  return `${count} firing alert${count === 1 ? '' : 's'}${worst ? `, worst ${worst}` : ''}`;
}
