import type { SlurmClient } from '../adapters/slurm/slurmClient';
import type { GpuReading } from '../telemetry/dcgm';
import type { TelemetryStore } from '../telemetry/telemetryStore';
import { emptySchedulerState, pollScheduler, type SchedulerState } from './schedulerState';
import { deriveSiteStatus, type NodeHealth, type NodeOutcome } from './siteStatus';
import type { NodeReport, TelemetrySource } from './telemetrySource';

export interface NodeState extends NodeHealth {
  /** Telemetry store slots of this node's GPUs, in GPU index order. */
  slots: number[];
  model: string | null;
  lastXid: number | null;
}

/** Told of every GPU reading as it is stored (the energy ledger books it). */
export type ReadingSink = (slot: number, node: NodeState, tMs: number, reading: GpuReading) => void;

export interface SiteIdentity {
  id: string;
  name: string;
  city: string;
  country: string;
  lat: number;
  lon: number;
}

/**
 * One connection object per site (the Lens cluster-connection shape): it polls the site's telemetry
 * source, writes readings into the store, and keeps per-node and site-level health. Which protocol
 * the source speaks is not its concern.
 */
export class SiteConnection {
  private readonly byHost = new Map<string, NodeState>();
  readonly nodes: NodeState[] = [];
  /** The site-level failure of the last poll (its Prometheus is down…), null when it answered. */
  siteOutcome: NodeOutcome | null = null;
  consecutiveFailures = 0;
  /** What the site's scheduler last said; stays empty when none is configured. */
  scheduler: SchedulerState = emptySchedulerState();
  private polled = false;
  /** The scrape loop's scheduler read while it is in flight. */
  private schedulerRead: Promise<void> | null = null;

  constructor(
    readonly site: SiteIdentity,
    private readonly source: TelemetrySource,
    private readonly store: TelemetryStore,
    readonly slurm: SlurmClient | null = null,
    private readonly onReading: ReadingSink | null = null,
  ) {
    for (const h of source.initialNodes()) this.node(h);
  }

  get id(): string {
    return this.site.id;
  }

  get sourceKind(): string {
    return this.source.kind;
  }

  status(nowMs: number, staleAfterMs: number) {
    return deriveSiteStatus(this.nodes, nowMs, staleAfterMs, {
      polled: this.polled,
      outcome: this.siteOutcome,
    });
  }

  /** Polls the site once; resolves when every request has answered or timed out. */
  async scrape(now: () => number = Date.now): Promise<void> {
    await this.poll(now, true);
  }

  /**
   * One poll. Telemetry and the scheduler are read together and telemetry is applied as soon as it
   * arrives — unless the scheduler names the nodes to scrape; then it goes first. The scrape loop
   * passes `waitForScheduler` false: a slow or hung slurmrestd then never holds back the next telemetry
   * poll (the site's own data would go stale behind it), and a read still in flight is not started again.
   */
  async poll(now: () => number, waitForScheduler: boolean): Promise<void> {
    let scheduler: Promise<void> | null = null;
    if (this.source.needsScheduler) await this.readScheduler(now);
    else if (this.slurm) {
      this.schedulerRead ??= this.readScheduler(now).finally(() => (this.schedulerRead = null));
      scheduler = this.schedulerRead;
    }
    const { reports, siteOutcome } = await this.source.poll(now);
    this.polled = true;
    this.siteOutcome = siteOutcome;
    if (siteOutcome) for (const n of this.nodes) n.outcome = siteOutcome;
    for (const r of reports) this.apply(this.node(r.hostname), r);
    const anyOk = !siteOutcome && this.nodes.some((n) => n.outcome?.kind === 'ok');
    this.consecutiveFailures = anyOk ? 0 : this.consecutiveFailures + 1;
    if (waitForScheduler) await scheduler;
  }

  /** Reads the scheduler now (after an action, so the next view shows its effect). */
  async readScheduler(now: () => number = Date.now): Promise<void> {
    if (!this.slurm) return;
    const s = await pollScheduler(this.slurm, now);
    this.scheduler = s.outcome?.kind === 'ok' ? s : { ...this.scheduler, outcome: s.outcome };
  }

  private node(hostname: string): NodeState {
    let n = this.byHost.get(hostname);
    if (!n) {
      n = { hostname, outcome: null, lastSuccessAt: null, slots: [], model: null, lastXid: null };
      this.byHost.set(hostname, n);
      this.nodes.push(n);
    }
    return n;
  }

  private apply(node: NodeState, r: NodeReport): void {
    node.outcome = r.outcome;
    if (r.outcome.kind !== 'ok') return;
    const readings = [...r.readings].sort((a, b) => (a.gpuIndex ?? 0) - (b.gpuIndex ?? 0));
    const slots: number[] = [];
    let lastXid: number | null = null;
    node.model = readings[0]?.model ?? null;
    for (const g of readings) {
      const slot = this.store.slotFor(
        {
          uuid: g.uuid,
          siteId: this.site.id,
          hostname: node.hostname,
          gpuIndex: g.gpuIndex,
          model: g.model,
        },
        r.t,
      );
      this.store.record(slot, r.t, g);
      this.onReading?.(slot, node, r.t, g);
      slots.push(slot);
      if (g.xid !== null && g.xid > 0) lastXid = g.xid;
    }
    node.slots = slots;
    node.lastXid = lastXid;
    node.lastSuccessAt = r.t;
  }
}
