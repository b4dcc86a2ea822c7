import type { GpuReading } from './dcgm';
import { GpuSampleRings, type GpuSeries } from './gpuSampleRings';

export type { GpuSeries } from './gpuSampleRings';

/**
 * Every GPU's latest readings and retained samples, keyed by GPU UUID (DESIGN.md, "Data flow").
 * The latest values are kept at full precision for rollups and alerts; the history is quantised to
 * sensor precision and packed per node (gpuSampleRings.ts: ≈ 1.42 bytes per retained sample).
 */

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

export class TelemetryStore {
  private readonly slots = new Map<string, number>();
  private readonly metas: GpuMeta[] = [];
  private size = 0;
  private allocated = 0;
  private readonly rings: GpuSampleRings;
  // Latest values at full precision for rollups.
  private lastT = new Float64Array(0);
  private lastUtil = new Float32Array(0);
  private lastPower = new Float32Array(0);
  private lastTemp = new Float32Array(0);
  private lastXid = new Int32Array(0);
  private detail = new Float32Array(0);

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 2) throw new Error('capacity must be an integer ≥ 2');
    this.rings = new GpuSampleRings(capacity);
  }

  get gpuCount(): number {
    return this.size;
  }

  /**
   * Returns the GPU's slot, creating it on first sight. A GPU that turns up on another node moves there
   * (its history stays with the old node) — unless its old node reported it within the last minute
   * before `atMs`: then two nodes report one UUID (an exporter listed twice), and it stays where it was
   * first seen rather than losing its history on every round.
   */
  slotFor(meta: GpuMeta, atMs?: number): number {
    const existing = this.slots.get(meta.uuid);
    if (existing !== undefined) {
      const was = this.metas[existing]!;
      if (was.siteId !== meta.siteId || was.hostname !== meta.hostname) {
        const seen = this.lastT[existing]!;
        if (atMs !== undefined && !Number.isNaN(seen) && Math.abs(atMs - seen) < 60_000) return existing;
        this.rings.assign(existing, nodeKey(meta));
      }
      this.metas[existing] = meta;
      return existing;
    }
    if (this.size === this.allocated) this.grow(Math.max(64, this.allocated * 2));
    const slot = this.size++;
    this.slots.set(meta.uuid, slot);
    this.metas[slot] = meta;
    this.rings.assign(slot, nodeKey(meta));
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
    this.rings.record(slot, tMs, r);
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
    return this.rings.series(slot, sinceMs);
  }

  /** Bytes held by the sample rings (what issue 10's "bytes per retained sample" measures). */
  get ringBytes(): number {
    return this.rings.bytes;
  }

  private grow(slots: number): void {
    const g = <T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array>(
      old: T,
      make: (n: number) => T,
      per: number,
    ): T => {
      const next = make(slots * per);
      next.set(old);
      return next;
    };
    this.lastT = g(this.lastT, (n) => new Float64Array(n).fill(NaN), 1);
    this.lastUtil = g(this.lastUtil, (n) => new Float32Array(n).fill(NaN), 1);
    this.lastPower = g(this.lastPower, (n) => new Float32Array(n).fill(NaN), 1);
    this.lastTemp = g(this.lastTemp, (n) => new Float32Array(n).fill(NaN), 1);
    this.lastXid = g(this.lastXid, (n) => new Int32Array(n).fill(-1), 1);
    this.detail = g(this.detail, (n) => new Float32Array(n).fill(NaN), NDETAIL);
    this.allocated = slots;
  }
}

const nodeKey = (m: GpuMeta) => `${m.siteId}\u0000${m.hostname}`;
