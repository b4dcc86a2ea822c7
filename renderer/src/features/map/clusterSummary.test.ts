import { describe, expect, it } from 'vitest';
import { clusterAccessibleName, partialKw, summariseSites } from './clusterSummary';
import { testSite as site } from './testMapData';

describe('summariseSites', () => {
  it('sums GPUs, power and idle draw; weights utilisation by reporting GPUs', () => {
    const s = summariseSites([
      site({ gpus: 8, gpusReporting: 8, utilPct: 100, powerKw: 5, idleKw: 0, idleGpus: 0 }),
      site({
        gpus: 32,
        gpusReporting: 24,
        utilPct: 20,
        powerKw: 15.5,
        idleKw: 3,
        idleGpus: 6,
        status: 'degraded',
      }),
    ]);
    expect(s).toMatchObject({
      sites: 2,
      ok: 1,
      degraded: 1,
      down: 0,
      gpus: 40,
      gpusReporting: 32,
      powerKw: 20.5,
      powerSites: 2,
      idleKw: 3,
      idleSites: 2,
      idleGpus: 6,
    });
    expect(s.utilPct).toBeCloseTo((100 * 8 + 20 * 24) / 32);
  });

  it('leaves out missing numbers and says how many sites it covers — never a silent 0', () => {
    const s = summariseSites([
      site({ powerKw: null, idleKw: null, utilPct: null, status: 'unreachable' }),
      site({ powerKw: 7 }),
    ]);
    expect(s).toMatchObject({ powerKw: 7, powerSites: 1, idleSites: 1, down: 1, utilPct: 50 });
  });

  it('is all "no data" when no site reports', () => {
    const s = summariseSites([site({ powerKw: null, idleKw: null, utilPct: null, gpusReporting: 0 })]);
    expect(s).toMatchObject({ utilPct: null, powerKw: null, idleKw: null, powerSites: 0 });
  });

  it('falls back to a plain mean when sites report utilisation but no GPUs', () => {
    const s = summariseSites([
      site({ gpusReporting: 0, utilPct: 10 }),
      site({ gpusReporting: 0, utilPct: 30 }),
    ]);
    expect(s.utilPct).toBe(20);
  });
});

describe('clusterAccessibleName', () => {
  it('starts with "Cluster of", never a site name, then status split and totals', () => {
    const name = clusterAccessibleName(
      summariseSites([
        site({ powerKw: 12.25, status: 'ok' }),
        site({ powerKw: 3, status: 'stale' }),
        site({ powerKw: null, status: 'misconfigured', utilPct: null }),
      ]),
    );
    expect(name).toBe(
      'Cluster of 3 sites (1 OK, 1 degraded, 1 down): 24 GPUs, 50% utilisation, power 15.3 kW from 2 of 3 sites',
    );
  });

  it('says "no data" rather than 0', () => {
    const name = clusterAccessibleName(summariseSites([site({ powerKw: null, utilPct: null, gpus: 1 })]));
    expect(name).toBe(
      'Cluster of 1 site (1 OK, 0 degraded, 0 down): 1 GPU, utilisation no data, power no data',
    );
  });
});

describe('partialKw', () => {
  it.each([
    [null, 0, 3, 'no data'],
    [12.5, 3, 3, '12.5 kW'],
    [12.5, 2, 3, '12.5 kW from 2 of 3 sites'],
  ])('%s kW from %d of %d', (v, n, total, want) => {
    expect(partialKw(v, n, total)).toBe(want);
  });
});
