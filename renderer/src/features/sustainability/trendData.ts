import type { SustainabilitySummary } from '../../../../shared/sustainability';
import { minuteTicks } from '../../lib/timeTicks';
import { MONTHS, clock, dayMonth } from './wasteFormat';

type Trend = SustainabilitySummary['trend'];

/** A stacked chart stays legible (and cheap: DESIGN.md, "Render budget") with this many series. */
export const MAX_TREND_SERIES = 8;

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

const PALETTE = ['#58a6ff', '#56d4bc', '#e3b341', '#bc8cff', '#f778ba', '#a5d6ff', '#ffa657'];
export const OTHER_COLOR = '#6e7681';

export interface TrendSeries {
  /** The site id (or "other"). */
  key: string;
  label: string;
  /** Field of each row: "s0", "s1"… — site ids may hold dots, which recharts reads as paths. */
  dataKey: string;
  color: string;
}

export type TrendRow = { t: number } & Record<string, number | null>;

export interface TrendShape {
  rows: TrendRow[];
  series: TrendSeries[];
  /**
   * Minute buckets are a stacked area; hour and day buckets are bars: there are few of them, and an
   * area cannot draw a bucket that has no measured neighbour (the first hour of readings).
   */
  kind: 'area' | 'bar';
  /** Any bucket with a measured value: otherwise the chart says so instead of drawing zeros. */
  hasValue: boolean;
  ticks: number[];
}

const sumKnown = (vs: readonly (number | null | undefined)[]): number | null => {
  let sum = 0;
  let any = false;
  for (const v of vs)
    if (typeof v === 'number') {
      sum += v;
      any = true;
    }
  return any ? sum : null;
};

/**
 * The summary's trend as rows for recharts, one per bucket, with a field per series. Beyond
 * MAX_TREND_SERIES the tail is folded into one "other" series; a bucket where none of the folded
 * series has a value stays null (a gap), never 0.
 */
export function shapeTrend(trend: Trend): TrendShape {
  let input = trend.series;
  if (input.length > MAX_TREND_SERIES) {
    const keep = input.slice(0, MAX_TREND_SERIES - 1);
    const rest = input.slice(MAX_TREND_SERIES - 1);
    const restSites = rest.reduce((n, s) => n + (s.key === 'other' ? otherCount(s.label) : 1), 0);
    input = [
      ...keep,
      {
        key: 'other',
        label: `${restSites} other sites`,
        idleKwh: trend.t.map((_, i) => sumKnown(rest.map((s) => s.idleKwh[i]))),
      },
    ];
  }
  let colour = 0;
  const series: TrendSeries[] = input.map((s, i) => ({
    key: s.key,
    label: s.label,
    dataKey: `s${i}`,
    color: s.key === 'other' ? OTHER_COLOR : PALETTE[colour++ % PALETTE.length]!,
  }));
  let hasValue = false;
  const rows: TrendRow[] = trend.t.map((t, i) => {
    const row: TrendRow = { t } as TrendRow;
    input.forEach((s, j) => {
      const v = s.idleKwh[i];
      const value = typeof v === 'number' && Number.isFinite(v) ? v : null;
      if (value !== null) hasValue = true;
      row[`s${j}`] = value;
    });
    return row;
  });
  return {
    rows,
    series,
    kind: trend.bucketMs >= HOUR ? 'bar' : 'area',
    hasValue,
    ticks: trendTicks(trend.t, trend.bucketMs),
  };
}

/** "12 other sites" → 12; anything else counts as one. */
function otherCount(label: string): number {
  const n = Number.parseInt(label, 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

const HOUR_STEPS = [1, 2, 3, 6, 12, 24, 48, 72, 168];
const DAY_STEPS = [1, 2, 5, 7, 10, 15];

/**
 * Axis ticks on bucket starts that read as round times: whole minutes, hours whose local hour is a
 * multiple of the step (midnights for steps of a day or more), every n-th day.
 */
export function trendTicks(t: readonly number[], bucketMs: number, maxTicks = 7): number[] {
  const first = t[0];
  const last = t[t.length - 1];
  if (first === undefined || last === undefined) return [];
  if (bucketMs < HOUR) return minuteTicks(first, last, maxTicks);
  if (bucketMs < DAY) {
    const spanH = (last - first) / HOUR;
    const step = HOUR_STEPS.find((s) => spanH / s <= maxTicks) ?? HOUR_STEPS[HOUR_STEPS.length - 1]!;
    if (step < 24) return t.filter((x) => new Date(x).getHours() % step === 0);
    const midnights = t.filter((x) => new Date(x).getHours() === 0);
    return midnights.filter((_, i) => i % (step / 24) === 0);
  }
  const step = DAY_STEPS.find((s) => t.length / s <= maxTicks) ?? DAY_STEPS[DAY_STEPS.length - 1]!;
  return t.filter((_, i) => i % step === 0);
}

/** UTC "12 Mar": the ledger's day buckets are UTC days. */
function utcDayMonth(t: number): string {
  const d = new Date(t);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** An axis label for a bucket start: "14:05" (minutes), "14:00" or "12 Mar" at midnight (hours), "12 Mar" (days). */
export function formatTrendTick(t: number, bucketMs: number): string {
  if (bucketMs < HOUR) return clock(t);
  if (bucketMs < DAY) return new Date(t).getHours() === 0 ? dayMonth(t) : clock(t);
  return utcDayMonth(t);
}

/** What one bucket covers, for the tooltip: "14:05–14:06", "12 Mar 14:00–15:00", "12 Mar (UTC day)". */
export function formatBucket(t: number, bucketMs: number): string {
  if (bucketMs >= DAY) return `${utcDayMonth(t)} (UTC day)`;
  const span = `${clock(t)}–${clock(t + bucketMs)}`;
  return bucketMs < HOUR ? span : `${dayMonth(t)} ${span}`;
}

/** "minute", "hour", "day" — for the chart's title. */
export function bucketWord(bucketMs: number): string {
  return bucketMs >= DAY ? 'day' : bucketMs >= HOUR ? 'hour' : bucketMs >= MINUTE ? 'minute' : 'bucket';
}

/** Each bucket's stack height: [bucket start, fleet idle kWh or null when nothing was measured]. */
export function fleetPerBucket(shape: Pick<TrendShape, 'rows' | 'series'>): [number, number | null][] {
  return shape.rows.map((r) => [r.t, sumKnown(shape.series.map((s) => r[s.dataKey]))]);
}
