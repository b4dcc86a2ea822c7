import { describe, expect, it } from 'vitest';
import { headroomLevel, headroomText, powerHeadroom, powerOfCapacityText } from './powerHeadroom';

describe('powerHeadroom', () => {
  it('works out the headroom in kW and % of capacity', () => {
    const h = powerHeadroom(400, 500);
    expect(h).toMatchObject({ kind: 'known', headroomKw: 100, headroomPct: 20, usedFrac: 0.8, level: 'ok' });
    expect(headroomText(h)).toBe('100 kW headroom (20%)');
    expect(powerOfCapacityText(h)).toBe('400 kW of 500 kW contracted (80%)');
  });

  it.each([
    [0, 'ok'],
    [0.85, 'ok'],
    [0.8501, 'warn'],
    [0.95, 'warn'],
    [0.9501, 'crit'],
    [1.2, 'crit'],
  ] as const)('%s of capacity in use is %s (amber above 0.85, red above 0.95)', (frac, level) => {
    expect(headroomLevel(frac)).toBe(level);
  });

  it('rounds the shares so an amber bar never reads 15 % headroom and both add up to 100', () => {
    const h = powerHeadroom(85.4, 100);
    expect(h.kind === 'known' && h.level).toBe('warn');
    expect(headroomText(h)).toBe('14.6 kW headroom (14%)');
    expect(powerOfCapacityText(h)).toBe('85.4 kW of 100 kW contracted (86%)');
  });

  it('says how far over capacity the site is, with the bar full', () => {
    const h = powerHeadroom(110, 100);
    expect(h).toMatchObject({ kind: 'known', headroomKw: -10, level: 'crit', barFrac: 1 });
    expect(headroomText(h)).toBe('over capacity by 10.0 kW (10%)');
  });

  it('says when no capacity is contracted, keeping the reading', () => {
    for (const cap of [null, 0, -5, NaN]) {
      const h = powerHeadroom(42, cap);
      expect(h).toEqual({ kind: 'no-capacity', powerKw: 42 });
      expect(headroomText(h)).toBe('no contracted capacity set');
    }
    expect(powerHeadroom(null, null)).toEqual({ kind: 'no-capacity', powerKw: null });
  });

  it('does not take a missing reading for 0 kW', () => {
    const h = powerHeadroom(null, 500);
    expect(h).toEqual({ kind: 'no-reading', capacityKw: 500 });
    expect(headroomText(h)).toBe('headroom unknown: no power reading');
    expect(powerOfCapacityText(h)).not.toMatch(/\b0\b/);
  });

  it('keeps a negative reading off the bar', () => {
    const h = powerHeadroom(-3, 100);
    expect(h.kind === 'known' && h.barFrac).toBe(0);
  });
});
