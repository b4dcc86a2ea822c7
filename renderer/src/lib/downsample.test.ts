import { describe, expect, it } from 'vitest';
import { columnToPoints, downsampleMinMax, type XY } from './downsample';

const series = (n: number, f: (i: number) => number | null): XY[] =>
  Array.from({ length: n }, (_, i) => ({ t: i * 1000, v: f(i) }));

describe('downsampleMinMax', () => {
  it('returns short series unchanged (as a copy)', () => {
    const s = series(10, (i) => i);
    const out = downsampleMinMax(s, 500);
    expect(out).toEqual(s);
    expect(out).not.toBe(s);
  });

  it('never exceeds the budget and stays in time order', () => {
    for (const n of [501, 900, 1000, 10_000]) {
      const out = downsampleMinMax(
        series(n, (i) => (i % 7 === 0 ? null : Math.sin(i))),
        500,
      );
      expect(out.length).toBeLessThanOrEqual(500);
      for (let i = 1; i < out.length; i++) expect(out[i]!.t).toBeGreaterThanOrEqual(out[i - 1]!.t);
    }
  });

  it('keeps spikes', () => {
    const out = downsampleMinMax(
      series(900, (i) => (i === 451 ? 100 : i === 200 ? -5 : 50)),
      500,
    );
    expect(out.some((p) => p.v === 100)).toBe(true);
    expect(out.some((p) => p.v === -5)).toBe(true);
  });

  it('keeps gaps as nulls, and an all-null stretch stays null (not 0)', () => {
    const out = downsampleMinMax(
      series(900, (i) => (i >= 300 && i < 400 ? null : 10)),
      500,
    );
    const gap = out.filter((p) => p.t >= 300_000 && p.t < 400_000);
    expect(gap.length).toBeGreaterThan(0);
    expect(gap.every((p) => p.v === null)).toBe(true);
    expect(out.some((p) => p.v === 0)).toBe(false);
  });
});

describe('columnToPoints', () => {
  it('zips columns, tolerating a short column', () => {
    expect(columnToPoints([1, 2, 3], [5, null])).toEqual([
      { t: 1, v: 5 },
      { t: 2, v: null },
    ]);
  });
});
