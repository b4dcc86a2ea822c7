import type { Result } from '../../../shared/result';
import { requeueNow } from '../adapters/slurm/requeueNow';
import type { SlurmResult } from '../adapters/slurm/slurmErrors';
import { nodeCondition, type SlurmJob } from '../adapters/slurm/slurmModel';
import type { SiteSlurmTools } from '../sites/siteSlurmTools';
import type { MoveAdapter, StepRef } from './planExecutor';
import type { NodeDrainer } from './placementService';
import type { Move } from './planTypes';

/**
 * Carries out a plan's moves on Slurm sites — real ones and the simulator's alike, through the same
 * slurmrestd and scontrol calls. Every apply first looks at where things are and continues from
 * there, so running a step again (a retry, a restart after a crash) never does anything twice:
 *
 * Within a site: drain the source node (keeping an operator's own drain reason), requeue the job,
 * pin it to the planned node while it is pending, let it start.
 *
 * Across sites: resubmit the job's own script and settings at the target, deferred and pinned, and
 * tagged with the step (`fc-move=<plan>.<step>` in its comment) so a retry finds it instead of
 * submitting again; then cancel the source; then let the copy start. Never two copies running (the
 * copy waits until the source is cancelled), never none queued (the source is cancelled only once
 * the copy is queued).
 */
type Outcome = { ok: true; message?: string } | { ok: false; message: string; retryable: boolean };

const ENDED = /^(COMPLETED|CANCELLED|FAILED|TIMEOUT|NODE_FAIL|PREEMPTED|BOOT_FAIL|DEADLINE|OUT_OF_MEMORY)/;
const isEnded = (j: SlurmJob) => ENDED.test(j.state);
/**
 * Slurm forgets a finished job after MinJobAge (300 s by default; the simulator sooner): reading it then
 * answers "Invalid job id" (2017). For a move that means the job has ended, not that the step failed
 * (the e2e consolidation on a loaded machine saw a job finish and vanish between preview and run).
 */
const isForgotten = (r: { ok: false; error: { slurmErrno?: number } }) => r.error.slurmErrno === 2017;
export const moveTag = (ref: StepRef) => `fc-move=${ref.planId}.${ref.step}`;

const failed = (r: { error: { message: string; kind: string } }): Outcome => ({
  ok: false,
  message: r.error.message,
  // A site that did not answer may answer next time; a refusal will be refused again.
  retryable: r.error.kind === 'unreachable',
});

export interface SlurmMoveAdapterDeps {
  tools: (siteId: string) => Result<SiteSlurmTools>;
  /** The drain reason written on a source node: names the plan. */
  reason: (ref: StepRef) => string;
  /** How long a requeued job may take to leave its node. */
  requeueWaitMs?: number;
}

export class SlurmMoveAdapter implements MoveAdapter, NodeDrainer {
  constructor(private readonly d: SlurmMoveAdapterDeps) {}

  async apply(move: Move, ref: StepRef): Promise<Outcome> {
    if (move.jobId === null) return { ok: false, message: 'not a scheduler job', retryable: false };
    const src = this.d.tools(move.from.siteId);
    if (!src.ok) return { ok: false, message: src.error.message, retryable: false };
    const drained = await this.drainSource(src.value, move, ref);
    if (!drained.ok) return failed(drained);
    return move.crossSite ? this.acrossSites(src.value, move, ref) : this.withinSite(src.value, move);
  }

  async verify(move: Move, ref: StepRef): Promise<'done' | 'not-done' | 'unknown'> {
    if (move.jobId === null) return 'unknown';
    const src = this.d.tools(move.from.siteId);
    if (!src.ok) return 'unknown';
    const job = await src.value.client.job(move.jobId);
    if (!job.ok) return isForgotten(job) && !move.crossSite ? 'done' : 'unknown';
    if (!move.crossSite) {
      if (isEnded(job.value)) return 'done'; // nothing left to move
      return job.value.state === 'RUNNING' && !job.value.nodes.includes(move.from.hostname)
        ? 'done'
        : 'not-done';
    }
    const dst = this.d.tools(move.to.siteId);
    if (!dst.ok) return 'unknown';
    const copy = await findCopy(dst.value, ref);
    if (!copy.ok) return 'unknown';
    const released =
      copy.value !== null && !(copy.value.state === 'PENDING' && copy.value.stateReason === 'BeginTime');
    return released && isEnded(job.value) ? 'done' : 'not-done';
  }

  /** Whether the job has ended, polling while it winds down (CANCELLED after COMPLETING). */
  private async ended(t: SiteSlurmTools, id: number): Promise<SlurmResult<boolean>> {
    const deadline = Date.now() + (this.d.requeueWaitMs ?? 30_000);
    for (;;) {
      const j = await t.client.job(id);
      if (!j.ok) return isForgotten(j) ? { ok: true, value: true } : j;
      if (isEnded(j.value)) return { ok: true, value: true };
      if (Date.now() >= deadline) return { ok: true, value: false };
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Takes a node out of service before the moves (a failover's whole scope, not only busy nodes). */
  async drain(
    node: { siteId: string; hostname: string },
    ref: StepRef,
  ): Promise<{ ok: true } | { ok: false; message: string }> {
    const t = this.d.tools(node.siteId);
    if (!t.ok) return { ok: false, message: t.error.message };
    const r = await this.drainNode(t.value, node.hostname, ref);
    return r.ok ? { ok: true } : { ok: false, message: r.error.message };
  }

  private drainSource(t: SiteSlurmTools, move: Move, ref: StepRef): Promise<SlurmResult<void>> {
    return this.drainNode(t, move.from.hostname, ref);
  }

  /** Keeps new work off a node; an operator's drain (and its reason) is left as it is. */
  private async drainNode(t: SiteSlurmTools, hostname: string, ref: StepRef): Promise<SlurmResult<void>> {
    const nodes = await t.client.nodes();
    if (!nodes.ok) return nodes;
    const n = nodes.value.find((x) => x.name === hostname);
    if (n && /drain/i.test(nodeCondition(n))) return { ok: true, value: undefined };
    return t.scontrol.drain(hostname, this.d.reason(ref));
  }

  private async withinSite(t: SiteSlurmTools, move: Move): Promise<Outcome> {
    const id = move.jobId!;
    const job = await t.client.job(id);
    if (!job.ok)
      return isForgotten(job)
        ? { ok: true, message: `job ${id} ended before it was moved (Slurm no longer keeps its record)` }
        : failed(job);
    const j = job.value;
    if (isEnded(j)) return { ok: true, message: `job ${id} ended (${j.state}) before it was moved` };
    if (j.state === 'RUNNING' && !j.nodes.includes(move.from.hostname))
      return { ok: true, message: `job ${id} already runs on ${j.nodes.join(',')}` };
    if (j.state === 'PENDING') {
      const pinned = await t.scontrol.pin(id, move.to.hostname);
      if (!pinned.ok) return (await this.endedMeanwhile(t, id)) ?? failed(pinned);
      const started = await t.client.startNow(id);
      return started.ok ? { ok: true } : ((await this.endedMeanwhile(t, id)) ?? failed(started));
    }
    const r = await requeueNow(t.scontrol, t.client, id, {
      pinTo: move.to.hostname,
      waitMs: this.d.requeueWaitMs,
    });
    return r.ok ? { ok: true } : ((await this.endedMeanwhile(t, id)) ?? failed(r));
  }

  /** After a refused pin, start or requeue: done if the job ended (or was forgotten) in between, else null. */
  private async endedMeanwhile(t: SiteSlurmTools, id: number): Promise<Outcome | null> {
    const j = await t.client.job(id);
    const ended = j.ok ? isEnded(j.value) : isForgotten(j);
    return ended ? { ok: true, message: `job ${id} ended while it was being moved` } : null;
  }

  private async acrossSites(src: SiteSlurmTools, move: Move, ref: StepRef): Promise<Outcome> {
    const dstTools = this.d.tools(move.to.siteId);
    if (!dstTools.ok) return { ok: false, message: dstTools.error.message, retryable: false };
    const dst = dstTools.value;
    const id = move.jobId!;
    const job = await src.client.job(id);
    if (!job.ok) return failed(job);
    const found = await findCopy(dst, ref);
    if (!found.ok) return failed(found);
    let copy = found.value;
    if (copy && isEnded(copy)) {
      if (!isEnded(job.value))
        return {
          ok: false,
          message: `the copy (job ${copy.id} at ${move.to.siteId}) ended (${copy.state}) before the move finished; job ${id} stays at ${move.from.siteId}`,
          retryable: false,
        };
      return { ok: true, message: `job ${copy.id} at ${move.to.siteId} ran and ended` };
    }
    if (!copy) {
      if (isEnded(job.value))
        return {
          ok: false,
          message: `job ${id} ended (${job.value.state}) at ${move.from.siteId} and no copy exists at ${move.to.siteId}: nothing to move`,
          retryable: false,
        };
      const submitted = await submitCopy(src, dst, job.value, move, ref);
      if (!submitted.ok) return failed(submitted);
      copy = submitted.value;
    }
    if (copy.state === 'PENDING' && copy.stateReason === 'BeginTime') {
      // Pinned again each time: cheap, and a retry after a failed pin gets there too.
      const pinned = await dst.scontrol.pin(copy.id, move.to.hostname);
      if (!pinned.ok) return failed(pinned);
    }
    if (!isEnded(job.value) && job.value.state !== 'COMPLETING') {
      const cancelled = await src.client.cancel(id);
      if (!cancelled.ok) return failed(cancelled);
    }
    // The copy starts only once the source has ended (COMPLETING still runs its epilog, and may
    // still write where the copy will).
    const gone = await this.ended(src, id);
    if (!gone.ok) return failed(gone);
    if (!gone.value)
      return {
        ok: false,
        message: `job ${id} at ${move.from.siteId} was cancelled but has not ended yet; the copy waits`,
        retryable: true,
      };
    if (copy.state === 'PENDING') {
      const started = await dst.client.startNow(copy.id);
      if (!started.ok) return failed(started);
    }
    return { ok: true, message: `job ${id} at ${move.from.siteId} is job ${copy.id} at ${move.to.siteId}` };
  }
}

const hasWorkloadTag = (comment: string | null) => /(^|[\s,;])workload=\S/.test(comment ?? '');

/** This step's copy at the target site, if an earlier attempt submitted it. */
async function findCopy(t: SiteSlurmTools, ref: StepRef): Promise<SlurmResult<SlurmJob | null>> {
  const jobs = await t.client.jobs();
  if (!jobs.ok) return jobs;
  const tag = moveTag(ref);
  const copies = jobs.value.filter((j) => (j.comment ?? '').split(/\s+/).includes(tag));
  // One per step by construction; should an operator have submitted another, the live one speaks.
  return { ok: true, value: copies.find((j) => !isEnded(j)) ?? copies[0] ?? null };
}

/** Submits the job again at the target: its own script and settings, deferred, tagged. */
async function submitCopy(
  src: SiteSlurmTools,
  dst: SiteSlurmTools,
  job: SlurmJob,
  move: Move,
  ref: StepRef,
): Promise<SlurmResult<SlurmJob>> {
  const script = await src.scontrol.batchScript(job.id);
  if (!script.ok) return script;
  const sub = await dst.client.submit({
    name: job.name || `job-${job.id}`,
    script: script.value,
    gpus: job.gpus ?? move.gpus,
    ...(job.gpuTypeAsked ? { gpuType: job.gpuTypeAsked } : {}),
    ...(job.account ? { account: job.account } : {}),
    // The workload keeps its name at the new site (the residency history follows it there).
    comment: [job.comment ?? '', hasWorkloadTag(job.comment) ? '' : `workload=${move.workload}`, moveTag(ref)]
      .filter(Boolean)
      .join(' '),
    ...(job.cwd ? { cwd: job.cwd } : {}),
    ...(job.stdout ? { stdout: job.stdout } : {}),
    ...(job.timeLimitMin ? { timeLimitMin: job.timeLimitMin } : {}),
    deferred: true,
  });
  if (!sub.ok) return sub;
  return dst.client.job(sub.value.jobId);
}
