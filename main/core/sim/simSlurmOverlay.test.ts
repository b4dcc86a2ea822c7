import { describe, expect, it } from 'vitest';
import { JOB_WINDOW_S } from './gpuPhysics';
import { SimFleet } from './simFleet';
import { baseJobId } from './simLayoutJobs';
import { FINISHED_KEEP_S, REQUEUE_HOLD_S, SimSlurmOverlay, type SimSubmission } from './simSlurmOverlay';

const T0S = Math.floor(Date.UTC(2026, 10, 29, 14, 0, 0) / 1000);
const fleet = new SimFleet({ seed: 9, sites: 1, nodesPerSite: 4 }, () => T0S * 1000);
const site = fleet.sites[0]!;
const submission = (over: Partial<SimSubmission> = {}): SimSubmission => ({
  name: 'train',
  script: '#!/bin/bash\nsleep 120\n',
  user: 'root',
  account: 'acme',
  comment: '',
  gpus: 2,
  gpuType: null,
  timeLimitMin: null,
  ...over,
});
const busyNode = () => site.nodes.find((n) => fleet.jobs(site, n, T0S).length > 0)!;

describe('SimSlurmOverlay', () => {
  it("lists the layout's jobs with ids stable within their window and distinct across nodes", () => {
    const o = new SimSlurmOverlay(site, T0S * 1000);
    const a = o.settle(T0S).jobs.map((j) => j.id);
    expect(o.settle(T0S + 1).jobs.map((j) => j.id)).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
    expect(baseJobId(0, 4, 7, 0)).not.toBe(baseJobId(1, 4, 7, 0));
  });

  it("keeps a drained node's running jobs until their window ends, then starts none (drained)", () => {
    const o = new SimSlurmOverlay(site, T0S * 1000);
    const node = busyNode();
    expect(o.drain(node.hostname, 'XID 79', 'root', T0S)).toBeNull();
    const now = o.settle(T0S).nodes.find((n) => n.node.hostname === node.hostname)!;
    expect(now.usedIndices.length).toBeGreaterThan(0); // draining
    const later = T0S + 2 * JOB_WINDOW_S;
    const after = o.settle(later).nodes.find((n) => n.node.hostname === node.hostname)!;
    expect(after.usedIndices).toEqual([]); // drained
    expect(after.drain?.reason).toBe('XID 79');
    // Resumed: the next window's jobs run again, the drained span's stay gone.
    expect(o.resume(node.hostname, later)).toBeNull();
    expect(o.settle(later).nodes.find((n) => n.node.hostname === node.hostname)!.usedIndices).toEqual([]);
    const next = later + JOB_WINDOW_S;
    expect(o.settle(next).jobs.filter((j) => j.node === node.hostname).length).toBe(
      fleet.jobs(site, node, next).length,
    );
  });

  it('holds a requeued job for cred_expire+1 s unless its begin time is reset, then places it elsewhere', () => {
    const o = new SimSlurmOverlay(site, T0S * 1000);
    const node = busyNode();
    const job = o.settle(T0S).jobs.find((j) => j.node === node.hostname)!;
    o.drain(node.hostname, 'moving', 'root', T0S);
    expect(o.requeue(job.id, T0S)).toBeNull();
    const held = o.settle(T0S + 5).jobs.find((j) => j.id === job.id)!;
    expect(held).toMatchObject({ state: 'PENDING', stateReason: 'BeginTime', restarts: 1, node: null });
    expect(held.eligibleS).toBe(T0S + REQUEUE_HOLD_S);
    expect(o.requeue(job.id, T0S + 5)).toMatchObject({ error: 'Job is pending execution' });
    expect(o.startNow(job.id, T0S + 6)).toBeNull();
    const moved = o.settle(T0S + 6).jobs.find((j) => j.id === job.id)!;
    // seed 9: fra1-gpu-002 is an idle A100 like the drained one
    expect(moved).toMatchObject({ state: 'RUNNING', node: 'fra1-gpu-002', gpus: job.gpus, startS: T0S + 6 });
    // its GPUs are its own: no layout job shares them
    const v = o.settle(T0S + 6);
    for (const n of v.nodes) expect(new Set(n.usedIndices).size).toBe(n.usedIndices.length);
  });

  it('submits first-fit on nodes that are not drained, cancels, and forgets finished jobs after MinJobAge', () => {
    const o = new SimSlurmOverlay(site, T0S * 1000);
    for (const n of site.nodes.slice(0, -1)) o.drain(n.hostname, 'maintenance', 'root', T0S);
    const r = o.submit(submission({ gpus: 1 }), T0S);
    if (!('id' in r)) throw new Error(r.error);
    const placed = o.settle(T0S).jobs.find((j) => j.id === r.id)!;
    // the only node not drained (5 of its 8 GPUs busy in the layout) takes it, on a free GPU
    expect(placed).toMatchObject({ state: 'RUNNING', node: site.nodes.at(-1)!.hostname, gpus: 1 });
    expect(placed.gpuIndices).toEqual([5]);
    expect(o.cancel(r.id, T0S + 1)).toBeNull();
    expect(o.cancel(r.id, T0S + 2)).toBeNull(); // again: 200, as slurmrestd does
    expect(o.settle(T0S + 2).jobs.find((j) => j.id === r.id)).toMatchObject({
      state: 'CANCELLED',
      endS: T0S + 1,
    });
    expect(o.settle(T0S + 2 + FINISHED_KEEP_S).jobs.find((j) => j.id === r.id)).toBeUndefined();
    expect(o.cancel(123_456_789, T0S)).toMatchObject({ errno: 2017 });
  });

  it('fails a script without "#!" as Slurm does after accepting it, and refuses an impossible request', () => {
    const o = new SimSlurmOverlay(site, T0S * 1000);
    const r = o.submit(submission({ script: 'sleep 1' }), T0S);
    if (!('id' in r)) throw new Error(r.error);
    expect(o.settle(T0S).jobs.find((j) => j.id === r.id)?.state).toBe('FAILED');
    expect(o.submit(submission({ gpuType: 'b200' }), T0S)).toMatchObject({ errno: 2014 });
  });
});
