import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanRunView } from '../../shared/placement';
import { readJournal } from '../../main/core/placement/planExecutor';
import { SimFleet } from '../../main/core/sim/simFleet';
import { startSimServers, type RunningSim } from '../../main/core/sim/simServer';
import { haveBinary, runningAsRoot } from './needBinary';
import { connectAsAdmin, startServedProcess, writeSlurmSiteConfig, type ServedProcess } from './servedClient';
import { startSlurmCluster, type RunningSlurm } from './slurmCluster';
import { until } from './until';

/**
 * Issue 6's crash test: the console (its own process, a site whose scheduler is a real Slurm 22.05)
 * runs an admin's failover of a node; it is SIGKILLed as soon as the journal records the first step
 * done. Then, against Slurm's own squeue: no job lost, none running twice; the restarted console
 * shows the plan interrupted, each step as the journal has it and as Slurm confirms; resuming it
 * moves the rest, and every job ends up off the node, once.
 */
const enabled =
  haveBinary(
    'slurmctld',
    'apt-get install slurmctld slurmd slurm-client slurmrestd slurm-wlm-jwt-plugin munge',
  ) && runningAsRoot('the placement crash test');

const SITE = 'eu-hpc-1';
const PASS = 'crash-test-admin-passphrase';
const JOBS = 16;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(enabled)('a console killed mid-plan (SIGKILL)', () => {
  let slurm: RunningSlurm;
  let sim: RunningSim;
  let config: string;
  let served: ServedProcess | null = null;

  /** Slurm's own view of every live job: id → node. */
  const live = async () =>
    new Map(
      (await slurm.cli('squeue', ['-h', '-t', 'PENDING,RUNNING,CONFIGURING', '-o', '%i %N']))
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => l.trim().split(/\s+/) as [string, string?])
        .map(([id, node]) => [Number(id), node ?? ''] as const),
    );

  beforeAll(async () => {
    slurm = await startSlurmCluster({ nodes: 4, gpusPerNode: 8, gpuType: 'h200' });
    // Sixteen 1-GPU jobs: Slurm packs them onto gpu1 and gpu2; gpu3 and gpu4 stay free.
    for (let i = 0; i < JOBS; i++)
      await slurm.cli('sbatch', [
        '--parsable',
        '--gres=gpu:1',
        `--job-name=w${i}`,
        '--output=/dev/null',
        '--wrap',
        'sleep 900',
      ]);
    await until('jobs running', async () =>
      (await live()).size === JOBS && [...(await live()).values()].every(Boolean) ? true : null,
    );
    // Telemetry for the four nodes from simulated exporters; the scheduler is the real Slurm.
    sim = await startSimServers(new SimFleet({ seed: 9, sites: 1, nodesPerSite: 4 }));
    const t = sim.manifest.sites[0]!.telemetry;
    const urls = t.kind === 'dcgm' ? t.endpoints.map((e) => e.url) : [];
    config = mkdtempSync(join(tmpdir(), 'fc-crash-'));
    writeSlurmSiteConfig(config, SITE, slurm, urls);
  }, 120_000);
  afterAll(async () => {
    await served?.stop();
    await sim?.stop();
    await slurm?.stop();
  }, 30_000);

  it('leaves the truth in the journal; after a restart the plan resumes and every job runs once, off the node', async () => {
    const before = await live();
    const onGpu1 = [...before].filter(([, n]) => n === 'gpu1').map(([id]) => id);
    expect(onGpu1.length).toBe(8);

    served = await startServedProcess(config);
    let admin = await connectAsAdmin(served.url, PASS);
    // Wait until the console has read the scheduler (the plan needs the jobs).
    const plan = await until('a plan with moves', async () => {
      const p = await admin.call('placement.plan', {
        goal: { kind: 'evacuate', scope: { node: { siteId: SITE, hostname: 'gpu1' } } },
      });
      return p.ok && p.value.moves.length === 8 ? p.value : null;
    });
    expect(plan.unplaced).toEqual([]);
    expect(plan.moves.every((m) => m.to.hostname === 'gpu3' || m.to.hostname === 'gpu4')).toBe(true);

    const journalPath = join(config, 'placement', 'journal.jsonl');
    const run = await admin.call('placement.execute', { planId: plan.id, confirm: `${SITE}/gpu1` });
    if (!run.ok) throw new Error(run.error.message);
    // The moment the first step is on disk as done: kill -9.
    await until(
      'a step done',
      async () => ((await readJournal(journalPath)).some((l) => l.state === 'done') ? true : null),
      60_000,
    );
    served.child.kill('SIGKILL');
    await new Promise((r) => served!.child.once('exit', r));
    served = null;
    admin.close();

    // Slurm after the crash: the same sixteen jobs, none twice (ids are kept by a move within a site).
    await sleep(1500); // a requeue in flight settles
    const after = await live();
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());

    // What the journal says is what Slurm shows: a done step's job is off gpu1, a never-started one on it.
    const lines = await readJournal(journalPath);
    const raw = readFileSync(journalPath, 'utf8');
    expect(raw.length).toBeGreaterThan(0);
    const last = new Map<number, string>();
    for (const l of lines.filter((x) => x.planId === plan.id)) last.set(l.step, l.state);
    const done = [...last].filter(([, s]) => s === 'done').map(([i]) => i);
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(8); // killed mid-plan
    for (const i of done) expect(after.get(plan.moves[i]!.jobId!)).not.toBe('gpu1');
    for (let i = 0; i < 8; i++) if (!last.has(i)) expect(after.get(plan.moves[i]!.jobId!)).toBe('gpu1');
    console.info(
      `killed with ${done.length} step(s) done, ${[...last.values()].filter((s) => s === 'started').length} started, ${8 - last.size} never started`,
    );

    // Restart: the plan is shown interrupted, step by step as the journal has it.
    served = await startServedProcess(config);
    admin = await connectAsAdmin(served.url, PASS);
    const runs = await admin.call('placement.runs', {});
    if (!runs.ok) throw new Error(runs.error.message);
    const interrupted = runs.value.find((r) => r.plan.id === plan.id)!;
    expect(interrupted.state).toBe('interrupted');
    expect(interrupted.steps.map((s) => s.state)).toEqual(plan.moves.map((_, i) => last.get(i) ?? 'pending'));

    const resumed = await admin.call('placement.resume', { planId: plan.id });
    if (!resumed.ok) throw new Error(resumed.error.message);
    const finished = await until<PlanRunView>(
      'the resumed plan ends',
      async () => {
        const r = await admin.call('placement.runs', {});
        const x = r.ok ? r.value.find((y) => y.plan.id === plan.id) : undefined;
        return x && x.state !== 'running' ? x : null;
      },
      90_000,
    );
    expect(finished.state).toBe('done');
    expect(finished.steps.every((s) => s.state === 'done')).toBe(true);

    // Every job once, none on gpu1, the moved ones where the plan put them.
    const end = await until('moved jobs running', async () => {
      const m = await live();
      return onGpu1.every((id) => m.get(id) && m.get(id) !== 'gpu1') ? m : null;
    });
    expect([...end.keys()].sort()).toEqual([...before.keys()].sort());
    for (const m of plan.moves) expect(end.get(m.jobId!)).toBe(m.to.hostname);
    expect(await slurm.cli('sinfo', ['-h', '-N', '-n', 'gpu1', '-o', '%T'])).toMatch(/drain/);
    admin.close();
  }, 240_000);
});
