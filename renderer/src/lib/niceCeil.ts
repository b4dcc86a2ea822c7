/**
 * The smallest "nice" number (1, 2, 2.5 or 5 × 10^k) at or above `v`, for a chart's top so the line
 * sits below the frame and the axis labels are round. Non-positive or non-finite input gives 1.
 */
export function niceCeil(v: number): number {
  if (!Number.isFinite(v) || v <= 0) return 1;
  const exp = Math.floor(Math.log10(v));
  const base = 10 ** exp;
  for (const m of [1, 2, 2.5, 5, 10]) {
    const candidate = m * base;
    if (candidate >= v * (1 - 1e-12)) return candidate;
  }
  return 10 * base;
}

/** Y domain for a quantity that starts at zero: up to a nice number ≥ 10 % above the data. */
export const headroomDomain: [number, (dataMax: number) => number] = [
  0,
  (dataMax) => niceCeil(dataMax * 1.1),
];
