import type { SimNode } from '../fleetLayout';
import type { GpuFrame } from '../dcgmText';
import type { GpuModelSpec } from '../gpuModels';
import type { SimJob } from '../gpuPhysics';
import { hashString, mix } from '../prng';

/**
 * What `nvidia-smi` prints on a simulated node, laid out like the real captures in
 * test/fixtures/nvidia-smi-capture-*-590.48.01.txt (utkuozdemir/nvidia_gpu_exporter): the same
 * column widths, padding and header lines, so a parser written against a real node reads ours.
 */

/** One node's GPUs at one second: what every nvidia-smi view is rendered from. */
export interface GpuSnapshot {
  node: SimNode;
  frames: readonly GpuFrame[];
  jobs: readonly SimJob[];
  /** Wall-clock time of the reading, ms since the epoch (nodes run on UTC). */
  atMs: number;
}

/**
 * What nvidia-smi shows that the simulator's model spec does not carry. L40S is a PCIe card without
 * MIG that drops to P8 when idle; the SXM parts stay in P0 (both as real captures show them).
 */
export interface SmiModelTraits {
  idlePstate: 'P0' | 'P8';
  mig: boolean;
  /** HBM parts report temperature.memory; GDDR6 (L40S) does not. */
  memoryTemp: boolean;
  computeCap: string;
  minPowerW: number;
}

export const SMI_MODEL_TRAITS: Record<GpuModelSpec['key'], SmiModelTraits> = {
  H200: { idlePstate: 'P0', mig: true, memoryTemp: true, computeCap: '9.0', minPowerW: 200 },
  H100: { idlePstate: 'P0', mig: true, memoryTemp: true, computeCap: '9.0', minPowerW: 200 },
  A100: { idlePstate: 'P0', mig: true, memoryTemp: true, computeCap: '8.0', minPowerW: 100 },
  L40S: { idlePstate: 'P8', mig: false, memoryTemp: false, computeCap: '8.9', minPowerW: 100 },
};

// The CUDA version each driver branch reports in the table header and in --version.
const CUDA_BY_DRIVER_MAJOR: Record<number, string> = {
  535: '12.2',
  545: '12.3',
  550: '12.4',
  555: '12.5',
  560: '12.6',
  565: '12.7',
  570: '12.8',
  575: '12.9',
  580: '13.0',
  590: '13.1',
};

const driverMajor = (v: string) => Number(v.split('.')[0]);

export function cudaVersionOf(driverVersion: string): string {
  return CUDA_BY_DRIVER_MAJOR[driverMajor(driverVersion)] ?? '12.4';
}

export function pstateOf(model: GpuModelSpec, frame: GpuFrame): string {
  return frame.utilPct > 0 || frame.fbUsedMiB > 0 ? 'P0' : SMI_MODEL_TRAITS[model.key].idlePstate;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** C `ctime()` without the newline, in UTC: `Fri Jul  3 22:10:45 2026`. */
export function ctimeUtc(ms: number): string {
  const d = new Date(ms);
  const hms = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${hms} ${d.getUTCFullYear()}`;
}

// Widths inside the bars of the three GPU columns and of the full-width boxes (91 chars a line).
const W = [41, 24, 22] as const;
const FULL = 89;
const rule = (fill: string, edge: string, mid: string) =>
  `${edge}${W.map((w) => fill.repeat(w)).join(mid)}${edge}`;
const boxLine = (text: string) => `|${text.padEnd(FULL)}|`;
const BOX_EDGE = `+${'-'.repeat(FULL)}+`;

export const TABLE_HEADINGS = [
  '| GPU  Name                 Persistence-M | Bus-Id          Disp.A | Volatile Uncorr. ECC |',
  '| Fan  Temp   Perf          Pwr:Usage/Cap |           Memory-Usage | GPU-Util  Compute M. |',
  '|                                         |                        |               MIG M. |',
];

const PROCESS_HEADINGS = [
  boxLine(' Processes:'),
  '|  GPU   GI   CI              PID   Type   Process name                        GPU Memory |',
  '|        ID   ID                                                               Usage      |',
];

function shortName(name: string, width: number): string {
  return name.length <= width ? name : `${name.slice(0, width - 3)}...`;
}

function gpuRows(model: GpuModelSpec, index: number, busId: string, f: GpuFrame): string[] {
  const mig = SMI_MODEL_TRAITS[model.key].mig ? 'Disabled' : 'N/A';
  const col1a = `${String(index).padStart(4)}  ${shortName(model.modelName, 30).padEnd(30)} ${'On'.padEnd(3)} `;
  const col2a = `   ${busId} ${'Off'.padStart(3)} `;
  const col3a = `${'0'.padStart(21)} `;
  const power = `${Math.round(f.powerW)}W`.padStart(16);
  const col1b = ` ${'N/A'.padStart(3)}${`${f.tempC}C`.padStart(6)}${pstateOf(model, f).padStart(6)}${power} / ${`${model.tdpW}W`.padStart(5)} `;
  const col2b = `${`${f.fbUsedMiB}MiB`.padStart(11)} / ${`${model.memoryMiB}MiB`.padStart(9)} `;
  const col3b = `${`${f.utilPct}%`.padStart(8)}${'Default'.padStart(13)} `;
  return [
    `|${col1a}|${col2a}|${col3a}|`,
    `|${col1b}|${col2b}|${col3b}|`,
    `|${' '.repeat(W[0])}|${' '.repeat(W[1])}|${`${mig.padStart(21)} `}|`,
  ];
}

const PROCESS_NAMES = ['/usr/bin/python3', 'python3', '/opt/conda/bin/python3', '/usr/local/bin/torchrun'];

/** One compute process per GPU of each job (one rank per GPU, as torchrun starts them). */
export function simProcesses(
  snap: GpuSnapshot,
): { gpu: number; pid: number; name: string; usedMiB: number }[] {
  const out: { gpu: number; pid: number; name: string; usedMiB: number }[] = [];
  for (const job of snap.jobs) {
    const h = hashString(job.id);
    const basePid = 2000 + (mix(h, 1) % 3_000_000);
    const name = PROCESS_NAMES[mix(h, 2) % PROCESS_NAMES.length]!;
    job.gpuIndices.forEach((gpu, rank) => {
      const f = snap.frames[gpu];
      if (f && f.fbUsedMiB > 0) out.push({ gpu, pid: basePid + rank, name, usedMiB: f.fbUsedMiB });
    });
  }
  return out.sort((a, b) => a.gpu - b.gpu || a.pid - b.pid);
}

function processRow(p: { gpu: number; pid: number; name: string; usedMiB: number }): string {
  // nvidia-smi keeps the tail of a long path: "...conda/bin/python3".
  const name = p.name.length <= 36 ? p.name : `...${p.name.slice(-33)}`;
  return (
    `|${String(p.gpu).padStart(5)}${'N/A'.padStart(6)}${'N/A'.padStart(5)}${String(p.pid).padStart(16)}` +
    `${'C'.padStart(7)}   ${name.padEnd(36)}${`${p.usedMiB}MiB`.padStart(10)} |`
  );
}

/**
 * The default `nvidia-smi` view. `indices` limits it to some GPUs (`-i`). Drivers before the 580
 * branch draw the rule under the version line as `|---+---|`, later ones as `+---+---+` (as in
 * real 550/570 and 580/590 outputs).
 */
export function renderNvidiaSmiTable(snap: GpuSnapshot, indices?: readonly number[]): string {
  const { node } = snap;
  const model = node.model;
  const v = model.driverVersion;
  const shown = indices ?? node.gpus.map((g) => g.index);
  const lines = [
    `${ctimeUtc(snap.atMs)}       `,
    BOX_EDGE,
    `| NVIDIA-SMI ${v.padEnd(23)}Driver Version: ${v.padEnd(15)}CUDA Version: ${cudaVersionOf(v).padEnd(9)}|`,
    driverMajor(v) >= 580 ? rule('-', '+', '+') : rule('-', '|', '+'),
    ...TABLE_HEADINGS,
    rule('=', '|', '+'),
  ];
  for (const i of shown) {
    lines.push(...gpuRows(model, i, node.gpus[i]!.pciBusId, snap.frames[i]!));
    lines.push(rule('-', '+', '+'));
  }
  const procs = simProcesses(snap).filter((p) => shown.includes(p.gpu));
  lines.push('', BOX_EDGE, ...PROCESS_HEADINGS, `|${'='.repeat(FULL)}|`);
  if (procs.length === 0) lines.push(boxLine('  No running processes found'));
  else lines.push(...procs.map(processRow));
  lines.push(BOX_EDGE);
  return lines.join('\n') + '\n';
}

/** `nvidia-smi -L`. */
export function renderGpuList(snap: GpuSnapshot, indices?: readonly number[]): string {
  const shown = indices ?? snap.node.gpus.map((g) => g.index);
  return shown
    .map((i) => `GPU ${i}: ${snap.node.model.modelName} (UUID: ${snap.node.gpus[i]!.uuid})\n`)
    .join('');
}

/** `nvidia-smi --version`; NVML's version is the driver's without the last part (590.48.01 → 590.48). */
export function renderSmiVersion(model: GpuModelSpec): string {
  const v = model.driverVersion;
  return [
    `NVIDIA-SMI version  : ${v}`,
    `NVML version        : ${v.split('.').slice(0, 2).join('.')}`,
    `DRIVER version      : ${v}`,
    `CUDA Version        : ${cudaVersionOf(v)}`,
    '',
  ].join('\n');
}
