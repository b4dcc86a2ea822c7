import { describe, expect, it } from 'vitest';
import { axisTicks, boxOf, countryColour, countryColours, nowMark, violationsInStay } from './timelineLayout';

const period = { from: 1000, to: 2000 };

describe('boxOf: a stay on the period axis', () => {
  it.each([
    ['inside', { from: 1200, to: 1500 }, { x: 0.2, w: 0.3, open: false }],
    ['the whole period', { from: 1000, to: 2000 }, { x: 0, w: 1, open: false }],
    ['begun before, clipped left', { from: 500, to: 1100 }, { x: 0, w: 0.1, open: false }],
    ['ending after, clipped right', { from: 1900, to: 2500 }, { x: 0.9, w: 0.1, open: false }],
  ])('%s', (_name, stay, box) => {
    const b = boxOf(stay, period, 5000)!;
    expect(b.x).toBeCloseTo(box.x);
    expect(b.w).toBeCloseTo(box.w);
    expect(b.open).toBe(box.open);
  });

  it('runs an open stay to now', () => {
    expect(boxOf({ from: 1200, to: null }, period, 1700)).toEqual({ x: 0.2, w: 0.5, open: true });
  });

  it('never runs an open stay past the period end', () => {
    const b = boxOf({ from: 1200, to: null }, period, 9000)!;
    expect(b.x + b.w).toBeCloseTo(1);
  });

  it('drops what lies outside', () => {
    expect(boxOf({ from: 100, to: 900 }, period, 5000)).toBeNull();
    expect(boxOf({ from: 100, to: 1000 }, period, 5000)).toBeNull();
    expect(boxOf({ from: 2000, to: null }, period, 5000)).toBeNull();
    expect(boxOf({ from: 1200, to: 1500 }, { from: 5, to: 5 }, 5000)).toBeNull();
  });

  it('keeps a short stay visible with minWidth, inside the right edge', () => {
    expect(boxOf({ from: 1500, to: 1501 }, period, 5000, 0.01)!.w).toBeCloseTo(0.01);
    const edge = boxOf({ from: 1999, to: 2000 }, period, 5000, 0.01)!;
    expect(edge.x + edge.w).toBeCloseTo(1);
  });
});

describe('violationsInStay', () => {
  const v = (over: object) => ({
    workload: 'w1',
    tenant: 't',
    dataClass: 'health',
    siteId: 'us-1',
    country: 'US',
    ruleId: 'eu-health',
    reason: '',
    from: 1200,
    to: 1300 as number | null,
    endedBy: null,
    ...over,
  });
  const stay = { siteId: 'us-1', country: 'US', hostname: null, from: 1100, to: 1400 };

  it('matches the same workload at the same site overlapping in time', () => {
    const list = [
      v({}),
      v({ workload: 'w2' }),
      v({ siteId: 'de-1' }),
      v({ from: 1500, to: 1600 }),
      v({ from: 1350, to: null }),
    ];
    expect(violationsInStay('w1', stay, list, 5000)).toHaveLength(2);
    expect(violationsInStay('w1', { ...stay, to: null }, [v({ from: 4000, to: null })], 5000)).toHaveLength(
      1,
    );
  });
});

describe('countryColours', () => {
  it('gives each country one colour, the same whatever the order', () => {
    const a = countryColours(['US', 'DE', 'DE', 'FR']);
    const b = countryColours(['FR', 'US', 'DE']);
    expect([...a.entries()]).toEqual([...b.entries()]);
    expect(new Set(a.values()).size).toBe(3);
  });

  it('stays distinct for many countries and keeps clear of violation red', () => {
    const colours = Array.from({ length: 40 }, (_, i) => countryColour(i));
    expect(new Set(colours).size).toBe(40);
    for (const c of colours) {
      const hue = Number(/^hsl\(([\d.]+) /.exec(c)![1]);
      expect(hue).toBeGreaterThanOrEqual(30);
      expect(hue).toBeLessThanOrEqual(330);
    }
  });
});

describe('axis', () => {
  it('places ticks inside the period, with dates past a day', () => {
    const from = new Date(2024, 4, 1, 10, 0).getTime();
    const hour = axisTicks({ from, to: from + 3_600_000 });
    expect(hour.length).toBeGreaterThan(2);
    expect(hour.every((t) => t.x >= 0 && t.x <= 1 && /^\d\d:\d\d$/.test(t.label))).toBe(true);
    const week = axisTicks({ from, to: from + 7 * 86_400_000 });
    expect(week.every((t) => /^\d\d-\d\d \d\d:\d\d$/.test(t.label))).toBe(true);
    expect(axisTicks({ from, to: from + 90 * 86_400_000 }).length).toBeLessThanOrEqual(7);
    expect(axisTicks({ from, to: from })).toEqual([]);
  });

  it('marks now only inside the period', () => {
    expect(nowMark(period, 1250)).toBe(0.25);
    expect(nowMark(period, 2500)).toBeNull();
  });
});
