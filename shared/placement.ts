import { z } from 'zod';
import type { Permission } from './roles';

/**
 * A placement plan as the operator previews it (issue 6): ordered moves, what cannot be placed and
 * why, who is touched, and what it saves; and a run of an approved plan, step by step.
 */
const Where = z.object({ siteId: z.string(), hostname: z.string(), country: z.string() });

export const PlanGoalSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('consolidate') }).strict(),
  z
    .object({
      kind: z.literal('relieve'),
      nodes: z
        .array(z.object({ siteId: z.string(), hostname: z.string() }).strict())
        .min(1)
        .max(1000),
    })
    .strict(),
  z
    .object({
      kind: z.literal('evacuate'),
      scope: z.union([
        z.object({ node: z.object({ siteId: z.string(), hostname: z.string() }).strict() }).strict(),
        z.object({ site: z.string() }).strict(),
        z.object({ countries: z.array(z.string().length(2)).min(1).max(300) }).strict(),
      ]),
    })
    .strict(),
]);

export type PlanGoalView = z.infer<typeof PlanGoalSchema>;

export const MoveSchema = z.object({
  /** What the planner moved as one: `<site>#<job id>`. */
  unit: z.string(),
  workload: z.string(),
  /** The Slurm job at its site. */
  jobId: z.number().int().nullable(),
  tenant: z.string(),
  dataClass: z.string(),
  gpus: z.number().int(),
  from: Where,
  to: Where,
  crossSite: z.boolean(),
});
export type MoveView = z.infer<typeof MoveSchema>;

export const PlanSchema = z.object({
  /** Names the preview; approving it names this id (a plan is never re-planned behind the operator's back). */
  id: z.string(),
  at: z.number(),
  goal: PlanGoalSchema,
  moves: z.array(MoveSchema),
  unplaced: z.array(
    z.object({
      unit: z.string(),
      workload: z.string(),
      tenant: z.string(),
      dataClass: z.string(),
      gpus: z.number().int(),
      reason: z.string(),
    }),
  ),
  blastRadius: z.object({
    tenants: z.array(z.string()),
    dataClasses: z.array(z.string()),
    jurisdictions: z.array(z.string()),
  }),
  effects: z.object({
    gpusMoved: z.number().int(),
    nodesFreed: z.number().int(),
    kwFreed: z.number(),
    kwhPerDay: z.number(),
    moneyPerDay: z.array(z.object({ currency: z.string(), amount: z.number() })),
    kgCO2PerDay: z.number().nullable(),
  }),
  shortfall: z.array(z.object({ model: z.string(), country: z.string(), gpus: z.number().int() })),
  /** The nodes the plan takes out of service, drained before any move. */
  drain: z.array(z.object({ siteId: z.string(), hostname: z.string() })),
  /** Power headroom before and after at each site the plan lands work on (kW; null = capacity unknown). */
  headroom: z.array(
    z.object({ siteId: z.string(), beforeKw: z.number().nullable(), afterKw: z.number().nullable() }),
  ),
  /** Sites left out because their scheduler did not answer (their workloads are not known now). */
  sitesLeftOut: z.array(z.string()),
});
export type PlanView = z.infer<typeof PlanSchema>;

export const PlanIdSchema = z
  .string()
  .regex(/^p-[0-9a-z-]{6,64}$/, 'a plan id looks like p-20261130-0912-ab12');

export const STEP_STATES = ['pending', 'started', 'done', 'failed', 'cancelled'] as const;
export const RUN_STATES = ['running', 'done', 'failed', 'cancelled', 'interrupted'] as const;

/** A run of an approved plan: each step's state as the journal on disk has it. */
export const PlanRunSchema = z.object({
  plan: PlanSchema,
  approvedAt: z.number(),
  approvedBy: z.string(),
  /** interrupted: the console stopped mid-run (a crash or a quit); resume it or stop it. */
  state: z.enum(RUN_STATES),
  endedAt: z.number().nullable(),
  steps: z.array(
    z.object({ state: z.enum(STEP_STATES), message: z.string().nullable(), attempts: z.number().int() }),
  ),
});
export type PlanRunView = z.infer<typeof PlanRunSchema>;

/** What the goal asks of the caller's role: planning and approving alike. */
export const goalPermission = (goal: PlanGoalView): Permission =>
  goal.kind === 'consolidate' ? 'plan.consolidate' : goal.kind === 'relieve' ? 'plan.relieve' : 'failover';

/**
 * What a failover's operator types to confirm: the node (site/host), the site id, or the
 * countries joined by commas — the target's id, as the plan names it.
 */
export function confirmWord(goal: PlanGoalView): string | null {
  if (goal.kind !== 'evacuate') return null;
  const s = goal.scope;
  return 'node' in s ? `${s.node.siteId}/${s.node.hostname}` : 'site' in s ? s.site : s.countries.join(',');
}
