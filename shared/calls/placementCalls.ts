import { z } from 'zod';
import { call } from '../callSpec';
import { PlanGoalSchema, PlanSchema } from '../placement';

/** Issue 6: placement previews (nothing moves). */
export const placementCalls = {
  'placement.previewConsolidate': call({
    summary:
      'The consolidation plan now: moves that empty whole nodes within each site, and the kWh, money and CO2 a day it frees. A preview; nothing moves.',
    permission: 'plan.consolidate',
    request: z.object({}).strict(),
    response: PlanSchema,
    errors: [],
  }),
  'placement.whatIf': call({
    summary:
      'What losing a node, a site or a region would need: the evacuation plan, the shortfall, nothing executed.',
    permission: 'failover',
    request: z.object({ goal: PlanGoalSchema }).strict(),
    response: PlanSchema,
    errors: [],
  }),
} as const;
