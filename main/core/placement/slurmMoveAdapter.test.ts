import { describe, expect, it } from 'vitest';
import { slurmFail, slurmOk } from '../adapters/slurm/slurmErrors';
import type { SiteSlurmTools } from '../sites/siteSlurmTools';
import { SlurmMoveAdapter } from './slurmMoveAdapter';
import type { Move } from './planTypes';

// Slurm's answer for a job it no longer keeps (finished longer ago than MinJobAge).
const forgotten = slurmFail(
  'rejected',
  'Invalid job id specified (Unable to find JobId=7; Slurm error 2017)',
  2017,
);

function adapterWith(job: () => unknown) {
  const drained: string[] = [];
  const tools = {
    client: { job: async () => job(), nodes: async () => slurmOk([]) },
    scontrol: {
      requeue: async () => slurmFail('rejected', 'scontrol said "Invalid job id specified for job 7"'),
      requeueHold: async () => slurmFail('rejected', 'scontrol said "Invalid job id specified for job 7"'),
      drain: async (host: string) => {
        drained.push(host);
        return slurmOk(undefined);
      },
    },
  } as unknown as SiteSlurmTools;
  const adapter = new SlurmMoveAdapter({
    tools: () => ({ ok: true, value: tools }),
    reason: () => 'fc plan p1',
  });
  return { adapter, drained };
}

const move: Move = {
  unit: 's1#7',
  workload: 'train-7',
  jobId: 7,
  tenant: 't',
  dataClass: 'public',
  gpus: 2,
  from: { siteId: 's1', hostname: 'n1', country: 'DE' },
  to: { siteId: 's1', hostname: 'n2', country: 'DE' },
  crossSite: false,
};
const ref = { planId: 'p1', step: 0 };

describe('SlurmMoveAdapter, a job that ended and was forgotten before its move', () => {
  it('counts the step done, saying why, and still drains the source node', async () => {
    const { adapter, drained } = adapterWith(() => forgotten);
    expect(await adapter.apply(move, ref)).toEqual({
      ok: true,
      message: 'job 7 ended before it was moved (Slurm no longer keeps its record)',
    });
    expect(drained).toEqual(['n1']);
    expect(await adapter.verify(move, ref)).toBe('done');
  });

  it('counts the step done when the job ends between being read and being requeued', async () => {
    let reads = 0;
    const { adapter } = adapterWith(() =>
      reads++ === 0 ? slurmOk({ id: 7, state: 'RUNNING', nodes: ['n1'] }) : forgotten,
    );
    expect(await adapter.apply(move, ref)).toEqual({
      ok: true,
      message: 'job 7 ended while it was being moved',
    });
  });

  it('still fails, and retries, when Slurm cannot be reached', async () => {
    const { adapter } = adapterWith(() =>
      slurmFail('unreachable', 'slurmrestd did not answer within 5000 ms'),
    );
    expect(await adapter.apply(move, ref)).toEqual({
      ok: false,
      message: 'slurmrestd did not answer within 5000 ms',
      retryable: true,
    });
    expect(await adapter.verify(move, ref)).toBe('unknown');
  });
});
