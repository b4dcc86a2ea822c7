/**
 * The retained samples of every GPU: the last `capacity` scrape rounds of each node, packed.
 *
 * Why this shape (issue 10, "bytes per retained sample"): a node's GPUs are scraped together, so a
 * round's time is kept once per node, not once per GPU, and as a 2-byte step from the node's previous
 * round (seconds). Each GPU point is then 4 bytes — utilisation (1 % in a byte), power (0.1 W in two),
 * temperature (1 °C in a byte) — each reserving its top value as "missing", so a gap reads back as a
 * gap, never as zero. Storage grows in fixed chunks of GPUs and nodes, never by doubling. At 8 GPUs a
 * node that is 4 + 2/8 = 4.25 bytes per GPU point, 1.42 bytes per retained sample (three per point).
 *
 * A GPU a node stops reporting in a round it scraped reads as missing at that round's time; a GPU that
 * joins a node later has no points before it joined. A round dated up to a minute before the node's
 * newest (an exporter's own stamp moving back, which the console accepts within a minute) is folded
 * into that newest round; a clock stepping back further, or a silence longer than a 2-byte step (18 h),
 * starts the node's rings afresh — older points are dropped rather than misdated.
 */

export const MISSING_U8 = 255;
export const MISSING_U16 = 65535;
const MAX_STEP_S = 65534;
/** How far back a round may be dated and still be folded into the node's newest one (seconds). */
const FOLD_BACK_S = 60;
/** GPUs (and nodes) per storage chunk: small enough that the last, partly used chunk costs < 0.2 % at fleet scale. */
const CHUNK = 256;

export interface GpuPoint {
  utilPct: number | null;
  powerW: number | null;
  tempC: number | null;
}

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

/** Int32 per-index arrays that grow by doubling (per GPU or node, not per sample: a few bytes each). */
class IntColumn {
  data = new Int32Array(64);
  at(i: number): number {
    return this.data[i]!;
  }
  set(i: number, v: number): void {
    if (i >= this.data.length) {
      const next = new Int32Array(Math.max(this.data.length * 2, i + 1));
      next.set(this.data);
      this.data = next;
    }
    this.data[i] = v;
  }
}

export class GpuSampleRings {
  private readonly nodeIds = new Map<string, number>();
  private readonly members: number[][] = [];
  // Per node: ring head, points held, rounds ever pushed, newest round (epoch s).
  private readonly nodeHead = new IntColumn();
  private readonly nodeCount = new IntColumn();
  private readonly nodeSeq = new IntColumn();
  private nodeLastS = new Float64Array(64);
  // Per GPU: its node, and the first round it may be read from.
  private readonly gpuNode = new IntColumn();
  private readonly gpuFirstSeq = new IntColumn();
  private readonly steps: Uint16Array[] = [];
  private readonly util: Uint8Array[] = [];
  private readonly power: Uint16Array[] = [];
  private readonly temp: Uint8Array[] = [];
  private gpus = 0;

  constructor(readonly capacity: number) {}

  /** Puts GPU `slot` (slots are dense, from 0) on node `nodeKey`; moving it to another node forgets its points. */
  assign(slot: number, nodeKey: string): void {
    const node = this.nodeFor(nodeKey);
    if (slot < this.gpus) {
      const was = this.gpuNode.at(slot);
      if (was === node) return;
      const list = this.members[was]!;
      list.splice(list.indexOf(slot), 1);
    } else {
      while (this.gpus <= slot) this.addGpuChunkIfNeeded(this.gpus++);
    }
    this.gpuNode.set(slot, node);
    this.gpuFirstSeq.set(slot, this.nodeSeq.at(node));
    this.members[node]!.push(slot);
  }

  record(slot: number, tMs: number, p: GpuPoint): void {
    const node = this.gpuNode.at(slot);
    const sec = Math.floor(tMs / 1000);
    const seq = this.nodeSeq.at(node);
    const last = this.nodeLastS[node]!;
    if (seq === 0 || sec > last || last - sec > FOLD_BACK_S) this.pushRound(node, sec);
    // A GPU first seen in a round its node already started is readable from that round.
    const current = this.nodeSeq.at(node) - 1;
    if (this.gpuFirstSeq.at(slot) > current) this.gpuFirstSeq.set(slot, current);
    const cap = this.capacity;
    const pos = ((this.nodeHead.at(node) - 1 + cap) % cap) + (slot % CHUNK) * cap;
    const c = (slot / CHUNK) | 0;
    this.util[c]![pos] = q8(p.utilPct, 100);
    this.power[c]![pos] = q16(p.powerW);
    this.temp[c]![pos] = q8(p.tempC);
  }

  /** The GPU's retained points with time ≥ sinceMs, oldest first. */
  series(slot: number, sinceMs = 0): GpuSeries {
    const out: GpuSeries = { t: [], utilPct: [], powerW: [], tempC: [] };
    if (slot >= this.gpus) return out;
    const node = this.gpuNode.at(slot);
    const cap = this.capacity;
    const since = Math.floor(sinceMs / 1000);
    const nc = (node / CHUNK) | 0;
    const nbase = (node % CHUNK) * cap;
    const c = (slot / CHUNK) | 0;
    const base = (slot % CHUNK) * cap;
    const count = this.nodeCount.at(node);
    const seq = this.nodeSeq.at(node);
    const first = this.gpuFirstSeq.at(slot);
    let t = this.nodeLastS[node]!;
    let i = (this.nodeHead.at(node) - 1 + cap) % cap;
    // Newest to oldest: each point's time is the newer point's time less the newer point's step.
    for (let j = 0; j < count && seq - 1 - j >= first && t >= since; j++) {
      out.t.push(t * 1000);
      out.utilPct.push(d8(this.util[c]![base + i]!));
      out.powerW.push(d16(this.power[c]![base + i]!));
      out.tempC.push(d8(this.temp[c]![base + i]!));
      t -= this.steps[nc]![nbase + i]!;
      i = (i - 1 + cap) % cap;
    }
    out.t.reverse();
    out.utilPct.reverse();
    out.powerW.reverse();
    out.tempC.reverse();
    return out;
  }

  /** Bytes the sample rings hold: GPU values and node round steps, allocated chunks included. */
  get bytes(): number {
    let n = 0;
    for (const a of [this.steps, this.util, this.power, this.temp]) for (const b of a) n += b.byteLength;
    return n;
  }

  private pushRound(node: number, sec: number): void {
    const cap = this.capacity;
    let count = this.nodeCount.at(node);
    const last = this.nodeLastS[node]!;
    const fresh = count === 0 || sec < last || sec - last > MAX_STEP_S;
    if (fresh) count = 0;
    const i = fresh ? 0 : this.nodeHead.at(node);
    this.steps[(node / CHUNK) | 0]![(node % CHUNK) * cap + i] = fresh ? 0 : sec - last;
    // Every GPU of the node gets this round; those the scrape does not report stay missing.
    for (const slot of this.members[node]!) {
      const c = (slot / CHUNK) | 0;
      const pos = (slot % CHUNK) * cap + i;
      this.util[c]![pos] = MISSING_U8;
      this.power[c]![pos] = MISSING_U16;
      this.temp[c]![pos] = MISSING_U8;
    }
    if (fresh) {
      // Rounds before the restart are unreadable to every member, whatever they held.
      const seq = this.nodeSeq.at(node);
      for (const slot of this.members[node]!)
        this.gpuFirstSeq.set(slot, Math.max(this.gpuFirstSeq.at(slot), seq));
    }
    this.nodeHead.set(node, (i + 1) % cap);
    this.nodeCount.set(node, Math.min(cap, count + 1));
    this.nodeSeq.set(node, this.nodeSeq.at(node) + 1);
    this.nodeLastS[node] = sec;
  }

  private nodeFor(key: string): number {
    let id = this.nodeIds.get(key);
    if (id !== undefined) return id;
    id = this.members.length;
    this.nodeIds.set(key, id);
    this.members.push([]);
    if (id % CHUNK === 0) this.steps.push(new Uint16Array(CHUNK * this.capacity));
    if (id >= this.nodeLastS.length) {
      const next = new Float64Array(this.nodeLastS.length * 2);
      next.set(this.nodeLastS);
      this.nodeLastS = next;
    }
    this.nodeHead.set(id, 0);
    this.nodeCount.set(id, 0);
    this.nodeSeq.set(id, 0);
    return id;
  }

  private addGpuChunkIfNeeded(slot: number): void {
    if (slot % CHUNK !== 0) return;
    const n = CHUNK * this.capacity;
    this.util.push(new Uint8Array(n).fill(MISSING_U8));
    this.power.push(new Uint16Array(n).fill(MISSING_U16));
    this.temp.push(new Uint8Array(n).fill(MISSING_U8));
  }
}
