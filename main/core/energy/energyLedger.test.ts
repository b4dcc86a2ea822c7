import { describe, expect, it } from 'vitest';
import { EnergyLedger, SITE_FIELDS, UNRESERVED, type GpuContext } from './energyLedger';

const ctx: GpuContext = { siteId: 's1', hostname: 'n1', model: 'H100', tenant: 'acme' };
const W = (kWh: number) => kWh; // readability: values below are kWh
const kwhOf = (watts: number, seconds: number) => (watts * seconds) / 3.6e6;

/** Feeds one GPU readings every `stepS` seconds: [util, watts] per step, counter integrating the watts. */
function feed(
  ledger: EnergyLedger,
  steps: [number | null, number][],
  opts: { stepS?: number; slot?: number; counter?: boolean; c?: GpuContext; t0?: number } = {},
) {
  const step = (opts.stepS ?? 10) * 1000;
  let mJ = 1e9;
  steps.forEach(([util, w], i) => {
    if (i > 0) mJ += w * step; // W × ms = mJ: the counter counts this interval at the new power
    ledger.observe(opts.slot ?? 0, opts.c ?? ctx, (opts.t0 ?? 0) + i * step, {
      utilPct: util,
      powerW: w,
      energyMj: opts.counter === false ? null : mJ,
    });
  });
}

const site = (l: EnergyLedger, field: number, id = 's1') =>
  l.siteBook(id).rings.minutes.sum(0, 3_600_000, field);

describe('EnergyLedger', () => {
  it('books a GPU idle from its first reading once the run has lasted the window (the whole run counts)', () => {
    const l = new EnergyLedger({ thresholdPct: 5, windowS: 60 }, 30_000);
    feed(
      l,
      Array.from({ length: 31 }, () => [0, 72] as [number, number]),
    ); // 300 s at 72 W
    expect(site(l, SITE_FIELDS.idleKwh)).toBeCloseTo(kwhOf(72, 300), 12);
    expect(site(l, SITE_FIELDS.totalKwh)).toBeCloseTo(kwhOf(72, 300), 12);
    expect(site(l, SITE_FIELDS.idleGpuS)).toBe(300);
    expect(l.isIdle(0)).toBe(true);
  });

  it('does not count a gap between jobs shorter than the window as idle', () => {
    const l = new EnergyLedger({ thresholdPct: 5, windowS: 60 }, 30_000);
    const busy: [number, number] = [90, 650];
    const gap: [number, number] = [0, 70];
    feed(l, [busy, busy, gap, gap, gap, gap, busy, busy]); // 40 s low run
    expect(site(l, SITE_FIELDS.idleKwh)).toBe(0);
    expect(site(l, SITE_FIELDS.totalKwh)).toBeGreaterThan(0);
    expect(l.isIdle(0)).toBe(false);
  });

  it.each([
    ['at the threshold is not idle', 5, 0],
    ['just under the threshold is idle', 4, kwhOf(70, 120)],
  ])('utilisation %s', (_, util, idle) => {
    const l = new EnergyLedger({ thresholdPct: 5, windowS: 60 }, 30_000);
    feed(
      l,
      Array.from({ length: 13 }, () => [util, 70] as [number, number]),
    );
    expect(site(l, SITE_FIELDS.idleKwh)).toBeCloseTo(W(idle), 12);
  });

  it('a missing utilisation reading ends the run: unknown is not idle', () => {
    const l = new EnergyLedger({ thresholdPct: 5, windowS: 60 }, 30_000);
    const low: [number, number] = [0, 70];
    feed(l, [low, low, low, low, [null, 70], low, low, low, low]);
    expect(site(l, SITE_FIELDS.idleKwh)).toBe(0);
  });

  it('a gap longer than maxGap is missing coverage and restarts the run', () => {
    const l = new EnergyLedger({ thresholdPct: 5, windowS: 20 }, 15_000);
    const low: [number, number] = [0, 70];
    feed(l, [low, low]);
    feed(l, [low, low, low, low], { t0: 60_000 }); // 50 s without readings in between
    l.expect('s1', 0, 100);
    expect(site(l, SITE_FIELDS.coveredGpuS)).toBe(40);
    expect(site(l, SITE_FIELDS.expectedGpuS)).toBe(100);
    // The second run (60 s → 90 s) lasts 30 s ≥ 20 s: idle; the first (10 s) never qualified.
    expect(site(l, SITE_FIELDS.idleGpuS)).toBe(30);
  });

  it('integrates power when there is no energy counter', () => {
    const l = new EnergyLedger({ thresholdPct: 5, windowS: 0 }, 30_000);
    feed(
      l,
      [
        [0, 60],
        [0, 80],
        [0, 100],
      ],
      { counter: false },
    );
    expect(site(l, SITE_FIELDS.idleKwh)).toBeCloseTo(kwhOf(70, 10) + kwhOf(90, 10), 12);
  });

  it('after a counter reset books the energy since the reset and counts the reset', () => {
    const l = new EnergyLedger({ thresholdPct: 5, windowS: 0 }, 30_000);
    const r = (t: number, mJ: number) => l.observe(0, ctx, t, { utilPct: 0, powerW: 70, energyMj: mJ });
    r(0, 5e9);
    r(10_000, 5e9 + 700_000);
    r(20_000, 350_000); // reset: 350 J since
    expect(site(l, SITE_FIELDS.totalKwh)).toBeCloseTo((700_000 + 350_000) / 3.6e9, 15);
    expect(l.resets).toBe(1);
  });

  it('falls back to power when the counter jumps implausibly (an exporter glitch)', () => {
    const l = new EnergyLedger({ thresholdPct: 5, windowS: 0 }, 30_000);
    l.observe(0, ctx, 0, { utilPct: 0, powerW: 70, energyMj: 0 });
    l.observe(0, ctx, 10_000, { utilPct: 0, powerW: 70, energyMj: 1e12 });
    expect(site(l, SITE_FIELDS.totalKwh)).toBeCloseTo(kwhOf(70, 10), 12);
  });

  it('attributes idle energy to the node, its tenant (or the unreserved pool) and its model', () => {
    const l = new EnergyLedger({ thresholdPct: 5, windowS: 0 }, 30_000);
    feed(
      l,
      [
        [0, 70],
        [0, 70],
      ],
      { slot: 0 },
    );
    feed(
      l,
      [
        [0, 90],
        [0, 90],
      ],
      { slot: 1, c: { ...ctx, hostname: 'n2', tenant: null, model: 'H200' } },
    );
    const b = l.siteBook('s1');
    const idle = (
      m: Map<string, { minutes: unknown; hours: { sum(a: number, b: number, f: number): number } }>,
      k: string,
    ) => m.get(k)!.hours.sum(0, 3_600_000, 0);
    expect(idle(b.tenants, 'acme')).toBeCloseTo(kwhOf(70, 10), 12);
    expect(idle(b.tenants, UNRESERVED)).toBeCloseTo(kwhOf(90, 10), 12);
    expect(idle(b.models, 'H200')).toBeCloseTo(kwhOf(90, 10), 12);
    expect(idle(b.nodes, 'n1')).toBeCloseTo(kwhOf(70, 10), 12);
  });

  it('ignores a reading that is not newer than the last one', () => {
    const l = new EnergyLedger({ thresholdPct: 5, windowS: 0 }, 30_000);
    feed(l, [
      [0, 70],
      [0, 70],
    ]);
    l.observe(0, ctx, 5000, { utilPct: 0, powerW: 70, energyMj: 0 });
    expect(site(l, SITE_FIELDS.totalKwh)).toBeCloseTo(kwhOf(70, 10), 12);
  });

  it('a new idle rule applies from now on: runs in progress start again', () => {
    const l = new EnergyLedger({ thresholdPct: 5, windowS: 0 }, 30_000);
    feed(l, [
      [0, 70],
      [0, 70],
    ]);
    expect(l.isIdle(0)).toBe(true);
    l.setIdleRule({ thresholdPct: 5, windowS: 600 });
    expect(l.isIdle(0)).toBe(false);
  });
});
