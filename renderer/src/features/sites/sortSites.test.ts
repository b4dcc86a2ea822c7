import { describe, expect, it } from 'vitest';
import type { SiteSummary } from '../../../../shared/domain';
import { nextSort, sortSites } from './sortSites';

const site = (id: string, over: Partial<SiteSummary> = {}): SiteSummary => ({
  id,
  name: id,
  city: 'City',
  country: 'DE',
  lat: 0,
  lon: 0,
  status: 'ok',
  statusReason: null,
  nodes: 1,
  nodesReporting: 1,
  gpus: 8,
  gpusReporting: 8,
  utilPct: 50,
  powerKw: 10,
  idleKw: null,
  idleGpus: 0,
  lastSuccessAt: 1000,
  models: ['H100'],
  ...over,
});

const ids = (s: SiteSummary[]) => s.map((x) => x.id);

describe('sortSites', () => {
  it('sorts names naturally and case-insensitively', () => {
    const s = [
      site('b', { name: 'tokyo' }),
      site('a10', { name: 'site-10' }),
      site('a2', { name: 'Site-2' }),
    ];
    expect(ids(sortSites(s, { key: 'name', dir: 'asc' }))).toEqual(['a2', 'a10', 'b']);
  });

  it('puts "no data" last in both directions', () => {
    const s = [site('x', { utilPct: null }), site('lo', { utilPct: 10 }), site('hi', { utilPct: 90 })];
    expect(ids(sortSites(s, { key: 'utilPct', dir: 'asc' }))).toEqual(['lo', 'hi', 'x']);
    expect(ids(sortSites(s, { key: 'utilPct', dir: 'desc' }))).toEqual(['hi', 'lo', 'x']);
  });

  it('sorts status by severity', () => {
    const s = [site('ok'), site('down', { status: 'unreachable' }), site('deg', { status: 'degraded' })];
    expect(ids(sortSites(s, { key: 'status', dir: 'desc' }))).toEqual(['down', 'deg', 'ok']);
  });

  it('sorts age with never-reported as oldest', () => {
    const s = [
      site('fresh', { lastSuccessAt: 9000 }),
      site('never', { lastSuccessAt: null }),
      site('old', { lastSuccessAt: 1000 }),
    ];
    expect(ids(sortSites(s, { key: 'age', dir: 'desc' }))).toEqual(['never', 'old', 'fresh']);
  });

  it('breaks ties by name so the order is stable between ticks', () => {
    const s = [site('c', { gpus: 8 }), site('a', { gpus: 8 }), site('b', { gpus: 16 })];
    expect(ids(sortSites(s, { key: 'gpus', dir: 'desc' }))).toEqual(['b', 'a', 'c']);
  });

  it('does not mutate its input', () => {
    const s = [site('b'), site('a')];
    sortSites(s, { key: 'name', dir: 'asc' });
    expect(ids(s)).toEqual(['b', 'a']);
  });
});

describe('nextSort', () => {
  it('flips the direction on the same column, starts quantities descending', () => {
    expect(nextSort({ key: 'name', dir: 'asc' }, 'name')).toEqual({ key: 'name', dir: 'desc' });
    expect(nextSort({ key: 'name', dir: 'asc' }, 'powerKw')).toEqual({ key: 'powerKw', dir: 'desc' });
    expect(nextSort({ key: 'gpus', dir: 'desc' }, 'country')).toEqual({ key: 'country', dir: 'asc' });
  });
});
