import { describe, expect, it } from 'vitest';
import { TelemetryStore } from './telemetryStore';
import { combineRollups, rollupSlots } from './rollup';

const meta = (uuid: string) => ({
  uuid,
  siteId: 's',
  hostname: 'h',
  gpuIndex: 0,
  model: 'NVIDIA H100 80GB HBM3',
});
const r = (utilPct: number | null, powerW: number | null, tempC: number | null = 40) => ({
  utilPct,
  powerW,
  tempC,
  xid: 0,
});

describe('TelemetryStore', () => {
  it('keeps one slot per UUID and returns samples quantised to sensor precision', () => {
    const s = new TelemetryStore(4);
    const a = s.slotFor(meta('GPU-a'));
    expect(s.slotFor(meta('GPU-a'))).toBe(a);
    s.record(a, 10_000, r(37, 123.456, 61.4));
    expect(s.series(a)).toEqual({ t: [10_000], utilPct: [37], powerW: [123.5], tempC: [61] });
    expect(s.latest(a)).toMatchObject({ t: 10_000, utilPct: 37 });
    expect(s.latest(a).tempC).toBeCloseTo(61.4, 4);
  });

  it('keeps a gap a gap: missing values read back as null, not zero', () => {
    const s = new TelemetryStore(4);
    const a = s.slotFor(meta('GPU-a'));
    s.record(a, 1000, r(null, null, null));
    expect(s.series(a)).toEqual({ t: [1000], utilPct: [null], powerW: [null], tempC: [null] });
    expect(s.latest(a)).toMatchObject({ utilPct: null, powerW: null, tempC: null });
  });

  it('wraps its ring and keeps the newest samples in order', () => {
    const s = new TelemetryStore(3);
    const a = s.slotFor(meta('GPU-a'));
    for (let i = 1; i <= 5; i++) s.record(a, i * 1000, r(i, i));
    expect(s.series(a).utilPct).toEqual([3, 4, 5]);
    expect(s.series(a, 4000).t).toEqual([4000, 5000]);
  });

  it('grows past its first allocation without losing earlier GPUs', () => {
    const s = new TelemetryStore(2);
    for (let i = 0; i < 200; i++) s.record(s.slotFor(meta(`GPU-${i}`)), 1000, r(i % 100, i));
    expect(s.gpuCount).toBe(200);
    expect(s.series(s.slotOf('GPU-7')!).utilPct).toEqual([7]);
    expect(s.series(s.slotOf('GPU-199')!).powerW).toEqual([199]);
  });
});

describe('rollups', () => {
  const store = new TelemetryStore(4);
  const fresh = store.slotFor(meta('fresh'));
  const fresh2 = store.slotFor(meta('fresh2'));
  const old = store.slotFor(meta('old'));
  const never = store.slotFor(meta('never'));
  store.record(fresh, 100_000, r(80, 600, 70));
  store.record(fresh2, 100_000, r(20, 100, 50));
  store.record(old, 10_000, r(100, 700));

  it('averages utilisation and sums power over fresh GPUs only', () => {
    const ru = rollupSlots(store.latestArrays, [fresh, fresh2, old, never], 101_000, 15_000);
    expect(ru).toEqual({
      gpus: 4,
      gpusReporting: 2,
      utilPct: 50,
      powerW: 700,
      maxTempC: 70,
      newestMs: 100_000,
    });
  });

  it('says "no data" (null) when nothing is fresh, never zero', () => {
    const ru = rollupSlots(store.latestArrays, [old, never], 101_000, 15_000);
    expect(ru).toMatchObject({ gpusReporting: 0, utilPct: null, powerW: null, newestMs: 10_000 });
  });

  it('combines sites weighting utilisation by reporting GPUs', () => {
    const a = rollupSlots(store.latestArrays, [fresh], 101_000, 15_000);
    const b = rollupSlots(store.latestArrays, [fresh2, old], 101_000, 15_000);
    const dead = rollupSlots(store.latestArrays, [never], 101_000, 15_000);
    expect(combineRollups([a, b, dead])).toMatchObject({
      gpus: 4,
      gpusReporting: 2,
      utilPct: 50,
      powerW: 700,
    });
    expect(combineRollups([dead])).toMatchObject({ utilPct: null, powerW: null });
  });
});
