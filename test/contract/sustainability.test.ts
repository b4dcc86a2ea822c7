import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCarbonCsv } from '../../main/core/energy/carbonTable';
import { simEnergyTruth } from '../../main/core/sim/idleTruth';
import type { Core } from '../../main/core/createCore';
import { startTestCore, windowOn } from './testCore';

/**
 * Issue 8 against the simulator's own record: 40 minutes of 5-second scrapes on a frozen, stepped
 * clock, then the page's numbers (idle kWh, CO2, money, coverage) recomputed by hand from the
 * simulator's physics and each site's factors.
 */
const T0 = Date.UTC(2026, 10, 29, 9, 0, 0);
const DEMO = { seed: 11, sites: 4, nodesPerSite: 6 };
const RULE = { thresholdPct: 5, windowS: 120 };
let now = T0;
let core: Core;
let configDir: string;

async function run(seconds: number, stepS = 5) {
  for (let s = 0; s < seconds; s += stepS) {
    now += stepS * 1000;
    await core.fleet.scrapeAll();
    core.fleet.tick();
  }
}

const start = () => startTestCore({ demo: DEMO, configDir, intervalMs: 3_600_000, now: () => now });

beforeAll(async () => {
  configDir = await mkdtemp(join(tmpdir(), 'fc-sustainability-'));
  core = await start();
  const analyst = windowOn(core, 'analyst');
  const set = await analyst.call('sustainability.setSettings', {
    idleThresholdPct: RULE.thresholdPct,
    idleWindowS: RULE.windowS,
  });
  expect(set.ok).toBe(true);
  await core.fleet.scrapeAll();
  await run(40 * 60);
}, 120_000);
afterAll(() => core.stop());

describe('sustainability against the simulator’s ground truth', () => {
  it('idle and total kWh for the last hour match the simulator, site by site', async () => {
    const r = await windowOn(core).call('sustainability.summary', { period: 'hour' });
    if (!r.ok) throw new Error(r.error.message);
    let idleTruth = 0;
    let totalTruth = 0;
    for (const row of r.value.sites) {
      const site = core.sim!.fleet.site(row.key)!;
      let idle = 0;
      let total = 0;
      for (const n of site.nodes) {
        const t = simEnergyTruth(site, n, row.observedFrom! / 1000, row.observedTo! / 1000, RULE);
        idle += t.idleKwh;
        total += t.totalKwh;
      }
      expect(row.totalItKwh).toBeCloseTo(total, 6); // the energy counter is exact
      expect(Math.abs(row.idleItKwh - idle)).toBeLessThanOrEqual(idle * 0.01 + 1e-9);
      idleTruth += idle;
      totalTruth += total;
    }
    expect(idleTruth).toBeGreaterThan(0);
    // Within 1 %: the console judges idleness at its 5 s samples, the truth at every second.
    expect(Math.abs(r.value.fleet.idleItKwh - idleTruth) / idleTruth).toBeLessThan(0.01);
    expect(r.value.fleet.totalItKwh).toBeCloseTo(totalTruth, 6);
    expect(r.value.fleet.coverage).toBeGreaterThan(0.99);
  });

  it('CO2 and money follow each site’s PUE, grid intensity (Ember, by country) and tariff', async () => {
    const r = await windowOn(core).call('sustainability.summary', { period: 'hour' });
    if (!r.ok) throw new Error(r.error.message);
    const table = parseCarbonCsv(await readFile('resources/carbon-intensity.csv', 'utf8'));
    if (!table.ok) throw new Error(table.message);
    let kg = 0;
    const money = new Map<string, number>();
    for (const row of r.value.sites) {
      const g = table.value.byCountry.get(row.country)!;
      expect(row.carbonGPerKwh).toBe(g);
      expect(row.carbonSource).toBe('country');
      const facility = row.idleItKwh * row.pue!;
      expect(row.idleFacilityKwh).toBeCloseTo(facility, 9);
      kg += (facility * g) / 1000;
      money.set(row.tariff!.currency, (money.get(row.tariff!.currency) ?? 0) + facility * row.tariff!.perKwh);
    }
    expect(r.value.fleet.kgCO2).toBeCloseTo(kg, 6);
    expect(r.value.fleet.money).toEqual(
      [...money]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, amount]) => ({
          currency,
          amount: expect.closeTo(amount, 6) as number,
        })),
    );
  });

  it('breaks idle energy down by tenant, model and node, adding up to the fleet', async () => {
    const r = await windowOn(core).call('sustainability.summary', { period: 'hour' });
    if (!r.ok) throw new Error(r.error.message);
    const sum = (rows: { idleItKwh: number }[]) => rows.reduce((k, x) => k + x.idleItKwh, 0);
    expect(sum(r.value.tenants)).toBeCloseTo(r.value.fleet.idleItKwh, 6);
    expect(sum(r.value.models)).toBeCloseTo(r.value.fleet.idleItKwh, 6);
    expect(sum(r.value.countries)).toBeCloseTo(r.value.fleet.idleItKwh, 6);
    expect(r.value.tenants.map((t) => t.key)).toContain('(unreserved)');
    expect(r.value.nodes.length).toBeGreaterThan(0);
    expect(r.value.trend.series.length).toBeGreaterThan(0);
    // Idle now: the draw of GPUs the ledger holds idle, from their latest readings.
    const truthNow = core.sim!.fleet.sites.reduce((kw, s) => {
      for (const n of s.nodes)
        for (const f of core.sim!.fleet.frames(s, n, now / 1000)) if (f.utilPct < 5) kw += f.powerW / 1000;
      return kw;
    }, 0);
    expect(r.value.fleet.idleKwNow).toBeGreaterThan(0);
    expect(r.value.fleet.idleKwNow!).toBeLessThanOrEqual(truthNow + 1e-6);
  });

  it('only an analyst or admin changes the idle rule; a bad rule is refused with the field named', async () => {
    const op = await windowOn(core, 'operator').call('sustainability.setSettings', {
      idleThresholdPct: 10,
      idleWindowS: 60,
    });
    expect(op).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const bad = await windowOn(core, 'analyst').call('sustainability.setSettings', {
      idleThresholdPct: 0,
      idleWindowS: 60,
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    if (!bad.ok) expect(bad.error.message).toMatch(/idleThresholdPct/);
  });

  it('exports the leaderboards as CSV (analyst), and the export is audited', async () => {
    const r = await windowOn(core, 'analyst').call('sustainability.export', { period: 'day' });
    if (!r.ok) throw new Error(r.error.message);
    const lines = r.value.content.trim().split('\r\n');
    expect(lines[0]).toMatch(/^dimension,key,label,period_from/);
    expect(lines.filter((l) => l.startsWith('site,'))).toHaveLength(DEMO.sites);
    expect(core.audit.list({ action: 'sustainability.export' }, 5)).toHaveLength(1);
  });

  it('keeps its figures across a restart, and a corrupt ledger file is set aside, not trusted', async () => {
    const before = await windowOn(core).call('sustainability.summary', { period: 'day' });
    await core.stop();
    core = await start();
    const after = await windowOn(core).call('sustainability.summary', { period: 'day' });
    if (!before.ok || !after.ok) throw new Error('summary failed');
    expect(after.value.fleet.idleItKwh).toBeCloseTo(before.value.fleet.idleItKwh, 9);
    expect(after.value.settings).toEqual({ idleThresholdPct: 5, idleWindowS: 120 });
    await core.stop();
    await writeFile(join(configDir, 'energy-ledger.json.gz'), 'not gzip');
    core = await start();
    const fresh = await windowOn(core).call('sustainability.summary', { period: 'day' });
    if (!fresh.ok) throw new Error(fresh.error.message);
    expect(fresh.value.fleet.idleItKwh).toBe(0);
    expect(fresh.value.method.notes.join(' ')).toMatch(/energy-ledger\.json\.gz.*kept as/);
  });
});
