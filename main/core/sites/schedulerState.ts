import type { SlurmClient } from '../adapters/slurm/slurmClient';
import { toNodeOutcome } from '../adapters/slurm/slurmErrors';
import type { SlurmJob, SlurmNode } from '../adapters/slurm/slurmModel';
import type { NodeOutcome } from './siteStatus';

/** What a site's scheduler last said: its nodes and jobs, or why it could not be read. */
export interface SchedulerState {
  outcome: NodeOutcome | null;
  /** By node name (Slurm NodeName, which the fleet uses as the hostname). */
  nodes: Map<string, SlurmNode>;
  jobs: SlurmJob[];
  at: number | null;
}

export const emptySchedulerState = (): SchedulerState => ({
  outcome: null,
  nodes: new Map(),
  jobs: [],
  at: null,
});

/**
 * One read of slurmrestd: nodes, then jobs, or the failure that stopped it. One after the other, so a
 * failing slurmrestd costs one answer, and an oversized one holds one answer's bytes at a time, not two.
 */
export async function pollScheduler(client: SlurmClient, now: () => number): Promise<SchedulerState> {
  const nodes = await client.nodes();
  if (!nodes.ok) return { ...emptySchedulerState(), outcome: toNodeOutcome(nodes.error) };
  const jobs = await client.jobs();
  if (!jobs.ok) return { ...emptySchedulerState(), outcome: toNodeOutcome(jobs.error) };
  return {
    outcome: { kind: 'ok' },
    nodes: new Map(nodes.value.map((n) => [n.name, n])),
    jobs: jobs.value,
    at: now(),
  };
}

/** The scheduler's view of a node as one word, flags included ("IDLE+DRAIN"), as alerts, tables and the planner read it. */
export function schedulerWord(n: { state: string; flags: readonly string[] } | undefined): string | null {
  return n ? [n.state, ...n.flags].join('+') : null;
}
