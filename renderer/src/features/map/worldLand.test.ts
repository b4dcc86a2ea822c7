import { describe, expect, it } from 'vitest';
import { countryPaths, fitWorld, LAND } from './worldLand';

describe('worldLand', () => {
  it('leaves Antarctica out', () => {
    expect(LAND.features.some((f) => f.id === '010')).toBe(false);
    expect(LAND.features.length).toBeGreaterThan(100);
  });

  it('fits the land into the box, or nothing when too small to draw', () => {
    expect(fitWorld(15, 300)).toBeNull();
    const p = fitWorld(800, 400);
    expect(p).not.toBeNull();
    const xy = p?.([8.68, 50.11]);
    expect(xy?.[0]).toBeGreaterThan(10);
    expect(xy?.[0]).toBeLessThan(790);
    expect(xy?.[1]).toBeGreaterThan(10);
    expect(xy?.[1]).toBeLessThan(390);
    if (p) expect(countryPaths(p).every((c) => c.d.startsWith('M'))).toBe(true);
  });
});
