import type { NodeDetail } from '../../../../shared/nodes';

export type GpuSeries = NodeDetail['series'][number];
export type GpuMetric = 'utilPct' | 'powerW' | 'tempC';

/** One chart row: its time and one value (or a gap) per GPU line, keyed `g<index>`. */
export type ChartRow = { t: number } & Record<string, number | null>;

export interface GpuLine {
  key: string;
  label: string;
  /** GPU index, or the series' position when the exporter gave none. */
  index: number;
}

export interface GpuChartData {
  rows: ChartRow[];
  lines: GpuLine[];
}

/** Points per chart: eight lines × this stays far inside the render budget (DESIGN.md). */
export const NODE_CHART_POINTS = 300;

export const gpuLines = (series: readonly GpuSeries[]): GpuLine[] =>
  series.map((s, i) => {
    const index = s.index ?? i;
    return { key: `g${index}`, label: `GPU ${s.index ?? `#${i + 1}`}`, index };
  });

/**
 * The samples of every GPU for one metric over the last `windowMs` before `end`, as rows recharts can
 * draw one line per GPU from. Longer than `maxPoints`, rows are bucketed by position, each GPU keeping
 * its highest value in the bucket (a spike in heat or power must survive), or a gap if it had none.
 */
export function gpuChartData(
  series: readonly GpuSeries[],
  metric: GpuMetric,
  windowMs: number,
  end: number,
  maxPoints = NODE_CHART_POINTS,
): GpuChartData {
  const lines = gpuLines(series);
  const from = end - windowMs;
  const byTime = new Map<number, ChartRow>();
  series.forEach((s, i) => {
    const key = lines[i]!.key;
    const values = s[metric];
    for (let j = 0; j < s.t.length; j++) {
      const t = s.t[j]!;
      if (t < from || t > end) continue;
      let row = byTime.get(t);
      if (!row) {
        row = { t } as ChartRow;
        for (const l of lines) row[l.key] = null;
        byTime.set(t, row);
      }
      row[key] = values[j] ?? null;
    }
  });
  const rows = [...byTime.values()].sort((a, b) => a.t - b.t);
  return { rows: rows.length <= maxPoints ? rows : bucketMax(rows, lines, maxPoints), lines };
}

function bucketMax(rows: readonly ChartRow[], lines: readonly GpuLine[], buckets: number): ChartRow[] {
  const out: ChartRow[] = [];
  const size = rows.length / buckets;
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size);
    const stop = Math.min(rows.length, Math.floor((b + 1) * size));
    if (stop <= start) continue;
    const row = { t: rows[start]!.t } as ChartRow;
    for (const l of lines) {
      let max: number | null = null;
      for (let i = start; i < stop; i++) {
        const v = rows[i]![l.key];
        if (v !== null && v !== undefined && (max === null || v > max)) max = v;
      }
      row[l.key] = max;
    }
    out.push(row);
  }
  return out;
}

/** How much history the series hold, in ms (the core keeps about 15 minutes at full resolution). */
export function seriesSpanMs(series: readonly GpuSeries[]): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    if (s.t.length === 0) continue;
    lo = Math.min(lo, s.t[0]!);
    hi = Math.max(hi, s.t[s.t.length - 1]!);
  }
  return hi >= lo ? hi - lo : 0;
}
