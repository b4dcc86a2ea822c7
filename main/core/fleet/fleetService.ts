import type { FleetTick } from '../../../shared/contract';
import type { FleetSnapshot, NodeSummary, Series, SiteDetail, SiteSummary } from '../../../shared/domain';
import type { ResolvedSite } from '../config/resolveSites';
import { createTelemetrySource } from '../adapters/createTelemetrySource';
import { SlurmClient } from '../adapters/slurm/slurmClient';
import { EnergyLedger, type IdleRule } from '../energy/energyLedger';
import { idleNowOf } from '../energy/idleNow';
import type { SiteFactors, SiteIdleNow } from '../energy/sustainabilitySummary';
import { Limiter } from '../sites/limiter';
import { SiteConnection, type NodeState } from '../sites/siteConnection';
import { backoffMs } from '../sites/siteStatus';
import { combineRollups, rollupSlots, type Rollup } from '../telemetry/rollup';
import { ledgerSink } from '../energy/ledgerSink';
import { jobSummary, nodeSummary, round, schedulerNode, siteSummary } from './summaries';
import type { DcgmScraper } from '../adapters/dcgm/scrapeDcgm';
import { SeriesRing } from '../telemetry/seriesRing';
import { TelemetryStore } from '../telemetry/telemetryStore';

export interface FleetServiceOptions {
  intervalMs: number;
  /** Samples older than this many intervals count as stale. */
  staleIntervals?: number;
  timeoutMs?: number;
  /** How much rollup history to keep, in seconds. */
  historyS?: number;
  now?: () => number;
  /** What counts as an idle GPU (issue 8); default below 5 % for 15 minutes. */
  idleRule?: IdleRule;
  /** Who scrapes the dcgm exporters: the scrape worker's pool when the core has one, else this thread. */
  scraper?: DcgmScraper;
}

/**
 * The fleet backend's heart: one SiteConnection per site, each on its own scrape loop (a slow or
 * dead site never delays the others), and a tick that rolls the latest samples up per site and for
 * the fleet, appends history and tells subscribers.
 */
export class FleetService {
  readonly store: TelemetryStore;
  /** Every reading's energy, booked per site, tenant, model and node (issue 8). */
  readonly ledger: EnergyLedger;
  private lastTickAt: number | null = null;
  /** Requests in flight across all sites. */
  private readonly limiter = new Limiter(256);
  private connections: SiteConnection[];
  private readonly timeoutMs: number;
  private readonly historyPoints: number;
  /** Each site as resolved (secrets and CA filled in), by id: what its connection was built from. */
  private readonly resolved = new Map<string, ResolvedSite>();
  private readonly siteHistory = new Map<string, SeriesRing>();
  private readonly fleetHistory: SeriesRing;
  private readonly listeners = new Set<(tick: FleetTick) => void>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly now: () => number;
  private readonly staleAfterMs: number;
  private running = false;
  private last: FleetSnapshot | null = null;

  constructor(
    sites: readonly ResolvedSite[],
    readonly opts: FleetServiceOptions,
  ) {
    this.now = opts.now ?? Date.now;
    this.staleAfterMs = opts.intervalMs * (opts.staleIntervals ?? 3);
    this.historyPoints = Math.ceil(((opts.historyS ?? 86_400) * 1000) / opts.intervalMs);
    // Ring capacity per GPU: 15 minutes of samples is what the node view draws at full resolution.
    this.store = new TelemetryStore(Math.max(2, Math.ceil(900_000 / opts.intervalMs)));
    this.fleetHistory = new SeriesRing(this.historyPoints);
    this.timeoutMs = opts.timeoutMs ?? Math.max(1000, Math.min(10_000, opts.intervalMs * 2));
    // Energy between two readings further apart than this is not guessed: it is missing coverage.
    this.ledger = new EnergyLedger(
      opts.idleRule ?? { thresholdPct: 5, windowS: 900 },
      Math.max(opts.intervalMs * 3, 15_000),
    );
    this.connections = sites.map((s) => this.connect(s));
  }

  /** Re-reads a site's scheduler now, so the reply to an action already shows its effect. */
  async refreshScheduler(siteId: string): Promise<void> {
    await this.connections.find((c) => c.id === siteId)?.readScheduler(this.now);
  }

  /** The site as resolved (secrets and CA filled in), for actions that reach the site. */
  resolvedSite(id: string): ResolvedSite | undefined {
    return this.resolved.get(id);
  }

  private connect(s: ResolvedSite): SiteConnection {
    this.resolved.set(s.id, s);
    if (!this.siteHistory.has(s.id)) this.siteHistory.set(s.id, new SeriesRing(this.historyPoints));
    const slurm =
      s.scheduler && s.schedulerToken && !s.unresolved
        ? new SlurmClient(s.scheduler.url, {
            user: s.scheduler.user,
            token: s.schedulerToken,
            timeoutMs: this.timeoutMs,
            maxBytes: 64 * 1024 * 1024,
          })
        : null;
    const holder: { conn?: SiteConnection } = {};
    const source = createTelemetrySource(s, {
      timeoutMs: this.timeoutMs,
      limiter: this.limiter,
      scraper: this.opts.scraper,
      schedulerNodes: () => holder.conn?.scheduler.nodes.values() ?? [],
    });
    holder.conn = new SiteConnection(s, source, this.store, slurm, ledgerSink(this.ledger, s));
    return holder.conn;
  }

  /** Each configured site's place and energy factors, for the sustainability summary. */
  siteFactors(): SiteFactors[] {
    return this.connections.map((c) => {
      const r = this.resolved.get(c.id)!;
      return {
        id: r.id,
        name: r.name,
        country: r.country,
        pue: r.pue,
        tariff: r.tariff,
        carbonGPerKwh: r.carbonGPerKwh,
      };
    });
  }

  /** Idle draw now per site (and, with `detail`, per node, tenant and model). */
  idleNow(detail: boolean): Map<string, SiteIdleNow> {
    return idleNowOf(this.connections, this.store, this.ledger, this.now(), this.staleAfterMs, detail);
  }

  /**
   * Applies a new set of site profiles while running: unchanged sites keep their connection and
   * history, changed ones reconnect, removed ones stop, new ones start.
   */
  replaceSites(sites: readonly ResolvedSite[]): void {
    const next: SiteConnection[] = [];
    const keep = new Set<SiteConnection>();
    for (const s of sites) {
      const existing = this.connections.find((c) => c.id === s.id);
      if (existing && JSON.stringify(this.resolved.get(s.id)) === JSON.stringify(s)) {
        next.push(existing);
        keep.add(existing);
      } else next.push(this.connect(s));
    }
    const ids = new Set(sites.map((s) => s.id));
    for (const id of [...this.siteHistory.keys()]) if (!ids.has(id)) this.siteHistory.delete(id);
    for (const id of [...this.resolved.keys()]) if (!ids.has(id)) this.resolved.delete(id);
    this.ledger.retainSites(ids);
    this.connections = next;
    this.last = null;
    if (this.running) for (const c of next) if (!keep.has(c)) void this.loop(c);
  }

  get intervalMs(): number {
    return this.opts.intervalMs;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    // Every site is scraped at once on start (first paint); after that each settles at its own phase
    // of the interval, so the answers of hundreds of sites do not all land in the same second and stall
    // the event loop for everything else (issue 10: event-loop lag p99 107 ms → see test/bench).
    const n = this.connections.length;
    this.connections.forEach((c, i) => void this.loop(c, ((i + 1) / n) * this.opts.intervalMs));
    const tick = () => {
      if (!this.running) return;
      this.tick();
      this.schedule(tick, this.opts.intervalMs);
    };
    // First tick shortly after the first scrapes can have landed.
    this.schedule(tick, Math.min(this.opts.intervalMs, 1000));
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  onTick(listener: (tick: FleetTick) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Scrapes every site once, now (tests and first paint use it). */
  async scrapeAll(): Promise<void> {
    await Promise.all(this.connections.map((c) => c.scrape(this.now)));
  }

  /** Rolls up the latest samples into site and fleet summaries, appends one history point, and tells subscribers (alerts and availability first: they subscribe at start-up). */
  tick(): FleetTick {
    const t = this.summarise();
    // The GPU-seconds each site should have reported since the last tick: coverage's denominator.
    const dt = this.lastTickAt === null ? 0 : Math.max(0, t.point.t - this.lastTickAt);
    this.lastTickAt = t.point.t;
    if (dt > 0)
      for (const c of this.connections)
        this.ledger.expect(c.id, t.point.t, (c.nodes.reduce((k, n) => k + n.slots.length, 0) * dt) / 1000);
    for (const s of t.sites)
      this.siteHistory.get(s.id)!.push({ t: t.point.t, utilPct: s.utilPct, powerKw: s.powerKw });
    this.fleetHistory.push(t.point);
    this.last = { totals: t.totals, sites: t.sites };
    this.emit(t);
    return t;
  }

  /** The rollups as of now, without touching history (for tests and on-demand reads). */
  summarise(): FleetTick {
    const now = this.now();
    const latest = this.store.latestArrays;
    const rollups: Rollup[] = [];
    const idle = this.idleNow(false);
    const sites: SiteSummary[] = this.connections.map((c) => {
      const slots = c.nodes.flatMap((n) => n.slots);
      const r = rollupSlots(latest, slots, now, this.staleAfterMs);
      rollups.push(r);
      const { status, reason } = c.status(now, this.staleAfterMs);
      return siteSummary(c, r, status, reason, now, this.staleAfterMs, idle.get(c.id));
    });
    const f = combineRollups(rollups);
    const totals = {
      at: now,
      sitesTotal: sites.length,
      sitesUp: sites.filter((s) => s.status === 'ok' || s.status === 'degraded').length,
      gpus: f.gpus,
      gpusReporting: f.gpusReporting,
      utilPct: round(f.utilPct, 2),
      powerKw: f.powerW === null ? null : round(f.powerW / 1000, 3),
    };
    return { totals, sites, point: { t: now, utilPct: totals.utilPct, powerKw: totals.powerKw } };
  }

  snapshot(): FleetSnapshot {
    if (this.last) return this.last;
    const { totals, sites } = this.summarise();
    return { totals, sites };
  }

  history(windowS: number, maxPoints: number): Series {
    return this.fleetHistory.window(this.now() - windowS * 1000, maxPoints);
  }

  siteDetail(siteId: string, windowS: number, maxPoints = 500): SiteDetail | undefined {
    const c = this.connections.find((x) => x.id === siteId);
    if (!c) return undefined;
    const now = this.now();
    const site = this.snapshot().sites.find((s) => s.id === siteId)!;
    const nodes: NodeSummary[] = c.nodes.map((n) => this.nodeSummary(c, n));
    // Nodes the scheduler knows but telemetry does not (no exporter yet): listed, with no data.
    const seen = new Set(nodes.map((n) => n.hostname));
    for (const [name, sn] of c.scheduler.nodes)
      if (!seen.has(name))
        nodes.push({
          hostname: name,
          status: 'no-data',
          statusReason: 'known to the scheduler, but no telemetry arrives for it',
          gpus: sn.gpusTotal ?? 0,
          model: null,
          utilPct: null,
          powerKw: null,
          maxTempC: null,
          lastXid: null,
          lastSuccessAt: null,
          scheduler: schedulerNode(sn),
        });
    const sched = c.slurm
      ? {
          kind: 'slurm' as const,
          ok: c.scheduler.outcome?.kind === 'ok',
          message:
            c.scheduler.outcome && c.scheduler.outcome.kind !== 'ok' ? c.scheduler.outcome.message : null,
          at: c.scheduler.at,
          jobs: c.scheduler.jobs.map(jobSummary),
        }
      : null;
    return {
      site,
      nodes,
      history: this.siteHistory.get(siteId)!.window(now - windowS * 1000, maxPoints),
      scheduler: sched,
    };
  }

  /** One node as the tables show it: its rollup now, telemetry status and the scheduler's view. */
  nodeSummary(c: SiteConnection, n: NodeState): NodeSummary {
    return nodeSummary(c, n, this.store.latestArrays, this.now(), this.staleAfterMs);
  }

  /** The live site connections, for the views that walk every node (node table, alerts, timeline). */
  get siteConnections(): readonly SiteConnection[] {
    return this.connections;
  }

  /** Samples older than this count as stale. */
  get staleMs(): number {
    return this.staleAfterMs;
  }

  get clock(): () => number {
    return this.now;
  }

  private async loop(c: SiteConnection, phaseMs?: number): Promise<void> {
    // A connection replaced or removed by replaceSites() stops at its next turn.
    if (!this.running || !this.connections.includes(c)) return;
    const started = this.now();
    // Paced by telemetry alone: a slow scheduler is read beside it, never waited for here.
    await c.poll(this.now, false);
    if (!this.running || !this.connections.includes(c)) return;
    const elapsed = this.now() - started;
    const wait =
      c.consecutiveFailures > 0
        ? backoffMs(c.consecutiveFailures - 1, this.opts.intervalMs, 60_000)
        : (phaseMs ?? Math.max(0, this.opts.intervalMs - elapsed));
    this.schedule(() => void this.loop(c), wait);
  }

  private schedule(fn: () => void, ms: number): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  private emit(tick: FleetTick): void {
    for (const l of this.listeners) {
      try {
        l(tick);
      } catch {
        // A failing subscriber (a closed socket) must not stop the tick for the others.
      }
    }
  }
}
