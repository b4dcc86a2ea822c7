import { describe, expect, it } from 'vitest';
import { minuteTicks } from './timeTicks';

const M = 60_000;

describe('minuteTicks', () => {
  it('puts ticks on whole minutes within the range', () => {
    const ticks = minuteTicks(10 * M + 5_000, 25 * M + 1_000, 6);
    expect(ticks.length).toBeGreaterThan(0);
    expect(ticks.length).toBeLessThanOrEqual(6);
    for (const t of ticks) {
      expect(t % M).toBe(0);
      expect(t).toBeGreaterThanOrEqual(10 * M + 5_000);
      expect(t).toBeLessThanOrEqual(25 * M + 1_000);
    }
  });

  it('picks the 3-minute step for a 15-minute window', () => {
    expect(minuteTicks(0, 15 * M, 6)).toEqual([0, 3 * M, 6 * M, 9 * M, 12 * M, 15 * M]);
  });

  it('handles empty and reversed ranges', () => {
    expect(minuteTicks(5, 4)).toEqual([]);
    expect(minuteTicks(Number.NaN, 4)).toEqual([]);
    expect(minuteTicks(30 * 1000, 40 * 1000)).toEqual([]);
  });
});
