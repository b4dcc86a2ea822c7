import type { ResidencyAnswer } from '../../../../shared/residency';
import { minuteTicks } from '../../lib/timeTicks';

/**
 * The per-workload timeline's maths (pure): where a stay or a violation sits on the period's axis, as
 * fractions of its width (0 = period start, 1 = period end), and the axis ticks.
 */

export interface Period {
  from: number;
  to: number;
}

export interface Box {
  /** Left edge, 0…1 of the period. */
  x: number;
  /** Width, 0…1 of the period (at least `minWidth`, never past the right edge). */
  w: number;
  /** Still going when the history ends: drawn up to `now`. */
  open: boolean;
}

/**
 * An interval (a stay or a violation) clipped to the period; an open one (to = null) runs to `now`,
 * and never past the period's end. Null when nothing of it lies inside the period. `minWidth` keeps a
 * stay of a few seconds in a 7-day period visible.
 */
export function boxOf(
  interval: { from: number; to: number | null },
  period: Period,
  now: number,
  minWidth = 0,
): Box | null {
  const span = period.to - period.from;
  if (!(span > 0)) return null;
  const open = interval.to === null;
  const start = Math.max(period.from, interval.from);
  const end = Math.min(period.to, open ? Math.max(now, interval.from) : interval.to!);
  if (end < start || start >= period.to || end <= period.from) return null;
  const x = (start - period.from) / span;
  const w = Math.min(Math.max((end - start) / span, minWidth), 1 - x);
  if (w <= 0) return null;
  return { x, w, open };
}

type Violation = ResidencyAnswer['violations'][number];
type Stay = ResidencyAnswer['workloads'][number]['stays'][number];

/** The violations of one workload that overlap one of its stays (same site, overlapping in time). */
export function violationsInStay(
  workload: string,
  stay: Stay,
  violations: readonly Violation[],
  now: number,
): Violation[] {
  const stayEnd = stay.to ?? now;
  return violations.filter(
    (v) =>
      v.workload === workload && v.siteId === stay.siteId && v.from < stayEnd && (v.to ?? now) > stay.from,
  );
}

/**
 * Fills for countries on the dark panel, as many as the answer names (a fleet-wide day can name 20+
 * countries): hues a golden angle apart, two lightnesses alternating, and none near the red that marks
 * a violation. Assigned in sorted-code order, so the same countries always get the same colours; the
 * legend, each bar's title and (when wide enough) its label still name the country.
 */
export function countryColour(index: number): string {
  const RED_GAP = 30; // hues within ±30° of red are kept for violations
  const hue = RED_GAP + ((index * 137.508) % (360 - 2 * RED_GAP));
  const light = index % 2 === 0 ? 62 : 74;
  return `hsl(${hue.toFixed(1)} 65% ${light}%)`;
}

export function countryColours(countries: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(countries)].sort();
  return new Map(sorted.map((c, i) => [c, countryColour(i)]));
}

const DAY = 86_400_000;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** Axis ticks across the period, labelled "HH:MM", with the date when the period spans days. */
export function axisTicks(period: Period, maxTicks = 7): { t: number; x: number; label: string }[] {
  const span = period.to - period.from;
  if (!(span > 0)) return [];
  const withDate = span > DAY;
  // Past 1,440 minutes minuteTicks keeps a daily step; a long custom period keeps every k-th day.
  const all = minuteTicks(period.from, period.to, maxTicks);
  const every = Math.ceil(all.length / maxTicks);
  return all
    .filter((_, i) => i % every === 0)
    .map((t) => {
      const d = new Date(t);
      const clock = `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
      return {
        t,
        x: (t - period.from) / span,
        label: withDate ? `${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${clock}` : clock,
      };
    });
}

/** Where `now` sits on the axis, or null when it is outside the period. */
export function nowMark(period: Period, now: number): number | null {
  if (now <= period.from || now >= period.to) return null;
  return (now - period.from) / (period.to - period.from);
}
