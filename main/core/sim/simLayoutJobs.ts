import type { SimNode, SimSite } from './fleetLayout';
import type { SimJob } from './gpuPhysics';
import { hashString } from './prng';

/**
 * How a simulated site's Slurm names and describes the layout's jobs: stable numeric ids per window,
 * the comment carrying their tags, the batch script they would have been submitted with.
 */

/** Base job ids live below this; jobs submitted to the sim get ids above it. */
export const OVERLAY_ID_BASE = 20_000_000;
const WINDOW_ID_SPAN = 40_000;

export const gpuTypeOf = (node: SimNode) => node.model.key.toLowerCase();

/** The numeric Slurm id of a layout job: stable for its window, unique within the site. */
export function baseJobId(nodeIndex: number, nodeCount: number, window: number, j: number): number {
  return (((window % WINDOW_ID_SPAN) * nodeCount + nodeIndex) * 8 + j + 1) % OVERLAY_ID_BASE;
}

/**
 * A layout job's comment: its data class; and for one job in five, an inference service for users
 * in the site's own city, with a 30 ms round-trip budget (the planner keeps it within that).
 */
export function dataClassComment(job: SimJob, site: Pick<SimSite, 'lat' | 'lon'>): string {
  const serving = hashString(job.id) % 5 === 0;
  return serving
    ? `data-class=${job.dataClass} users=${site.lat.toFixed(2)}:${site.lon.toFixed(2)} rtt-ms=30`
    : `data-class=${job.dataClass}`;
}

export const layoutScript = (name: string, gpus: number) =>
  `#!/bin/bash\n#SBATCH --job-name=${name}\n#SBATCH --gres=gpu:${gpus}\nexec /opt/workloads/run ${name}\n`;
