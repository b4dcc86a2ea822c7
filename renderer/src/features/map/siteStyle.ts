import type { SiteStatus } from '../../../../shared/domain';

/**
 * Visual encodings of a site, kept pure so they can be tested and reused by the legend.
 * Fill = utilisation on a calm sequential ramp (viridis' upper three quarters: readable on a dark map,
 * colour-blind safe); no data = a hatch, never the colour of 0 %. Status = a ring around the marker.
 */
export const UTIL_STOPS = ['#3b528b', '#21918c', '#5ec962', '#fde725'] as const;

const hex = (c: string): [number, number, number] => [
  parseInt(c.slice(1, 3), 16),
  parseInt(c.slice(3, 5), 16),
  parseInt(c.slice(5, 7), 16),
];
const toHex = (n: number) => Math.round(n).toString(16).padStart(2, '0');

/** Colour of a utilisation percentage (clamped to 0–100), or null for "no data". */
export function utilColor(pct: number | null): string | null {
  if (pct === null || !Number.isFinite(pct)) return null;
  const x = (Math.min(100, Math.max(0, pct)) / 100) * (UTIL_STOPS.length - 1);
  const i = Math.min(UTIL_STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const a = hex(UTIL_STOPS[i]!);
  const b = hex(UTIL_STOPS[i + 1]!);
  return `#${toHex(a[0] + (b[0] - a[0]) * f)}${toHex(a[1] + (b[1] - a[1]) * f)}${toHex(a[2] + (b[2] - a[2]) * f)}`;
}

export type RingKind = 'none' | 'connecting' | 'degraded' | 'stale' | 'down';

export interface RingStyle {
  kind: RingKind;
  color: string;
  dash?: string;
  label: string;
}

export const RINGS: Record<Exclude<RingKind, 'none'>, RingStyle> = {
  degraded: { kind: 'degraded', color: '#e3b341', label: 'Degraded' },
  stale: { kind: 'stale', color: '#bc8cff', label: 'Stale data' },
  down: { kind: 'down', color: '#ff7b72', label: 'Unreachable, auth failed or misconfigured' },
  connecting: { kind: 'connecting', color: '#79c0ff', dash: '2 2', label: 'Connecting' },
};

/** The ring a status draws around its marker; null for ok (no ring: calm when all is well). */
export function statusRing(status: SiteStatus): RingStyle | null {
  switch (status) {
    case 'ok':
      return null;
    case 'connecting':
      return RINGS.connecting;
    case 'degraded':
      return RINGS.degraded;
    case 'stale':
      return RINGS.stale;
    case 'unreachable':
    case 'auth-failed':
    case 'misconfigured':
      return RINGS.down;
  }
}

/**
 * Largest marker radius for a fleet of `siteCount` sites: 11 px up to 50 sites, then shrinking with the
 * square root of the count (so total marker area stays about constant) down to 4 px.
 */
export function maxMarkerRadius(siteCount: number): number {
  if (siteCount <= 50) return 11;
  return Math.max(4, 11 * Math.sqrt(50 / siteCount));
}

/** Marker radius: area proportional to GPU count, between `min` and `max` pixels. */
export function markerRadius(gpus: number, maxGpus: number, min = 3, max = 11): number {
  if (maxGpus <= 0 || gpus <= 0) return min;
  return min + (max - min) * Math.sqrt(Math.min(1, gpus / maxGpus));
}

export const NO_DATA_PATTERN_ID = 'fc-map-nodata';
export const NO_DATA_FILL = `url(#${NO_DATA_PATTERN_ID})`;
