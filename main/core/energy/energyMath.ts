/**
 * Energy maths for the sustainability view (issue 8): pure functions over plain samples, so every
 * figure on the page can be recomputed by hand. Gaps are never filled with guesses: what could not
 * be measured is reported as missing coverage.
 */

export interface CounterSample {
  /** Epoch ms */
  t: number;
  /** DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION, millijoules since boot; null = no reading. */
  mJ: number | null;
}

export interface PowerSample {
  t: number;
  /** Watts; null = no reading. */
  w: number | null;
}

export interface EnergyResult {
  kWh: number;
  /** Seconds of the span the figure actually covers. */
  coveredS: number;
  /** Seconds that could not be measured (gaps, resets inside gaps). */
  missingS: number;
  /** Counter resets seen (a GPU reset or driver reload). */
  resets: number;
}

const MJ_PER_KWH = 3.6e9;

/**
 * Energy from the DCGM energy counter. Between two readings the increase is exact even across a gap
 * (the counter kept counting). A decrease is a reset: the energy since the reset is the new value,
 * and when the gap is short the time before the reset is covered too; across a long gap, the part
 * before the reset is unknown and counted as missing.
 */
export function energyFromCounter(samples: readonly CounterSample[], maxGapMs: number): EnergyResult {
  let mJ = 0;
  let coveredMs = 0;
  let missingMs = 0;
  let resets = 0;
  let prev: { t: number; mJ: number } | null = null;
  for (const s of samples) {
    if (s.mJ === null || !Number.isFinite(s.mJ)) continue;
    if (prev) {
      const dt = s.t - prev.t;
      if (s.mJ >= prev.mJ) {
        mJ += s.mJ - prev.mJ;
        coveredMs += dt;
      } else {
        resets++;
        mJ += s.mJ;
        if (dt <= maxGapMs) coveredMs += dt;
        else missingMs += dt;
      }
    }
    prev = { t: s.t, mJ: s.mJ };
  }
  return { kWh: mJ / MJ_PER_KWH, coveredS: coveredMs / 1000, missingS: missingMs / 1000, resets };
}

/** Energy from power readings (trapezoids); an interval with a missing end or longer than maxGap is missing. */
export function energyFromPower(samples: readonly PowerSample[], maxGapMs: number): EnergyResult {
  let joules = 0;
  let coveredMs = 0;
  let missingMs = 0;
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1]!;
    const b = samples[i]!;
    const dt = b.t - a.t;
    if (dt <= 0) continue;
    if (a.w === null || b.w === null || dt > maxGapMs) {
      missingMs += dt;
      continue;
    }
    joules += ((a.w + b.w) / 2) * (dt / 1000);
    coveredMs += dt;
  }
  return { kWh: joules / 3.6e6, coveredS: coveredMs / 1000, missingS: missingMs / 1000, resets: 0 };
}

export interface UtilSample {
  t: number;
  utilPct: number | null;
}

/**
 * Which samples find the GPU idle: utilisation below `thresholdPct` without a break for at least
 * `windowMs` up to and including that sample. A missing reading breaks the run (unknown is not idle).
 */
export function idleFlags(samples: readonly UtilSample[], thresholdPct: number, windowMs: number): boolean[] {
  const out: boolean[] = [];
  let runStart: number | null = null;
  for (const s of samples) {
    if (s.utilPct === null || s.utilPct >= thresholdPct) {
      runStart = null;
      out.push(false);
      continue;
    }
    runStart ??= s.t;
    out.push(s.t - runStart >= windowMs);
  }
  return out;
}

/**
 * Energy drawn while idle: the trapezoid between two consecutive samples counts when the GPU is
 * idle at both ends (measured power, never a constant).
 */
export function idleEnergy(
  samples: readonly (UtilSample & PowerSample)[],
  thresholdPct: number,
  windowMs: number,
  maxGapMs: number,
): EnergyResult {
  const idle = idleFlags(samples, thresholdPct, windowMs);
  const pairs: PowerSample[][] = [];
  for (let i = 1; i < samples.length; i++)
    if (idle[i - 1] && idle[i]) pairs.push([samples[i - 1]!, samples[i]!]);
  return pairs.reduce<EnergyResult>(
    (acc, p) => {
      const e = energyFromPower(p, maxGapMs);
      return {
        kWh: acc.kWh + e.kWh,
        coveredS: acc.coveredS + e.coveredS,
        missingS: acc.missingS + e.missingS,
        resets: 0,
      };
    },
    { kWh: 0, coveredS: 0, missingS: 0, resets: 0 },
  );
}

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
