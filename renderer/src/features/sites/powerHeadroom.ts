import { formatKw, formatPct } from '../../lib/format';

/**
 * Power now against the site's contracted capacity (issue 4): the headroom in kW and %, amber above
 * 85 % of capacity and red above 95 %. Either number may be unknown, and that is said, never drawn as 0.
 */
export const HEADROOM_WARN_ABOVE = 0.85;
export const HEADROOM_CRIT_ABOVE = 0.95;

export type HeadroomLevel = 'ok' | 'warn' | 'crit';

export type Headroom =
  | { kind: 'no-capacity'; powerKw: number | null }
  | { kind: 'no-reading'; capacityKw: number }
  | {
      kind: 'known';
      powerKw: number;
      capacityKw: number;
      /** Draw / capacity; above 1 when over capacity. */
      usedFrac: number;
      /** Capacity − draw, kW; negative when over. */
      headroomKw: number;
      /** Headroom as a percentage of capacity; negative when over. */
      headroomPct: number;
      level: HeadroomLevel;
      /** Width of the bar's fill, 0–1. */
      barFrac: number;
    };

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** The tone of a share of capacity in use: strictly above 85 % amber, strictly above 95 % red. */
export function headroomLevel(usedFrac: number): HeadroomLevel {
  if (usedFrac > HEADROOM_CRIT_ABOVE) return 'crit';
  if (usedFrac > HEADROOM_WARN_ABOVE) return 'warn';
  return 'ok';
}

export function powerHeadroom(powerKw: number | null, capacityKw: number | null): Headroom {
  const power = finite(powerKw) ? powerKw : null;
  if (!finite(capacityKw) || capacityKw <= 0) return { kind: 'no-capacity', powerKw: power };
  if (power === null) return { kind: 'no-reading', capacityKw };
  const usedFrac = power / capacityKw;
  const headroomKw = capacityKw - power;
  return {
    kind: 'known',
    powerKw: power,
    capacityKw,
    usedFrac,
    headroomKw,
    headroomPct: (100 * headroomKw) / capacityKw,
    level: headroomLevel(usedFrac),
    barFrac: Math.min(1, Math.max(0, usedFrac)),
  };
}

/**
 * "88.0 kW headroom (17%)" or "over capacity by 12.0 kW (3%)". The percentage is rounded towards less
 * headroom, so an amber bar never reads "15%" (85.4 % in use leaves 14.6 %, shown as 14%).
 */
export function headroomText(h: Headroom): string {
  if (h.kind === 'no-capacity') return 'no contracted capacity set';
  if (h.kind === 'no-reading') return 'headroom unknown: no power reading';
  if (h.headroomKw < 0)
    return `over capacity by ${formatKw(-h.headroomKw)} (${formatPct(Math.ceil(-h.headroomPct - 1e-9))})`;
  return `${formatKw(h.headroomKw)} headroom (${formatPct(Math.floor(h.headroomPct + 1e-9))})`;
}

/**
 * "412 kW of 500 kW contracted (83%)": the bar's value in words, for its accessible text and the line above
 * it. The share is rounded up, so it and the headroom (rounded down) add up to 100.
 */
export function powerOfCapacityText(h: Headroom): string {
  if (h.kind === 'no-capacity') return `${formatKw(h.powerKw)} now`;
  if (h.kind === 'no-reading') return `no power reading of ${formatKw(h.capacityKw)} contracted`;
  return `${formatKw(h.powerKw)} of ${formatKw(h.capacityKw)} contracted (${formatPct(Math.ceil(100 * h.usedFrac - 1e-9))})`;
}
