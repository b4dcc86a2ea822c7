import type { SiteHealth, SloView } from '../../../../shared/nodes';
import { formatCount, NO_DATA } from '../../lib/format';

/**
 * Availability as DePIN hosts are paid on it (issue 4): uptime this month against 99 %, offline minutes
 * a day against 30. Time the console was not watching is neither up nor down, so a month with no
 * watching says "no data yet" and a day nobody watched is hatched — never 100 % or 0 min.
 */

export type SloTone = 'ok' | 'down' | 'muted';

/**
 * 99.953 → "99.95%". Cut, not rounded, to two decimals, so a figure just under the target never reads
 * as the target ("98.996" → "98.99%", red, not "99.00%"); a full month reads "100%". null → "no data yet".
 */
export function formatUptime(pct: number | null | undefined): string {
  if (typeof pct !== 'number' || !Number.isFinite(pct)) return 'no data yet';
  if (pct >= 100) return '100%';
  return `${(Math.floor(Math.max(0, pct) * 100 + 1e-6) / 100).toFixed(2)}%`;
}

/** Green at or above the target, red below, muted without data. */
export function uptimeTone(pct: number | null | undefined, target: number): SloTone {
  if (typeof pct !== 'number' || !Number.isFinite(pct)) return 'muted';
  return pct >= target ? 'ok' : 'down';
}

/** 95 → "1 h 35 min", 45 → "45 min", 600 → "10 h"; null → "—". */
export function formatMinutes(min: number | null | undefined): string {
  if (typeof min !== 'number' || !Number.isFinite(min)) return NO_DATA;
  const m = Math.max(0, Math.round(min));
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return rest === 0 ? `${formatCount(h)} h` : `${formatCount(h)} h ${rest} min`;
}

/**
 * What the month's figure rests on: "watched 312 h this month", "watched 14 min this month". The core
 * rounds to whole minutes, so a figure (`hasFigure`) with 0 min behind it was watched under a minute.
 */
export function formatWatched(min: number, hasFigure = false): string {
  if (!Number.isFinite(min) || min < 0.5)
    return hasFigure ? 'watched under a minute this month' : 'not watched yet this month';
  if (min < 60) return `watched ${Math.round(min)} min this month`;
  const h = min / 60;
  return `watched ${h < 10 ? h.toFixed(1) : formatCount(Math.round(h))} h this month`;
}

export type DayState = 'ok' | 'over' | 'unwatched' | 'future';

export interface DayBar {
  /** YYYY-MM-DD (UTC). */
  day: string;
  dayOfMonth: number;
  state: DayState;
  offlineMin: number | null;
  watchedMin: number | null;
  /** Bar height, 0–1 of the row's scale. */
  heightFrac: number;
  /** Taller than the scale: drawn full height, marked as cut. */
  clipped: boolean;
  title: string;
}

export interface DayBars {
  bars: DayBar[];
  /** Offline minutes at the top of the row. */
  scaleMin: number;
  /** Where the target line sits, 0–1 of the row's height. */
  lineFrac: number;
  watchedDays: number;
  overDays: number;
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * One bar per day of the current UTC month (the month `atMs` is in): offline minutes against the
 * per-day target. The scale is at least twice the target (the line sits at half height or lower) and
 * at most four times it, so one bad day does not flatten the rest; a taller day is cut and says so.
 */
export function sloDayBars(slo: SloView, atMs: number): DayBars {
  const target = slo.targets.offlineMinPerDay;
  const now = new Date(atMs);
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const daysInMonth = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const today = now.getUTCDate();
  const known = new Map(slo.days.map((d) => [d.day, d]));
  const maxOffline = slo.days.reduce((mx, d) => Math.max(mx, d.offlineMin), 0);
  const scaleMin = Math.min(4 * target, Math.max(2 * target, maxOffline)) || 1;
  let watchedDays = 0;
  let overDays = 0;
  const bars: DayBar[] = [];
  for (let dom = 1; dom <= daysInMonth; dom++) {
    const day = isoDay(Date.UTC(y, m, 1) + (dom - 1) * DAY_MS);
    const d = known.get(day);
    if (dom > today) {
      bars.push(blank(day, dom, 'future', `${day}: still to come`));
      continue;
    }
    if (!d) {
      bars.push(blank(day, dom, 'unwatched', `${day}: not watched (the console was not running)`));
      continue;
    }
    watchedDays++;
    const over = d.offlineMin > target;
    if (over) overDays++;
    bars.push({
      day,
      dayOfMonth: dom,
      state: over ? 'over' : 'ok',
      offlineMin: d.offlineMin,
      watchedMin: d.watchedMin,
      heightFrac: Math.min(1, Math.max(0, d.offlineMin / scaleMin)),
      clipped: d.offlineMin > scaleMin,
      title:
        `${day}${dom === today ? ' (today)' : ''}: ${formatMinutes(d.offlineMin)} offline of ` +
        `${formatMinutes(d.watchedMin)} watched${over ? `, over the ${target}-minute target` : ''}`,
    });
  }
  return { bars, scaleMin, lineFrac: Math.min(1, target / scaleMin), watchedDays, overDays };
}

function blank(day: string, dayOfMonth: number, state: DayState, title: string): DayBar {
  return { day, dayOfMonth, state, offlineMin: null, watchedMin: null, heightFrac: 0, clipped: false, title };
}

/** "2 of 12 watched days over 30 min offline" — the row's accessible summary. */
export function dayBarsSummary(b: DayBars, target: number): string {
  if (b.watchedDays === 0) return 'No day of this month has been watched yet.';
  const days = `${b.watchedDays} watched day${b.watchedDays === 1 ? '' : 's'}`;
  return `Offline minutes per day this month: ${b.overDays} of ${days} over ${target} min.`;
}

export type NodeUptime = SiteHealth['nodes'][number];

/**
 * The nodes with the lowest uptime this month, worst first (ties by hostname); nodes not watched yet
 * have no figure and come last rather than passing for 100 %.
 */
export function lowestUptime(nodes: readonly NodeUptime[], limit = 5): NodeUptime[] {
  // Without data ranks above any percentage; compared by rank, not by subtraction (∞ − ∞ is NaN).
  const rank = (v: number | null) => (v === null || !Number.isFinite(v) ? 1000 : v);
  return [...nodes]
    .sort(
      (a, b) =>
        rank(a.monthUptimePct) - rank(b.monthUptimePct) ||
        a.hostname.localeCompare(b.hostname, 'en', { numeric: true }),
    )
    .slice(0, Math.max(0, limit));
}
