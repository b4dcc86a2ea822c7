import { describe, expect, it } from 'vitest';
import { visibleRange } from './virtualRows';

describe('visibleRange', () => {
  it('renders the rows in view plus overscan, with spacers for the rest', () => {
    const w = visibleRange(260, 260, 26, 500, 5);
    expect(w).toEqual({ start: 5, end: 25, padTop: 130, padBottom: 475 * 26 });
  });

  it('clamps at the top and the bottom', () => {
    expect(visibleRange(0, 100, 25, 500, 3)).toMatchObject({ start: 0, end: 7, padTop: 0 });
    const end = visibleRange(500 * 25, 100, 25, 500, 3);
    expect(end.end).toBe(500);
    expect(end.padBottom).toBe(0);
    expect(end.start).toBeLessThan(500);
  });

  it('spacers plus rendered rows always add up to the full height', () => {
    for (const top of [0, 13, 999, 5000, 12_000]) {
      const w = visibleRange(top, 400, 26, 480, 8);
      expect(w.padTop + (w.end - w.start) * 26 + w.padBottom).toBe(480 * 26);
    }
  });

  it('handles an empty list', () => {
    expect(visibleRange(0, 400, 26, 0)).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
  });
});
