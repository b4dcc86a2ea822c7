import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimFleet } from '../../sim/simFleet';
import { SimScontrol } from '../../sim/simScontrol';
import { startSimServers, type RunningSim, type SimScheduler } from '../../sim/simServer';
import { requeueNow } from './requeueNow';
import { Scontrol } from './scontrol';
import { SlurmClient } from './slurmClient';
import { nodeCondition } from './slurmModel';

/**
 * The Slurm adapter against the simulator's slurmrestd + scontrol, over real HTTP on loopback: the
 * same steps as the real-Slurm integration test (test/integration/slurm.test.ts), so one adapter is
 * shown to run against both. Seed 11 gives a site of 4 H200 nodes, one of them idle.
 */
const T0 = Date.UTC(2026, 10, 29, 14, 0, 0);

describe('Slurm adapter against the simulator', () => {
  const fleet = new SimFleet({ seed: 11, sites: 2, nodesPerSite: 4 }, () => T0);
  const site = fleet.sites[0]!;
  let sim: RunningSim;
  let sched: SimScheduler;
  let client: SlurmClient;
  let scontrol: Scontrol;
  let jobId = 0;
  let firstNode = '';

  beforeAll(async () => {
    sim = await startSimServers(fleet);
    sched = sim.manifest.schedulers.find((s) => s.siteId === site.id)!;
    client = new SlurmClient(sched.url, {
      user: sched.user,
      token: sched.token,
      timeoutMs: 2000,
      maxBytes: 1e7,
    });
    // As the console runs scontrol locally: SLURM_CONF + SLURM_JWT in its environment.
    scontrol = new Scontrol(new SimScontrol(fleet, site.id), {
      env: { SLURM_CONF: '/etc/slurm/slurm.conf', SLURM_JWT: sched.token },
    });
  });
  afterAll(async () => sim?.stop());

  it('prints a scheduler per site in the manifest, with its own token', () => {
    expect(sim.manifest.schedulers).toHaveLength(2);
    expect(sched).toMatchObject({ kind: 'slurm', apiVersion: 'v0.0.38', user: 'root' });
    expect(sim.manifest.schedulers[1]!.token).not.toBe(sched.token);
  });

  it('lists nodes and GPUs', async () => {
    const ping = await client.ping();
    expect(ping).toMatchObject({ ok: true, value: [{ ping: 'UP', release: '22.05.8' }] });
    const nodes = await client.nodes();
    if (!nodes.ok) throw new Error(nodes.error.message);
    expect(nodes.value.map((n) => n.name)).toEqual(site.nodes.map((n) => n.hostname));
    for (const n of nodes.value) expect(n).toMatchObject({ gpusTotal: 8, gpuType: 'h200', flags: [] });
    const jobs = await client.jobs();
    if (!jobs.ok) throw new Error(jobs.error.message);
    const used = (name: string) =>
      jobs.value.filter((j) => j.nodes.includes(name)).reduce((s, j) => s + j.gpus!, 0);
    for (const n of nodes.value) expect(n.gpusUsed).toBe(used(n.name));
  });

  it('submits a 2-GPU job; it runs on some node', async () => {
    const sub = await client.submit({
      name: 'fc-two-gpu',
      script: '#!/bin/bash\n#SBATCH --gres=gpu:2\nsleep 120\n',
      gpus: 2,
      account: 'acme-ai',
      comment: 'data-class=internal',
    });
    if (!sub.ok) throw new Error(sub.error.message);
    jobId = sub.value.jobId;
    const job = await client.job(jobId);
    if (!job.ok) throw new Error(job.error.message);
    expect(job.value).toMatchObject({ state: 'RUNNING', gpus: 2, account: 'acme-ai', restarts: 0 });
    expect(job.value.nodes).toHaveLength(1);
    firstNode = job.value.nodes[0]!;
  });

  it("refuses a drain without a reason, then drains the job's node with one", async () => {
    expect(await scontrol.drain(firstNode, ' ')).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    expect(await scontrol.drain(firstNode, 'XID 79: GPU fell off the bus')).toEqual({
      ok: true,
      value: undefined,
    });
    const nodes = await client.nodes();
    const n = nodes.ok ? nodes.value.find((x) => x.name === firstNode)! : null;
    expect(n).toMatchObject({
      flags: ['DRAIN'],
      reason: 'XID 79: GPU fell off the bus',
      reasonSetBy: 'root',
    });
    expect(nodeCondition(n!)).toBe('draining'); // its jobs still run
  });

  it('requeues the job; with begin_time=now it runs at once on another node', async () => {
    const r = await requeueNow(scontrol, client, jobId);
    expect(r).toMatchObject({ ok: true, value: { state: 'PENDING', stateReason: 'BeginTime', restarts: 1 } });
    const job = await client.job(jobId);
    if (!job.ok) throw new Error(job.error.message);
    expect(job.value).toMatchObject({ state: 'RUNNING', restarts: 1, gpus: 2 });
    expect(job.value.nodes).toHaveLength(1);
    expect(job.value.nodes[0]).not.toBe(firstNode);
  });

  it('resumes the drained node', async () => {
    expect((await scontrol.resume(firstNode)).ok).toBe(true);
    const nodes = await client.nodes();
    const n = nodes.ok ? nodes.value.find((x) => x.name === firstNode)! : null;
    expect(n?.flags).toEqual([]);
    expect(['idle', 'mixed', 'allocated']).toContain(nodeCondition(n!));
    expect(await scontrol.resume(firstNode)).toMatchObject({ ok: false, error: { kind: 'rejected' } });
  });

  it('cancels the job', async () => {
    expect(await client.cancel(jobId)).toEqual({ ok: true, value: undefined });
    expect(await client.job(jobId)).toMatchObject({ ok: true, value: { state: 'CANCELLED' } });
    expect(await client.cancel(987_654_321)).toMatchObject({
      ok: false,
      error: {
        kind: 'rejected',
        slurmErrno: 2017,
        message: expect.stringMatching(/Invalid job id specified/),
      },
    });
  });

  it('reports a wrong or missing token as auth, and a bad request body as Slurm says it', async () => {
    const other = sim.manifest.schedulers[1]!.token; // valid JWT, other site's key
    for (const token of ['garbage', other]) {
      const bad = new SlurmClient(sched.url, { user: 'root', token, timeoutMs: 2000, maxBytes: 1e6 });
      expect(await bad.nodes()).toMatchObject({ ok: false, error: { kind: 'auth' } });
      expect(await bad.jobs()).toMatchObject({ ok: false, error: { kind: 'auth' } });
    }
    const empty = new SlurmClient(sched.url, { user: 'root', token: '', timeoutMs: 2000, maxBytes: 1e6 });
    expect(await empty.ping()).toMatchObject({ ok: false, error: { kind: 'auth' } });
    const badScontrol = new Scontrol(new SimScontrol(fleet, site.id), { env: { SLURM_JWT: other } });
    expect(await badScontrol.resume(firstNode)).toMatchObject({ ok: false, error: { kind: 'auth' } });
    expect(await client.submit({ name: 'x', script: 'sleep 1' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid', message: expect.stringMatching(/must start with "#!"/) },
    });
  });

  it('reports a site that answers garbage, drops connections or is gone', async () => {
    fleet.setFault(site.id, 'garbage');
    expect(await client.nodes()).toMatchObject({ ok: false, error: { kind: 'bad-response' } });
    fleet.setFault(site.id, 'down');
    expect(await client.nodes()).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
    fleet.setFault(site.id, 'none');
    expect((await client.nodes()).ok).toBe(true);
    await sim.stop();
    expect(await client.nodes()).toMatchObject({
      ok: false,
      error: { kind: 'unreachable', message: expect.stringMatching(/connection (refused|closed)/) },
    });
  });
});
