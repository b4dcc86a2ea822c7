import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../../shared/result';
import { localScontrol } from '../../main/core/adapters/slurm/scontrol';
import { SlurmClient } from '../../main/core/adapters/slurm/slurmClient';
import { nodeCondition, type SlurmJob } from '../../main/core/adapters/slurm/slurmModel';
import { PlanExecutor, readJournal } from '../../main/core/placement/planExecutor';
import { planPlacement } from '../../main/core/placement/planPlacement';
import type { PlanInput, PlanNode, PlanWorkload } from '../../main/core/placement/planTypes';
import { SlurmMoveAdapter } from '../../main/core/placement/slurmMoveAdapter';
import { haveBinary, runningAsRoot } from './needBinary';
import { startSlurmCluster, type RunningSlurm } from './slurmCluster';
import { until } from './until';

/** This file's patience for Slurm to settle. */
const untilWithin = <T>(what: string, probe: () => Promise<T | null | undefined>, ms = 20_000) =>
  until(what, probe, ms);

/**
 * The planner, the executor and the Slurm move adapter against a real Slurm 22.05 (4 slurmd × 8 fake
 * H200): evacuate one node — its jobs run on the other nodes, each exactly once, and the node is
 * drained. Then the across-sites path on the same cluster seen as two sites: the job's own script is
 * resubmitted deferred and pinned, the source cancelled, the copy started — checked with squeue.
 */
const enabled =
  haveBinary(
    'slurmctld',
    'apt-get install slurmctld slurmd slurm-client slurmrestd slurm-wlm-jwt-plugin munge',
  ) && runningAsRoot('the real-Slurm placement test');

describe.runIf(enabled)('placement on a real Slurm 22.05', () => {
  let slurm: RunningSlurm;
  let client: SlurmClient;
  let adapter: SlurmMoveAdapter;
  let journal: string;

  const jobs = async (): Promise<SlurmJob[]> => {
    const r = await client.jobs();
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  /** Slurm's own view: state and node of every job, from squeue. */
  const squeue = async () =>
    (await slurm.cli('squeue', ['-h', '-t', 'all', '-o', '%i %T %N %k']))
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/));

  /** The planner's view of this cluster, as planInput builds it from a site's scheduler. */
  async function inputFor(goal: PlanInput['goal'], sites: string[]): Promise<PlanInput> {
    const nodes = await client.nodes();
    if (!nodes.ok) throw new Error(nodes.error.message);
    const running = (await jobs()).filter((j) => j.state === 'RUNNING');
    const siteOf = (host: string) => (sites.length === 1 || host !== 'gpu1' ? sites.at(-1)! : sites[0]!);
    const planNodes: PlanNode[] = nodes.value.map((n) => ({
      siteId: siteOf(n.name),
      hostname: n.name,
      model: 'H200',
      gpus: n.gpusTotal ?? 8,
      freeGpus: (n.gpusTotal ?? 8) - (n.gpusUsed ?? 0),
      state: /drain/i.test(nodeCondition(n)) ? 'drained' : 'up',
      idleKwPerGpu: 0.07,
    }));
    const workloads: PlanWorkload[] = running.map((j) => ({
      id: `${siteOf(j.nodes[0]!)}#${j.id}`,
      label: j.name,
      jobId: j.id,
      tenant: j.account ?? 'none',
      dataClass: 'internal',
      gpus: j.gpus ?? 1,
      model: null,
      siteId: siteOf(j.nodes[0]!),
      hostname: j.nodes[0]!,
      priority: 0,
      powerKw: 1,
      users: null,
    }));
    const site = (id: string) => ({
      id,
      country: 'DE',
      subdivision: null,
      lat: 50,
      lon: 8,
      headroomKw: null,
      rttOverheadMs: 2,
      pue: 1.2,
      tariff: null,
      carbonGPerKwh: 380,
    });
    return {
      sites: sites.map(site),
      nodes: planNodes,
      workloads,
      judge: () => ({ allowed: true }) as never,
      goal,
    };
  }

  beforeAll(async () => {
    slurm = await startSlurmCluster({ nodes: 4, gpusPerNode: 8, gpuType: 'h200' });
    const token = slurm.token('root', 900);
    client = new SlurmClient(slurm.restUrl, { user: 'root', token, timeoutMs: 5000, maxBytes: 1e7 });
    const scontrol = localScontrol({ slurmConf: slurm.clientConf, token, timeoutMs: 10_000 });
    // Both "sites" are this cluster: the across-sites path runs its real REST and scontrol calls.
    adapter = new SlurmMoveAdapter({
      tools: () => ok({ client, scontrol }),
      reason: (r) => `plan ${r.planId}`,
    });
    journal = join(await mkdtemp(join(tmpdir(), 'fc-journal-')), 'journal.jsonl');
    // Three 2-GPU jobs; Slurm packs them onto gpu1 (first fit).
    for (const n of [1, 2, 3]) {
      const sub = await client.submit({
        name: `train-${n}`,
        script: `#!/bin/bash\n# train ${n}\nsleep 900\n`,
        gpus: 2,
        account: 'acme-ai',
        comment: `data-class=internal workload=train-${n}`,
        cwd: `${slurm.root}/jobs`,
      });
      if (!sub.ok) throw new Error(sub.error.message);
    }
    await untilWithin('three jobs running', async () =>
      (await jobs()).filter((j) => j.state === 'RUNNING').length === 3 ? true : null,
    );
  }, 90_000);
  afterAll(async () => {
    await slurm?.stop();
  }, 30_000);

  it('evacuates a node: its jobs run on other nodes, each once, and the node is drained', async () => {
    const before = (await jobs()).filter((j) => j.state === 'RUNNING');
    const source = before[0]!.nodes[0]!;
    const moving = before.filter((j) => j.nodes[0] === source).map((j) => j.id);
    expect(moving.length).toBeGreaterThan(0);
    const plan = planPlacement(
      await inputFor({ kind: 'evacuate', scope: { node: { siteId: 'hpc', hostname: source } } }, ['hpc']),
    );
    expect(plan.unplaced).toEqual([]);
    expect(plan.moves.map((m) => m.jobId).sort()).toEqual([...moving].sort());

    const t0 = Date.now();
    const ex = new PlanExecutor(journal, adapter, { concurrency: 2, retries: 2, backoffMs: () => 500 });
    expect(await ex.run('p-evac-node', plan.moves)).toEqual(plan.moves.map(() => 'done'));
    console.info(`evacuated ${plan.moves.length} jobs off ${source} in ${Date.now() - t0} ms`);

    const q = await untilWithin('moved jobs running', async () => {
      const rows = await squeue();
      return moving.every((id) => rows.some((r) => r[0] === String(id) && r[1] === 'RUNNING')) ? rows : null;
    });
    for (const m of plan.moves) {
      const row = q.find((r) => r[0] === String(m.jobId))!;
      expect(row[2]).toBe(m.to.hostname); // where the plan said
      expect(row[2]).not.toBe(source);
    }
    // Still three jobs in all, none twice.
    expect(q.filter((r) => r[1] === 'RUNNING')).toHaveLength(3);
    const n = await client.nodes();
    const node = n.ok ? n.value.find((x) => x.name === source)! : null;
    expect(node && nodeCondition(node)).toMatch(/drain/);
    expect(node?.reason).toBe('plan p-evac-node');
    const lines = await readJournal(journal);
    expect(lines.filter((l) => l.state === 'done')).toHaveLength(plan.moves.length);
  }, 90_000);

  it('moves a job "across sites": the same script resubmitted, pinned, the source cancelled, the copy running once', async () => {
    const running = (await jobs()).filter((j) => j.state === 'RUNNING');
    const job = running[0]!;
    const plan = {
      unit: `a#${job.id}`,
      workload: job.name,
      jobId: job.id,
      tenant: 'acme-ai',
      dataClass: 'internal',
      gpus: 2,
      from: { siteId: 'a', hostname: job.nodes[0]!, country: 'DE' },
      to: {
        siteId: 'b',
        hostname: running.some((j) => j.nodes[0] === 'gpu4') ? 'gpu3' : 'gpu4',
        country: 'DE',
      },
      crossSite: true,
    };
    const ex = new PlanExecutor(journal, adapter, { concurrency: 1, retries: 2, backoffMs: () => 500 });
    expect(await ex.run('p-cross', [plan])).toEqual(['done']);
    const all = await jobs();
    expect(all.find((j) => j.id === job.id)?.state).toBe('CANCELLED');
    const copies = all.filter((j) => (j.comment ?? '').includes('fc-move=p-cross.0'));
    expect(copies).toHaveLength(1);
    const copy = await untilWithin('copy running', async () => {
      const r = await client.job(copies[0]!.id);
      return r.ok && r.value.state === 'RUNNING' ? r.value : null;
    });
    expect(copy.nodes).toEqual([plan.to.hostname]);
    expect(copy).toMatchObject({ name: job.name, account: 'acme-ai', gpus: 2 });
    expect(copy.comment).toContain(`workload=${job.name}`);
    const script = await slurm.cli('scontrol', ['write', 'batch_script', String(copy.id), '-']);
    expect(script).toContain('sleep 900');
    // Running the step again finds the copy and does nothing twice.
    expect(await adapter.apply(plan, { planId: 'p-cross', step: 0 })).toMatchObject({ ok: true });
    expect((await jobs()).filter((j) => (j.comment ?? '').includes('fc-move=p-cross.0'))).toHaveLength(1);
    expect(await adapter.verify(plan, { planId: 'p-cross', step: 0 })).toBe('done');
  }, 90_000);
});
