import type { SiteSummary } from '../../../../shared/domain';
import { jurisdictionColor } from './jurisdiction';
import { alertColor, siteAlerts, type AlertIndex } from './siteAlerts';
import { rampColor, UTIL_STOPS } from './siteStyle';

/**
 * What the fill of a site marker shows (issue 4). Each numeric mode is a sequential ramp that gets
 * brighter with the value and is readable on the dark map; a site without the number is hatched, never
 * painted the colour of 0 (STYLE.md rule 9). Alerts and Jurisdiction are categorical.
 */
export type MapColorMode = 'util' | 'power' | 'idle' | 'alerts' | 'jurisdiction';

/** Magma's upper range: site power draw. */
export const POWER_STOPS = ['#721f81', '#b73779', '#f1605d', '#feb078', '#fcfdbf'] as const;
/** Dim stone to light orange: idle GPU draw, the waste the sustainability view is about (issue 8). */
export const IDLE_STOPS = ['#57534e', '#9a3412', '#ea580c', '#fdba74'] as const;

export interface ColorModeInfo {
  id: MapColorMode;
  /** Text of the segmented control's button. */
  label: string;
  /** Heading of the legend's scale. */
  legendTitle: string;
  /** The ramp, or null for a categorical mode (alerts, jurisdiction). */
  stops: readonly string[] | null;
  unit: '%' | 'kW' | null;
}

export const COLOR_MODES: readonly ColorModeInfo[] = [
  { id: 'util', label: 'Utilisation', legendTitle: 'Utilisation', stops: UTIL_STOPS, unit: '%' },
  { id: 'power', label: 'Power', legendTitle: 'Site power', stops: POWER_STOPS, unit: 'kW' },
  { id: 'idle', label: 'Idle waste', legendTitle: 'Idle GPU draw', stops: IDLE_STOPS, unit: 'kW' },
  { id: 'alerts', label: 'Alerts', legendTitle: 'Worst firing alert', stops: null, unit: null },
  // Issue 7: the bloc of each site's country, with residency violations as badges.
  { id: 'jurisdiction', label: 'Jurisdiction', legendTitle: 'Jurisdiction', stops: null, unit: null },
];

export function colorModeInfo(mode: MapColorMode): ColorModeInfo {
  return COLOR_MODES.find((m) => m.id === mode) ?? COLOR_MODES[0]!;
}

/** The mode and the top of its domain (the bottom is 0): the legend and every marker read the same scale. */
export interface ColorScale {
  mode: MapColorMode;
  max: number;
}

/**
 * 1, 2, 2.5 or 5 × 10ⁿ at or above `v`: the top of a kW scale, so the legend reads "0 – 250 kW" and
 * stays put while the fleet's draw moves a little from tick to tick.
 */
export function niceCeil(v: number): number {
  if (!Number.isFinite(v) || v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v * (1 - 1e-9)) return m * p;
  return 10 * p;
}

/** The number a mode colours by, or null when the site does not have it (or the mode is categorical). */
export function siteValue(mode: MapColorMode, site: SiteSummary): number | null {
  const v =
    mode === 'util' ? site.utilPct : mode === 'power' ? site.powerKw : mode === 'idle' ? site.idleKw : null;
  return v !== null && Number.isFinite(v) ? v : null;
}

export function colorScale(mode: MapColorMode, sites: readonly SiteSummary[]): ColorScale {
  if (mode === 'util') return { mode, max: 100 };
  if (mode === 'alerts' || mode === 'jurisdiction') return { mode, max: 1 };
  let max = 0;
  for (const s of sites) {
    const v = siteValue(mode, s);
    if (v !== null && v > max) max = v;
  }
  return { mode, max: niceCeil(max) };
}

/**
 * A site marker's fill under a scale; null = no data (the caller draws the hatch). Alerts mode reads
 * `alerts` (null: the list has not arrived, so every site is unknown rather than alert-free).
 */
export function siteFill(
  scale: ColorScale,
  site: SiteSummary,
  alerts: AlertIndex | null = null,
): string | null {
  if (scale.mode === 'jurisdiction') return jurisdictionColor(site.country);
  if (scale.mode === 'alerts') return alertColor(siteAlerts(alerts, site.id));
  const stops = colorModeInfo(scale.mode).stops ?? UTIL_STOPS;
  const v = siteValue(scale.mode, site);
  return rampColor(stops, v === null ? null : v / scale.max);
}
