import type { TimelineEvent } from '../../../../shared/nodes';

/**
 * The node timeline's layout: events newest first under one header per local hour ("Today 14:00",
 * "Yesterday 23:00", "12 Mar 09:00"), so a long night reads as a few blocks on one time axis.
 */
export interface TimelineGroup {
  /** Epoch ms of the hour's start (local time); also the React key. */
  hour: number;
  label: string;
  events: TimelineEvent[];
}

const HOUR = 3_600_000;
const pad2 = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function startOfHour(t: number): number {
  const d = new Date(t);
  d.setMinutes(0, 0, 0);
  return d.getTime();
}

function startOfDay(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** "Today 14:00", "Yesterday 23:00", "12 Mar 09:00", relative to `now` in local time. */
export function hourLabel(hour: number, now: number): string {
  const d = new Date(hour);
  const clock = `${pad2(d.getHours())}:00`;
  const days = Math.round((startOfDay(now) - startOfDay(hour)) / (24 * HOUR));
  if (days === 0) return `Today ${clock}`;
  if (days === 1) return `Yesterday ${clock}`;
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${clock}`;
}

/** Newest first whatever order they came in (ties keep their order), grouped by local hour. */
export function groupTimeline(events: readonly TimelineEvent[], now: number): TimelineGroup[] {
  const sorted = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.t - a.e.t || a.i - b.i)
    .map((x) => x.e);
  const groups: TimelineGroup[] = [];
  for (const e of sorted) {
    const hour = startOfHour(e.t);
    const last = groups[groups.length - 1];
    if (last && last.hour === hour) last.events.push(e);
    else groups.push({ hour, label: hourLabel(hour, now), events: [e] });
  }
  return groups;
}

/** The mark and words of each kind; the text carries the meaning, the colour helps scanning. */
export const TIMELINE_KIND: Record<TimelineEvent['kind'], { icon: string; word: string }> = {
  alert: { icon: '▲', word: 'Alert' },
  'alert-resolved': { icon: '✓', word: 'Resolved' },
  state: { icon: '◆', word: 'State' },
  action: { icon: '●', word: 'Action' },
  ssh: { icon: '›_', word: 'SSH' },
  workload: { icon: '⇄', word: 'Workload' },
};
