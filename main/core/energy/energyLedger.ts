import { BucketRing } from './bucketRing';
import { intervalKwh } from './energyMath';

/**
 * The sustainability ledger (issue 8): every GPU reading the console takes is turned into energy per
 * interval (from the DCGM energy counter, else integrated power) and booked into time buckets per
 * site, tenant, GPU model and node — idle energy apart from the rest.
 *
 * Idle: utilisation below the threshold for at least the idle window. The whole run counts once it
 * has lasted the window — a GPU idle for 16 minutes wasted 16 minutes, not 1 — so energy of a run
 * still shorter than the window is held per GPU and booked, spread over the run, when it qualifies;
 * a run that ends sooner (a gap between jobs) is not idle. A missing utilisation reading or a gap
 * longer than `maxGapMs` ends a run: unknown is not idle. Intervals whose energy cannot be measured
 * add nothing and show as missing coverage (expected GPU-seconds without covered ones).
 */

export interface IdleRule {
  thresholdPct: number;
  windowS: number;
}

/** Fields of a site's buckets. Sums: kWh of IT energy; GPU-seconds. */
export const SITE_FIELDS = { idleKwh: 0, totalKwh: 1, idleGpuS: 2, coveredGpuS: 3, expectedGpuS: 4 } as const;
/** Fields of a tenant's, model's or node's buckets. */
export const DIM_FIELDS = { idleKwh: 0, totalKwh: 1 } as const;

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** The same sums at three resolutions: minutes for the last hour, hours for a week, days for a month. */
export class Rings {
  readonly minutes: BucketRing;
  readonly hours: BucketRing;
  readonly days: BucketRing;

  constructor(
    readonly fields: number,
    hours: number,
  ) {
    this.minutes = new BucketRing(MINUTE, 60, fields);
    this.hours = new BucketRing(HOUR, hours, fields);
    this.days = new BucketRing(DAY, 35, fields);
  }

  private all(): BucketRing[] {
    return [this.minutes, this.hours, this.days];
  }

  add(tMs: number, field: number, v: number): void {
    for (const r of this.all()) r.add(tMs, field, v);
  }

  addSpread(fromMs: number, toMs: number, field: number, v: number): void {
    for (const r of this.all()) r.addSpread(fromMs, toMs, field, v);
  }

  /** The finest ring that reaches back `periodMs`. */
  ringFor(periodMs: number): BucketRing {
    for (const r of this.all()) if (r.spanMs >= periodMs) return r;
    return this.days;
  }

  toJSON() {
    return { minutes: this.minutes.toJSON(), hours: this.hours.toJSON(), days: this.days.toJSON() };
  }

  /** Fills this (empty) set from a saved one; parts whose shape differs stay empty. */
  load(v: unknown): void {
    if (typeof v !== 'object' || v === null) return;
    const o = v as Record<string, unknown>;
    this.minutes.load(o.minutes);
    this.hours.load(o.hours);
    this.days.load(o.days);
  }
}

export interface SiteBook {
  siteId: string;
  /** First and last reading booked for the site (epoch ms), null before any. */
  firstAt: number | null;
  lastAt: number | null;
  rings: Rings;
  tenants: Map<string, Rings>;
  models: Map<string, Rings>;
  nodes: Map<string, Rings>;
}

/** What the ledger needs to know about a GPU to book its energy. */
export interface GpuContext {
  siteId: string;
  hostname: string;
  model: string | null;
  /** The tenant the node is reserved for; null = not reserved (the shared pool). */
  tenant: string | null;
}

interface Booking {
  site: SiteBook;
  tenant: Rings;
  model: Rings;
  node: Rings;
}

export const UNRESERVED = '(unreserved)';
export const UNKNOWN_MODEL = '(unknown model)';

export class EnergyLedger {
  private readonly sites = new Map<string, SiteBook>();
  private bookings: (Booking | undefined)[] = [];
  private contexts: (GpuContext | undefined)[] = [];
  private lastT = new Float64Array(0);
  private lastMj = new Float64Array(0);
  private lastW = new Float64Array(0);
  /** Start of the GPU's current low-utilisation run; NaN when not in one. */
  private lowSince = new Float64Array(0);
  private qualified = new Uint8Array(0);
  private pendingKwh = new Float64Array(0);
  private pendingGpuS = new Float64Array(0);
  /** Epoch ms of the first reading ever booked (kept across restarts); null before any. */
  firstAt: number | null = null;
  lastAt: number | null = null;
  resets = 0;

  constructor(
    private rule: IdleRule,
    readonly maxGapMs: number,
  ) {}

  get idleRule(): IdleRule {
    return this.rule;
  }

  /** A new rule applies from now on; what is booked stays as it was measured (the report says so). */
  setIdleRule(rule: IdleRule): void {
    this.rule = rule;
    this.lowSince.fill(NaN);
    this.qualified.fill(0);
    this.pendingKwh.fill(0);
    this.pendingGpuS.fill(0);
  }

  siteBook(siteId: string): SiteBook {
    let b = this.sites.get(siteId);
    if (!b) {
      b = {
        siteId,
        firstAt: null,
        lastAt: null,
        rings: new Rings(5, 168),
        tenants: new Map(),
        models: new Map(),
        nodes: new Map(),
      };
      this.sites.set(siteId, b);
    }
    return b;
  }

  get siteBooks(): IterableIterator<SiteBook> {
    return this.sites.values();
  }

  /** Forgets sites no longer configured. */
  retainSites(ids: ReadonlySet<string>): void {
    for (const id of [...this.sites.keys()]) if (!ids.has(id)) this.sites.delete(id);
  }

  /** GPU-seconds the site should have reported (its known GPUs × elapsed time), from the fleet tick. */
  expect(siteId: string, tMs: number, gpuS: number): void {
    if (gpuS > 0) this.siteBook(siteId).rings.add(tMs, SITE_FIELDS.expectedGpuS, gpuS);
  }

  /** Books one reading of the GPU in store slot `slot`. Readings must arrive in time order per GPU. */
  observe(
    slot: number,
    ctx: GpuContext,
    tMs: number,
    r: { utilPct: number | null; powerW: number | null; energyMj: number | null },
  ): void {
    if (slot >= this.lastT.length) this.grow(Math.max(64, (slot + 1) * 2));
    const b = this.booking(slot, ctx);
    const prevT = this.lastT[slot]!;
    if (tMs <= prevT) return;
    this.firstAt ??= tMs;
    this.lastAt = Math.max(this.lastAt ?? tMs, tMs);
    b.site.firstAt ??= tMs;
    b.site.lastAt = Math.max(b.site.lastAt ?? tMs, tMs);
    const low = r.utilPct !== null && Number.isFinite(r.utilPct) && r.utilPct < this.rule.thresholdPct;
    let runBroken = !low;
    if (!Number.isNaN(prevT)) {
      const dt = tMs - prevT;
      const e =
        dt > this.maxGapMs
          ? null
          : intervalKwh(
              { mJ: nan(this.lastMj[slot]!), w: nan(this.lastW[slot]!) },
              { mJ: r.energyMj, w: r.powerW },
              dt,
            );
      if (e === null) runBroken = true;
      else {
        if (e.reset) this.resets++;
        this.bookTotal(b, tMs, e.kWh, dt / 1000);
        if (low && !Number.isNaN(this.lowSince[slot]!)) this.bookLow(slot, b, prevT, tMs, e.kWh, dt / 1000);
      }
    }
    if (runBroken) {
      this.lowSince[slot] = low ? tMs : NaN;
      this.qualified[slot] = 0;
      this.pendingKwh[slot] = 0;
      this.pendingGpuS[slot] = 0;
    } else if (Number.isNaN(this.lowSince[slot]!)) this.lowSince[slot] = tMs;
    this.lastT[slot] = tMs;
    this.lastMj[slot] = r.energyMj ?? NaN;
    this.lastW[slot] = r.powerW ?? NaN;
  }

  /** The site, node, model and tenant the GPU's readings are booked under. */
  contextOf(slot: number | undefined): GpuContext | undefined {
    return slot === undefined ? undefined : this.contexts[slot];
  }

  /** Whether the GPU counts as idle now (in a run that has lasted the window). */
  isIdle(slot: number): boolean {
    return this.qualified[slot] === 1;
  }

  private bookTotal(b: Booking, tMs: number, kWh: number, gpuS: number): void {
    b.site.rings.add(tMs, SITE_FIELDS.totalKwh, kWh);
    b.site.rings.add(tMs, SITE_FIELDS.coveredGpuS, gpuS);
    b.tenant.add(tMs, DIM_FIELDS.totalKwh, kWh);
    b.model.add(tMs, DIM_FIELDS.totalKwh, kWh);
    b.node.add(tMs, DIM_FIELDS.totalKwh, kWh);
  }

  private bookLow(slot: number, b: Booking, fromMs: number, tMs: number, kWh: number, gpuS: number): void {
    if (this.qualified[slot]) {
      this.bookIdle(b, fromMs, tMs, kWh, gpuS);
      return;
    }
    this.pendingKwh[slot]! += kWh;
    this.pendingGpuS[slot]! += gpuS;
    const since = this.lowSince[slot]!;
    if (tMs - since >= this.rule.windowS * 1000) {
      this.qualified[slot] = 1;
      this.bookIdle(b, since, tMs, this.pendingKwh[slot]!, this.pendingGpuS[slot]!);
      this.pendingKwh[slot] = 0;
      this.pendingGpuS[slot] = 0;
    }
  }

  private bookIdle(b: Booking, fromMs: number, toMs: number, kWh: number, gpuS: number): void {
    b.site.rings.addSpread(fromMs, toMs, SITE_FIELDS.idleKwh, kWh);
    b.site.rings.addSpread(fromMs, toMs, SITE_FIELDS.idleGpuS, gpuS);
    b.tenant.addSpread(fromMs, toMs, DIM_FIELDS.idleKwh, kWh);
    b.model.addSpread(fromMs, toMs, DIM_FIELDS.idleKwh, kWh);
    b.node.addSpread(fromMs, toMs, DIM_FIELDS.idleKwh, kWh);
  }

  private booking(slot: number, ctx: GpuContext): Booking {
    const prev = this.contexts[slot];
    const cached = this.bookings[slot];
    if (
      cached &&
      prev &&
      prev.siteId === ctx.siteId &&
      prev.hostname === ctx.hostname &&
      prev.model === ctx.model &&
      prev.tenant === ctx.tenant &&
      this.sites.get(ctx.siteId) === cached.site
    )
      return cached;
    const site = this.siteBook(ctx.siteId);
    const booking: Booking = {
      site,
      tenant: dimRings(site.tenants, ctx.tenant ?? UNRESERVED, 'wide'),
      model: dimRings(site.models, ctx.model ?? UNKNOWN_MODEL, 'wide'),
      node: dimRings(site.nodes, ctx.hostname, 'narrow'),
    };
    this.contexts[slot] = { ...ctx };
    this.bookings[slot] = booking;
    return booking;
  }

  private grow(n: number): void {
    const g = <T extends Float64Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(n);
      next.set(old);
      return next;
    };
    this.lastT = g(this.lastT, (k) => new Float64Array(k).fill(NaN));
    this.lastMj = g(this.lastMj, (k) => new Float64Array(k).fill(NaN));
    this.lastW = g(this.lastW, (k) => new Float64Array(k).fill(NaN));
    this.lowSince = g(this.lowSince, (k) => new Float64Array(k).fill(NaN));
    this.qualified = g(this.qualified, (k) => new Uint8Array(k));
    this.pendingKwh = g(this.pendingKwh, (k) => new Float64Array(k));
    this.pendingGpuS = g(this.pendingGpuS, (k) => new Float64Array(k));
  }
}

/**
 * A dimension's rings, made on first use. Tenants and models are few: an hour of minutes, a week of
 * hours, a month of days. Nodes are many (20,000 at scale): a day of hours only, about 2 KB each.
 */
export function dimRings(m: Map<string, Rings>, key: string, shape: 'wide' | 'narrow'): Rings {
  let r = m.get(key);
  if (!r) {
    r = new Rings(2, shape === 'wide' ? 168 : 24);
    m.set(key, r);
  }
  return r;
}

const nan = (v: number) => (Number.isNaN(v) ? null : v);
