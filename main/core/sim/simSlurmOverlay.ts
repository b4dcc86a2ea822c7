import { randomBytes } from 'node:crypto';
import { mintSlurmJwt } from '../adapters/slurm/slurmJwt';
import { workloadOf } from '../residency/workloadOf';
import type { SimNode, SimSite } from './fleetLayout';
import { OVERLAY_ID_BASE, baseJobId, dataClassComment, gpuTypeOf, layoutScript } from './simLayoutJobs';
import { JOB_WINDOW_S, jobsAt, windowOf, type SimJob } from './gpuPhysics';
import type { SimFleet } from './simFleet';

/**
 * What a simulated site's Slurm remembers beyond the pure layout: which nodes an operator drained
 * (and why), which of the layout's jobs were cancelled or requeued, and the jobs that live only
 * here (submitted ones, requeued ones waiting or running elsewhere). A tiny scheduler places
 * pending jobs first-fit on nodes that are not drained, as slurmctld's would on a quiet cluster.
 *
 * The layout's own jobs (jobsAt) keep coming and going by window; the overlay only takes away from
 * them: nothing new starts on a drained node, and a GPU held by an overlay job is not given to them.
 */
export const SIM_SLURM_USER = 'root';
/** Slurm holds a requeued job for cred_expire+1 s: 121 s with the default cred_expire of 120. */
export const REQUEUE_HOLD_S = 121;
/** MinJobAge's default: finished jobs stay listed this long. */
export const FINISHED_KEEP_S = 300;
const TOKEN_LIFETIME_S = 365 * 86_400;

export type SimJobState = 'PENDING' | 'RUNNING' | 'COMPLETED' | 'CANCELLED' | 'FAILED';

export interface SimSlurmJob {
  id: number;
  name: string;
  state: SimJobState;
  stateReason: string;
  account: string;
  comment: string;
  user: string;
  node: string | null;
  gpuIndices: number[];
  gpus: number;
  gpuType: string | null;
  submitS: number;
  eligibleS: number;
  startS: number | null;
  endS: number | null;
  timeLimitMin: number;
  restarts: number;
  /** The GPU type its request named (gres=gpu:h200:2); null when it took any (the layout's jobs). */
  askedType: string | null;
  /** scontrol update reqnodelist=: the only node it may start on. */
  reqNode: string | null;
  /** Its batch script (layout jobs get the one the layout would have submitted). */
  script: string;
}

export interface SimDrain {
  reason: string;
  by: string;
  atS: number;
}

export interface SimSlurmNodeView {
  node: SimNode;
  gpuType: string;
  usedIndices: number[];
  drain: SimDrain | null;
}

export interface SimSlurmView {
  nodes: SimSlurmNodeView[];
  jobs: SimSlurmJob[];
}

/**
 * A failure as slurmctld would report it: its error number and text. The numbers follow Slurm's
 * slurm_errno.h as we read it; 2017 (invalid job id) and 2018 (invalid node name) are
 * checked against real answers.
 */
export interface SimSlurmRefusal {
  errno: number;
  error: string;
}

export interface SimSubmission {
  name: string;
  script: string;
  user: string;
  account: string;
  comment: string;
  gpus: number;
  gpuType: string | null;
  timeLimitMin: number | null;
  /** Queued not to start for this long (begin_time now+Ndays). */
  deferS?: number;
}

export class SimSlurmOverlay {
  /** The site's own jwt_key: tokens for one simulated site do not open another. */
  readonly jwtKey = randomBytes(32);
  readonly token: string;
  private readonly drains = new Map<string, SimDrain>();
  /** Per node, the spans during which it was drained: no layout job that began then may run. */
  private readonly quiet = new Map<string, [number, number][]>();
  /** Layout jobs taken out (cancelled, or requeued into `jobs`). */
  private readonly removed = new Map<number, number>();
  private readonly jobs = new Map<number, SimSlurmJob>();
  private nextId = OVERLAY_ID_BASE + 1;

  constructor(
    readonly site: SimSite,
    nowMs: number,
  ) {
    this.token = mintSlurmJwt(this.jwtKey, SIM_SLURM_USER, TOKEN_LIFETIME_S, nowMs);
  }

  node(hostname: string): SimNode | undefined {
    return this.site.nodes.find((n) => n.hostname === hostname);
  }

  /** Advances the overlay to tSec (finishes and places jobs) and returns the site as Slurm sees it. */
  settle(tSec: number): SimSlurmView {
    for (const j of this.jobs.values()) {
      if (j.state === 'RUNNING' && j.startS !== null && j.startS + j.timeLimitMin * 60 <= tSec) {
        j.state = 'COMPLETED';
        j.endS = j.startS + j.timeLimitMin * 60;
        j.gpuIndices = [];
      }
      if (j.state !== 'PENDING' && j.state !== 'RUNNING' && (j.endS ?? tSec) + FINISHED_KEEP_S < tSec)
        this.jobs.delete(j.id);
    }
    for (const [id, at] of this.removed) if (at + 2 * JOB_WINDOW_S < tSec) this.removed.delete(id);

    const used = new Map<string, Set<number>>();
    const baseJobs: SimSlurmJob[] = [];
    this.site.nodes.forEach((node, i) => {
      const taken = new Set(this.runningOn(node.hostname).flatMap((j) => j.gpuIndices));
      for (const job of this.layoutJobs(node, i, tSec)) {
        baseJobs.push(job);
        job.gpuIndices.forEach((g) => taken.add(g));
      }
      used.set(node.hostname, taken);
    });

    const pending = [...this.jobs.values()].filter((j) => j.state === 'PENDING').sort((a, b) => a.id - b.id);
    for (const j of pending) {
      if (j.eligibleS > tSec) {
        j.stateReason = 'BeginTime';
        continue;
      }
      const target = this.site.nodes.find(
        (n) =>
          !this.drains.has(n.hostname) &&
          (j.reqNode === null || n.hostname === j.reqNode) &&
          (j.gpuType === null || gpuTypeOf(n) === j.gpuType) &&
          n.gpus.length - used.get(n.hostname)!.size >= j.gpus,
      );
      if (!target) {
        j.stateReason = 'Resources';
        continue;
      }
      const taken = used.get(target.hostname)!;
      const free = target.gpus.map((g) => g.index).filter((g) => !taken.has(g));
      j.gpuIndices = free.slice(0, j.gpus);
      j.gpuIndices.forEach((g) => taken.add(g));
      Object.assign(j, { state: 'RUNNING', stateReason: 'None', node: target.hostname, startS: tSec });
      j.endS = tSec + j.timeLimitMin * 60;
    }

    return {
      nodes: this.site.nodes.map((node) => ({
        node,
        gpuType: gpuTypeOf(node),
        usedIndices: [...used.get(node.hostname)!].sort((a, b) => a - b),
        drain: this.drains.get(node.hostname) ?? null,
      })),
      jobs: [...baseJobs, ...this.jobs.values()].sort((a, b) => a.id - b.id),
    };
  }

  drain(hostname: string, reason: string, by: string, tSec: number): SimSlurmRefusal | null {
    if (!this.node(hostname)) return { errno: 2018, error: 'Invalid node name specified' };
    if (!reason.trim())
      return { errno: -1, error: 'You must specify a reason when DOWNING or DRAINING a node' };
    if (!this.drains.has(hostname)) {
      const spans = this.quiet.get(hostname) ?? [];
      spans.push([tSec, Infinity]);
      this.quiet.set(hostname, spans);
    }
    this.drains.set(hostname, { reason, by, atS: tSec });
    return null;
  }

  resume(hostname: string, tSec: number): SimSlurmRefusal | null {
    if (!this.node(hostname)) return { errno: 2018, error: 'Invalid node name specified' };
    if (!this.drains.has(hostname)) return { errno: 2028, error: 'Invalid node state specified' };
    this.drains.delete(hostname);
    const open = (this.quiet.get(hostname) ?? []).find((s) => s[1] === Infinity);
    if (open) open[1] = tSec;
    return null;
  }

  requeue(id: number, tSec: number): SimSlurmRefusal | null {
    const view = this.settle(tSec);
    const job = view.jobs.find((j) => j.id === id);
    if (!job) return { errno: 2017, error: 'Invalid job id specified' };
    // What slurmctld answers for a job that is not running (ESLURM_JOB_PENDING, ESLURM_ALREADY_DONE).
    if (job.state === 'PENDING') return { errno: 2024, error: 'Job is pending execution' };
    if (job.state !== 'RUNNING') return { errno: 2021, error: 'Job/step already completing or completed' };
    if (!this.jobs.has(id)) {
      this.removed.set(id, tSec);
      this.jobs.set(id, job);
    }
    Object.assign(job, {
      state: 'PENDING',
      stateReason: 'BeginTime',
      node: null,
      gpuIndices: [],
      submitS: tSec,
      eligibleS: tSec + REQUEUE_HOLD_S,
      startS: null,
      endS: null,
      restarts: job.restarts + 1,
    });
    return null;
  }

  cancel(id: number, tSec: number): SimSlurmRefusal | null {
    const view = this.settle(tSec);
    const job = view.jobs.find((j) => j.id === id);
    if (!job) return { errno: 2017, error: 'Invalid job id specified' };
    if (job.state !== 'PENDING' && job.state !== 'RUNNING') return null; // slurmrestd answers 200 again
    if (!this.jobs.has(id)) {
      this.removed.set(id, tSec);
      this.jobs.set(id, job);
    }
    Object.assign(job, { state: 'CANCELLED', gpuIndices: [], endS: tSec });
    return null;
  }

  /** scontrol update jobid=N reqnodelist=X: only a pending job, only a node of this site. */
  pin(id: number, hostname: string, tSec: number): SimSlurmRefusal | null {
    const job = this.settle(tSec).jobs.find((j) => j.id === id);
    if (!job) return { errno: 2017, error: 'Invalid job id specified' };
    if (job.state !== 'PENDING' || !this.node(hostname))
      return { errno: 2018, error: `Invalid node name specified for job ${id}` };
    job.reqNode = hostname;
    return null;
  }

  /** scontrol write batch_script N -. */
  batchScript(id: number, tSec: number): string | SimSlurmRefusal {
    const job = this.settle(tSec).jobs.find((j) => j.id === id);
    return job ? job.script : { errno: 2017, error: 'Invalid job id specified' };
  }

  /** The REST update {"begin_time":"now"}: a held job may start at the next settle. */
  startNow(id: number, tSec: number): SimSlurmRefusal | null {
    const job = this.settle(tSec).jobs.find((j) => j.id === id);
    if (!job) return { errno: 2017, error: 'Invalid job id specified' };
    if (job.state === 'PENDING') job.eligibleS = tSec;
    return null;
  }

  submit(s: SimSubmission, tSec: number): { id: number } | SimSlurmRefusal {
    const fits = this.site.nodes.some(
      (n) => (s.gpuType === null || gpuTypeOf(n) === s.gpuType) && n.gpus.length >= s.gpus,
    );
    if (!fits) return { errno: 2014, error: 'Requested node configuration is not available' };
    const id = this.nextId++;
    // slurmrestd takes a script without "#!", and the job then fails on its node.
    const runs = s.script.startsWith('#!');
    this.jobs.set(id, {
      id,
      name: s.name,
      state: runs ? 'PENDING' : 'FAILED',
      stateReason: runs ? 'None' : 'NonZeroExitCode',
      account: s.account,
      comment: s.comment,
      user: s.user,
      node: null,
      gpuIndices: [],
      gpus: s.gpus,
      gpuType: s.gpuType,
      submitS: tSec,
      eligibleS: tSec + (s.deferS ?? 0),
      startS: null,
      endS: runs ? null : tSec,
      timeLimitMin: s.timeLimitMin ?? JOB_WINDOW_S / 60,
      restarts: 0,
      askedType: s.gpuType,
      reqNode: null,
      script: s.script,
    });
    return { id };
  }

  private runningOn(hostname: string): SimSlurmJob[] {
    return [...this.jobs.values()].filter((j) => j.state === 'RUNNING' && j.node === hostname);
  }

  /**
   * The layout's jobs on a node at a second that the scheduler still runs: less those cancelled,
   * requeued, begun while the node was drained, or on a GPU an overlay job holds. With their ids.
   */
  private keptLayout(node: SimNode, nodeIndex: number, tSec: number, base: readonly SimJob[]) {
    const spans = this.quiet.get(node.hostname) ?? [];
    const held = new Set(this.runningOn(node.hostname).flatMap((j) => j.gpuIndices));
    const k = windowOf(node, tSec);
    return base.flatMap((job, j) => {
      const id = baseJobId(nodeIndex, this.site.nodes.length, k, j);
      if (this.removed.has(id) || this.jobs.has(id)) return [];
      if (spans.some(([from, to]) => job.startS >= from && job.startS < to)) return [];
      if (job.gpuIndices.some((g) => held.has(g))) return [];
      return [{ job, id }];
    });
  }

  /**
   * What runs on a node's GPUs at a second, for the simulator's physics: the layout's jobs the
   * scheduler kept, and the jobs it placed there (requeued, moved or submitted). So a node a plan
   * empties goes idle in its telemetry too, and a node that takes work gets busy.
   */
  running(node: SimNode, tSec: number, base: readonly SimJob[]): SimJob[] {
    const out = this.keptLayout(node, this.site.nodes.indexOf(node), tSec, base).map((x) => x.job);
    for (const j of this.runningOn(node.hostname))
      out.push({
        id: j.name,
        tenant: j.account,
        dataClass: workloadOf(this.site.id, j).dataClass,
        gpuIndices: j.gpuIndices,
        intensity: 0.8,
        startS: j.startS ?? tSec,
      });
    return out;
  }

  /** The layout's jobs on a node now, as the scheduler lists them. */
  private layoutJobs(node: SimNode, nodeIndex: number, tSec: number): SimSlurmJob[] {
    return this.keptLayout(node, nodeIndex, tSec, jobsAt(this.site, node, tSec)).map(
      ({ job, id }): SimSlurmJob => ({
        id,
        name: job.id,
        state: 'RUNNING' as const,
        stateReason: 'None',
        account: job.tenant,
        comment: dataClassComment(job, this.site),
        user: SIM_SLURM_USER,
        node: node.hostname,
        gpuIndices: job.gpuIndices,
        gpus: job.gpuIndices.length,
        gpuType: gpuTypeOf(node),
        submitS: job.startS,
        eligibleS: job.startS,
        startS: job.startS,
        endS: job.startS + JOB_WINDOW_S,
        timeLimitMin: JOB_WINDOW_S / 60,
        restarts: 0,
        askedType: null,
        reqNode: null,
        script: layoutScript(job.id, job.gpuIndices.length),
      }),
    );
  }
}

/**
 * Each SimFleet's Slurm overlays, one per site, kept beside the fleet rather than in it: SimFleet
 * stays the pure layout + energy integrator, and only sites someone talks Slurm to grow state.
 */
const overlays = new WeakMap<SimFleet, Map<string, SimSlurmOverlay>>();

export function simSlurmOverlay(fleet: SimFleet, siteId: string): SimSlurmOverlay | undefined {
  let bySite = overlays.get(fleet);
  if (!bySite) {
    const sites = new Map<string, SimSlurmOverlay>();
    bySite = sites;
    overlays.set(fleet, sites);
    // From now on the fleet's physics run what the schedulers run.
    fleet.setJobOverlay((site, node, tSec, base) => sites.get(site.id)?.running(node, tSec, base) ?? base);
  }
  let o = bySite.get(siteId);
  if (!o) {
    const site = fleet.site(siteId);
    if (!site) return undefined;
    o = new SimSlurmOverlay(site, fleet.now());
    bySite.set(siteId, o);
  }
  return o;
}
