import type { SimNode, SimSite } from './fleetLayout';
import { rand01 } from './prng';

/**
 * What a simulated GPU reads at a given second: a pure function of the layout and the time.
 * Work arrives in windows (10 min per node); how many GPUs of a node are busy follows a daily load
 * curve in the site's local time. Busy GPUs run a job's intensity plus noise; idle ones draw their
 * measured-like idle power, never zero.
 */

export const JOB_WINDOW_S = 600;

export const TENANTS = [
  'acme-ai',
  'helios-health',
  'nordbank',
  'orbital-media',
  'civic-data',
  'kestrel-labs',
];
export const DATA_CLASSES = ['public', 'internal', 'personal', 'health', 'financial'];

export interface SimJob {
  id: string;
  tenant: string;
  dataClass: string;
  gpuIndices: number[];
  intensity: number;
  startS: number;
}

export interface SimReading {
  utilPct: number;
  powerW: number;
  tempC: number;
  memTempC: number;
  fbUsedMiB: number;
  fbFreeMiB: number;
  smClockMHz: number;
  xid: number;
}

/** 0.3 at 04:00 local time rising to 0.9 at 16:00. */
export function dailyLoad(utcSeconds: number, utcOffsetH: number): number {
  const hour = (((utcSeconds / 3600 + utcOffsetH) % 24) + 24) % 24;
  return 0.3 + 0.6 * (0.5 - 0.5 * Math.cos((2 * Math.PI * (hour - 4)) / 24));
}

export function windowOf(node: SimNode, tSec: number): number {
  return Math.floor((tSec + node.phaseS) / JOB_WINDOW_S);
}

/** The jobs running on a node during the window that contains tSec. */
export function jobsAt(site: SimSite, node: SimNode, tSec: number): SimJob[] {
  if (node.idle) return [];
  const k = windowOf(node, tSec);
  const windowStart = k * JOB_WINDOW_S - node.phaseS;
  const p = Math.min(1, dailyLoad(windowStart, site.utcOffsetH) * site.loadBias);
  let free = 0;
  for (let g = 0; g < node.gpus.length; g++) if (rand01(node.key, k, g, 1) < p) free++;
  const jobs: SimJob[] = [];
  let next = 0;
  let j = 0;
  while (free > 0) {
    const sizes = [8, 4, 2, 1].filter((s) => s <= free);
    const size = sizes[Math.floor(rand01(node.key, k, j, 2) * sizes.length)]!;
    jobs.push({
      id: `${node.hostname}-${k}-${j}`,
      tenant: TENANTS[Math.floor(rand01(node.key, k, j, 3) * TENANTS.length)]!,
      dataClass: DATA_CLASSES[Math.floor(rand01(node.key, k, j, 4) * DATA_CLASSES.length)]!,
      gpuIndices: Array.from({ length: size }, (_, i) => next + i),
      intensity: 0.55 + 0.43 * rand01(node.key, k, j, 5),
      startS: windowStart,
    });
    next += size;
    free -= size;
    j++;
  }
  return jobs;
}

// Common XIDs (NVIDIA's XID catalogue): 13 graphics engine exception, 31 MMU fault, 43 app
// stopped, 48 double-bit ECC, 63/64 row remapping, 74 NVLink error, 79 fell off the bus, 94 contained ECC.
const XIDS = [13, 31, 43, 48, 63, 74, 79, 94];

/** The last XID of a GPU: an event in this window or the one before, else 0 (none). */
export function xidAt(node: SimNode, gpu: number, tSec: number): number {
  const k = windowOf(node, tSec);
  for (const w of [k, k - 1]) {
    if (rand01(node.key, w, gpu, 9) < 0.002)
      return XIDS[Math.floor(rand01(node.key, w, gpu, 10) * XIDS.length)]!;
  }
  return 0;
}

export function readingAt(
  site: SimSite,
  node: SimNode,
  gpu: number,
  tSec: number,
  jobs?: SimJob[],
): SimReading {
  const g = node.gpus[gpu]!;
  const m = node.model;
  const job = (jobs ?? jobsAt(site, node, tSec)).find((j) => j.gpuIndices.includes(gpu));
  const noise = rand01(node.key, tSec, gpu, 7) - 0.5;
  const util = job ? Math.max(0, Math.min(100, Math.round(job.intensity * 100 + noise * 10))) : 0;
  const busy = util / 100;
  const powerW = g.idleW + (m.tdpW * 0.97 - g.idleW) * Math.pow(busy, 1.25) + noise * 4;
  const tempC = g.ambientC + 8 + 44 * busy + (node.hot ? 15 : 0) + noise;
  const reservedMiB = 512;
  const fbUsed = job ? Math.round((m.memoryMiB - reservedMiB) * (0.35 + 0.6 * job.intensity)) : 0;
  return {
    utilPct: util,
    powerW: Math.round(powerW * 1000) / 1000,
    tempC: Math.round(tempC),
    memTempC: Math.round(tempC + 4),
    fbUsedMiB: fbUsed,
    fbFreeMiB: m.memoryMiB - reservedMiB - fbUsed,
    smClockMHz: job ? m.smClockMaxMHz - Math.round(rand01(node.key, tSec, gpu, 8) * 60) : m.smClockIdleMHz,
    xid: xidAt(node, gpu, tSec),
  };
}
