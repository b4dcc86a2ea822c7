import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carbonFor, parseCarbonCsv } from './carbonTable';
import { energyCost, energyFromCounter, energyFromPower, idleEnergy, idleFlags } from './energyMath';

const s = (t: number, mJ: number | null) => ({ t: t * 1000, mJ });
const p = (t: number, w: number | null) => ({ t: t * 1000, w });

describe('energyFromCounter', () => {
  it.each([
    [
      'steady counting',
      [s(0, 0), s(10, 3.6e9), s(20, 7.2e9)],
      { kWh: 2, coveredS: 20, missingS: 0, resets: 0 },
    ],
    [
      'a gap without reset is still exact (the counter kept counting)',
      [s(0, 0), s(3600, 3.6e9)],
      { kWh: 1, coveredS: 3600, missingS: 0, resets: 0 },
    ],
    [
      'a reset inside a short interval counts the new value',
      [s(0, 5e9), s(10, 6e9), s(20, 1e9)],
      { kWh: 2e9 / 3.6e9, coveredS: 20, missingS: 0, resets: 1 },
    ],
    [
      'a reset across a long gap: the part before is unknown',
      [s(0, 5e9), s(1000, 1e9)],
      { kWh: 1e9 / 3.6e9, coveredS: 0, missingS: 1000, resets: 1 },
    ],
    [
      'missing readings are skipped, not zeros',
      [s(0, 0), s(10, null), s(20, 3.6e9)],
      { kWh: 1, coveredS: 20, missingS: 0, resets: 0 },
    ],
  ])('%s', (_n, samples, want) => {
    const r = energyFromCounter(samples, 60_000);
    expect(r.kWh).toBeCloseTo(want.kWh, 9);
    expect({ ...r, kWh: 0 }).toEqual({ ...want, kWh: 0 });
  });
});

describe('energyFromPower', () => {
  it('integrates trapezoids and reports gaps as missing coverage', () => {
    const r = energyFromPower(
      [p(0, 1000), p(3600, 1000), p(3605, null), p(3610, 1000), p(7210, 3000)],
      3_600_000,
    );
    // 1 kWh, then a null end (5 s missing) and a null start (5 s missing), then 3600 s at a mean 2000 W = 2 kWh.
    expect(r).toEqual({ kWh: 3, coveredS: 7200, missingS: 10, resets: 0 });
    expect(energyFromPower([p(0, 100), p(1000, 100)], 60_000)).toMatchObject({ kWh: 0, missingS: 1000 });
  });
});

describe('idle', () => {
  const u = (t: number, utilPct: number | null, w = 80) => ({ t: t * 60_000, utilPct, w });
  it('is idle only after the whole window below the threshold; unknown breaks the run', () => {
    const samples = [
      u(0, 0),
      u(5, 1),
      u(10, 2),
      u(15, 4),
      u(20, 3),
      u(25, 50),
      u(30, 0),
      u(35, null),
      u(40, 0),
    ];
    expect(idleFlags(samples, 5, 15 * 60_000)).toEqual([
      false,
      false,
      false,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
  it('counts measured power while idle at both ends', () => {
    const samples = [u(0, 0, 70), u(15, 0, 70), u(30, 0, 90), u(45, 90, 600)];
    // idle at 15 and 30 → the 15..30 trapezoid: mean 80 W × 15 min = 0.02 kWh
    expect(idleEnergy(samples, 5, 15 * 60_000, 20 * 60_000).kWh).toBeCloseTo(0.02, 9);
  });
});

describe('energyCost', () => {
  it('applies PUE, the tariff and the grid intensity', () => {
    const c = energyCost(100, { pue: 1.4, tariff: { currency: 'EUR', perKwh: 0.2 }, carbonGPerKwh: 300 });
    expect(c.facilityKWh).toBeCloseTo(140, 9);
    expect(c.money!.amount).toBeCloseTo(28, 9);
    expect(c.money!.currency).toBe('EUR');
    expect(c.kgCO2).toBeCloseTo(42, 9);
    expect(energyCost(10, { pue: 1, tariff: null, carbonGPerKwh: null })).toMatchObject({
      money: null,
      kgCO2: null,
    });
  });
});

describe('carbon table', () => {
  const t = parseCarbonCsv(readFileSync(join(__dirname, '../../../resources/carbon-intensity.csv'), 'utf8'));
  it('reads the bundled Ember table', () => {
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    expect(t.value.year).toBe(2024);
    expect(carbonFor(t.value, 'US')).toBeCloseTo(383.55, 2);
    expect(carbonFor(t.value, 'US', 12)).toBe(12);
    expect(carbonFor(t.value, 'XX')).toBeNull();
  });
  it('names a bad line', () => {
    expect(parseCarbonCsv('iso_alpha2,year,gco2e_per_kwh\nDE,2024,lots\n')).toEqual({
      ok: false,
      message: 'carbon table line 2: "lots" is not an intensity',
    });
  });
});
