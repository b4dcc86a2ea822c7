import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanRunView } from '../../shared/placement';
import type { Core } from '../../main/core/createCore';
import { simSlurmOverlay } from '../../main/core/sim/simSlurmOverlay';
import { startTestCore, windowOn } from './testCore';

/**
 * Plans run through the contract on the demo fleet's simulated Slurm — the same slurmrestd calls and
 * scontrol-over-SSH a real 22.05 site gets: a consolidation empties nodes within their sites; a site
 * failover (admin, confirmed by typing the site's id) resubmits every job elsewhere and cancels it at
 * the source, checked against the simulator's own Slurm record: no job lost, none running twice.
 */
const now = Date.UTC(2026, 10, 29, 3, 0, 0);
let core: Core;

beforeAll(async () => {
  core = await startTestCore({
    demo: { seed: 42, sites: 4, nodesPerSite: 6 },
    intervalMs: 1000,
    now: () => now,
  });
  await core.fleet.scrapeAll();
  core.fleet.tick();
});
afterAll(() => core.stop());

const tSec = () => Math.floor(now / 1000);
/** The simulator's own Slurm: which jobs run where, by job. */
const slurmOf = (siteId: string) => simSlurmOverlay(core.sim!.fleet, siteId)!.settle(tSec());

async function finished(planId: string): Promise<PlanRunView> {
  for (let i = 0; i < 600; i++) {
    const r = await windowOn(core, 'admin').call('placement.runs', {});
    const run = r.ok ? r.value.find((x) => x.plan.id === planId) : undefined;
    if (run && run.state !== 'running') return run;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`plan ${planId} did not finish`);
}

describe('running plans', () => {
  it('consolidation (operator approves): every move is done, the emptied nodes hold no job and are drained', async () => {
    const op = windowOn(core, 'operator');
    const p = await op.call('placement.plan', { goal: { kind: 'consolidate' } });
    if (!p.ok) throw new Error(p.error.message);
    expect(p.value.moves.length).toBeGreaterThan(0);
    expect(await windowOn(core, 'analyst').call('placement.execute', { planId: p.value.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const r = await op.call('placement.execute', { planId: p.value.id });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.state).toBe('running');
    const run = await finished(p.value.id);
    expect(run.steps.map((s) => s.state)).toEqual(p.value.moves.map(() => 'done'));
    expect(run.state).toBe('done');
    for (const m of p.value.moves) {
      const view = slurmOf(m.from.siteId);
      const job = view.jobs.find((j) => j.id === m.jobId)!;
      expect(job.state).toBe('RUNNING');
      expect(job.node).toBe(m.to.hostname);
    }
    const emptied = new Set(p.value.moves.map((m) => `${m.from.siteId}/${m.from.hostname}`));
    expect(emptied.size).toBeGreaterThanOrEqual(p.value.effects.nodesFreed);
    for (const key of emptied) {
      const [siteId, host] = key.split('/') as [string, string];
      const node = slurmOf(siteId).nodes.find((n) => n.node.hostname === host)!;
      expect(node.drain?.reason).toBe(`Fleet Console plan ${p.value.id}`);
      // …and its GPUs go idle in the simulator's own telemetry (what the idle-waste ledger reads).
      const sim = core.sim!.fleet;
      const frames = sim.frames(sim.site(siteId)!, node.node);
      expect(Math.max(...frames.map((f) => f.utilPct))).toBeLessThan(5);
    }
    // An approved plan is not approved twice.
    expect(await op.call('placement.execute', { planId: p.value.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    const trail = core.audit.list({ action: 'placement.step' }, 1000);
    expect(trail.filter((e) => e.params?.planId === p.value.id)).toHaveLength(p.value.moves.length);
  });

  it('site failover (admin): typed confirmation, then every job runs once, elsewhere, with its tags', async () => {
    const admin = windowOn(core, 'admin');
    await core.fleet.scrapeAll();
    const site = core.sim!.fleet.sites[1]!.id;
    const before = slurmOf(site).jobs.filter((j) => j.state === 'RUNNING');
    expect(before.length).toBeGreaterThan(0);
    const p = await admin.call('placement.plan', { goal: { kind: 'evacuate', scope: { site } } });
    if (!p.ok) throw new Error(p.error.message);
    expect(await admin.call('placement.execute', { planId: p.value.id, confirm: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: expect.stringContaining(site) },
    });
    const r = await admin.call('placement.execute', { planId: p.value.id, confirm: site });
    if (!r.ok) throw new Error(r.error.message);
    const run = await finished(p.value.id);
    expect(run.state).toBe('done');
    for (const m of p.value.moves) {
      expect(m.crossSite).toBe(true);
      const src = slurmOf(site).jobs.find((j) => j.id === m.jobId)!;
      expect(src.state).toBe('CANCELLED');
      const copies = slurmOf(m.to.siteId).jobs.filter(
        (j) => j.comment.includes(`fc-move=${p.value.id}.`) && j.comment.includes(`workload=${m.workload}`),
      );
      expect(copies.filter((c) => c.state === 'RUNNING')).toHaveLength(1);
      expect(copies[0]!.node).toBe(m.to.hostname);
      expect(copies[0]!.account).toBe(m.tenant);
      expect(copies[0]!.comment).toContain(`data-class=${m.dataClass}`);
    }
    // The whole site is out of service, busy nodes or not: nothing new lands there.
    expect(p.value.drain).toHaveLength(slurmOf(site).nodes.length);
    // (A node the consolidation above drained keeps that drain and its reason.)
    for (const n of slurmOf(site).nodes) expect(n.drain?.reason).toMatch(/^Fleet Console plan p-/);
    // What could not be placed stays where it was, still running.
    for (const u of p.value.unplaced) {
      const jobId = Number(u.unit.split('#')[1]);
      expect(slurmOf(site).jobs.find((j) => j.id === jobId)?.state).toBe('RUNNING');
    }
  });
});
