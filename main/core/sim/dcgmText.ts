import type { SimNode } from './fleetLayout';
import type { SimReading } from './gpuPhysics';

/**
 * Renders a node's GPUs exactly as dcgm-exporter serves them: `# HELP` and `# TYPE` per family in
 * the order of etc/default-counters.csv, the label set and order of the real scrape in
 * test/fixtures/dcgm-exporter-h100-8gpu.txt, integers for integer fields and six decimals for
 * power. Fields the exporter lists but a bare-metal H100 does not support (vGPU license) are left
 * out, as the exporter does.
 */

type Field = [name: string, type: 'gauge' | 'counter', help: string, value: (r: GpuFrame) => string];

export interface GpuFrame extends SimReading {
  energyMj: number;
  memClockMHz: number;
}

const f6 = (v: number) => v.toFixed(6);
const int = (v: number) => String(Math.round(v));

const FIELDS: Field[] = [
  ['DCGM_FI_DEV_SM_CLOCK', 'gauge', 'SM clock frequency (in MHz).', (r) => int(r.smClockMHz)],
  ['DCGM_FI_DEV_MEM_CLOCK', 'gauge', 'Memory clock frequency (in MHz).', (r) => int(r.memClockMHz)],
  ['DCGM_FI_DEV_MEMORY_TEMP', 'gauge', 'Memory temperature (in C).', (r) => int(r.memTempC)],
  ['DCGM_FI_DEV_GPU_TEMP', 'gauge', 'GPU temperature (in C).', (r) => int(r.tempC)],
  ['DCGM_FI_DEV_POWER_USAGE', 'gauge', 'Power draw (in W).', (r) => f6(r.powerW)],
  [
    'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION',
    'counter',
    'Total energy consumption since boot (in mJ).',
    (r) => int(r.energyMj),
  ],
  ['DCGM_FI_DEV_PCIE_REPLAY_COUNTER', 'counter', 'Total number of PCIe retries.', () => '0'],
  ['DCGM_FI_DEV_GPU_UTIL', 'gauge', 'GPU utilization (in %).', (r) => int(r.utilPct)],
  ['DCGM_FI_DEV_MEM_COPY_UTIL', 'gauge', 'Memory utilization (in %).', (r) => int(r.utilPct * 0.45)],
  ['DCGM_FI_DEV_ENC_UTIL', 'gauge', 'Encoder utilization (in %).', () => '0'],
  ['DCGM_FI_DEV_DEC_UTIL', 'gauge', 'Decoder utilization (in %).', () => '0'],
  ['DCGM_FI_DEV_XID_ERRORS', 'gauge', 'Value of the last XID error encountered.', (r) => int(r.xid)],
  ['DCGM_FI_DEV_FB_FREE', 'gauge', 'Framebuffer memory free (in MiB).', (r) => int(r.fbFreeMiB)],
  ['DCGM_FI_DEV_FB_USED', 'gauge', 'Framebuffer memory used (in MiB).', (r) => int(r.fbUsedMiB)],
  ['DCGM_FI_DEV_FB_RESERVED', 'gauge', 'Framebuffer memory reserved (in MiB).', () => '512'],
  [
    'DCGM_FI_DEV_NVLINK_BANDWIDTH_TOTAL',
    'counter',
    'Total number of NVLink bandwidth counters for all lanes.',
    () => '0',
  ],
  [
    'DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS',
    'counter',
    'Number of remapped rows for uncorrectable errors',
    () => '0',
  ],
  [
    'DCGM_FI_DEV_CORRECTABLE_REMAPPED_ROWS',
    'counter',
    'Number of remapped rows for correctable errors',
    () => '0',
  ],
  ['DCGM_FI_DEV_ROW_REMAP_FAILURE', 'gauge', 'Whether remapping of rows has failed', () => '0'],
  [
    'DCGM_FI_PROF_GR_ENGINE_ACTIVE',
    'gauge',
    'Ratio of time the graphics engine is active.',
    (r) => f6((r.utilPct / 100) * 0.93),
  ],
  [
    'DCGM_FI_PROF_PIPE_TENSOR_ACTIVE',
    'gauge',
    'Ratio of cycles the tensor (HMMA) pipe is active.',
    (r) => f6((r.utilPct / 100) * 0.41),
  ],
  [
    'DCGM_FI_PROF_DRAM_ACTIVE',
    'gauge',
    'Ratio of cycles the device memory interface is active sending or receiving data.',
    (r) => f6((r.utilPct / 100) * 0.52),
  ],
  [
    'DCGM_FI_PROF_PCIE_TX_BYTES',
    'gauge',
    'The rate of data transmitted over the PCIe bus - including both protocol headers and data payloads - in bytes per second.',
    (r) => int(r.utilPct * 1.9e7),
  ],
  [
    'DCGM_FI_PROF_PCIE_RX_BYTES',
    'gauge',
    'The rate of data received over the PCIe bus - including both protocol headers and data payloads - in bytes per second.',
    (r) => int(r.utilPct * 2.3e7),
  ],
];

function labelSet(node: SimNode, gpu: number): string {
  const g = node.gpus[gpu]!;
  return (
    `{gpu="${gpu}",UUID="${g.uuid}",pci_bus_id="${g.pciBusId}",device="nvidia${gpu}",` +
    `modelName="${node.model.modelName}",Hostname="${node.hostname}",DCGM_FI_DRIVER_VERSION="${node.model.driverVersion}"}`
  );
}

export function renderDcgmText(node: SimNode, frames: readonly GpuFrame[]): string {
  const labels = node.gpus.map((_, i) => labelSet(node, i));
  const out: string[] = [];
  for (const [name, type, help, value] of FIELDS) {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (let i = 0; i < frames.length; i++) out.push(`${name}${labels[i]} ${value(frames[i]!)}`);
  }
  return out.join('\n') + '\n';
}
