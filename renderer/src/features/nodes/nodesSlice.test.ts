import { beforeEach, describe, expect, it } from 'vitest';
import { resetStore, useAppStore } from '../../store/appStore';
import { DEFAULT_QUERY, sortBy } from './nodeQuery';

const s = () => useAppStore.getState();

describe('nodes slice', () => {
  beforeEach(() => resetStore());

  it('opens a node page in the Nodes area and goes back to the table', () => {
    s().openNodePage({ siteId: 'eu-fra-1', hostname: 'gpu-a-01' });
    expect(s().area).toBe('nodes');
    expect(s().nodeRoute).toEqual({ siteId: 'eu-fra-1', hostname: 'gpu-a-01' });
    s().goToArea('fleet');
    expect(s().nodeRoute).not.toBeNull(); // another area leaves it; Nodes in the navigation clears it
    s().goToArea('nodes');
    expect([s().area, s().nodeRoute]).toEqual(['nodes', null]);
  });

  it('keeps a drain intent until the page has acted on it', () => {
    s().openNodePage({ siteId: 's', hostname: 'h', intent: 'drain' });
    expect(s().nodeRoute?.intent).toBe('drain');
    s().clearNodeIntent();
    expect(s().nodeRoute).toEqual({ siteId: 's', hostname: 'h' });
  });

  it('forgets the selected row when the result changes, not when it is the same query', () => {
    s().selectNodeRow({ index: 3, key: 's/h' });
    s().setNodeQuery({ ...DEFAULT_QUERY });
    expect(s().nodeSelected).toEqual({ index: 3, key: 's/h' });
    s().setNodeQuery(sortBy(DEFAULT_QUERY, 'maxTempC'));
    expect(s().nodeSelected).toEqual({ index: -1, key: null });
  });
});
