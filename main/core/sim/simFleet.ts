import {
  buildFleetLayout,
  type FleetLayout,
  type LayoutOptions,
  type SimNode,
  type SimSite,
} from './fleetLayout';
import { jobsAt, readingAt, type SimJob } from './gpuPhysics';
import { renderDcgmText, type GpuFrame } from './dcgmText';

export type JobOverlay = (site: SimSite, node: SimNode, tSec: number, base: SimJob[]) => SimJob[];

/** Faults a simulated site can be told to show, for demos and tests of site health. */
export type SimFault = 'none' | 'down' | 'garbage' | 'hang';

interface NodeState {
  energyMj: Float64Array;
  lastSec: number;
}

/**
 * The running simulated fleet: the layout plus the only state that is not a pure function of
 * time — each GPU's energy counter, integrated second by second so it matches the power it reported.
 */
export class SimFleet {
  readonly layout: FleetLayout;
  private readonly nodeState = new Map<SimNode, NodeState>();
  private readonly faults = new Map<string, SimFault>();
  /** XIDs injected by hand ("hostname/gpu" → code), shown instead of the physics' own until cleared. */
  private readonly xids = new Map<string, number>();
  private readonly startSec: number;
  private jobOverlay: JobOverlay | null = null;

  constructor(
    opts: LayoutOptions,
    readonly now: () => number = Date.now,
  ) {
    this.layout = buildFleetLayout(opts);
    this.startSec = Math.floor(now() / 1000);
  }

  get sites(): readonly SimSite[] {
    return this.layout.sites;
  }

  site(id: string): SimSite | undefined {
    return this.layout.sites.find((s) => s.id === id);
  }

  setFault(siteId: string, fault: SimFault): void {
    this.faults.set(siteId, fault);
  }

  fault(siteId: string): SimFault {
    return this.faults.get(siteId) ?? 'none';
  }

  /** Makes a GPU report an XID (as after a real error, until the driver reloads); 0 clears it. */
  injectXid(hostname: string, gpu: number, code: number): void {
    if (code === 0) this.xids.delete(`${hostname}/${gpu}`);
    else this.xids.set(`${hostname}/${gpu}`, code);
  }

  /**
   * Lets a scheduler overlay (simSlurmOverlay) change what runs: jobs it cancelled, requeued or
   * moved leave their GPUs, jobs it placed take theirs. Without one, the layout's jobs run.
   */
  setJobOverlay(fn: JobOverlay): void {
    this.jobOverlay = fn;
  }

  /** What runs on a node at a second. */
  jobs(site: SimSite, node: SimNode, tSec = Math.floor(this.now() / 1000)): SimJob[] {
    const base = jobsAt(site, node, tSec);
    return this.jobOverlay ? this.jobOverlay(site, node, tSec, base) : base;
  }

  /** Ground truth for one node at a second, with the energy counter advanced to it. */
  frames(site: SimSite, node: SimNode, tSec = Math.floor(this.now() / 1000)): GpuFrame[] {
    const state = this.advance(site, node, tSec);
    const jobs = this.jobs(site, node, tSec);
    return node.gpus.map((g, i) => {
      const r = readingAt(site, node, i, tSec, jobs);
      return {
        ...r,
        xid: this.xids.get(`${node.hostname}/${i}`) ?? r.xid,
        energyMj: g.bootEnergyMj + state.energyMj[i]!,
        memClockMHz: node.model.memClockMHz,
      };
    });
  }

  metricsText(site: SimSite, node: SimNode): string {
    // Not stamped, like dcgm-exporter: Prometheus never marks a stamped series stale, and the
    // simulator must fail the way real exporters do.
    return renderDcgmText(node, this.frames(site, node));
  }

  private advance(site: SimSite, node: SimNode, tSec: number): NodeState {
    let st = this.nodeState.get(node);
    if (!st) {
      st = { energyMj: new Float64Array(node.gpus.length), lastSec: this.startSec };
      this.nodeState.set(node, st);
    }
    // Each second adds that second's power (W × 1 s = J = 1000 mJ). After a long gap (a laptop
    // asleep) integrate in coarser steps rather than stall the event loop.
    const gap = tSec - st.lastSec;
    const step = gap > 3600 ? Math.ceil(gap / 3600) : 1;
    for (let s = st.lastSec + step; s <= tSec; s += step) {
      const jobs = this.jobs(site, node, s);
      for (let i = 0; i < node.gpus.length; i++)
        st.energyMj[i]! += readingAt(site, node, i, s, jobs).powerW * 1000 * step;
      st.lastSec = s;
    }
    return st;
  }
}
