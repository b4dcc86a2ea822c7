import type { Scontrol } from './scontrol';
import type { SlurmClient } from './slurmClient';
import { slurmFail, slurmOk, type SlurmResult } from './slurmErrors';
import type { SlurmJob } from './slurmModel';

/**
 * Requeue a job and let it start again at once. Slurm 22.05 holds a requeued job until
 * cred_expire+1 s (121 s by default) through its begin time, and resetting the begin time only
 * sticks once the job is back to PENDING: sent while it is still COMPLETING, the requeue overwrites
 * it (seen on 22.05.8). So: requeue, wait for PENDING, then begin_time=now.
 */
export interface RequeueNowOptions {
  /** How long the old run may take to end (KillWait plus the epilog). */
  waitMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Pin the requeued job to this node before letting it start (a planned move's target). */
  pinTo?: string;
}

const ACTIVE = new Set(['RUNNING', 'COMPLETING', 'CONFIGURING', 'SUSPENDED', 'REQUEUED', 'REQUEUE_HOLD']);

export async function requeueNow(
  scontrol: Scontrol,
  client: SlurmClient,
  jobId: number,
  o: RequeueNowOptions = {},
): Promise<SlurmResult<SlurmJob>> {
  const sleep = o.sleep ?? ((ms) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = o.now ?? Date.now;
  const before = await client.job(jobId);
  if (!before.ok) return before;
  const requeued = await scontrol.requeue(jobId);
  if (!requeued.ok) return requeued;
  const deadline = now() + (o.waitMs ?? 30_000);
  for (;;) {
    const job = await client.job(jobId);
    if (!job.ok) return job;
    if (job.value.state === 'PENDING') {
      if (o.pinTo) {
        const pinned = await scontrol.pin(jobId, o.pinTo);
        if (!pinned.ok) return pinned;
      }
      const started = await client.startNow(jobId);
      return started.ok ? slurmOk(job.value) : started;
    }
    // Already placed again (no hold on this cluster), or ended: nothing to release.
    if (
      !ACTIVE.has(job.value.state) ||
      (job.value.state === 'RUNNING' && job.value.restarts > before.value.restarts)
    )
      return slurmOk(job.value);
    if (now() >= deadline)
      return slurmFail(
        'unreachable',
        `job ${jobId} was requeued but is still ${job.value.state} after ${Math.round((o.waitMs ?? 30_000) / 1000)} s; ` +
          'it will start on its own once Slurm releases it',
      );
    await sleep(o.pollMs ?? 200);
  }
}
