import { z } from 'zod';

/**
 * A placement plan as the operator previews it (issue 6): ordered moves, what cannot be placed and
 * why, who is touched, and what it saves. Previews only: executing a plan comes with the Placement page.
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

export const PlanSchema = z.object({
  at: z.number(),
  goal: PlanGoalSchema,
  moves: z.array(
    z.object({
      workload: z.string(),
      tenant: z.string(),
      dataClass: z.string(),
      gpus: z.number().int(),
      from: Where,
      to: Where,
      crossSite: z.boolean(),
    }),
  ),
  unplaced: z.array(
    z.object({
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
  /** Sites left out because their scheduler did not answer (their workloads are not known now). */
  sitesLeftOut: z.array(z.string()),
});
export type PlanView = z.infer<typeof PlanSchema>;
