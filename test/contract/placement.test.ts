import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/createCore';
import { startTestCore, windowOn } from './testCore';

/** The planner over the contract, on the demo fleet's simulated Slurm: previews only, nothing moves (execution: placementRun.test.ts). */
const now = Date.UTC(2026, 10, 29, 3, 0, 0); // 04:00 in Europe: the daily low, nodes half empty
let core: Core;

beforeAll(async () => {
  core = await startTestCore({
    demo: { seed: 42, sites: 6, nodesPerSite: 8 },
    intervalMs: 1000,
    now: () => now,
  });
  await core.fleet.scrapeAll();
  core.fleet.tick();
});
afterAll(() => core.stop());

describe('placement previews', () => {
  it('consolidation (analyst): moves stay within their site, free whole nodes, and price what they free', async () => {
    const r = await windowOn(core, 'analyst').call('placement.previewConsolidate', {});
    if (!r.ok) throw new Error(r.error.message);
    const p = r.value;
    expect(p.sitesLeftOut).toEqual([]);
    expect(p.moves.length).toBeGreaterThan(0);
    expect(p.moves.every((m) => !m.crossSite && m.from.siteId === m.to.siteId)).toBe(true);
    expect(p.effects.nodesFreed).toBeGreaterThan(0);
    expect(p.effects.kwFreed).toBeGreaterThan(0);
    expect(p.effects.kwhPerDay).toBeGreaterThan(p.effects.kwFreed * 24); // × PUE > 1
    expect(p.effects.moneyPerDay.length).toBeGreaterThan(0);
    // Nothing moved: the scheduler still runs every job where it was.
    const again = await windowOn(core, 'analyst').call('placement.previewConsolidate', {});
    expect(again.ok && again.value.moves).toEqual(p.moves);
  });

  it('what-if (admin): losing a site accounts for every workload there, placed or short', async () => {
    const site = core.sim!.fleet.sites[0]!.id;
    expect(
      await windowOn(core, 'operator').call('placement.plan', {
        goal: { kind: 'evacuate', scope: { site } },
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const r = await windowOn(core, 'admin').call('placement.plan', {
      goal: { kind: 'evacuate', scope: { site } },
    });
    if (!r.ok) throw new Error(r.error.message);
    const moved = r.value.moves.filter((m) => m.from.siteId === site).length;
    expect(moved + r.value.unplaced.length).toBeGreaterThan(0);
    expect(r.value.moves.every((m) => m.to.siteId !== site)).toBe(true);
    expect(r.value.blastRadius.jurisdictions.length).toBeGreaterThan(0);
  });
});
