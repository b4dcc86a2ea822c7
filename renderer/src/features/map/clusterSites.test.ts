import { describe, expect, it } from 'vitest';
import type { SiteStatus, SiteSummary } from '../../../../shared/domain';
import {
  clusterRadius,
  clusterSites,
  spreadCluster,
  type ClusterInput,
  type MapCluster,
} from './clusterSites';
import { summariseSites } from './clusterSummary';

const pt = (id: string, x: number, y: number, r = 5, weight = 8): ClusterInput => ({ id, x, y, r, weight });

/** Just the membership, in output order: what a person sees. */
const groups = (out: MapCluster[]) => out.map((c) => c.ids.join('+'));

/** A deterministic PRNG (mulberry32), so the big cases are the same on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const r = rng(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('clusterSites: who merges', () => {
  const cases: { name: string; points: ClusterInput[]; want: string[] }[] = [
    { name: 'no sites', points: [], want: [] },
    { name: 'one site', points: [pt('a', 10, 10)], want: ['a'] },
    {
      name: 'far apart: both stay single',
      points: [pt('a', 0, 0), pt('b', 100, 0)],
      want: ['a', 'b'],
    },
    {
      name: 'touching (d = r1 + r2): single',
      points: [pt('a', 0, 0), pt('b', 10, 0)],
      want: ['a', 'b'],
    },
    {
      name: 'overlapping by less than a radius (d = 6 > r = 5): single',
      points: [pt('a', 0, 0), pt('b', 6, 0)],
      want: ['a', 'b'],
    },
    {
      name: 'overlapping by more than a radius (d = 4 < r = 5): merged',
      points: [pt('a', 0, 0), pt('b', 4, 0)],
      want: ['a+b'],
    },
    {
      name: 'on the same spot: merged',
      points: [pt('a', 50, 50), pt('b', 50, 50)],
      want: ['a+b'],
    },
    {
      name: 'the smaller radius decides: a 3 px site 6 px from a 10 px one stays single',
      points: [pt('big', 0, 0, 10), pt('small', 6, 0, 3)],
      want: ['big', 'small'],
    },
    {
      name: 'the smaller radius decides: 2.5 px apart, merged',
      points: [pt('big', 0, 0, 10), pt('small', 2.5, 0, 3)],
      want: ['big+small'],
    },
    {
      name: 'two groups far apart stay two clusters',
      points: [pt('a1', 0, 0), pt('a2', 1, 1), pt('b1', 300, 0), pt('b2', 301, 1)],
      want: ['a1+a2', 'b1+b2'],
    },
    {
      // Two 2-clusters 10 px apart: each drawn at clusterRadius(2) = 12 px, so they overlap by more
      // than a radius and merge in the second pass.
      name: 'clusters that overlap after forming merge again',
      points: [pt('a1', 0, 0), pt('a2', 1, 0), pt('b1', 10, 0), pt('b2', 11, 0)],
      want: ['a1+a2+b1+b2'],
    },
    {
      name: 'clusters whose donuts overlap at all merge (d = 23 < 12 + 12)',
      points: [pt('a1', 0, 0), pt('a2', 1, 0), pt('b1', 23, 0), pt('b2', 24, 0)],
      want: ['a1+a2+b1+b2'],
    },
    {
      name: 'clusters that do not overlap stay apart (d = 25 > 12 + 12)',
      points: [pt('a1', 0, 0), pt('a2', 1, 0), pt('b1', 25, 0), pt('b2', 26, 0)],
      want: ['a1+a2', 'b1+b2'],
    },
    {
      name: 'a lone site next to a cluster stays single unless it sits under its centre',
      points: [pt('a1', 0, 0), pt('a2', 1, 0), pt('c', 8, 0, 4)],
      want: ['a1+a2', 'c'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(groups(clusterSites(c.points))).toEqual(c.want);
    });
  }
});

describe('clusterSites: geometry of the output', () => {
  it('puts a cluster at the centroid of its members with the cluster radius', () => {
    const [c] = clusterSites([pt('a', 0, 0), pt('b', 3, 0), pt('c', 0, 3)]);
    expect(c).toMatchObject({ key: 'cluster:a', ids: ['a', 'b', 'c'], r: clusterRadius(3) });
    expect(c!.x).toBeCloseTo(1);
    expect(c!.y).toBeCloseTo(1);
  });

  it('keeps a single site exactly where and as big as it was, keyed by its id', () => {
    expect(clusterSites([pt('solo', 12.5, 7, 4.2)])).toEqual([
      { key: 'solo', x: 12.5, y: 7, r: 4.2, ids: ['solo'] },
    ]);
  });

  it('returns draw order: largest first (clusters under sites), ties by key', () => {
    const out = clusterSites([
      pt('s2', 200, 0, 4),
      pt('s1', 100, 0, 4),
      pt('big', 300, 0, 9),
      pt('c1', 0, 0),
      pt('c2', 0, 1),
    ]);
    expect(out.map((c) => c.key)).toEqual(['cluster:c1', 'big', 's1', 's2']);
  });

  it('clusterRadius grows with the count and is capped', () => {
    expect(clusterRadius(2)).toBe(12);
    expect(clusterRadius(8)).toBe(16);
    expect(clusterRadius(500)).toBe(18);
    expect(clusterRadius(3)).toBeGreaterThan(clusterRadius(2));
  });
});

/** 50 cities, 10 sites each within ±0.3° of the city, as the simulator lays out a 500-site fleet. */
function fleet500(): ClusterInput[] {
  const r = rng(42);
  const out: ClusterInput[] = [];
  for (let city = 0; city < 50; city++) {
    const cx = 20 + (city % 10) * 90;
    const cy = 20 + Math.floor(city / 10) * 90;
    for (let i = 0; i < 10; i++) {
      out.push(
        pt(`c${city}-s${i}`, cx + (r() - 0.5) * 1.5, cy + (r() - 0.5) * 1.5, 3 + r(), Math.floor(r() * 256)),
      );
    }
  }
  return out;
}

describe('clusterSites: determinism and scale', () => {
  it('gives the same output for the same points in any order', () => {
    const points = fleet500();
    const once = clusterSites(points);
    for (const seed of [1, 2, 3]) expect(clusterSites(shuffled(points, seed))).toEqual(once);
  });

  it('500 sites in 50 cities: one cluster per city at world zoom, every site exactly once', () => {
    const out = clusterSites(fleet500());
    expect(out).toHaveLength(50);
    expect(out.every((c) => c.ids.length === 10)).toBe(true);
    const ids = out.flatMap((c) => c.ids);
    expect(ids).toHaveLength(500);
    expect(new Set(ids).size).toBe(500);
  });

  it('splits as the zoom grows (positions scaled, radii not)', () => {
    const points = fleet500();
    const at = (k: number) => clusterSites(points.map((p) => ({ ...p, x: p.x * k, y: p.y * k })));
    // Deep enough that the closest two sites are farther apart than any radius: all single.
    let closest = Infinity;
    for (let i = 0; i < points.length; i++)
      for (let j = i + 1; j < points.length; j++)
        closest = Math.min(closest, Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y));
    const counts = [1, 4, 16, 64, 4 / closest].map((k) => at(k).length);
    expect(counts[0]).toBe(50);
    for (let i = 1; i < counts.length; i++) expect(counts[i]!).toBeGreaterThanOrEqual(counts[i - 1]!);
    expect(counts[2]).toBeGreaterThan(50);
    expect(counts[4]).toBe(500);
  });
});

describe('clusterSites + summariseSites: what a cluster stands for', () => {
  const site = (id: string, status: SiteStatus, gpus: number): SiteSummary => ({
    id,
    name: id,
    city: '',
    country: 'DE',
    lat: 0,
    lon: 0,
    status,
    statusReason: null,
    nodes: gpus / 8,
    nodesReporting: gpus / 8,
    gpus,
    gpusReporting: gpus,
    utilPct: 50,
    powerKw: 10,
    idleKw: 1,
    idleGpus: 0,
    lastSuccessAt: 0,
    models: [],
  });

  it('counts members and splits them ok / degraded / down', () => {
    const statuses: SiteStatus[] = [
      'ok',
      'ok',
      'degraded',
      'stale',
      'connecting',
      'unreachable',
      'auth-failed',
      'misconfigured',
    ];
    const sites = statuses.map((s, i) => site(`s${i}`, s, 8 * (i + 1)));
    const far = site('far', 'ok', 8);
    const out = clusterSites([...sites.map((s, i) => pt(s.id, i * 0.5, 0)), pt(far.id, 500, 500)]);
    expect(groups(out)).toEqual([sites.map((s) => s.id).join('+'), 'far']);
    const byId = new Map(sites.map((s) => [s.id, s]));
    const sum = summariseSites(out[0]!.ids.map((id) => byId.get(id)!));
    expect(sum).toMatchObject({ sites: 8, ok: 2, degraded: 3, down: 3, gpus: 8 * 36, powerKw: 80 });
  });
});

describe('spreadCluster', () => {
  it('fans members of a spot out on a ring, none overlapping, in id order from 12 o’clock', () => {
    const cluster: MapCluster = { key: 'cluster:a', x: 100, y: 100, r: 14, ids: ['a', 'b', 'c', 'd', 'e'] };
    const out = spreadCluster(cluster, () => 5);
    expect(out.map((c) => c.key)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(out[0]!.x).toBeCloseTo(100);
    expect(out[0]!.y).toBeLessThan(100);
    for (let i = 0; i < out.length; i++)
      for (let j = i + 1; j < out.length; j++)
        expect(Math.hypot(out[i]!.x - out[j]!.x, out[i]!.y - out[j]!.y)).toBeGreaterThanOrEqual(10);
  });

  it('leaves a single site alone', () => {
    const single: MapCluster = { key: 'a', x: 1, y: 2, r: 3, ids: ['a'] };
    expect(spreadCluster(single, () => 3)).toEqual([single]);
  });
});
