import type { Series } from './domain';

/**
 * Reduces a series to at most `maxPoints` by averaging equal-count buckets (DESIGN.md, Render
 * budget: ≤ 500 points reach recharts). A bucket with no values stays null, so gaps survive.
 */
export function downsampleSeries(s: Series, maxPoints: number): Series {
  const n = s.t.length;
  if (n <= maxPoints) return s;
  const out: Series = { t: [], utilPct: [], powerKw: [] };
  const avg = (arr: (number | null)[], from: number, to: number) => {
    let sum = 0;
    let k = 0;
    for (let i = from; i < to; i++) {
      const v = arr[i];
      if (v !== null && v !== undefined) {
        sum += v;
        k++;
      }
    }
    return k ? sum / k : null;
  };
  for (let b = 0; b < maxPoints; b++) {
    const from = Math.floor((b * n) / maxPoints);
    const to = Math.floor(((b + 1) * n) / maxPoints);
    if (to <= from) continue;
    out.t.push(s.t[to - 1]!);
    out.utilPct.push(avg(s.utilPct, from, to));
    out.powerKw.push(avg(s.powerKw, from, to));
  }
  return out;
}
