import { describe, expect, it } from 'vitest';
import { gpuChartData, gpuLines, seriesSpanMs, type GpuSeries } from './gpuSeries';

const series = (index: number | null, t: number[], tempC: (number | null)[]): GpuSeries => ({
  index,
  t,
  utilPct: t.map(() => null),
  powerW: t.map(() => null),
  tempC,
});

describe('gpuChartData', () => {
  it('merges GPUs into one row per time, inside the window', () => {
    const d = gpuChartData(
      [series(0, [1000, 2000, 3000], [50, 51, 52]), series(1, [2000, 3000], [60, null])],
      'tempC',
      1500,
      3000,
    );
    expect(d.lines.map((l) => l.key)).toEqual(['g0', 'g1']);
    expect(d.rows).toEqual([
      { t: 2000, g0: 51, g1: 60 },
      { t: 3000, g0: 52, g1: null },
    ]);
  });

  it('buckets long series keeping each GPU’s highest value, and gaps where it had none', () => {
    const t = Array.from({ length: 10 }, (_, i) => i * 1000);
    const d = gpuChartData(
      [
        series(0, t, [1, 9, 2, 3, 4, 5, 6, 7, 8, 0]),
        series(
          1,
          t,
          t.map(() => null),
        ),
      ],
      'tempC',
      60_000,
      9000,
      5,
    );
    expect(d.rows).toEqual([
      { t: 0, g0: 9, g1: null },
      { t: 2000, g0: 3, g1: null },
      { t: 4000, g0: 5, g1: null },
      { t: 6000, g0: 7, g1: null },
      { t: 8000, g0: 8, g1: null },
    ]);
  });

  it('names GPUs without an index by position', () => {
    expect(gpuLines([series(null, [], []), series(3, [], [])]).map((l) => [l.key, l.label])).toEqual([
      ['g0', 'GPU #1'],
      ['g3', 'GPU 3'],
    ]);
  });

  it('measures the history held', () => {
    expect(seriesSpanMs([series(0, [1000, 5000], [1, 2]), series(1, [], [])])).toBe(4000);
    expect(seriesSpanMs([])).toBe(0);
  });
});
