/**
 * Round-trip estimates between users and a site (issue 6): great-circle distance at fibre speed —
 * light in fibre covers ~100 km per ms there and back, so ≈ 1 ms per 100 km — plus the site's own
 * overhead, unless the site reports measured figures. Pure: the planner and the map's "within
 * budget" view use the same numbers.
 */
const MS_PER_KM = 0.01;
const EARTH_KM = 6371;

export function greatCircleKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const dLat = (b.lat - a.lat) * r;
  const dLon = (b.lon - a.lon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A site's default overhead (its network and serving), ms, when it reports none. */
export const SITE_RTT_OVERHEAD_MS = 2;

export function estimateRttMs(
  users: { lat: number; lon: number },
  site: { lat: number; lon: number; rttOverheadMs?: number },
): number {
  return greatCircleKm(users, site) * MS_PER_KM + (site.rttOverheadMs ?? SITE_RTT_OVERHEAD_MS);
}
