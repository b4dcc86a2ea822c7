/**
 * `npm run crash -- [--points 20] [--seed N]`: crash injection for failovers (issue 11). The served
 * console runs failovers of a real Slurm 22.05's nodes (sixteen 1-GPU jobs on gpu1–gpu2, room on
 * gpu3–gpu4) and is SIGKILLed at random moments — during a plan, during its resumption, between
 * steps. After every kill, against Slurm's own squeue: the same jobs live, none twice; every step the
 * journal has as done moved its job off the source node, every step never started left its job
 * there. Then the console starts again, the plan shows interrupted, and it is resumed — or killed
 * again. When all points are spent the last plan is let finish. Exits 1 on the first broken rule.
 * Needs root and the Slurm packages (as the integration tests).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlanRunView, PlanView } from '../../shared/placement';
import { readJournal } from '../../main/core/placement/planExecutor';
import { mulberry32 } from '../../main/core/sim/prng';
import { SimFleet } from '../../main/core/sim/simFleet';
import { startSimServers } from '../../main/core/sim/simServer';
import {
  connectAsAdmin,
  startServedProcess,
  writeSlurmSiteConfig,
  type ServedClient,
  type ServedProcess,
} from '../integration/servedClient';
import { startSlurmCluster } from '../integration/slurmCluster';
import { until } from '../integration/until';

/** This file's patience for Slurm to settle. */
const untilWithin = <T>(what: string, probe: () => Promise<T | null | undefined>, ms = 60_000) =>
  until(what, probe, ms);

const SITE = 'eu-hpc-1';
const PASS = 'crash-script-admin-passphrase';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`BROKEN: ${what}`);
}

async function main() {
  const points = arg('points', 20);
  const rnd = mulberry32(arg('seed', Date.now() % 1e9));
  const slurm = await startSlurmCluster({ nodes: 4, gpusPerNode: 8, gpuType: 'h200' });
  const sim = await startSimServers(new SimFleet({ seed: 9, sites: 1, nodesPerSite: 4 }));
  let served: ServedProcess | null = null;
  try {
    for (let i = 0; i < 16; i++)
      await slurm.cli('sbatch', [
        '--parsable',
        '--gres=gpu:1',
        `--job-name=w${i}`,
        '--output=/dev/null',
        '--wrap',
        'sleep 3600',
      ]);
    const live = async () =>
      new Map(
        (await slurm.cli('squeue', ['-h', '-t', 'PENDING,RUNNING,CONFIGURING,COMPLETING', '-o', '%i %T %N']))
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => l.trim().split(/\s+/))
          .map(([id, state, node]) => [Number(id), { state: state!, node: node ?? '' }] as const),
      );
    await untilWithin('16 jobs running', async () => {
      const m = await live();
      return m.size === 16 && [...m.values()].every((j) => j.state === 'RUNNING') ? true : null;
    });
    const jobs = [...(await live()).keys()].sort();

    const config = mkdtempSync(join(tmpdir(), 'fc-crash-script-'));
    const t = sim.manifest.sites[0]!.telemetry;
    const urls = t.kind === 'dcgm' ? t.endpoints.map((e) => e.url) : [];
    writeSlurmSiteConfig(config, SITE, slurm, urls);
    const journalPath = join(config, 'placement', 'journal.jsonl');

    const start = async (): Promise<ServedClient> => {
      served = await startServedProcess(config);
      return connectAsAdmin(served.url, PASS);
    };
    const runs = async (c: ServedClient) => {
      const r = await c.call('placement.runs', {});
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };

    /** The invariants after a kill, for the plan that was running. */
    const verify = async (plan: PlanView) => {
      await sleep(1500); // a requeue or cancel in flight settles in slurmctld
      const m = await live();
      check(
        JSON.stringify([...m.keys()].sort()) === JSON.stringify(jobs),
        `the live jobs changed: ${[...m.keys()].sort().join(',')} vs ${jobs.join(',')}`,
      );
      const last = new Map<number, string>();
      for (const l of (await readJournal(journalPath)).filter((x) => x.planId === plan.id))
        last.set(l.step, l.state);
      plan.moves.forEach((mv, i) => {
        const where = m.get(mv.jobId!)?.node;
        if (last.get(i) === 'done')
          check(where !== mv.from.hostname, `step ${i} is done but job ${mv.jobId} is on ${where}`);
        if (!last.has(i))
          check(where === mv.from.hostname, `step ${i} never started but job ${mv.jobId} is on ${where}`);
      });
      return last;
    };

    let plan: PlanView | null = null;
    for (let point = 1; point <= points; point++) {
      const c = await start();
      const open = (await runs(c)).find((r) => r.state === 'interrupted');
      if (open) {
        plan = open.plan;
        const r = await c.call('placement.resume', { planId: plan.id });
        if (!r.ok) throw new Error(r.error.message);
      } else {
        // A new failover: the nodes emptied before take work again; the busiest node goes next.
        for (const n of slurm.nodeNames) {
          const state = (await slurm.cli('sinfo', ['-h', '-N', '-n', n, '-o', '%T'])).trim();
          if (/drain/.test(state)) await slurm.cli('scontrol', ['update', `nodename=${n}`, 'state=resume']);
        }
        await untilWithin('nodes answering again', async () =>
          /\*|not_responding|drain/i.test(await slurm.cli('sinfo', ['-h', '-N', '-o', '%T'])) ? null : true,
        );
        const counts = new Map<string, number>();
        for (const j of (await live()).values()) counts.set(j.node, (counts.get(j.node) ?? 0) + 1);
        const target = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
        const p = await untilWithin('a plan with moves', async () => {
          const x = await c.call('placement.plan', {
            goal: { kind: 'evacuate', scope: { node: { siteId: SITE, hostname: target } } },
          });
          return x.ok && x.value.moves.length > 0 && x.value.unplaced.length === 0 ? x.value : null;
        });
        plan = p;
        const r = await c.call('placement.execute', { planId: p.id, confirm: `${SITE}/${target}` });
        if (!r.ok) throw new Error(r.error.message);
      }
      const delay = Math.floor(rnd() * 1200);
      await sleep(delay);
      served!.child.kill('SIGKILL');
      await new Promise((r) => served!.child.once('exit', r));
      served = null;
      c.close();
      const last = await verify(plan);
      const states = plan.moves.map((_, i) => last.get(i) ?? 'pending');
      console.log(
        `point ${point}/${points}: killed ${delay} ms in; plan ${plan.id}: ${states.filter((s) => s === 'done').length} done, ${states.filter((s) => s === 'started').length} started, ${states.filter((s) => s === 'pending').length} pending — jobs intact`,
      );
    }
    // Let the last plan finish, and check the end state.
    const c = await start();
    const open = (await runs(c)).find((r) => r.state === 'interrupted');
    if (open) {
      const r = await c.call('placement.resume', { planId: open.plan.id });
      if (!r.ok) throw new Error(r.error.message);
      const end = await until<PlanRunView>('the last plan ends', async () =>
        (await runs(c)).find((r) => r.plan.id === open.plan.id && r.state !== 'running'),
      );
      check(
        end.state === 'done',
        `the last plan ended ${end.state}: ${end.steps.map((s) => s.message).join('; ')}`,
      );
      await verify(end.plan);
    }
    c.close();
    console.log(
      `crash injection: ${points} kills, no job lost or duplicated, the journal told the truth each time`,
    );
  } finally {
    await (served as ServedProcess | null)?.stop();
    await sim.stop();
    await slurm.stop();
  }
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
