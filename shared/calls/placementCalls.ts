import { z } from 'zod';
import { call } from '../callSpec';
import { PlanGoalSchema, PlanIdSchema, PlanRunSchema, PlanSchema } from '../placement';

const NOT_FOR_GOAL =
  'The goal decides who may: consolidate needs "plan.consolidate", relieve "plan.relieve", evacuate "failover" (FORBIDDEN otherwise).';

/** Issue 6: placement plans — previewed, approved, run through the site adapters with a journal. */
export const placementCalls = {
  'placement.previewConsolidate': call({
    summary:
      'The consolidation plan now: moves that empty whole nodes within each site, and the kWh, money and CO2 a day it frees. A preview; nothing moves.',
    permission: 'plan.consolidate',
    request: z.object({}).strict(),
    response: PlanSchema,
    errors: [],
  }),
  'placement.plan': call({
    summary: `A plan for a goal (consolidate, relieve nodes, evacuate a node, site or region — the what-if drill): moves, what cannot be placed and why, shortfall, effects. Nothing moves; approving names its id. ${NOT_FOR_GOAL}`,
    permission: 'view',
    request: z.object({ goal: PlanGoalSchema }).strict(),
    response: PlanSchema,
    errors: ['FORBIDDEN'],
  }),
  'placement.execute': call({
    summary: `Runs a previewed plan (its id, within 15 minutes of the preview) through the sites' schedulers: progress as placement.run events. A failover (evacuate) must be confirmed by typing its target's id. One plan runs at a time. ${NOT_FOR_GOAL}`,
    permission: 'drain',
    request: z.object({ planId: PlanIdSchema, confirm: z.string().max(2000).optional() }).strict(),
    response: PlanRunSchema,
    errors: ['NOT_FOUND', 'FORBIDDEN', 'INVALID_REQUEST', 'UNAVAILABLE'],
  }),
  'placement.cancel': call({
    summary:
      'Stops a running plan after the steps in flight (they finish or fail; none is left half-done), or closes an interrupted one as it stands.',
    permission: 'drain',
    request: z.object({ planId: PlanIdSchema }).strict(),
    response: PlanRunSchema,
    errors: ['NOT_FOUND', 'FORBIDDEN'],
  }),
  'placement.resume': call({
    summary:
      'Resumes an interrupted plan: steps the journal has as started are first checked against the sites, then the rest run.',
    permission: 'drain',
    request: z.object({ planId: PlanIdSchema }).strict(),
    response: PlanRunSchema,
    errors: ['NOT_FOUND', 'FORBIDDEN', 'INVALID_REQUEST', 'UNAVAILABLE'],
  }),
  'placement.runs': call({
    summary: 'Approved plans and how they went, newest first (the journal on disk is the truth).',
    permission: 'view',
    request: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    response: z.array(PlanRunSchema),
    errors: [],
  }),
} as const;
