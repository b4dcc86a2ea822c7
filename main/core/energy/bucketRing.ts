/**
 * Fixed time buckets in one Float64Array: `count` buckets of `bucketMs`, each with `fields` sums.
 * A bucket is reused when time wraps round to it, so memory is fixed whatever the uptime. Float64
 * because energy arrives in tiny increments (a GPU-second at 70 W is 2e-5 kWh) that a Float32 sum of
 * a busy site's minute would round away.
 */
export class BucketRing {
  private readonly data: Float64Array;
  /** The absolute bucket number held in each position; NaN = never written. */
  private readonly stamps: Float64Array;

  constructor(
    readonly bucketMs: number,
    readonly count: number,
    readonly fields: number,
  ) {
    this.data = new Float64Array(count * fields);
    this.stamps = new Float64Array(count).fill(NaN);
  }

  get spanMs(): number {
    return this.bucketMs * this.count;
  }

  private pos(bucket: number): number {
    const p = bucket % this.count;
    if (this.stamps[p] !== bucket) {
      this.stamps[p] = bucket;
      this.data.fill(0, p * this.fields, (p + 1) * this.fields);
    }
    return p;
  }

  add(tMs: number, field: number, value: number): void {
    this.data[this.pos(Math.floor(tMs / this.bucketMs)) * this.fields + field]! += value;
  }

  /**
   * Spreads `value` over [fromMs, toMs) in proportion to each bucket's overlap — for energy learned
   * late (an idle run only counts once it has lasted the idle window) but drawn over that span.
   * The part older than the ring's reach is dropped.
   */
  addSpread(fromMs: number, toMs: number, field: number, value: number, nowMs = toMs): void {
    if (toMs <= fromMs) {
      this.add(toMs, field, value);
      return;
    }
    // The newest bucket is the one holding the last millisecond of the span (toMs is exclusive).
    const oldest = (Math.floor((nowMs - 1) / this.bucketMs) - this.count + 1) * this.bucketMs;
    const span = toMs - fromMs;
    for (let b = Math.floor(fromMs / this.bucketMs); b * this.bucketMs < toMs; b++) {
      const start = Math.max(fromMs, b * this.bucketMs);
      const end = Math.min(toMs, (b + 1) * this.bucketMs);
      if (end <= start || b * this.bucketMs < oldest) continue;
      this.data[this.pos(b) * this.fields + field]! += (value * (end - start)) / span;
    }
  }

  /** Sum of one field over the buckets that start within [fromMs, toMs). */
  sum(fromMs: number, toMs: number, field: number): number {
    let s = 0;
    const first = Math.ceil(fromMs / this.bucketMs);
    const last = Math.ceil(toMs / this.bucketMs) - 1;
    for (let b = Math.max(first, last - this.count + 1); b <= last; b++) {
      const p = b % this.count;
      if (this.stamps[p] === b) s += this.data[p * this.fields + field]!;
    }
    return s;
  }

  /** Per-bucket values of one field for buckets starting in [fromMs, toMs); unwritten buckets are null. */
  series(fromMs: number, toMs: number, field: number): { t: number; v: number | null }[] {
    const out: { t: number; v: number | null }[] = [];
    const first = Math.ceil(fromMs / this.bucketMs);
    const last = Math.ceil(toMs / this.bucketMs) - 1;
    for (let b = Math.max(first, last - this.count + 1); b <= last; b++) {
      const p = b % this.count;
      out.push({
        t: b * this.bucketMs,
        v: this.stamps[p] === b ? this.data[p * this.fields + field]! : null,
      });
    }
    return out;
  }

  /** The earliest bucket start still held, or null when empty. */
  get oldestMs(): number | null {
    let min = Infinity;
    for (const s of this.stamps) if (s < min) min = s;
    return Number.isFinite(min) ? min * this.bucketMs : null;
  }

  toJSON(): { bucketMs: number; count: number; fields: number; stamps: string; data: string } {
    return {
      bucketMs: this.bucketMs,
      count: this.count,
      fields: this.fields,
      stamps: Buffer.from(this.stamps.buffer).toString('base64'),
      data: Buffer.from(this.data.buffer).toString('base64'),
    };
  }

  /** Fills this ring from one saved by toJSON; false (and left as it was) when the shape differs. */
  load(v: unknown): boolean {
    if (typeof v !== 'object' || v === null) return false;
    const o = v as Record<string, unknown>;
    if (o.bucketMs !== this.bucketMs || o.count !== this.count || o.fields !== this.fields) return false;
    if (typeof o.stamps !== 'string' || typeof o.data !== 'string') return false;
    const stamps = Buffer.from(o.stamps, 'base64');
    const data = Buffer.from(o.data, 'base64');
    if (stamps.byteLength !== this.stamps.byteLength || data.byteLength !== this.data.byteLength)
      return false;
    // Copied through a fresh buffer: a decoded Buffer may sit at an offset a Float64Array cannot view.
    this.stamps.set(new Float64Array(new Uint8Array(stamps).buffer));
    this.data.set(new Float64Array(new Uint8Array(data).buffer));
    return true;
  }
}
