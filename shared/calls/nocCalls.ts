import { z } from 'zod';
import { AlertListSchema, AlertRuleSchema, AlertRulesFileSchema } from '../alerts';
import { call, SiteIdSchema } from '../callSpec';
import { NodeDetailSchema, NodePageSchema, NodeQuerySchema, SiteHealthSchema } from '../nodes';

/** Issue 4: the node table, node and site pages, alerts. */
export const nocCalls = {
  'nodes.list': call({
    summary: 'Every node of the fleet, filtered and sorted in the core, one page at a time.',
    permission: 'view',
    request: z
      .object({
        // prefault: zod 4 returns a .default() value unparsed, so the handler would get a query with no fields.
        query: NodeQuerySchema.prefault({}),
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    response: NodePageSchema,
    errors: [],
  }),
  'node.detail': call({
    summary: "One node: its GPUs' latest readings and recent samples, jobs, alerts and timeline.",
    permission: 'view',
    request: z.object({ siteId: SiteIdSchema, hostname: z.string().min(1).max(253) }).strict(),
    response: NodeDetailSchema,
    errors: ['NOT_FOUND'],
  }),
  'site.health': call({
    summary:
      'A site page: capacity by GPU model, power against the contracted capacity, a utilisation heatmap, availability.',
    permission: 'view',
    request: z.object({ siteId: SiteIdSchema }).strict(),
    response: SiteHealthSchema,
    errors: ['NOT_FOUND'],
  }),
  'alerts.list': call({
    summary: 'Firing alerts and those resolved in the last day, with the rules in force.',
    permission: 'view',
    request: z.object({}).strict(),
    response: AlertListSchema,
    errors: [],
  }),
  'alerts.acknowledge': call({
    summary: 'Mark a firing alert as seen and being handled.',
    permission: 'alerts',
    request: z.object({ key: z.string().min(1).max(600) }).strict(),
    response: z.object({}),
    errors: ['NOT_FOUND'],
  }),
  'alerts.silence': call({
    summary: 'Silence an alert for a while (0 lifts the silence); it keeps being evaluated.',
    permission: 'alerts',
    request: z
      .object({
        key: z.string().min(1).max(600),
        forS: z
          .number()
          .int()
          .min(0)
          .max(30 * 86_400),
      })
      .strict(),
    response: z.object({}),
    errors: ['NOT_FOUND'],
  }),
  'alerts.setRules': call({
    summary: 'Replace the alert rules (kept in alerts.json in the config directory).',
    permission: 'sites',
    request: AlertRulesFileSchema,
    response: z.object({ rules: z.array(AlertRuleSchema) }),
    errors: ['UNAVAILABLE'],
  }),
} as const;
