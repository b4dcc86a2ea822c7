import type { SiteSummary } from '../../../../shared/domain';
import { clusterSites, spreadCluster, type MapCluster } from './clusterSites';
import { MAX_K, type Extent, type MapView } from './mapView';
import { markerRadius, maxMarkerRadius } from './siteStyle';

/**
 * Where markers go, apart from what colour they are. A tick replaces every SiteSummary object, but a
 * site's place and size only change when it moves or gains GPUs; the map keys its projection and
 * clustering on this geometry so that a tick only recolours (issue 4, DESIGN.md "Render budget").
 */
export type SiteGeometry = [id: string, lon: number, lat: number, gpus: number];

/** A string that changes exactly when a site is added, removed, moved or resized. */
export function geometryKey(sites: readonly SiteSummary[]): string {
  return JSON.stringify(sites.map((s): SiteGeometry => [s.id, s.lon, s.lat, s.gpus]));
}

export function parseGeometryKey(key: string): SiteGeometry[] {
  return JSON.parse(key) as SiteGeometry[];
}

/** A site on the map at zoom 1 ("base" pixels), with its marker radius. */
export interface BasePoint {
  id: string;
  x: number;
  y: number;
  r: number;
  gpus: number;
}

/**
 * Projects sites to base pixels and sizes their markers: area grows with GPU count, and the largest
 * marker shrinks as the fleet grows (siteStyle.maxMarkerRadius). Sites the projection cannot place are
 * left out.
 */
export function projectSites(
  geometry: readonly SiteGeometry[],
  project: (lonLat: [number, number]) => [number, number] | null,
): BasePoint[] {
  const maxGpus = geometry.reduce((m, g) => Math.max(m, g[3]), 0);
  const maxR = maxMarkerRadius(geometry.length);
  const minR = Math.min(3, maxR / 2);
  const out: BasePoint[] = [];
  for (const [id, lon, lat, gpus] of geometry) {
    const xy = project([lon, lat]);
    if (!xy || !Number.isFinite(xy[0]) || !Number.isFinite(xy[1])) continue;
    out.push({ id, x: xy[0], y: xy[1], r: markerRadius(gpus, maxGpus, minR, maxR), gpus });
  }
  return out;
}

/**
 * The markers at zoom `k`, in zoomed pixels without the pan offset (panning moves them, it does not
 * re-cluster). At the deepest zoom, what is still clustered shares a spot and is fanned out instead.
 * Draw order: largest first.
 */
export function layoutAtZoom(points: readonly BasePoint[], k: number): MapCluster[] {
  const clusters = clusterSites(
    points.map((p) => ({ id: p.id, x: p.x * k, y: p.y * k, r: p.r, weight: p.gpus })),
  );
  if (k < MAX_K || clusters.every((c) => c.ids.length === 1)) return clusters;
  const radius = new Map(points.map((p) => [p.id, p.r]));
  return clusters
    .flatMap((c) => (c.ids.length === 1 ? [c] : spreadCluster(c, (id) => radius.get(id) ?? 3)))
    .sort((a, b) => b.r - a.r || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The base-pixel box around some sites, for zooming into a cluster; null when none is placed. */
export function boxOf(ids: readonly string[], byId: ReadonlyMap<string, BasePoint>) {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const id of ids) {
    const p = byId.get(id);
    if (!p) continue;
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  return x0 <= x1 ? { x0, y0, x1, y1 } : null;
}

/** Markers that show at least partly in the map box at a view (with a margin for rings and outlines). */
export function visibleMarkers(
  layout: readonly MapCluster[],
  view: MapView,
  size: Extent,
  margin = 12,
): MapCluster[] {
  return layout.filter((c) => {
    const x = c.x + view.x;
    const y = c.y + view.y;
    return (
      x + c.r > -margin &&
      x - c.r < size.width + margin &&
      y + c.r > -margin &&
      y - c.r < size.height + margin
    );
  });
}
