import type { GpuReading } from '../telemetry/dcgm';

/**
 * GPU readings as they cross from the scrape worker: numbers in one Float64Array (transferred, not
 * copied) and the text fields apart, so the worker can leave the text out when it is what it sent
 * last time for that exporter (it almost always is). Structured-cloning the reading objects was a
 * fifth of the worker's time (issue 10's profile). Null is NaN in the array: readDcgmSamples never
 * yields NaN (DCGM's blanks and non-finite values are already null).
 */
const NUMS = [
  'gpuIndex',
  'utilPct',
  'powerW',
  'tempC',
  'memTempC',
  'fbUsedMiB',
  'fbFreeMiB',
  'smClockMHz',
  'memClockMHz',
  'energyMj',
  'xid',
  'rowRemapFailure',
  'powerLimitW',
] as const satisfies readonly (keyof GpuReading)[];
const STRS = [
  'uuid',
  'hostname',
  'model',
  'pciBusId',
  'driverVersion',
] as const satisfies readonly (keyof GpuReading)[];

export interface PackedReadings {
  n: number;
  nums: Float64Array;
  /** STRS.length per GPU, in order; null = the same text as the last packing the receiver holds. */
  strs: (string | null)[] | null;
}

export function packNumbers(readings: readonly GpuReading[]): Float64Array<ArrayBuffer> {
  const nums = new Float64Array(readings.length * NUMS.length);
  readings.forEach((r, g) => NUMS.forEach((k, f) => (nums[g * NUMS.length + f] = r[k] ?? NaN)));
  return nums;
}

export function packStrings(readings: readonly GpuReading[]): (string | null)[] {
  return readings.flatMap((r) => STRS.map((k) => r[k]));
}

export function sameStrings(a: readonly (string | null)[], b: readonly (string | null)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Readings from numbers and text; null when the two do not describe the same GPUs (a bad message). */
export function unpackReadings(nums: Float64Array, strs: readonly (string | null)[]): GpuReading[] | null {
  const n = strs.length / STRS.length;
  if (!Number.isInteger(n) || nums.length !== n * NUMS.length) return null;
  if (!strs.every((v, i) => typeof v === 'string' || (v === null && i % STRS.length !== 0))) return null;
  const out: GpuReading[] = [];
  for (let g = 0; g < n; g++) {
    const s = g * STRS.length;
    const v = (f: number) => {
      const x = nums[g * NUMS.length + f]!;
      return Number.isNaN(x) ? null : x;
    };
    // One literal, fields in GpuReading's order: objects of one shape keep every later reader fast
    // (built field by field from the key lists, they were slower to read than the structured clones).
    out.push({
      uuid: strs[s]!,
      gpuIndex: v(0),
      hostname: strs[s + 1]!,
      model: strs[s + 2]!,
      pciBusId: strs[s + 3]!,
      driverVersion: strs[s + 4]!,
      utilPct: v(1),
      powerW: v(2),
      tempC: v(3),
      memTempC: v(4),
      fbUsedMiB: v(5),
      fbFreeMiB: v(6),
      smClockMHz: v(7),
      memClockMHz: v(8),
      energyMj: v(9),
      xid: v(10),
      rowRemapFailure: v(11),
      powerLimitW: v(12),
    });
  }
  return out;
}
