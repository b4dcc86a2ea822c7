import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GpuFrame } from '../dcgmText';
import type { SimNode } from '../fleetLayout';
import { GPU_MODELS, type GpuModelSpec } from '../gpuModels';
import type { GpuSnapshot } from './nvidiaSmiText';

/**
 * Test support (imported only by *.test.ts) for the nvidia-smi tests: the real captures (test/fixtures, MIT, from
 * utkuozdemir/nvidia_gpu_exporter) cut into sections, and a one-GPU node built to read exactly what
 * a capture read, so our rendering can be compared with the real one byte for byte.
 */

const FIXTURES = join(__dirname, '../../../../test/fixtures');

export const CAPTURES = {
  h200: 'nvidia-smi-capture-h200-590.48.01.txt',
  h100: 'nvidia-smi-capture-h100-80gb-hbm3-590.48.01.txt',
} as const;

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/**
 * One section of a capture, by its title (`idle :: nvidia-smi (default table)`). Sections start
 * after a `# $ command` line and a rule, and end at two blank lines.
 */
export function captureSection(capture: keyof typeof CAPTURES, title: string): string {
  const lines = fixture(CAPTURES[capture]).split('\n');
  const at = lines.findIndex((l) => l === `# ${title}`);
  if (at < 0) throw new Error(`no section "${title}" in ${CAPTURES[capture]}`);
  let start = at + 1;
  while (lines[start]!.startsWith('#')) start++;
  let end = start;
  while (!(lines[end] === '' && lines[end + 1] === '')) end++;
  return lines.slice(start, end).join('\n') + '\n';
}

/** A node with one GPU whose identity matches the (masked) capture. */
export function captureNode(model: GpuModelSpec, pciBusId: string): SimNode {
  return {
    hostname: 'capture-host',
    key: 1,
    model: { ...model, driverVersion: '590.48.01' },
    gpus: [
      {
        index: 0,
        uuid: 'GPU-00000000-0000-0000-0000-000000000000',
        pciBusId,
        idleW: 70,
        ambientC: 25,
        bootEnergyMj: 0,
      },
    ],
    idle: false,
    hot: false,
    phaseS: 0,
  };
}

export function frame(over: Partial<GpuFrame>): GpuFrame {
  return {
    utilPct: 0,
    powerW: 70,
    tempC: 30,
    memTempC: 34,
    fbUsedMiB: 0,
    fbFreeMiB: 0,
    smClockMHz: 345,
    xid: 0,
    energyMj: 0,
    memClockMHz: 3201,
    ...over,
  };
}

/** What the H200 capture read in its idle and load default tables (Fri Jul 3 2026, UTC). */
export const H200_IDLE: GpuSnapshot = {
  node: captureNode(GPU_MODELS.H200, '00000000:83:00.0'),
  frames: [frame({ tempC: 28, powerW: 77.2, fbUsedMiB: 0, fbFreeMiB: 143771 - 512 })],
  jobs: [],
  atMs: Date.UTC(2026, 6, 3, 22, 10, 45),
};

export const H200_LOAD: GpuSnapshot = {
  node: H200_IDLE.node,
  frames: [frame({ tempC: 52, powerW: 627.6, fbUsedMiB: 32362, fbFreeMiB: 110796, utilPct: 100 })],
  jobs: [{ id: 'job-1', tenant: 't', dataClass: 'public', gpuIndices: [0], intensity: 1, startS: 0 }],
  atMs: Date.UTC(2026, 6, 3, 22, 11, 9),
};

export const H100_IDLE: GpuSnapshot = {
  node: captureNode(GPU_MODELS.H100, '00000000:00:09.0'),
  frames: [frame({ tempC: 41, powerW: 69.4, fbUsedMiB: 0, fbFreeMiB: 81559 - 512 })],
  jobs: [],
  atMs: Date.UTC(2026, 6, 14, 8, 12, 38),
};
