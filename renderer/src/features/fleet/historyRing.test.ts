import { describe, expect, it } from 'vitest';
import { HistoryRing } from './historyRing';

const p = (t: number, utilPct: number | null = 50, powerKw: number | null = 100) => ({ t, utilPct, powerKw });

describe('HistoryRing', () => {
  it('appends in time order and keeps nulls as nulls', () => {
    const r = new HistoryRing(10, 1e9);
    r.append(p(1));
    r.append(p(2, null, null));
    expect(r.points()).toEqual([p(1), p(2, null, null)]);
  });

  it('replaces a point of the same time and drops older ones', () => {
    const r = new HistoryRing(10, 1e9);
    r.append(p(5, 10));
    expect(r.append(p(5, 20))).toBe(true);
    expect(r.append(p(4, 30))).toBe(false);
    expect(r.points()).toEqual([p(5, 20)]);
  });

  it('holds at most `capacity` points, dropping the oldest', () => {
    const r = new HistoryRing(900, 1e12);
    for (let i = 0; i < 1000; i++) r.append(p(i, i));
    expect(r.length).toBe(900);
    expect(r.points()[0]!.t).toBe(100);
    expect(r.lastT()).toBe(999);
  });

  it('drops points older than the window behind the newest', () => {
    const r = new HistoryRing(900, 15 * 60_000);
    r.append(p(0));
    r.append(p(60_000));
    r.append(p(15 * 60_000 + 30_000));
    expect(r.points().map((x) => x.t)).toEqual([60_000, 15 * 60_000 + 30_000]);
  });

  it('load() replaces content but keeps ticks newer than the loaded series', () => {
    const r = new HistoryRing(10, 1e9);
    r.append(p(100, 1));
    r.append(p(300, 3));
    r.load({ t: [50, 100, 200], utilPct: [5, 10, 20], powerKw: [1, null, 2] });
    expect(r.points()).toEqual([p(50, 5, 1), p(100, 10, null), p(200, 20, 2), p(300, 3)]);
  });

  it('chartSeries() splits the columns and stays within the chart budget', () => {
    const r = new HistoryRing(900, 1e12);
    for (let i = 0; i < 900; i++) r.append(p(i * 1000, i % 10 === 0 ? null : 40, 200));
    const { util, power } = r.chartSeries(500);
    expect(util.length).toBeLessThanOrEqual(500);
    expect(power.length).toBeLessThanOrEqual(500);
    expect(util.some((x) => x.v === null)).toBe(true);
    expect(power.every((x) => x.v === 200)).toBe(true);
  });
});
