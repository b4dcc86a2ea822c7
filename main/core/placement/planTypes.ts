import type { PolicyVerdict } from '../../../shared/policy';

/** What the planner knows of a site: where it is, what its contract leaves, what its energy costs. */
export interface PlanSite {
  id: string;
  country: string;
  subdivision: string | null;
  lat: number;
  lon: number;
  /** Power the site may still draw (contracted capacity − draw now), kW; null = unknown (not a limit). */
  headroomKw: number | null;
  /** Added to the great-circle estimate: the site's own network and serving overhead, ms. */
  rttOverheadMs: number;
  pue: number;
  tariff: { currency: string; perKwh: number } | null;
  carbonGPerKwh: number | null;
}

export interface PlanNode {
  siteId: string;
  hostname: string;
  model: string | null;
  gpus: number;
  /** GPUs no workload holds. */
  freeGpus: number;
  /** Only 'up' nodes take work. */
  state: 'up' | 'drained' | 'down';
  /** Measured draw of one idle GPU here, kW (what powering the node down saves per GPU). */
  idleKwPerGpu: number;
}

export interface PlanWorkload {
  /** Unique within the input: what the plan moves as one (a scheduler job). */
  id: string;
  /** The workload it belongs to, as people name it (several jobs may share one); id when absent. */
  label?: string;
  /** The scheduler's job id at its site (null for inputs that are not scheduler jobs). */
  jobId?: number | null;
  tenant: string;
  dataClass: string;
  gpus: number;
  /** Must run on this GPU model; null = any. */
  model: string | null;
  siteId: string;
  hostname: string;
  /** Higher is placed first. */
  priority: number;
  /** Measured draw, kW (what it adds where it lands). */
  powerKw: number;
  /** Inference near its users: where they are and the round trip they may wait. */
  users: { lat: number; lon: number; rttBudgetMs: number } | null;
}

export type PlanGoal =
  | { kind: 'consolidate' }
  | { kind: 'relieve'; nodes: { siteId: string; hostname: string }[] }
  | {
      kind: 'evacuate';
      scope: { node: { siteId: string; hostname: string } } | { site: string } | { countries: string[] };
    };

export interface PlanInput {
  sites: readonly PlanSite[];
  nodes: readonly PlanNode[];
  workloads: readonly PlanWorkload[];
  judge: (
    tenant: string,
    dataClass: string,
    place: { country: string; subdivision: string | null },
  ) => PolicyVerdict;
  goal: PlanGoal;
}

export interface Move {
  /** The PlanWorkload id it moves. */
  unit: string;
  workload: string;
  jobId: number | null;
  tenant: string;
  dataClass: string;
  gpus: number;
  from: { siteId: string; hostname: string; country: string };
  to: { siteId: string; hostname: string; country: string };
  crossSite: boolean;
}

export interface Unplaced {
  unit: string;
  workload: string;
  tenant: string;
  dataClass: string;
  gpus: number;
  /** The constraint that blocks it, in words: "no EU capacity for 8 × H100 (eu-health)". */
  reason: string;
}

export interface PlanEffects {
  gpusMoved: number;
  nodesFreed: number;
  kwFreed: number;
  kwhPerDay: number;
  moneyPerDay: { currency: string; amount: number }[];
  kgCO2PerDay: number | null;
}

export interface Plan {
  goal: PlanGoal;
  moves: Move[];
  unplaced: Unplaced[];
  blastRadius: { tenants: string[]; dataClasses: string[]; jurisdictions: string[] };
  effects: PlanEffects;
  /** GPUs short per model and jurisdiction for what could not be placed (the what-if's answer). */
  shortfall: { model: string; country: string; gpus: number }[];
  /** The nodes it takes out of service, drained before any move: given up (evacuate, relieve) or emptied (consolidate). */
  drain: { siteId: string; hostname: string }[];
  /** Power headroom before and after at each site the plan lands work on (kW; null = unknown). */
  headroom: { siteId: string; beforeKw: number | null; afterKw: number | null }[];
}
