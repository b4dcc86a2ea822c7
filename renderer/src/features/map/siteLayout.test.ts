import { describe, expect, it } from 'vitest';
import type { SiteSummary } from '../../../../shared/domain';
import { MAX_K } from './mapView';
import {
  boxOf,
  geometryKey,
  layoutAtZoom,
  parseGeometryKey,
  projectSites,
  visibleMarkers,
  type BasePoint,
} from './siteLayout';

const site = (
  id: string,
  lon: number,
  lat: number,
  gpus: number,
  utilPct: number | null = 50,
): SiteSummary => ({
  id,
  name: id,
  city: '',
  country: 'DE',
  lat,
  lon,
  status: 'ok',
  statusReason: null,
  nodes: 1,
  nodesReporting: 1,
  gpus,
  gpusReporting: gpus,
  utilPct,
  powerKw: 1,
  idleKw: null,
  idleGpus: 0,
  lastSuccessAt: 0,
  models: [],
});

/** An equirectangular stand-in for the projection: 2 px per degree. */
const flat = ([lon, lat]: [number, number]): [number, number] => [(lon + 180) * 2, (90 - lat) * 2];

describe('geometryKey', () => {
  it('ignores a tick (numbers change, places do not) and sees a move, a resize, a new site', () => {
    const a = [site('a', 8, 50, 64), site('b', 9, 47, 8)];
    const key = geometryKey(a);
    expect(geometryKey([site('a', 8, 50, 64, 97), site('b', 9, 47, 8, null)])).toBe(key);
    expect(geometryKey([site('a', 8.1, 50, 64), a[1]!])).not.toBe(key);
    expect(geometryKey([site('a', 8, 50, 72), a[1]!])).not.toBe(key);
    expect(geometryKey([...a, site('c', 0, 0, 8)])).not.toBe(key);
  });

  it('round-trips', () => {
    const a = [site('x"y', -122.5, 45.25, 16)];
    expect(parseGeometryKey(geometryKey(a))).toEqual([['x"y', -122.5, 45.25, 16]]);
  });
});

describe('projectSites', () => {
  it('places sites and sizes markers by GPU count; drops what cannot be projected', () => {
    const geometry = parseGeometryKey(
      geometryKey([site('a', 0, 0, 100), site('b', 10, 0, 0), site('gone', 1, 1, 8)]),
    );
    const pts = projectSites(geometry, (p) => (p[0] === 1 ? null : flat(p)));
    expect(pts.map((p) => p.id)).toEqual(['a', 'b']);
    expect(pts[0]).toMatchObject({ x: 360, y: 180, r: 11, gpus: 100 });
    expect(pts[1]).toMatchObject({ x: 380, y: 180, r: 3, gpus: 0 });
  });
});

describe('layoutAtZoom', () => {
  const pts: BasePoint[] = [
    { id: 'zrh', x: 100, y: 100, r: 10, gpus: 200 },
    { id: 'mil', x: 103, y: 103, r: 8, gpus: 100 },
    { id: 'syd', x: 400, y: 300, r: 5, gpus: 40 },
  ];

  it('clusters at world zoom and splits when zoomed in', () => {
    expect(layoutAtZoom(pts, 1).map((c) => c.ids.join('+'))).toEqual(['mil+zrh', 'syd']);
    expect(layoutAtZoom(pts, 4).map((c) => c.key)).toEqual(['zrh', 'mil', 'syd']);
    expect(layoutAtZoom(pts, 4)[0]).toMatchObject({ x: 400, y: 400 });
  });

  it('fans out sites that share a spot at the deepest zoom, so each can be clicked', () => {
    const same: BasePoint[] = [
      { id: 'fra-1', x: 50, y: 50, r: 6, gpus: 64 },
      { id: 'fra-2', x: 50, y: 50, r: 6, gpus: 64 },
    ];
    expect(layoutAtZoom(same, MAX_K / 2)).toHaveLength(1);
    const spread = layoutAtZoom(same, MAX_K);
    expect(spread.map((c) => c.key).sort()).toEqual(['fra-1', 'fra-2']);
    expect(Math.hypot(spread[0]!.x - spread[1]!.x, spread[0]!.y - spread[1]!.y)).toBeGreaterThanOrEqual(12);
  });
});

describe('boxOf', () => {
  it('bounds the placed sites and is null for none', () => {
    const byId = new Map<string, BasePoint>([
      ['a', { id: 'a', x: 1, y: 5, r: 3, gpus: 0 }],
      ['b', { id: 'b', x: 4, y: 2, r: 3, gpus: 0 }],
    ]);
    expect(boxOf(['a', 'b', 'missing'], byId)).toEqual({ x0: 1, y0: 2, x1: 4, y1: 5 });
    expect(boxOf(['missing'], byId)).toBeNull();
  });
});

describe('visibleMarkers', () => {
  it('keeps markers that show at least partly once panned', () => {
    const at = (key: string, x: number, y: number) => ({ key, x, y, r: 5, ids: [key] });
    // Layout is in zoomed pixels; the pan moves everything by (−100, −100) into a 200 × 200 box.
    const layout = [
      at('in', 150, 150),
      at('half-out', 97, 150),
      at('just-out', 90, 150),
      at('below', 150, 330),
    ];
    const view = { k: 2, x: -100, y: -100 };
    const size = { width: 200, height: 200 };
    expect(visibleMarkers(layout, view, size, 0).map((c) => c.key)).toEqual(['in', 'half-out']);
    expect(visibleMarkers(layout, view, size, 12).map((c) => c.key)).toEqual(['in', 'half-out', 'just-out']);
  });
});
