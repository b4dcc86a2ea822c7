import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workloadOf } from '../../main/core/residency/workloadOf';
import { requeueNow } from '../../main/core/adapters/slurm/requeueNow';
import { localScontrol, type Scontrol } from '../../main/core/adapters/slurm/scontrol';
import { SlurmClient } from '../../main/core/adapters/slurm/slurmClient';
import { nodeCondition, type SlurmJob, type SlurmNode } from '../../main/core/adapters/slurm/slurmModel';
import { haveBinary, runningAsRoot } from './needBinary';
import { startSlurmCluster, type RunningSlurm } from './slurmCluster';
import { until } from './until';

/** This file's patience for Slurm to settle. */
const untilWithin = <T>(what: string, probe: () => Promise<T | null | undefined>, ms = 15_000) =>
  until(what, probe, ms);

/**
 * The Slurm adapter against a real Slurm 22.05 (slurmctld + 4 slurmd × 8 fake H200 + slurmrestd with
 * JWT): list, submit, drain, requeue onto another node, resume, cancel — each step checked against
 * Slurm's own CLI as well as the REST answers. scontrol runs as the console runs it locally: JWT only,
 * with a client slurm.conf that has no munge. The same steps run against the simulator in
 * main/core/adapters/slurm/slurmAdapterSim.test.ts.
 */
const enabled =
  haveBinary(
    'slurmctld',
    'apt-get install slurmctld slurmd slurm-client slurmrestd slurm-wlm-jwt-plugin munge',
  ) && runningAsRoot('the real-Slurm test');

describe.runIf(enabled)('Slurm adapter against a real Slurm 22.05', () => {
  let slurm: RunningSlurm;
  let client: SlurmClient;
  let scontrol: Scontrol;
  let jobId = 0;
  let firstNode = '';

  const node = async (name: string): Promise<SlurmNode> => {
    const r = await client.nodes();
    if (!r.ok) throw new Error(r.error.message);
    return r.value.find((n) => n.name === name)!;
  };
  const job = async (id: number): Promise<SlurmJob> => {
    const r = await client.job(id);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  /** Slurm's own view, independent of REST: state and nodes from squeue. */
  const squeue = async (id: number) =>
    (await slurm.cli('squeue', ['-h', '-j', String(id), '-t', 'all', '-o', '%T %N'])).trim();
  const sinfo = async (name: string) =>
    (await slurm.cli('sinfo', ['-h', '-N', '-n', name, '-o', '%T|%E|%G'])).trim();

  beforeAll(async () => {
    const t0 = Date.now();
    slurm = await startSlurmCluster({ nodes: 4, gpusPerNode: 8, gpuType: 'h200' });
    console.info(`real Slurm 22.05 up in ${Date.now() - t0} ms under ${slurm.root}`);
    const token = slurm.token('root', 600);
    client = new SlurmClient(slurm.restUrl, { user: 'root', token, timeoutMs: 5000, maxBytes: 1e7 });
    scontrol = localScontrol({ slurmConf: slurm.clientConf, token, timeoutMs: 10_000 });
  }, 60_000);
  afterAll(async () => {
    await slurm?.stop();
  }, 30_000);

  it('lists 4 nodes × 8 H200, matching sinfo', async () => {
    const ping = await client.ping();
    expect(ping).toMatchObject({ ok: true, value: [{ ping: 'UP', release: '22.05.8' }] });
    const nodes = await client.nodes();
    if (!nodes.ok) throw new Error(nodes.error.message);
    expect(nodes.value.map((n) => n.name)).toEqual(['gpu1', 'gpu2', 'gpu3', 'gpu4']);
    for (const n of nodes.value) {
      expect(n).toMatchObject({ state: 'idle', flags: [], gpusTotal: 8, gpusUsed: 0, gpuType: 'h200' });
      expect(await sinfo(n.name)).toBe('idle|none|gpu:h200:8');
    }
  });

  it('submits a 2-GPU job; it runs on some node', async () => {
    const sub = await client.submit({
      name: 'fc-two-gpu',
      script: '#!/bin/bash\n#SBATCH --gres=gpu:2\nsleep 120\n',
      gpus: 2,
      account: 'acme-ai',
      comment: 'data-class=internal',
      cwd: `${slurm.root}/jobs`,
    });
    if (!sub.ok) throw new Error(sub.error.message);
    jobId = sub.value.jobId;
    const running = await untilWithin('job running', async () => {
      const j = await job(jobId);
      return j.state === 'RUNNING' ? j : null;
    });
    expect(running).toMatchObject({
      gpus: 2,
      account: 'acme-ai',
      comment: 'data-class=internal',
      restarts: 0,
    });
    expect(running.nodes).toHaveLength(1);
    // The residency tracker's reading of it (issue 7): tenant from the account, class from the comment.
    expect(workloadOf('hpc', running)).toEqual({
      workload: `hpc#${jobId}`,
      tenant: 'acme-ai',
      dataClass: 'internal',
    });
    firstNode = running.nodes[0]!;
    expect(await squeue(jobId)).toBe(`RUNNING ${firstNode}`);
    expect((await node(firstNode)).gpusUsed).toBe(2);
  });

  it('drains that node with a reason (scontrol by JWT); an empty reason is refused', async () => {
    expect(await scontrol.drain(firstNode, '')).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    const reason = 'XID 79: GPU fell off the bus (fleet-console test)';
    expect(await scontrol.drain(firstNode, reason)).toEqual({ ok: true, value: undefined });
    const n = await node(firstNode);
    expect(n).toMatchObject({ flags: ['DRAIN'], reason, reasonSetBy: 'root' });
    expect(nodeCondition(n)).toBe('draining');
    expect(await sinfo(firstNode)).toBe(`draining|${reason}|gpu:h200:8`);
  });

  it('requeues the job; with begin_time=now it runs again at once, on another node', async () => {
    const t0 = Date.now();
    const r = await requeueNow(scontrol, client, jobId);
    expect(r).toMatchObject({ ok: true, value: { state: 'PENDING', restarts: 1 } });
    const again = await untilWithin('job running again', async () => {
      const j = await job(jobId);
      return j.state === 'RUNNING' ? j : null;
    });
    const took = Date.now() - t0;
    console.info(`requeue → running again on ${again.nodes.join(',')} in ${took} ms`);
    expect(took).toBeLessThan(9_000); // without begin_time=now: cred_expire+1 = 11 s on this cluster
    expect(again.restarts).toBe(1);
    expect(again.nodes).toHaveLength(1);
    expect(again.nodes[0]).not.toBe(firstNode);
    expect(await squeue(jobId)).toBe(`RUNNING ${again.nodes[0]}`);
    const drained = await untilWithin('node drained', async () => {
      const n = await node(firstNode);
      return nodeCondition(n) === 'drained' ? n : null;
    });
    expect(drained.gpusUsed).toBe(0);
  });

  it('resumes the drained node: idle again', async () => {
    expect(await scontrol.resume(firstNode)).toEqual({ ok: true, value: undefined });
    // 22.05 marks a resumed node NOT_RESPONDING until its slurmd answers the next ping.
    const n = await untilWithin('node idle', async () => {
      const x = await node(firstNode);
      return x.state === 'idle' && x.flags.length === 0 ? x : null;
    });
    expect(n.reason).toBeNull();
    expect(await sinfo(firstNode)).toBe('idle|none|gpu:h200:8');
    expect(await scontrol.resume(firstNode)).toMatchObject({
      ok: false,
      error: { kind: 'rejected', message: expect.stringMatching(/Invalid node state specified/) },
    });
  });

  it('cancels the job', async () => {
    expect(await client.cancel(jobId)).toEqual({ ok: true, value: undefined });
    const j = await untilWithin('job cancelled', async () => {
      const x = await job(jobId);
      return x.state === 'CANCELLED' ? x : null;
    });
    expect(j.restarts).toBe(1);
    expect((await squeue(jobId)).split(' ')[0]).toBe('CANCELLED');
    expect(await client.job(999_999)).toMatchObject({
      ok: false,
      error: { kind: 'rejected', slurmErrno: 2017 },
    });
  });

  it('reports a wrong, expired or missing token as an auth failure (REST and scontrol)', async () => {
    const as = (token: string) =>
      new SlurmClient(slurm.restUrl, { user: 'root', token, timeoutMs: 5000, maxBytes: 1e6 });
    for (const token of ['not-a-token', slurm.token('root', -60), ''])
      expect(await as(token).nodes(), token).toMatchObject({ ok: false, error: { kind: 'auth' } });
    const bad = localScontrol({ slurmConf: slurm.clientConf, token: 'not-a-token', timeoutMs: 10_000 });
    expect(await bad.drain('gpu2', 'x')).toMatchObject({ ok: false, error: { kind: 'auth' } });
    expect(await sinfo('gpu2')).not.toMatch(/drain/); // the refused drain changed nothing
  });

  it('reports a killed slurmrestd as unreachable', async () => {
    await slurm.killRestd();
    expect(await client.nodes()).toMatchObject({
      ok: false,
      error: { kind: 'unreachable', message: expect.stringMatching(/connection (refused|closed)/) },
    });
  });
});
