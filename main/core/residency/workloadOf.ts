import type { SlurmJob } from '../adapters/slurm/slurmModel';
import type { SiteConnection } from '../sites/siteConnection';
/** What a scheduler job says about its workload: identity, tenant and data class. */
export interface WorkloadTags {
  workload: string;
  tenant: string;
  dataClass: string;
}

export const NO_ACCOUNT = '(no account)';
export const UNCLASSIFIED = 'unclassified';

/**
 * Reads a job's tags by convention: tenant = its Slurm account; `data-class=<word>` and
 * `workload=<id>` in its comment (words separated by spaces, commas or semicolons). Without a
 * workload id the job is its own workload, named by site and job id.
 */
export function workloadOf(
  siteId: string,
  job: { id: number; account: string | null; comment: string | null },
): WorkloadTags {
  const words = (job.comment ?? '').split(/[\s,;]+/);
  const tag = (name: string) => {
    const w = words.find((x) => x.startsWith(`${name}=`));
    const v = w?.slice(name.length + 1).trim();
    return v ? v.slice(0, 128) : null;
  };
  return {
    workload: tag('workload') ?? `${siteId}#${job.id}`,
    tenant: job.account?.trim() || NO_ACCOUNT,
    dataClass: tag('data-class') ?? UNCLASSIFIED,
  };
}

/**
 * The running workloads of a site whose scheduler answered its last poll; null when it has no
 * scheduler or it did not answer (then nothing is known about its workloads now).
 */
export function runningWorkloads(c: SiteConnection): { job: SlurmJob; tags: WorkloadTags }[] | null {
  if (!c.slurm || c.scheduler.outcome?.kind !== 'ok') return null;
  return c.scheduler.jobs
    .filter((j) => j.state === 'RUNNING')
    .map((job) => ({ job, tags: workloadOf(c.id, job) }));
}

/**
 * An inference workload's users, by the same convention: `users=<lat>:<lon>` (where they are) and
 * `rtt-ms=<n>` (the round trip they may wait) in its comment; null unless both are there and sane.
 */
export function usersOf(comment: string | null): { lat: number; lon: number; rttBudgetMs: number } | null {
  const words = (comment ?? '').split(/[\s,;]+/);
  const at = /^users=(-?\d{1,2}(?:\.\d+)?):(-?\d{1,3}(?:\.\d+)?)$/.exec(
    words.find((w) => w.startsWith('users=')) ?? '',
  );
  const rtt = /^rtt-ms=(\d{1,5})$/.exec(words.find((w) => w.startsWith('rtt-ms=')) ?? '');
  if (!at || !rtt) return null;
  const lat = Number(at[1]);
  const lon = Number(at[2]);
  const rttBudgetMs = Number(rtt[1]);
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || rttBudgetMs <= 0) return null;
  return { lat, lon, rttBudgetMs };
}

/** A workload's placement priority: `priority=<0..100>` in its comment (higher is placed first); 0 without. */
export function priorityOf(comment: string | null): number {
  const w = (comment ?? '').split(/[\s,;]+/).find((x) => x.startsWith('priority='));
  const m = /^priority=(\d{1,3})$/.exec(w ?? '');
  return m ? Math.min(100, Number(m[1])) : 0;
}
