import { describe, expect, it } from 'vitest';
import { areaActions } from './actions/goToArea';
import { goToSiteAction } from './actions/goToSite';
import { nodeActions } from './actions/nodeActions';
import { matchRank, moveActive, nodeSearchText, rankActions } from './matchActions';
import { paletteActions } from './registry';

const a = (label: string, keywords: string[] = []) => ({ label, keywords });

describe('matchRank', () => {
  it('needs every typed word somewhere in the label or keywords', () => {
    expect(matchRank(a('Go to Nodes'), 'nodes go')).not.toBeNull();
    expect(matchRank(a('Open shell on gpu-a-01', ['ssh']), 'ssh a-01')).not.toBeNull();
    expect(matchRank(a('Go to Nodes'), 'nodes xyz')).toBeNull();
  });

  it('ranks a label prefix over word starts over substrings over keywords', () => {
    expect(matchRank(a('Go to Nodes'), 'go to n')).toBe(0);
    expect(matchRank(a('Go to Nodes'), 'nod')).toBe(1);
    expect(matchRank(a('Go to Nodes'), 'odes')).toBe(2);
    expect(matchRank(a('Go to Nodes', ['area']), 'area')).toBe(3);
    expect(matchRank(a('Anything'), '   ')).toBe(0);
  });
});

describe('rankActions', () => {
  it('orders by rank, keeping the registry order for ties, disabled last', () => {
    const list = [a('Go to Sites'), a('Go to site Frankfurt', ['de']), a('Drain fra-01', ['frankfurt'])];
    expect(rankActions(list, 'fra').map((x) => x.label)).toEqual(['Go to site Frankfurt', 'Drain fra-01']);
    expect(rankActions(list, 'go to s').map((x) => x.label)).toEqual(['Go to Sites', 'Go to site Frankfurt']);
    const disabledFirst = rankActions(list, 'go', (x) => x.label !== 'Go to Sites');
    expect(disabledFirst.map((x) => x.label)).toEqual(['Go to site Frankfurt', 'Go to Sites']);
  });

  it('caps the list', () => {
    expect(
      rankActions(
        Array.from({ length: 100 }, (_, i) => a(`x${i}`)),
        'x',
        undefined,
        5,
      ),
    ).toHaveLength(5);
  });

  it('finds the registry’s actions by what a person types', () => {
    const node = {
      siteId: 'eu-fra-1',
      siteName: 'Frankfurt',
      hostname: 'gpu-a-01',
      schedulerState: 'IDLE',
    };
    const all = paletteActions([{ id: 'eu-fra-1', name: 'Frankfurt', country: 'DE' }], [node as never]);
    expect(rankActions(all, 'shell a-01')[0]?.name).toBe('node.shell:eu-fra-1/gpu-a-01');
    expect(rankActions(all, 'germany')[0]?.name).toBe('site:eu-fra-1');
    expect(rankActions(all, 'alerts')[0]?.name).toBe('area:alerts');
    expect(rankActions(all, 'ack')[0]?.name).toBe('alert.ack-newest-critical');
    expect(new Set(all.map((x) => x.name)).size).toBe(all.length);
    expect(areaActions.length).toBeGreaterThan(5);
    expect(nodeActions(node as never)).toHaveLength(3);
    expect(goToSiteAction({ id: 's', name: 'S', country: 'FR' }).keywords).toContain('France');
  });
});

describe('nodeSearchText', () => {
  it.each([
    ['gpu-a-01', 'gpu-a-01'],
    ['shell gpu-a', 'gpu-a'],
    ['go to node fra 0017', '0017'],
    ['drain', null],
    ['x', null],
    ['', null],
  ])('%s → %s', (q, want) => {
    expect(nodeSearchText(q)).toBe(want);
  });
});

describe('moveActive', () => {
  it('wraps around and starts from either end', () => {
    expect(moveActive(-1, 1, 3)).toBe(0);
    expect(moveActive(-1, -1, 3)).toBe(2);
    expect(moveActive(2, 1, 3)).toBe(0);
    expect(moveActive(0, -1, 3)).toBe(2);
    expect(moveActive(0, 1, 0)).toBe(-1);
  });
});
