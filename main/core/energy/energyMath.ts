/**
 * Energy maths for the sustainability view (issue 8): pure functions, so every figure on the page can
 * be recomputed by hand. Gaps are never filled with guesses: what could not be measured is reported
 * as missing coverage (the ledger books an interval intervalKwh cannot measure as not covered).
 */

const MJ_PER_KWH = 3.6e9;

export interface SiteEnergyFactors {
  /** Facility energy = IT energy × PUE (1.0 when unknown is NOT assumed: the caller passes what it knows). */
  pue: number;
  tariff: { currency: string; perKwh: number } | null;
  /** gCO2e/kWh */
  carbonGPerKwh: number | null;
}

export interface EnergyCost {
  itKWh: number;
  facilityKWh: number;
  money: { amount: number; currency: string } | null;
  kgCO2: number | null;
}

/** IT energy to facility energy, money at the site's tariff and CO2 at its grid intensity. */
export function energyCost(itKWh: number, f: SiteEnergyFactors): EnergyCost {
  const facilityKWh = itKWh * f.pue;
  return {
    itKWh,
    facilityKWh,
    money: f.tariff ? { amount: facilityKWh * f.tariff.perKwh, currency: f.tariff.currency } : null,
    kgCO2: f.carbonGPerKwh === null ? null : (facilityKWh * f.carbonGPerKwh) / 1000,
  };
}

/** A counter step implying more than this per GPU is an exporter glitch, not energy (no GPU draws 5 kW). */
const MAX_PLAUSIBLE_W = 5000;

/**
 * The energy of one interval between two readings of a GPU, for streaming use (the ledger): the
 * counter's increase when both ends have it (after a reset, the value since the reset); else the
 * power trapezoid; null when neither can be measured — the caller books that as missing coverage.
 */
export function intervalKwh(
  prev: { mJ: number | null; w: number | null },
  cur: { mJ: number | null; w: number | null },
  dtMs: number,
): { kWh: number; reset: boolean } | null {
  if (dtMs <= 0) return null;
  if (prev.mJ !== null && cur.mJ !== null && Number.isFinite(prev.mJ) && Number.isFinite(cur.mJ)) {
    const reset = cur.mJ < prev.mJ;
    const mJ = reset ? cur.mJ : cur.mJ - prev.mJ;
    if (mJ / dtMs <= MAX_PLAUSIBLE_W) return { kWh: mJ / MJ_PER_KWH, reset };
  }
  if (prev.w !== null && cur.w !== null && Number.isFinite(prev.w) && Number.isFinite(cur.w))
    return { kWh: (((prev.w + cur.w) / 2) * (dtMs / 1000)) / 3.6e6, reset: false };
  return null;
}
