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

describe('TelemetryStore packing (one round time per node)', () => {
  const on = (uuid: string, hostname: string, gpuIndex = 0) => ({ ...meta(uuid), hostname, gpuIndex });

  it('shows a GPU its node scraped without it as a gap at that round, not a missing point', () => {
    const s = new TelemetryStore(4);
    const a = s.slotFor(on('GPU-a', 'n1'));
    const b = s.slotFor(on('GPU-b', 'n1', 1));
    s.record(a, 15_000, r(10, 100));
    s.record(b, 15_000, r(20, 200));
    s.record(a, 30_000, r(11, 101)); // b fell off the bus this round
    expect(s.series(a)).toMatchObject({ t: [15_000, 30_000], utilPct: [10, 11] });
    expect(s.series(b)).toEqual({
      t: [15_000, 30_000],
      utilPct: [20, null],
      powerW: [200, null],
      tempC: [40, null],
    });
  });

  it('gives a GPU that joins a node later no points from before it joined', () => {
    const s = new TelemetryStore(4);
    const a = s.slotFor(on('GPU-a', 'n1'));
    s.record(a, 1000, r(1, 1));
    s.record(a, 2000, r(2, 2));
    const b = s.slotFor(on('GPU-b', 'n1', 1));
    s.record(a, 3000, r(3, 3));
    s.record(b, 3000, r(30, 30));
    expect(s.series(b)).toMatchObject({ t: [3000], utilPct: [30] });
    expect(s.series(a).t).toEqual([1000, 2000, 3000]);
  });

  it('keeps uneven round times exact and filters by time', () => {
    const s = new TelemetryStore(5);
    const a = s.slotFor(on('GPU-a', 'n1'));
    const times = [1_700_000_000_000, 1_700_000_015_000, 1_700_000_047_000, 1_700_003_647_000];
    times.forEach((t, i) => s.record(a, t, r(i, i)));
    expect(s.series(a).t).toEqual(times);
    expect(s.series(a, times[2]!).utilPct).toEqual([2, 3]);
  });

  it('folds a round dated up to a minute back into the newest; further back, or after 18 hours of silence, starts afresh', () => {
    const s = new TelemetryStore(4);
    const a = s.slotFor(on('GPU-a', 'n1'));
    s.record(a, 100_000, r(1, 1));
    s.record(a, 115_000, r(2, 2));
    s.record(a, 110_000, r(5, 5)); // an exporter's stamp 5 s back: folded into the newest round
    expect(s.series(a)).toMatchObject({ t: [100_000, 115_000], utilPct: [1, 5] });
    s.record(a, 30_000, r(3, 3)); // the clock stepped back 85 s
    expect(s.series(a)).toMatchObject({ t: [30_000], utilPct: [3] });
    s.record(a, 90_000, r(3, 3));
    expect(s.series(a).t).toEqual([30_000, 90_000]);
    s.record(a, 90_000 + 19 * 3_600_000, r(4, 4));
    expect(s.series(a)).toMatchObject({ t: [90_000 + 19 * 3_600_000], utilPct: [4] });
  });

  it('keeps a GPU two nodes report at once (one exporter listed twice) on the node that reported it first', () => {
    const s = new TelemetryStore(4);
    const a = s.slotFor(on('GPU-a', 'n1'), 1000);
    s.record(a, 1000, r(1, 1));
    expect(s.slotFor(on('GPU-a', 'n1-alias'), 1500)).toBe(a);
    s.record(a, 1500, r(2, 2)); // same second as n1's round: that round's point
    s.record(s.slotFor(on('GPU-a', 'n1'), 16_000), 16_000, r(3, 3));
    expect(s.meta(a)?.hostname).toBe('n1');
    expect(s.series(a)).toMatchObject({ t: [1000, 16_000], utilPct: [2, 3] });
    // Silent on n1 for over a minute, then on n2: it moved.
    s.slotFor(on('GPU-a', 'n2'), 90_000);
    expect(s.meta(a)?.hostname).toBe('n2');
  });

  it("forgets a GPU's points when it turns up on another node", () => {
    const s = new TelemetryStore(4);
    const a = s.slotFor(on('GPU-a', 'n1'));
    s.record(a, 1000, r(1, 1));
    expect(s.slotFor(on('GPU-a', 'n2'))).toBe(a);
    expect(s.series(a).t).toEqual([]);
    s.record(a, 2000, r(2, 2));
    expect(s.series(a)).toMatchObject({ t: [2000], utilPct: [2] });
  });

  it('holds a full fleet in at most 1.5 bytes per retained sample (three per GPU point)', () => {
    const cap = 60;
    const s = new TelemetryStore(cap);
    const nodes = 250;
    for (let round = 0; round < cap; round++) {
      for (let n = 0; n < nodes; n++) {
        for (let g = 0; g < 8; g++) {
          const slot = s.slotFor(on(`GPU-${n}-${g}`, `n${n}`, g));
          s.record(slot, (1000 + round * 15) * 1000 + n, r(g * 10, 300 + g, 50));
        }
      }
    }
    expect(s.series(s.slotOf('GPU-7-3')!).t).toHaveLength(cap);
    expect(s.series(s.slotOf('GPU-7-3')!).powerW.every((p) => p === 303)).toBe(true);
    // 2,000 GPUs fill 8 chunks of 256 exactly; the figure at 160,000 GPUs is the bench's.
    expect(s.ringBytes / (2000 * cap * 3)).toBeLessThanOrEqual(1.5);
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
