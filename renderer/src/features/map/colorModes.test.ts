import { describe, expect, it } from 'vitest';
import {
  COLOR_MODES,
  colorScale,
  IDLE_STOPS,
  niceCeil,
  POWER_STOPS,
  siteFill,
  siteValue,
  type MapColorMode,
} from './colorModes';
import { BLOC_COLORS } from './jurisdiction';
import { ALERT_LEVEL_COLORS, indexAlerts } from './siteAlerts';
import { UTIL_STOPS } from './siteStyle';
import { testSite as site } from './testMapData';
import { alertList, alertView as alert } from '../alerts/testAlerts';

describe('niceCeil', () => {
  it.each([
    [0, 1],
    [-3, 1],
    [Number.NaN, 1],
    [0.7, 1],
    [1, 1],
    [1.2, 2],
    [2.2, 2.5],
    [3, 5],
    [7, 10],
    [180, 200],
    [240, 250],
    [260, 500],
    [1000, 1000],
  ])('%d → %d', (v, want) => {
    expect(niceCeil(v)).toBeCloseTo(want);
  });
});

describe('colorScale', () => {
  const sites = [
    site({ powerKw: 180, idleKw: 3.2 }),
    site({ powerKw: null, idleKw: null }),
    site({ powerKw: 40 }),
  ];
  it.each<[MapColorMode, number]>([
    ['util', 100],
    ['power', 200],
    ['idle', 5],
    ['alerts', 1],
    ['jurisdiction', 1],
  ])('%s: 0 – %d', (mode, max) => {
    expect(colorScale(mode, sites)).toEqual({ mode, max });
  });

  it('has a usable top with no data at all', () => {
    expect(colorScale('power', [site({ powerKw: null })]).max).toBe(1);
    expect(colorScale('idle', []).max).toBe(1);
  });
});

describe('siteValue', () => {
  it('reads the number each mode colours by', () => {
    const s = site({ utilPct: 42, powerKw: 12, idleKw: 0 });
    expect(siteValue('util', s)).toBe(42);
    expect(siteValue('power', s)).toBe(12);
    expect(siteValue('idle', s)).toBe(0);
    expect(siteValue('alerts', s)).toBeNull();
    expect(siteValue('jurisdiction', s)).toBeNull();
    expect(siteValue('power', site({ powerKw: Number.NaN }))).toBeNull();
  });
});

describe('siteFill', () => {
  it.each<[MapColorMode, readonly string[]]>([
    ['util', UTIL_STOPS],
    ['power', POWER_STOPS],
    ['idle', IDLE_STOPS],
  ])('%s: the ramp’s ends at 0 and at the top of the scale', (mode, stops) => {
    const top = colorScale(mode, [site({ utilPct: 100, powerKw: 50, idleKw: 5 })]);
    const zero = site({ utilPct: 0, powerKw: 0, idleKw: 0 });
    const full = site({ utilPct: 100, powerKw: 50, idleKw: 5 });
    expect(siteFill(top, zero)).toBe(stops[0]);
    expect(siteFill(top, full)).toBe(stops[stops.length - 1]);
  });

  it('no data is null (hatched), never the colour of 0', () => {
    const zero = site({ utilPct: 0, powerKw: 0, idleKw: 0 });
    const none = site({ utilPct: null, powerKw: null, idleKw: null });
    for (const mode of ['util', 'power', 'idle'] as const) {
      const scale = colorScale(mode, [zero, none]);
      expect(siteFill(scale, none)).toBeNull();
      expect(siteFill(scale, zero)).not.toBeNull();
    }
  });

  it('idle waste colours by idleKw, not by GPUs idle', () => {
    const scale = { mode: 'idle' as const, max: 10 };
    expect(siteFill(scale, site({ idleKw: 5, idleGpus: 0 }))).toBe(
      siteFill(scale, site({ idleKw: 5, idleGpus: 64 })),
    );
    expect(siteFill(scale, site({ idleKw: 1 }))).not.toBe(siteFill(scale, site({ idleKw: 9 })));
  });

  it('alerts: the worst firing, unsilenced alert of the site; hatched until the list arrives', () => {
    const scale = colorScale('alerts', []);
    const alerts = indexAlerts(
      alertList([
        alert({ siteId: 'a', severity: 'warning' }),
        alert({ siteId: 'a', severity: 'critical', key: 'k2' }),
        alert({ siteId: 'b', severity: 'critical', silencedUntil: 10_000 }),
        alert({ siteId: 'c', severity: 'critical', state: 'resolved' }),
      ]),
      5_000,
    );
    expect(siteFill(scale, site({ id: 'a' }), alerts)).toBe(ALERT_LEVEL_COLORS.critical);
    expect(siteFill(scale, site({ id: 'b' }), alerts)).toBe(ALERT_LEVEL_COLORS.none);
    expect(siteFill(scale, site({ id: 'c' }), alerts)).toBe(ALERT_LEVEL_COLORS.none);
    expect(siteFill(scale, site({ id: 'd', status: 'unreachable' }), alerts)).toBe(ALERT_LEVEL_COLORS.none);
    expect(siteFill(scale, site({ id: 'a' }), null)).toBeNull();
  });

  it('jurisdiction: the bloc of the country, whatever the numbers', () => {
    const scale = colorScale('jurisdiction', []);
    expect(siteFill(scale, site({ country: 'DE', utilPct: null, powerKw: null }))).toBe(BLOC_COLORS.eu);
    expect(siteFill(scale, site({ country: 'NO' }))).toBe(BLOC_COLORS.eea);
    expect(siteFill(scale, site({ country: 'CH' }))).toBe(BLOC_COLORS.other);
  });

  it('every mode has a label; the numeric ones a ramp and a unit', () => {
    expect(COLOR_MODES.map((m) => m.label)).toEqual([
      'Utilisation',
      'Power',
      'Idle waste',
      'Alerts',
      'Jurisdiction',
    ]);
    for (const m of COLOR_MODES) expect(m.stops === null).toBe(m.unit === null);
  });
});
