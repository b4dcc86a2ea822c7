import type { Sample } from './exposition';

/**
 * Turns dcgm-exporter samples into one reading per GPU.
 * Field list: dcgm-exporter etc/default-counters.csv. Label spellings differ across exporter
 * versions (`Hostname` before 3.3, `hostname` after; `UUID` vs `uuid`), so both are accepted.
 */

export interface GpuReading {
  uuid: string;
  gpuIndex: number | null;
  hostname: string | null;
  model: string | null;
  pciBusId: string | null;
  driverVersion: string | null;
  utilPct: number | null;
  powerW: number | null;
  tempC: number | null;
  memTempC: number | null;
  fbUsedMiB: number | null;
  fbFreeMiB: number | null;
  smClockMHz: number | null;
  memClockMHz: number | null;
  /** DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION: a counter in millijoules since boot. */
  energyMj: number | null;
  /** Value of the last XID error; 0 means none since the driver loaded. */
  xid: number | null;
  rowRemapFailure: number | null;
  /** DCGM_FI_DEV_POWER_MGMT_LIMIT (W): not in the exporter's default counters; null unless enabled. */
  powerLimitW: number | null;
}

type NumericField = Exclude<
  keyof GpuReading,
  'uuid' | 'hostname' | 'model' | 'pciBusId' | 'driverVersion' | 'gpuIndex'
>;

const FIELDS: Record<string, NumericField> = {
  DCGM_FI_DEV_GPU_UTIL: 'utilPct',
  DCGM_FI_DEV_POWER_USAGE: 'powerW',
  DCGM_FI_DEV_GPU_TEMP: 'tempC',
  DCGM_FI_DEV_MEMORY_TEMP: 'memTempC',
  DCGM_FI_DEV_FB_USED: 'fbUsedMiB',
  DCGM_FI_DEV_FB_FREE: 'fbFreeMiB',
  DCGM_FI_DEV_SM_CLOCK: 'smClockMHz',
  DCGM_FI_DEV_MEM_CLOCK: 'memClockMHz',
  DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION: 'energyMj',
  DCGM_FI_DEV_XID_ERRORS: 'xid',
  DCGM_FI_DEV_ROW_REMAP_FAILURE: 'rowRemapFailure',
  DCGM_FI_DEV_POWER_MGMT_LIMIT: 'powerLimitW',
};

/**
 * DCGM reports "no value" with sentinels rather than omitting the series (dcgm_fields.h):
 * DCGM_INT64_BLANK = 0x7ffffffffffffff0 and up (NOT_FOUND, NOT_SUPPORTED, NOT_PERMISSIONED),
 * DCGM_INT32_BLANK = 0x7ffffff0 and up, DCGM_FP64_BLANK = 140737488355328.0 (2^47) and up.
 * None of the fields we read can legitimately reach those values, so each means "missing".
 */
// 0x7ffffffffffffff0 has no exact double: parsed from text it becomes 2^63, which is what we compare.
const INT64_BLANK_AS_DOUBLE = 2 ** 63;

export function isDcgmBlank(value: number): boolean {
  if (!Number.isFinite(value)) return true;
  if (value >= INT64_BLANK_AS_DOUBLE) return true;
  if (value >= 140737488355328) return true;
  if (value >= 2147483632 && value <= 2147483647) return true;
  return false;
}

/** A reading with every metric missing: the start of one, never a row of zeros. */
export function emptyReading(uuid: string): GpuReading {
  return {
    uuid,
    gpuIndex: null,
    hostname: null,
    model: null,
    pciBusId: null,
    driverVersion: null,
    utilPct: null,
    powerW: null,
    tempC: null,
    memTempC: null,
    fbUsedMiB: null,
    fbFreeMiB: null,
    smClockMHz: null,
    memClockMHz: null,
    energyMj: null,
    xid: null,
    rowRemapFailure: null,
    powerLimitW: null,
  };
}

/**
 * Label values are slices of the scraped text, and V8 keeps a sliced string's whole parent alive: a
 * model name stored for a GPU would pin that node's 40 KB response until the next one replaces it
 * (hundreds of MB at 20,000 nodes). Values that outlive the scrape go through this table, which hands
 * back one flat copy per distinct value.
 */
const interned = new Map<string, string>();
export function intern(v: string): string {
  const hit = interned.get(v);
  if (hit !== undefined) return hit;
  if (interned.size > 1_000_000) interned.clear();
  const flat = Buffer.from(v, 'utf8').toString('utf8');
  interned.set(flat, flat);
  return flat;
}
const internOrNull = (v: string | undefined): string | null => (v === undefined ? null : intern(v));

/** Groups samples by GPU UUID. Samples without a UUID label (exporter self-metrics) are ignored. */
export function readDcgmSamples(samples: readonly Sample[]): GpuReading[] {
  const byUuid = new Map<string, GpuReading>();
  for (const s of samples) {
    // Own keys only: a metric named `constructor` or `__proto__` must not reach Object.prototype.
    const field = Object.hasOwn(FIELDS, s.name) ? FIELDS[s.name] : undefined;
    if (!field) continue;
    const l = s.labels;
    const uuid = l.UUID ?? l.uuid;
    if (!uuid) continue;
    // MIG instances repeat the parent UUID with a GPU_I_ID; the whole-GPU view keys them apart so
    // one instance never overwrites another (per-instance views come later).
    const id = l.GPU_I_ID ? `${uuid}/${l.GPU_I_ID}` : uuid;
    let r = byUuid.get(id);
    if (!r) {
      // Interned once per GPU and scrape, not per sample: the table is fleet-sized (issue 10's profile).
      const key = intern(id);
      r = emptyReading(key);
      byUuid.set(key, r);
    }
    r.hostname ??= internOrNull(l.Hostname ?? l.hostname);
    r.model ??= internOrNull(l.modelName);
    r.pciBusId ??= internOrNull(l.pci_bus_id);
    r.driverVersion ??= internOrNull(l.DCGM_FI_DRIVER_VERSION);
    if (r.gpuIndex === null && l.gpu !== undefined && /^\d{1,9}$/.test(l.gpu)) r.gpuIndex = Number(l.gpu);
    r[field] = isDcgmBlank(s.value) ? null : s.value;
  }
  return [...byUuid.values()];
}
