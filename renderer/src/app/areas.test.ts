import { describe, expect, it } from 'vitest';
import { AREAS, areaFromHash, hashForArea } from './areas';

describe('areas', () => {
  it('round-trips through the URL hash', () => {
    for (const a of AREAS) expect(areaFromHash(hashForArea(a.id))).toBe(a.id);
    expect(areaFromHash('#sites')).toBe('sites');
    expect(areaFromHash('#/nope')).toBeNull();
    expect(areaFromHash('')).toBeNull();
    // A node page's address belongs to the Nodes area (features/nodes/nodeRoute.ts reads the rest).
    expect(areaFromHash('#/nodes/eu-fra-1/gpu-a-01')).toBe('nodes');
  });

  it('names the issue of every area not built yet', () => {
    const pending = AREAS.filter((a) => a.issue !== null).map((a) => [a.label, a.issue]);
    expect(pending).toEqual([]);
  });
});
