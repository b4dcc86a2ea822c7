/**
 * Aggregates the latest sample of a set of GPUs. A GPU counts as reporting when its latest sample is
 * younger than `staleAfterMs`; utilisation is the mean over reporting GPUs with a value, power the sum.
 * When nothing reports, the aggregate is null ("no data"), never 0.
 */
export interface Rollup {
  gpus: number;
  gpusReporting: number;
  utilPct: number | null;
  powerW: number | null;
  maxTempC: number | null;
  /** Newest sample time among the GPUs, epoch ms; null when none ever reported. */
  newestMs: number | null;
}

export interface LatestArrays {
  t: Float64Array;
  util: Float32Array;
  power: Float32Array;
  temp: Float32Array;
}

export function rollupSlots(
  latest: LatestArrays,
  slots: ArrayLike<number>,
  nowMs: number,
  staleAfterMs: number,
): Rollup {
  let reporting = 0;
  let utilSum = 0;
  let utilN = 0;
  let powerSum = 0;
  let powerN = 0;
  let maxTemp = -Infinity;
  let newest = -Infinity;
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i]!;
    const t = latest.t[s]!;
    if (Number.isNaN(t)) continue;
    if (t > newest) newest = t;
    if (nowMs - t > staleAfterMs) continue;
    reporting++;
    const u = latest.util[s]!;
    if (!Number.isNaN(u)) {
      utilSum += u;
      utilN++;
    }
    const p = latest.power[s]!;
    if (!Number.isNaN(p)) {
      powerSum += p;
      powerN++;
    }
    const tc = latest.temp[s]!;
    if (!Number.isNaN(tc) && tc > maxTemp) maxTemp = tc;
  }
  return {
    gpus: slots.length,
    gpusReporting: reporting,
    utilPct: utilN ? utilSum / utilN : null,
    powerW: powerN ? powerSum : null,
    maxTempC: maxTemp === -Infinity ? null : maxTemp,
    newestMs: newest === -Infinity ? null : newest,
  };
}

/** Combines rollups of disjoint GPU sets (sites into the fleet) without revisiting GPUs. */
export function combineRollups(parts: readonly Rollup[]): Rollup {
  let gpus = 0;
  let reporting = 0;
  let utilWeighted = 0;
  let utilWeight = 0;
  let power = 0;
  let powerN = 0;
  let maxTemp: number | null = null;
  let newest: number | null = null;
  for (const p of parts) {
    gpus += p.gpus;
    reporting += p.gpusReporting;
    if (p.utilPct !== null) {
      utilWeighted += p.utilPct * p.gpusReporting;
      utilWeight += p.gpusReporting;
    }
    if (p.powerW !== null) {
      power += p.powerW;
      powerN++;
    }
    if (p.maxTempC !== null) maxTemp = maxTemp === null ? p.maxTempC : Math.max(maxTemp, p.maxTempC);
    if (p.newestMs !== null) newest = newest === null ? p.newestMs : Math.max(newest, p.newestMs);
  }
  return {
    gpus,
    gpusReporting: reporting,
    utilPct: utilWeight ? utilWeighted / utilWeight : null,
    powerW: powerN ? power : null,
    maxTempC: maxTemp,
    newestMs: newest,
  };
}
