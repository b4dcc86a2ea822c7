import { afterEach, describe, expect, it } from 'vitest';
import type { FleetTick } from '../../../shared/contract';
import type { FleetTotals, SiteSummary } from '../../../shared/domain';
import { resetStore, useAppStore } from './appStore';
import { sessionCan } from '../features/session/sessionSlice';

const totals = (at: number): FleetTotals => ({
  at,
  sitesTotal: 2,
  sitesUp: 1,
  gpus: 16,
  gpusReporting: 8,
  utilPct: 40,
  powerKw: 12,
});
const site: SiteSummary = {
  id: 's1',
  name: 'Site 1',
  city: 'Frankfurt',
  country: 'DE',
  lat: 50,
  lon: 8,
  status: 'ok',
  statusReason: null,
  nodes: 1,
  nodesReporting: 1,
  gpus: 8,
  gpusReporting: 8,
  utilPct: 40,
  powerKw: 12,
  idleKw: null,
  idleGpus: 0,
  lastSuccessAt: 1000,
  models: ['H100'],
};
const tick = (at: number, util: number | null = 40): FleetTick => ({
  totals: totals(at),
  sites: [site],
  point: { t: at, utilPct: util, powerKw: 12 },
});

afterEach(() => resetStore());

describe('fleet slice', () => {
  it('applies a tick in one store write', () => {
    let writes = 0;
    const unsub = useAppStore.subscribe(() => writes++);
    useAppStore.getState().applyTick(tick(1000), 5000);
    unsub();
    expect(writes).toBe(1);
    const s = useAppStore.getState();
    expect(s.totals?.at).toBe(1000);
    expect(s.sites).toHaveLength(1);
    expect(s.utilHistory).toEqual([{ t: 1000, v: 40 }]);
    expect(s.lastTickAt).toBe(5000);
    expect(s.tickSeq).toBe(1);
  });

  it('keeps a newer tick when an older snapshot arrives late', () => {
    useAppStore.getState().applyTick(tick(2000));
    useAppStore.getState().applySnapshot({ totals: totals(1000), sites: [] });
    expect(useAppStore.getState().totals?.at).toBe(2000);
    expect(useAppStore.getState().sites).toHaveLength(1);
  });

  it('merges loaded history with ticks that came first', () => {
    useAppStore.getState().applyTick(tick(3000, 30));
    useAppStore.getState().loadHistory({ t: [1000, 2000], utilPct: [10, null], powerKw: [1, 2] });
    expect(useAppStore.getState().utilHistory).toEqual([
      { t: 1000, v: 10 },
      { t: 2000, v: null },
      { t: 3000, v: 30 },
    ]);
  });

  it('caps what reaches the charts at 500 points', () => {
    const st = useAppStore.getState();
    for (let i = 0; i < 900; i++) st.applyTick(tick(i * 1000, i % 100));
    expect(useAppStore.getState().utilHistory.length).toBeLessThanOrEqual(500);
  });

  it('resetStore clears state and the raw history ring', () => {
    useAppStore.getState().applyTick(tick(1000));
    useAppStore.getState().selectSite('s1');
    resetStore();
    const s = useAppStore.getState();
    expect(s.totals).toBeNull();
    expect(s.selectedSiteId).toBeNull();
    s.applyTick(tick(900_000));
    expect(useAppStore.getState().utilHistory).toHaveLength(1);
  });
});

describe('ui slice', () => {
  it('toggles the sort direction on the same column', () => {
    const s = useAppStore.getState();
    s.sortSitesBy('powerKw');
    expect(useAppStore.getState().siteSort).toEqual({ key: 'powerKw', dir: 'desc' });
    useAppStore.getState().sortSitesBy('powerKw');
    expect(useAppStore.getState().siteSort).toEqual({ key: 'powerKw', dir: 'asc' });
  });

  it('keeps one notice per source and clears it on success', () => {
    const s = useAppStore.getState();
    s.setNotice('fleet.snapshot', 'first');
    s.setNotice('fleet.snapshot', 'second');
    s.setNotice('fleet.history', 'other');
    expect(useAppStore.getState().notices.map((n) => n.message)).toEqual(['second', 'other']);
    useAppStore.getState().setNotice('fleet.snapshot', null);
    expect(useAppStore.getState().notices.map((n) => n.source)).toEqual(['fleet.history']);
  });
});

describe('session slice', () => {
  it('starts unknown, holds what the core answered, and resets', () => {
    expect(useAppStore.getState().session).toBeNull();
    expect(sessionCan(useAppStore.getState().session, 'view')).toBe(false);
    useAppStore.getState().setSession({
      role: 'analyst',
      actor: { osUser: 'ops', profile: 'default', session: 'abc' },
      permissions: ['view', 'plan.consolidate', 'reports', 'audit.export'],
      adminPassphraseSet: true,
    });
    const s = useAppStore.getState().session;
    expect(s?.role).toBe('analyst');
    expect(sessionCan(s, 'audit.export')).toBe(true);
    expect(sessionCan(s, 'ssh')).toBe(false);
    resetStore();
    expect(useAppStore.getState().session).toBeNull();
  });
});
