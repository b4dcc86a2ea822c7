import { mulberry32 } from '../../main/core/sim/prng';
import type { PlanInput, PlanNode, PlanSite, PlanWorkload } from '../../main/core/placement/planTypes';

/**
 * Generated placement problems for the planner benchmark (issue 6/10): a fleet of sites in EU and
 * non-EU countries, nodes of 8 GPUs of two models with fragmented free capacity, and one site to
 * evacuate whose jobs (1, 2, 4 or 8 GPUs, some pinned to a model, some EU-only, some with a
 * priority) need more room than is free where they may go — so packing, not just finding a node,
 * decides how much is placed.
 */
const EU = ['DE', 'FR', 'NL', 'FI', 'SE', 'PL', 'IE', 'ES'];
const NON_EU = ['GB', 'US', 'JP', 'CH', 'SG'];
const MODELS = ['H100', 'H200'];

export interface InstanceShape {
  seed: number;
  sites: number;
  nodesPerSite: number;
  /** Nodes of the evacuated site (its GPUs all busy). */
  sourceNodes: number;
  /** Free GPUs elsewhere as a share of all GPUs there. */
  freeShare: number;
}

export function plannerInstance(shape: InstanceShape): PlanInput {
  const rnd = mulberry32(shape.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const sites: PlanSite[] = [];
  const nodes: PlanNode[] = [];
  const workloads: PlanWorkload[] = [];
  for (let s = 0; s < shape.sites; s++) {
    const country = s === 0 ? 'DE' : rnd() < 0.6 ? pick(EU) : pick(NON_EU);
    sites.push({
      id: `s${s}`,
      country,
      subdivision: null,
      lat: 40 + rnd() * 20,
      lon: -5 + rnd() * 30,
      headroomKw: null,
      rttOverheadMs: 2,
      pue: 1.2 + rnd() * 0.3,
      tariff: { currency: 'EUR', perKwh: 0.1 + rnd() * 0.2 },
      carbonGPerKwh: 50 + rnd() * 400,
    });
    const count = s === 0 ? shape.sourceNodes : shape.nodesPerSite;
    for (let n = 0; n < count; n++) {
      const hostname = `s${s}-n${n}`;
      const model = pick(MODELS);
      if (s === 0) {
        // The site to evacuate: every GPU busy, jobs of 8, 4, 2 and 1 filling each node.
        let free = 8;
        let j = 0;
        while (free > 0) {
          const gpus = Math.min(free, pick([1, 2, 2, 4, 4, 8]));
          free -= gpus;
          const euOnly = rnd() < 0.4;
          workloads.push({
            id: `s0#${hostname}-${j}`,
            label: `job-${hostname}-${j++}`,
            jobId: workloads.length + 1,
            tenant: euOnly ? 'eu-bank' : pick(['acme', 'globex', 'initech']),
            dataClass: euOnly ? 'eu-only' : 'public',
            gpus,
            model: rnd() < 0.3 ? model : null,
            siteId: 's0',
            hostname,
            priority: rnd() < 0.2 ? 1 : 0,
            powerKw: gpus * 0.6,
            users: null,
          });
        }
        nodes.push({ siteId: 's0', hostname, model, gpus: 8, freeGpus: 0, state: 'up', idleKwPerGpu: 0.07 });
      } else {
        const free = rnd() < 1 - shape.freeShare * 1.6 ? 0 : Math.floor(rnd() * 9);
        nodes.push({
          siteId: `s${s}`,
          hostname,
          model,
          gpus: 8,
          freeGpus: free,
          state: 'up',
          idleKwPerGpu: 0.07,
        });
      }
    }
  }
  return {
    sites,
    nodes,
    workloads,
    // EU-only data may run in the EU only; the rest anywhere.
    judge: (_tenant, dataClass, place) =>
      dataClass !== 'eu-only' || EU.includes(place.country)
        ? { allowed: true, reason: 'allowed', ruleId: 'default' }
        : { allowed: false, reason: `eu-only data may not run in ${place.country}`, ruleId: 'eu-only' },
    goal: { kind: 'evacuate', scope: { site: 's0' } },
  };
}

/** The planner's objective: GPUs placed, weighted by priority (a priority-1 job counts double). */
export const workloadValue = (w: Pick<PlanWorkload, 'gpus' | 'priority'>) => w.gpus * (1 + w.priority);
