import type { GpuFrame } from '../dcgmText';
import type { SimGpu, SimNode } from '../fleetLayout';
import { hashString } from '../prng';
import { pstateOf, SMI_MODEL_TRAITS, type GpuSnapshot } from './nvidiaSmiText';

/**
 * `nvidia-smi --query-gpu=… --format=csv[,noheader][,nounits]` for the fields the console and its
 * operators use. Names, aliases and units follow the real `--help-query-gpu` text and the H200 CSV
 * capture (test/fixtures/nvidia-smi-query-gpu-h200-load.csv): the header always names the
 * canonical field with its unit (`clocks.sm` prints as `clocks.current.sm [MHz]`), `nounits` drops
 * the unit from the values only, and a field a GPU lacks prints `[N/A]` in both modes.
 */

type Value = string | { n: number; digits: number } | null;

interface GpuView {
  node: SimNode;
  gpu: SimGpu;
  frame: GpuFrame;
  count: number;
  atMs: number;
}

export interface QueryField {
  name: string;
  aliases: readonly string[];
  unit?: 'MiB' | '%' | 'W' | 'MHz';
  value(g: GpuView): Value;
}

const int = (n: number): Value => ({ n: Math.round(n), digits: 0 });
const watts = (n: number): Value => ({ n, digits: 2 });
const NA = null;

const p2 = (n: number, w = 2) => String(n).padStart(w, '0');
/** "YYYY/MM/DD HH:MM:SS.msec", as --help-query-gpu documents it (UTC on the simulated nodes). */
function timestamp(ms: number): string {
  const d = new Date(ms);
  return (
    `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ` +
    `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${p2(d.getUTCMilliseconds(), 3)}`
  );
}

/** A board serial is 13 digits; derived from the UUID so it is stable per GPU. */
function serialOf(gpu: SimGpu): string {
  return `1${String(hashString(gpu.uuid)).padStart(12, '0').slice(-12)}`;
}

export const QUERY_FIELDS: readonly QueryField[] = [
  { name: 'timestamp', aliases: [], value: (g) => timestamp(g.atMs) },
  { name: 'driver_version', aliases: [], value: (g) => g.node.model.driverVersion },
  { name: 'count', aliases: [], value: (g) => String(g.count) },
  { name: 'name', aliases: ['gpu_name'], value: (g) => g.node.model.modelName },
  { name: 'serial', aliases: ['gpu_serial'], value: (g) => serialOf(g.gpu) },
  { name: 'uuid', aliases: ['gpu_uuid'], value: (g) => g.gpu.uuid },
  { name: 'pci.bus_id', aliases: ['gpu_bus_id'], value: (g) => g.gpu.pciBusId },
  { name: 'index', aliases: [], value: (g) => String(g.gpu.index) },
  { name: 'persistence_mode', aliases: [], value: () => 'Enabled' },
  { name: 'fan.speed', aliases: [], unit: '%', value: () => NA },
  { name: 'pstate', aliases: [], value: (g) => pstateOf(g.node.model, g.frame) },
  { name: 'memory.total', aliases: [], unit: 'MiB', value: (g) => int(g.node.model.memoryMiB) },
  // The simulator reserves 512 MiB per GPU (gpuPhysics), so total = reserved + used + free.
  {
    name: 'memory.reserved',
    aliases: [],
    unit: 'MiB',
    value: (g) => int(g.node.model.memoryMiB - g.frame.fbUsedMiB - g.frame.fbFreeMiB),
  },
  { name: 'memory.used', aliases: [], unit: 'MiB', value: (g) => int(g.frame.fbUsedMiB) },
  { name: 'memory.free', aliases: [], unit: 'MiB', value: (g) => int(g.frame.fbFreeMiB) },
  { name: 'compute_mode', aliases: [], value: () => 'Default' },
  { name: 'compute_cap', aliases: [], value: (g) => SMI_MODEL_TRAITS[g.node.model.key].computeCap },
  { name: 'utilization.gpu', aliases: [], unit: '%', value: (g) => int(g.frame.utilPct) },
  // Same derivation as DCGM_FI_DEV_MEM_COPY_UTIL in dcgmText.ts, so both views agree.
  { name: 'utilization.memory', aliases: [], unit: '%', value: (g) => int(g.frame.utilPct * 0.45) },
  { name: 'ecc.mode.current', aliases: [], value: () => 'Enabled' },
  { name: 'temperature.gpu', aliases: [], value: (g) => String(g.frame.tempC) },
  {
    name: 'temperature.memory',
    aliases: [],
    value: (g) => (SMI_MODEL_TRAITS[g.node.model.key].memoryTemp ? String(g.frame.memTempC) : NA),
  },
  { name: 'power.draw', aliases: [], unit: 'W', value: (g) => watts(g.frame.powerW) },
  {
    name: 'power.draw.average',
    aliases: ['gpu.power.draw.average'],
    unit: 'W',
    value: (g) => watts(g.frame.powerW),
  },
  {
    name: 'power.draw.instant',
    aliases: ['gpu.power.draw.instant'],
    unit: 'W',
    value: (g) => watts(g.frame.powerW),
  },
  {
    name: 'power.limit',
    aliases: ['gpu.power.requested_limit'],
    unit: 'W',
    value: (g) => watts(g.node.model.tdpW),
  },
  {
    name: 'enforced.power.limit',
    aliases: ['gpu.power.current_limit'],
    unit: 'W',
    value: (g) => watts(g.node.model.tdpW),
  },
  {
    name: 'power.default_limit',
    aliases: ['gpu.power.default_limit'],
    unit: 'W',
    value: (g) => watts(g.node.model.tdpW),
  },
  {
    name: 'power.min_limit',
    aliases: ['gpu.power.min_limit'],
    unit: 'W',
    value: (g) => watts(SMI_MODEL_TRAITS[g.node.model.key].minPowerW),
  },
  {
    name: 'power.max_limit',
    aliases: ['gpu.power.max_limit'],
    unit: 'W',
    value: (g) => watts(g.node.model.tdpW),
  },
  {
    name: 'clocks.current.graphics',
    aliases: ['clocks.gr'],
    unit: 'MHz',
    value: (g) => int(g.frame.smClockMHz),
  },
  { name: 'clocks.current.sm', aliases: ['clocks.sm'], unit: 'MHz', value: (g) => int(g.frame.smClockMHz) },
  {
    name: 'clocks.current.memory',
    aliases: ['clocks.mem'],
    unit: 'MHz',
    value: (g) => int(g.frame.memClockMHz),
  },
  {
    name: 'clocks.max.graphics',
    aliases: ['clocks.max.gr'],
    unit: 'MHz',
    value: (g) => int(g.node.model.smClockMaxMHz),
  },
  { name: 'clocks.max.sm', aliases: [], unit: 'MHz', value: (g) => int(g.node.model.smClockMaxMHz) },
  {
    name: 'clocks.max.memory',
    aliases: ['clocks.max.mem'],
    unit: 'MHz',
    value: (g) => int(g.node.model.memClockMHz),
  },
  {
    name: 'mig.mode.current',
    aliases: [],
    value: (g) => (SMI_MODEL_TRAITS[g.node.model.key].mig ? 'Disabled' : NA),
  },
];

const BY_NAME = new Map<string, QueryField>(
  QUERY_FIELDS.flatMap((f) => [f.name, ...f.aliases].map((n) => [n, f] as const)),
);

export function findQueryField(name: string): QueryField | undefined {
  return BY_NAME.get(name);
}

export interface CsvFormat {
  header: boolean;
  units: boolean;
}

export type QueryResult = { ok: true; text: string } | { ok: false; message: string };

function cell(f: QueryField, g: GpuView, units: boolean): string {
  const v = f.value(g);
  if (v === null) return '[N/A]';
  if (typeof v === 'string') return v;
  const num = v.n.toFixed(v.digits);
  return units && f.unit ? `${num} ${f.unit}` : num;
}

/**
 * Renders the CSV. nvidia-smi checks every field before printing anything, and one unknown name fails
 * the whole query with `Field "x" is not a valid field to query.` (exit 2).
 */
export function renderQueryGpu(
  snap: GpuSnapshot,
  fieldList: string,
  format: CsvFormat,
  indices?: readonly number[],
): QueryResult {
  const names = fieldList.split(',').map((s) => s.trim());
  const fields: QueryField[] = [];
  for (const n of names) {
    const f = findQueryField(n);
    if (!f) return { ok: false, message: `Field "${n}" is not a valid field to query.` };
    fields.push(f);
  }
  const lines: string[] = [];
  if (format.header) lines.push(fields.map((f) => (f.unit ? `${f.name} [${f.unit}]` : f.name)).join(', '));
  const shown = indices ?? snap.node.gpus.map((g) => g.index);
  for (const i of shown) {
    const view: GpuView = {
      node: snap.node,
      gpu: snap.node.gpus[i]!,
      frame: snap.frames[i]!,
      count: snap.node.gpus.length,
      atMs: snap.atMs,
    };
    lines.push(fields.map((f) => cell(f, view, format.units)).join(', '));
  }
  return { ok: true, text: lines.map((l) => `${l}\n`).join('') };
}

/** `--help-query-gpu` for the fields the simulator knows, in the real text's `"name" or "alias"` form. */
export function renderHelpQueryGpu(): string {
  const out = ['List of valid properties to query for the switch "--query-gpu":', ''];
  for (const f of QUERY_FIELDS) {
    out.push([f.name, ...f.aliases].map((n) => `"${n}"`).join(' or '), '');
  }
  return out.join('\n') + '\n';
}
