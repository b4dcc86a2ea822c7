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

/**
 * The colour at `t` (0–1, clamped) along a ramp of two or more hex stops, linearly interpolated in sRGB;
 * null for no data (a non-finite `t`), which the map hatches instead of painting the colour of 0.
 */
export function rampColor(stops: readonly string[], t: number | null): string | null {
  if (t === null || !Number.isFinite(t)) return null;
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const a = hex(stops[i]!);
  const b = hex(stops[i + 1]!);
  return `#${toHex(a[0] + (b[0] - a[0]) * f)}${toHex(a[1] + (b[1] - a[1]) * f)}${toHex(a[2] + (b[2] - a[2]) * f)}`;
}

/** Colour of a utilisation percentage (clamped to 0–100), or null for "no data". */
export function utilColor(pct: number | null): string | null {
  return rampColor(UTIL_STOPS, pct === null ? null : pct / 100);
}

/**
 * Status in three groups, for cluster donuts: the same hues as the status dots in the site list
 * (--ok, --warn, --down).
 */
export type StatusGroup = 'ok' | 'degraded' | 'down';
export const STATUS_GROUPS: readonly StatusGroup[] = ['ok', 'degraded', 'down'];
export const STATUS_GROUP_COLORS: Record<StatusGroup, string> = {
  ok: '#3fb950',
  degraded: '#e3b341',
  down: '#ff7b72',
};
export const STATUS_GROUP_LABELS: Record<StatusGroup, string> = {
  ok: 'OK',
  degraded: 'Degraded, stale or connecting',
  down: 'Unreachable, auth failed or misconfigured',
};

export interface DonutArc {
  group: StatusGroup;
  /** stroke-dasharray of a circle of that circumference; undefined for a full ring. */
  dash: string | undefined;
  /** stroke-dashoffset: where the arc starts, clockwise from the circle's 0° (rotate it to 12 o'clock). */
  offset: string;
}

/** The arcs of a status donut: one per non-empty group, in OK → degraded → down order, end to end. */
export function donutArcs(counts: Record<StatusGroup, number>, circumference: number): DonutArc[] {
  const total = STATUS_GROUPS.reduce((t, g) => t + Math.max(0, counts[g]), 0);
  if (total <= 0) return [];
  const arcs: DonutArc[] = [];
  let start = 0;
  for (const group of STATUS_GROUPS) {
    const share = Math.max(0, counts[group]) / total;
    if (share === 0) continue;
    const length = share * circumference;
    arcs.push({
      group,
      dash: share >= 1 ? undefined : `${length.toFixed(2)} ${circumference.toFixed(2)}`,
      offset: (-start).toFixed(2),
    });
    start += length;
  }
  return arcs;
}

/** Issue 4: ok → ok; degraded, stale, connecting → degraded; unreachable, auth-failed, misconfigured → down. */
export function statusGroup(status: SiteStatus): StatusGroup {
  switch (status) {
    case 'ok':
      return 'ok';
    case 'degraded':
    case 'stale':
    case 'connecting':
      return 'degraded';
    case 'unreachable':
    case 'auth-failed':
    case 'misconfigured':
      return 'down';
  }
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
