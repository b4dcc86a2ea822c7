import type { GpuReading } from './dcgm';

/**
 * Per-GPU ring buffers in typed arrays, keyed by GPU UUID (DESIGN.md, "Data flow").
 * Samples are quantised where precision beyond the sensor's is noise: utilisation to 1 % (DCGM
 * reports integers), power to 0.1 W, temperature to 1 °C. Each quantised array reserves its top
 * value as "missing", so a gap stays a gap and never reads back as zero.
 * Cost: 4 bytes per GPU sample plus 4 bytes per sample time.
 */

const MISSING_U8 = 255;
const MISSING_U16 = 65535;

export interface GpuMeta {
  uuid: string;
  siteId: string;
  hostname: string;
  gpuIndex: number | null;
  model: string | null;
}

export interface GpuLatest {
  /** Epoch ms of the sample; NaN if the GPU never reported. */
  t: number;
  utilPct: number | null;
  powerW: number | null;
  tempC: number | null;
  xid: number | null;
}

/** The latest of the fields only the node page shows, at full precision; null = not reported. */
export const DETAIL_FIELDS = [
  'memTempC',
  'fbUsedMiB',
  'fbFreeMiB',
  'smClockMHz',
  'memClockMHz',
  'rowRemapFailure',
  'powerLimitW',
] as const;
export type GpuDetail = Record<(typeof DETAIL_FIELDS)[number], number | null>;
const NDETAIL = DETAIL_FIELDS.length;

export interface GpuSeries {
  t: number[];
  utilPct: (number | null)[];
  powerW: (number | null)[];
  tempC: (number | null)[];
}

const q8 = (v: number | null, max = 254) =>
  v === null || !Number.isFinite(v) ? MISSING_U8 : Math.max(0, Math.min(max, Math.round(v)));
const q16 = (v: number | null) =>
  v === null || !Number.isFinite(v) ? MISSING_U16 : Math.max(0, Math.min(65534, Math.round(v * 10)));
const d8 = (v: number) => (v === MISSING_U8 ? null : v);
const d16 = (v: number) => (v === MISSING_U16 ? null : v / 10);

export class TelemetryStore {
  private readonly slots = new Map<string, number>();
  private readonly metas: GpuMeta[] = [];
  private size = 0;
  private allocated = 0;
  private times = new Uint32Array(0); // seconds since epoch
  private util = new Uint8Array(0);
  private power = new Uint16Array(0); // deci-watts
  private temp = new Uint8Array(0);
  private head = new Int32Array(0); // next write position within the slot's ring
  private count = new Int32Array(0);
  // Latest values at full precision for rollups.
  private lastT = new Float64Array(0);
  private lastUtil = new Float32Array(0);
  private lastPower = new Float32Array(0);
  private lastTemp = new Float32Array(0);
  private lastXid = new Int32Array(0);
  private detail = new Float32Array(0);

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 2) throw new Error('capacity must be an integer ≥ 2');
  }

  get gpuCount(): number {
    return this.size;
  }

  /** Returns the GPU's slot, creating it on first sight. */
  slotFor(meta: GpuMeta): number {
    const existing = this.slots.get(meta.uuid);
    if (existing !== undefined) {
      this.metas[existing] = meta;
      return existing;
    }
    if (this.size === this.allocated) this.grow(Math.max(64, this.allocated * 2));
    const slot = this.size++;
    this.slots.set(meta.uuid, slot);
    this.metas[slot] = meta;
    this.lastT[slot] = NaN;
    this.lastUtil[slot] = NaN;
    this.lastPower[slot] = NaN;
    this.lastTemp[slot] = NaN;
    this.lastXid[slot] = -1;
    return slot;
  }

  meta(slot: number): GpuMeta | undefined {
    return this.metas[slot];
  }

  slotOf(uuid: string): number | undefined {
    return this.slots.get(uuid);
  }

  record(
    slot: number,
    tMs: number,
    r: Pick<GpuReading, 'utilPct' | 'powerW' | 'tempC' | 'xid'> & Partial<GpuDetail>,
  ): void {
    const cap = this.capacity;
    const pos = slot * cap + this.head[slot]!;
    this.times[pos] = Math.floor(tMs / 1000);
    this.util[pos] = q8(r.utilPct, 100);
    this.power[pos] = q16(r.powerW);
    this.temp[pos] = q8(r.tempC);
    this.head[slot] = (this.head[slot]! + 1) % cap;
    if (this.count[slot]! < cap) this.count[slot]!++;
    this.lastT[slot] = tMs;
    this.lastUtil[slot] = r.utilPct ?? NaN;
    this.lastPower[slot] = r.powerW ?? NaN;
    this.lastTemp[slot] = r.tempC ?? NaN;
    this.lastXid[slot] = r.xid ?? -1;
    for (let i = 0; i < NDETAIL; i++) this.detail[slot * NDETAIL + i] = r[DETAIL_FIELDS[i]!] ?? NaN;
  }

  /** One detail field's latest value, without building the whole record (alerts read two per GPU per tick). */
  detailOf(slot: number, field: (typeof DETAIL_FIELDS)[number]): number | null {
    const v = this.detail[slot * NDETAIL + DETAIL_FIELDS.indexOf(field)]!;
    return Number.isNaN(v) ? null : v;
  }

  /** The GPU's last XID value (0 = none since the driver loaded); null when never reported. */
  xidOf(slot: number): number | null {
    return this.lastXid[slot]! < 0 ? null : this.lastXid[slot]!;
  }

  latestDetail(slot: number): GpuDetail {
    const out = {} as GpuDetail;
    for (let i = 0; i < NDETAIL; i++) {
      const v = this.detail[slot * NDETAIL + i]!;
      out[DETAIL_FIELDS[i]!] = Number.isNaN(v) ? null : v;
    }
    return out;
  }

  latest(slot: number): GpuLatest {
    const n = (v: number) => (Number.isNaN(v) ? null : v);
    return {
      t: this.lastT[slot]!,
      utilPct: n(this.lastUtil[slot]!),
      powerW: n(this.lastPower[slot]!),
      tempC: n(this.lastTemp[slot]!),
      xid: this.lastXid[slot]! < 0 ? null : this.lastXid[slot]!,
    };
  }

  /** Raw latest arrays for allocation-free rollups over many slots. */
  get latestArrays() {
    return { t: this.lastT, util: this.lastUtil, power: this.lastPower, temp: this.lastTemp };
  }

  /** The retained samples of one GPU with time ≥ sinceMs, oldest first. */
  series(slot: number, sinceMs = 0): GpuSeries {
    const cap = this.capacity;
    const c = this.count[slot]!;
    const start = (this.head[slot]! - c + cap) % cap;
    const out: GpuSeries = { t: [], utilPct: [], powerW: [], tempC: [] };
    const since = Math.floor(sinceMs / 1000);
    for (let k = 0; k < c; k++) {
      const pos = slot * cap + ((start + k) % cap);
      if (this.times[pos]! < since) continue;
      out.t.push(this.times[pos]! * 1000);
      out.utilPct.push(d8(this.util[pos]!));
      out.powerW.push(d16(this.power[pos]!));
      out.tempC.push(d8(this.temp[pos]!));
    }
    return out;
  }

  /** Bytes held by the sample rings (what issue 10's "bytes per retained sample" measures). */
  get ringBytes(): number {
    return this.times.byteLength + this.util.byteLength + this.power.byteLength + this.temp.byteLength;
  }

  private grow(slots: number): void {
    const cap = this.capacity;
    const g = <T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array>(
      old: T,
      make: (n: number) => T,
      per: number,
    ): T => {
      const next = make(slots * per);
      next.set(old);
      return next;
    };
    this.times = g(this.times, (n) => new Uint32Array(n), cap);
    this.util = g(this.util, (n) => new Uint8Array(n).fill(MISSING_U8), cap);
    this.power = g(this.power, (n) => new Uint16Array(n).fill(MISSING_U16), cap);
    this.temp = g(this.temp, (n) => new Uint8Array(n).fill(MISSING_U8), cap);
    this.head = g(this.head, (n) => new Int32Array(n), 1);
    this.count = g(this.count, (n) => new Int32Array(n), 1);
    this.lastT = g(this.lastT, (n) => new Float64Array(n).fill(NaN), 1);
    this.lastUtil = g(this.lastUtil, (n) => new Float32Array(n).fill(NaN), 1);
    this.lastPower = g(this.lastPower, (n) => new Float32Array(n).fill(NaN), 1);
    this.lastTemp = g(this.lastTemp, (n) => new Float32Array(n).fill(NaN), 1);
    this.lastXid = g(this.lastXid, (n) => new Int32Array(n).fill(-1), 1);
    this.detail = g(this.detail, (n) => new Float32Array(n).fill(NaN), NDETAIL);
    this.allocated = slots;
  }
}
