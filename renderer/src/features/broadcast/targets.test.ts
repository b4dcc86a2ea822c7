import { describe, expect, it } from 'vitest';
import {
  MAX_TARGETS,
  addTargets,
  countBySite,
  nodesText,
  removeTargets,
  runLabel,
  siteSelection,
  siteTargets,
  targetKey,
} from './targets';

const site = (id: string, n: number) =>
  siteTargets(
    id,
    Array.from({ length: n }, (_, i) => `${id}-gpu-${String(i).padStart(3, '0')}`),
  );

describe('broadcast targets', () => {
  it('adds a whole site in order, once', () => {
    const a = addTargets([], site('fra1', 3));
    expect(a.selected.map(targetKey)).toEqual([
      'fra1/fra1-gpu-000',
      'fra1/fra1-gpu-001',
      'fra1/fra1-gpu-002',
    ]);
    expect(a.skipped).toBe(0);
    const again = addTargets(a.selected, site('fra1', 3));
    expect(again.selected).toHaveLength(3);
    expect(again.skipped).toBe(0);
  });

  it(`stops at ${MAX_TARGETS} and says how many did not fit`, () => {
    const first = addTargets([], site('big', 480));
    const second = addTargets(first.selected, site('more', 64));
    expect(second.selected).toHaveLength(MAX_TARGETS);
    expect(second.skipped).toBe(44);
    expect(second.selected.at(-1)).toEqual({ siteId: 'more', hostname: 'more-gpu-019' });
    const over = addTargets([], site('huge', 1000));
    expect(over.selected).toHaveLength(500);
    expect(over.skipped).toBe(500);
    // Already selected nodes are not counted as skipped.
    expect(addTargets(over.selected, site('huge', 10)).skipped).toBe(0);
  });

  it('removes nodes and tells how much of a site is chosen', () => {
    const all = addTargets([], [...site('a', 4), ...site('b', 2)]).selected;
    const hostsA = site('a', 4).map((t) => t.hostname);
    expect(siteSelection(all, 'a', hostsA)).toBe('all');
    const less = removeTargets(all, [{ siteId: 'a', hostname: 'a-gpu-001' }]);
    expect(less).toHaveLength(5);
    expect(siteSelection(less, 'a', hostsA)).toBe('some');
    expect(siteSelection(removeTargets(less, site('a', 4)), 'a', hostsA)).toBe('none');
    // Same hostname on another site is another node.
    expect(siteSelection([{ siteId: 'b', hostname: 'a-gpu-000' }], 'a', hostsA)).toBe('none');
    expect(countBySite(less)).toEqual([
      { siteId: 'a', count: 3 },
      { siteId: 'b', count: 2 },
    ]);
  });

  it('says how many nodes a run touches', () => {
    expect(nodesText(1)).toBe('1 node');
    expect(runLabel(0)).toBe('Run on 0 nodes');
    expect(runLabel(1)).toBe('Run on 1 node');
    expect(runLabel(500)).toBe('Run on 500 nodes');
  });
});
