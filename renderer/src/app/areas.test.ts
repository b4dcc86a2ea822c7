import { describe, expect, it } from 'vitest';
import { AREAS, areaFromHash, hashForArea } from './areas';

describe('areas', () => {
  it('round-trips through the URL hash', () => {
    for (const a of AREAS) expect(areaFromHash(hashForArea(a.id))).toBe(a.id);
    expect(areaFromHash('#sites')).toBe('sites');
    expect(areaFromHash('#/nope')).toBeNull();
    expect(areaFromHash('')).toBeNull();
  });

  it('names the issue of every area not built yet', () => {
    const pending = AREAS.filter((a) => a.issue !== null).map((a) => [a.label, a.issue]);
    expect(pending).toEqual([
      ['Nodes', 4],
      ['Placement', 6],
      ['Sovereignty', 7],
      ['Sustainability', 8],
    ]);
  });
});
