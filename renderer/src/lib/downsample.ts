/** One chart point: epoch-ms time and a value that may be a gap (null). */
export interface XY {
  t: number;
  v: number | null;
}

/**
 * Min/max bucket downsampling that keeps gaps (DESIGN.md, "Render budget": ≤ 500 points per series).
 * Each bucket contributes its minimum and maximum in time order, so spikes survive, plus one null point
 * when the bucket holds any gap, so recharts (connectNulls={false}) still draws the gap. At most three
 * points per bucket, so the output never exceeds `maxPoints`.
 */
export function downsampleMinMax(points: readonly XY[], maxPoints: number): XY[] {
  const n = points.length;
  if (n <= maxPoints) return points.slice();
  const buckets = Math.max(1, Math.floor(maxPoints / 3));
  const size = n / buckets;
  const out: XY[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size);
    const end = Math.min(n, Math.floor((b + 1) * size));
    let min: XY | null = null;
    let max: XY | null = null;
    let gap: XY | null = null;
    for (let i = start; i < end; i++) {
      const p = points[i]!;
      if (p.v === null) {
        gap ??= p;
        continue;
      }
      if (min === null || p.v < (min.v as number)) min = p;
      if (max === null || p.v > (max.v as number)) max = p;
    }
    const picked: XY[] = [];
    if (min) picked.push(min);
    if (max && max !== min) picked.push(max);
    if (gap) picked.push(gap);
    picked.sort((a, b2) => a.t - b2.t);
    out.push(...picked);
  }
  return out;
}

/** Column series (as the contract sends them) → one point array per metric. */
export function columnToPoints(t: readonly number[], values: readonly (number | null)[]): XY[] {
  const n = Math.min(t.length, values.length);
  const out: XY[] = new Array<XY>(n);
  for (let i = 0; i < n; i++) out[i] = { t: t[i]!, v: values[i] ?? null };
  return out;
}
