import { describe, expect, it } from 'vitest';
import type { CommandRunner } from './commandRunner';
import { requeueNow } from './requeueNow';
import { Scontrol } from './scontrol';
import type { SlurmClient } from './slurmClient';
import type { SlurmResult } from './slurmErrors';
import type { SlurmJob } from './slurmModel';

const job = (state: string, restarts: number): SlurmJob => ({
  id: 7,
  name: 'j',
  state,
  stateReason: null,
  nodes: [],
  gpus: 2,
  gpuType: null,
  account: null,
  comment: null,
  user: 'root',
  partition: 'gpu',
  submitTime: null,
  startTime: null,
  endTime: null,
  restarts,
  cwd: null,
  stdout: null,
  timeLimitMin: null,
  gpuTypeAsked: null,
});

/** A client whose job() walks through the given states; records begin_time updates. */
function fakeClient(states: SlurmJob[]) {
  const calls: string[] = [];
  let i = 0;
  const client = {
    job: async (): Promise<SlurmResult<SlurmJob>> => {
      calls.push('job');
      return { ok: true, value: states[Math.min(i++, states.length - 1)]! };
    },
    startNow: async (): Promise<SlurmResult<void>> => {
      calls.push('startNow');
      return { ok: true, value: undefined };
    },
  } as unknown as SlurmClient;
  return { client, calls };
}
const okRunner: CommandRunner = { run: async () => ({ code: 0, stdout: '', stderr: '' }) };
const noSleep = async () => {};

describe('requeueNow', () => {
  it('waits out COMPLETING, then resets the begin time once the job is PENDING', async () => {
    const { client, calls } = fakeClient([
      job('RUNNING', 0),
      job('COMPLETING', 1),
      job('COMPLETING', 1),
      job('PENDING', 1),
    ]);
    const r = await requeueNow(new Scontrol(okRunner), client, 7, { sleep: noSleep });
    expect(r).toMatchObject({ ok: true, value: { state: 'PENDING' } });
    expect(calls).toEqual(['job', 'job', 'job', 'job', 'startNow']);
  });

  it('sends nothing more when the job already runs again, and gives up after its deadline', async () => {
    const again = fakeClient([job('RUNNING', 0), job('RUNNING', 1)]);
    expect(await requeueNow(new Scontrol(okRunner), again.client, 7, { sleep: noSleep })).toMatchObject({
      ok: true,
      value: { state: 'RUNNING', restarts: 1 },
    });
    expect(again.calls).not.toContain('startNow');
    let t = 0;
    const stuck = fakeClient([job('RUNNING', 0), job('COMPLETING', 1)]);
    const r = await requeueNow(new Scontrol(okRunner), stuck.client, 7, {
      sleep: async (ms) => void (t += ms),
      now: () => t,
      waitMs: 1000,
    });
    expect(r).toMatchObject({
      ok: false,
      error: { kind: 'unreachable', message: expect.stringMatching(/still COMPLETING/) },
    });
  });

  it('passes a refused requeue on without touching the job', async () => {
    const { client, calls } = fakeClient([job('PENDING', 0)]);
    const refusing: CommandRunner = {
      run: async () => ({ code: 1, stdout: '', stderr: 'Job is pending execution for job 7\n' }),
    };
    expect(await requeueNow(new Scontrol(refusing), client, 7)).toMatchObject({
      ok: false,
      error: { kind: 'rejected' },
    });
    expect(calls).toEqual(['job']);
  });
});
