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
