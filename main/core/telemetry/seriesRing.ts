import type { Series, SeriesPoint } from '../../../shared/domain';
import { downsampleSeries } from '../../../shared/downsample';

/** A fixed-size ring of rollup points (per site, and for the fleet), one per tick. */
export class SeriesRing {
  private readonly t: Float64Array;
  private readonly util: Float32Array;
  private readonly power: Float32Array;
  private head = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.t = new Float64Array(capacity);
    this.util = new Float32Array(capacity);
    this.power = new Float32Array(capacity);
  }

  push(p: SeriesPoint): void {
    this.t[this.head] = p.t;
    this.util[this.head] = p.utilPct ?? NaN;
    this.power[this.head] = p.powerKw ?? NaN;
    this.head = (this.head + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
  }

  /** Points with t ≥ sinceMs, oldest first, reduced to at most maxPoints. */
  window(sinceMs: number, maxPoints: number): Series {
    const out: Series = { t: [], utilPct: [], powerKw: [] };
    const start = (this.head - this.count + this.capacity) % this.capacity;
    const n = (v: number) => (Number.isNaN(v) ? null : Math.round(v * 1000) / 1000);
    for (let k = 0; k < this.count; k++) {
      const i = (start + k) % this.capacity;
      if (this.t[i]! < sinceMs) continue;
      out.t.push(this.t[i]!);
      out.utilPct.push(n(this.util[i]!));
      out.powerKw.push(n(this.power[i]!));
    }
    return downsampleSeries(out, maxPoints);
  }
}
