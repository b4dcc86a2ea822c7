import { describe, expect, it } from 'vitest';
import { arcOpacity, arcPath, planGeometry, ringRadius, type XY } from './planArcs';
import { moveOf } from './testPlans';

const POINTS: Record<string, XY> = { 'eu-fra-1': [100, 50], 'us-east-2': [20, 60], 'eu-par-1': [90, 52] };
const point = (id: string) => POINTS[id] ?? null;

const cross = (from: string, to: string, i = 0) =>
  moveOf({
    unit: `${from}#${i}`,
    from: { siteId: from, hostname: `h${i}`, country: 'DE' },
    to: { siteId: to, hostname: `t${i}`, country: 'FR' },
    crossSite: true,
  });

describe('arcPath', () => {
  it('bows to the left of the direction of travel, so A→B and B→A stay apart', () => {
    expect(arcPath([0, 0], [100, 0], 0.2)).toBe('M0,0 Q50,-20 100,0');
    expect(arcPath([100, 0], [0, 0], 0.2)).toBe('M100,0 Q50,20 0,0');
  });

  it('draws a loop between sites on the same spot', () => {
    expect(arcPath([10, 10], [10.5, 10], 0.2)).toMatch(/^M10,10 C/);
  });
});

describe('planGeometry', () => {
  it('draws one arc per cross-site move and a ring per site with moves inside it', () => {
    const moves = [
      moveOf(),
      moveOf({ unit: 'eu-fra-1#2', gpus: 2 }),
      cross('eu-fra-1', 'eu-par-1', 1),
      cross('eu-fra-1', 'eu-par-1', 2),
      cross('us-east-2', 'eu-fra-1', 3),
    ];
    const g = planGeometry(moves, point, 100);
    expect(g.arcs.map((a) => `${a.from}>${a.to}`)).toEqual([
      'eu-fra-1>eu-par-1',
      'eu-fra-1>eu-par-1',
      'us-east-2>eu-fra-1',
    ]);
    // Two moves between the same sites fan out rather than overlap.
    expect(g.arcs[0]?.d).not.toBe(g.arcs[1]?.d);
    expect(g.rings).toEqual([{ siteId: 'eu-fra-1', x: 100, y: 50, moves: 2, gpus: 6 }]);
    expect(g.dots.map((d) => d.siteId).sort()).toEqual(['eu-fra-1', 'eu-par-1', 'us-east-2']);
    expect(g.arcs[2]?.label).toBe('train-a: us-east-2/h3 → eu-fra-1/t3, 4 GPUs');
  });

  it('counts moves it cannot place on the map, and arcs past the cap', () => {
    const g = planGeometry(
      [cross('eu-fra-1', 'nowhere'), cross('eu-fra-1', 'eu-par-1'), cross('eu-par-1', 'eu-fra-1')],
      point,
      1,
    );
    expect(g.unmapped).toBe(1);
    expect(g.arcs).toHaveLength(1);
    expect(g.notDrawn).toBe(1);
  });

  it('fades arcs as they multiply, within bounds', () => {
    expect(arcOpacity(1)).toBe(0.8);
    expect(arcOpacity(0)).toBe(0.8);
    expect(arcOpacity(25)).toBeCloseTo(0.6);
    expect(arcOpacity(1000)).toBe(0.2);
  });

  it('sizes rings gently and within bounds', () => {
    expect(ringRadius(1)).toBeGreaterThan(5);
    expect(ringRadius(1)).toBeLessThan(ringRadius(10));
    expect(ringRadius(100_000)).toBe(14);
  });
});
