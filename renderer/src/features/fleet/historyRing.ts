import type { Series, SeriesPoint } from '../../../../shared/domain';
import { downsampleMinMax, type XY } from '../../lib/downsample';

/** Raw fleet history kept by the renderer: 15 minutes, at most 900 points (1 Hz). */
export const HISTORY_WINDOW_MS = 15 * 60 * 1000;
export const HISTORY_MAX_POINTS = 900;
/** What reaches recharts, per series (DESIGN.md, "Render budget"). */
export const CHART_MAX_POINTS = 500;

/**
 * A fixed-size columnar ring of history points, kept outside React state: ticks append here and only
 * the downsampled view is written to the store, once per tick. NaN stands for null inside the typed
 * arrays; points are kept in time order and a point not newer than the last one replaces or is dropped.
 */
export class HistoryRing {
  private readonly t: Float64Array;
  private readonly util: Float64Array;
  private readonly power: Float64Array;
  private head = 0; // index of the oldest point
  private size = 0;

  constructor(
    readonly capacity = HISTORY_MAX_POINTS,
    readonly windowMs = HISTORY_WINDOW_MS,
  ) {
    this.t = new Float64Array(capacity);
    this.util = new Float64Array(capacity);
    this.power = new Float64Array(capacity);
  }

  get length(): number {
    return this.size;
  }

  clear(): void {
    this.head = 0;
    this.size = 0;
  }

  lastT(): number | null {
    return this.size === 0 ? null : this.t[this.idx(this.size - 1)]!;
  }

  /** Append one point; returns false when it was older than the newest point and so dropped. */
  append(p: SeriesPoint): boolean {
    const last = this.lastT();
    if (last !== null && p.t < last) return false;
    if (last !== null && p.t === last) {
      this.write(this.idx(this.size - 1), p);
      return true;
    }
    if (this.size === this.capacity) {
      this.head = (this.head + 1) % this.capacity;
      this.size--;
    }
    this.write(this.idx(this.size), p);
    this.size++;
    this.trim();
    return true;
  }

  /**
   * Replace the content with a fetched series, keeping any points already held that are newer than the
   * series' end (ticks that arrived while the history call was in flight).
   */
  load(series: Series): void {
    const newer = this.points().filter((p) => p.t > (series.t[series.t.length - 1] ?? -Infinity));
    this.clear();
    const n = Math.min(series.t.length, series.utilPct.length, series.powerKw.length);
    for (let i = 0; i < n; i++)
      this.append({
        t: series.t[i]!,
        utilPct: series.utilPct[i] ?? null,
        powerKw: series.powerKw[i] ?? null,
      });
    for (const p of newer) this.append(p);
  }

  points(): SeriesPoint[] {
    const out: SeriesPoint[] = [];
    for (let i = 0; i < this.size; i++) {
      const k = this.idx(i);
      out.push({ t: this.t[k]!, utilPct: orNull(this.util[k]!), powerKw: orNull(this.power[k]!) });
    }
    return out;
  }

  /** The two chart series, each downsampled to at most `maxPoints`. */
  chartSeries(maxPoints = CHART_MAX_POINTS): { util: XY[]; power: XY[] } {
    const util: XY[] = new Array<XY>(this.size);
    const power: XY[] = new Array<XY>(this.size);
    for (let i = 0; i < this.size; i++) {
      const k = this.idx(i);
      const t = this.t[k]!;
      util[i] = { t, v: orNull(this.util[k]!) };
      power[i] = { t, v: orNull(this.power[k]!) };
    }
    return { util: downsampleMinMax(util, maxPoints), power: downsampleMinMax(power, maxPoints) };
  }

  private idx(i: number): number {
    return (this.head + i) % this.capacity;
  }

  private write(k: number, p: SeriesPoint): void {
    this.t[k] = p.t;
    this.util[k] = p.utilPct ?? NaN;
    this.power[k] = p.powerKw ?? NaN;
  }

  /** Drop points older than the window, measured from the newest point. */
  private trim(): void {
    const last = this.lastT();
    if (last === null) return;
    while (this.size > 0 && this.t[this.head]! < last - this.windowMs) {
      this.head = (this.head + 1) % this.capacity;
      this.size--;
    }
  }
}

const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);
