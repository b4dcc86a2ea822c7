import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carbonFor, parseCarbonCsv } from './carbonTable';
import { energyCost, intervalKwh } from './energyMath';

const at = (mJ: number | null, w: number | null) => ({ mJ, w });

describe('intervalKwh', () => {
  it.each([
    ['the counter’s increase', at(0, 100), at(3.6e9, 100), 3_600_000, { kWh: 1, reset: false }],
    [
      'a long interval is still exact: the counter kept counting',
      at(0, 1),
      at(3.6e9, 1),
      3_600_000,
      { kWh: 1, reset: false },
    ],
    [
      'after a reset, the value since the reset',
      at(6e9, 100),
      at(1e9, 100),
      1_000_000,
      { kWh: 1e9 / 3.6e9, reset: true },
    ],
    ['no counter: the power trapezoid', at(null, 1000), at(null, 3000), 3_600_000, { kWh: 2, reset: false }],
    [
      'one end without a counter reading: the power trapezoid',
      at(0, 1000),
      at(null, 1000),
      3_600_000,
      { kWh: 1, reset: false },
    ],
    [
      'a counter step implying > 5 kW is a glitch: the power trapezoid',
      at(0, 70),
      at(1e12, 70),
      10_000,
      { kWh: (70 * 10) / 3.6e6, reset: false },
    ],
  ])('%s', (_n, prev, cur, dt, want) => {
    const r = intervalKwh(prev, cur, dt)!;
    expect(r.kWh).toBeCloseTo(want.kWh, 9);
    expect(r.reset).toBe(want.reset);
  });

  it.each([
    ['nothing measured at one end', at(null, null), at(5, 100), 10_000],
    ['no time passed', at(0, 100), at(10, 100), 0],
  ])('cannot measure when %s: missing, not zero', (_n, prev, cur, dt) => {
    expect(intervalKwh(prev, cur, dt)).toBeNull();
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
