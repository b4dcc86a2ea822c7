import { describe, expect, it } from 'vitest';
import {
  MAX_TREND_SERIES,
  OTHER_COLOR,
  formatBucket,
  formatTrendTick,
  shapeTrend,
  trendTicks,
} from './trendData';

const HOUR = 3_600_000;
const DAY = 86_400_000;

describe('shapeTrend', () => {
  it('makes one row per bucket with a field per series, nulls kept as gaps', () => {
    const shape = shapeTrend({
      t: [0, 60_000, 120_000],
      bucketMs: 60_000,
      series: [
        { key: 'eu.fra-1', label: 'Frankfurt', idleKwh: [1, null, 2] },
        { key: 'other', label: '3 other sites', idleKwh: [null, null, 0.5] },
      ],
    });
    expect(shape.kind).toBe('area');
    expect(shape.hasValue).toBe(true);
    expect(shape.rows).toEqual([
      { t: 0, s0: 1, s1: null },
      { t: 60_000, s0: null, s1: null },
      { t: 120_000, s0: 2, s1: 0.5 },
    ]);
    expect(shape.series.map((s) => [s.key, s.dataKey])).toEqual([
      ['eu.fra-1', 's0'],
      ['other', 's1'],
    ]);
    expect(shape.series[1]!.color).toBe(OTHER_COLOR);
  });

  it('says when nothing was measured, rather than drawing zeros', () => {
    const shape = shapeTrend({
      t: [0, DAY],
      bucketMs: DAY,
      series: [{ key: 'a', label: 'A', idleKwh: [null, null] }],
    });
    expect(shape.hasValue).toBe(false);
    expect(shape.kind).toBe('bar');
  });

  it(`folds series beyond ${MAX_TREND_SERIES} into "other", summing known values only`, () => {
    const series = Array.from({ length: 10 }, (_, i) => ({
      key: `s-${i}`,
      label: `Site ${i}`,
      idleKwh: i < 7 ? [1, 1] : i === 9 ? [2, null] : [1, null],
    }));
    const shape = shapeTrend({ t: [0, HOUR], bucketMs: HOUR, series });
    expect(shape.kind).toBe('bar');
    expect(shape.series).toHaveLength(MAX_TREND_SERIES);
    const other = shape.series.at(-1)!;
    expect(other).toMatchObject({ key: 'other', label: '3 other sites' });
    expect(shape.rows.map((r) => r[other.dataKey])).toEqual([4, null]);
  });
});

describe('trend axis', () => {
  it('puts hour ticks on round local hours', () => {
    const start = new Date(2025, 2, 12, 0).getTime();
    const t = Array.from({ length: 24 }, (_, i) => start + i * HOUR);
    const ticks = trendTicks(t, HOUR);
    expect(ticks.length).toBeLessThanOrEqual(7);
    expect(ticks.map((x) => new Date(x).getHours() % 6)).toEqual(ticks.map(() => 0));
  });

  it('puts week ticks on midnights and day ticks on every n-th day', () => {
    const start = new Date(2025, 2, 5, 13).getTime();
    const week = Array.from({ length: 168 }, (_, i) => start + i * HOUR);
    expect(trendTicks(week, HOUR).every((x) => new Date(x).getHours() === 0)).toBe(true);
    const days = Array.from({ length: 30 }, (_, i) => Date.UTC(2025, 2, 1) + i * DAY);
    expect(trendTicks(days, DAY)).toHaveLength(6);
    expect(trendTicks([], HOUR)).toEqual([]);
  });

  it('formats ticks and buckets by their size', () => {
    const t = new Date(2025, 2, 12, 14, 5).getTime();
    expect(formatTrendTick(t, 60_000)).toBe('14:05');
    expect(formatTrendTick(new Date(2025, 2, 12, 0).getTime(), HOUR)).toBe('12 Mar');
    expect(formatTrendTick(Date.UTC(2025, 2, 12), DAY)).toBe('12 Mar');
    expect(formatBucket(t, 60_000)).toBe('14:05–14:06');
    expect(formatBucket(new Date(2025, 2, 12, 14).getTime(), HOUR)).toBe('12 Mar 14:00–15:00');
    expect(formatBucket(Date.UTC(2025, 2, 12), DAY)).toBe('12 Mar (UTC day)');
  });
});
