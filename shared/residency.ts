import { z } from 'zod';

/**
 * Sovereignty (issue 7): where every workload runs, checked against the residency policies, and the
 * append-only history an auditor queries. A workload is a scheduler job; its tenant is the job's
 * account and its data class the `data-class=` word of its comment; `workload=` in the comment keeps
 * one identity across a cancel and resubmit elsewhere (a move between sites).
 */

const metric = z.number().finite().nullable();

export const RESIDENCY_EVENTS = ['start', 'move', 'end', 'violation-start', 'violation-end'] as const;
export const ResidencyEventSchema = z.object({
  t: z.number(),
  event: z.enum(RESIDENCY_EVENTS),
  workload: z.string(),
  tenant: z.string(),
  dataClass: z.string(),
  siteId: z.string(),
  country: z.string(),
  subdivision: z.string().nullable(),
  hostname: z.string().nullable(),
  /** move: where it was before. */
  fromSiteId: z.string().nullable().optional(),
  fromCountry: z.string().nullable().optional(),
  /** violation-*: the rule and why. */
  ruleId: z.string().nullable().optional(),
  reason: z.string().nullable().optional(),
  /** violation-end: how it ended (moved, ended, allowed by a new policy). */
  endedBy: z.enum(['moved', 'ended', 'policy']).nullable().optional(),
});
export type ResidencyEvent = z.infer<typeof ResidencyEventSchema>;

export const WorkloadNowSchema = z.object({
  workload: z.string(),
  tenant: z.string(),
  dataClass: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  country: z.string(),
  subdivision: z.string().nullable(),
  hostname: z.string().nullable(),
  gpus: z.number().int().nullable(),
  /** When it arrived where it is. */
  since: z.number(),
  allowed: z.boolean(),
  ruleId: z.string(),
  reason: z.string(),
  /** When the current violation began; null when allowed. */
  violationSince: metric,
});
export type WorkloadNow = z.infer<typeof WorkloadNowSchema>;

export const PolicyStatusSchema = z.object({
  /** The policies.yaml text in force ('' when there is none: everything is allowed). */
  text: z.string(),
  sha256: z.string().nullable(),
  rules: z.number().int(),
  default: z.enum(['allow', 'deny']),
  /** Problems with the file on disk; the last good policy stays in force meanwhile. */
  errors: z.array(z.string()),
});
export type PolicyStatus = z.infer<typeof PolicyStatusSchema>;

export const ResidencyNowSchema = z.object({
  at: z.number(),
  policy: PolicyStatusSchema,
  workloads: z.array(WorkloadNowSchema),
  violations: z.array(WorkloadNowSchema),
  /** Sites whose scheduler did not answer: their workloads are not known now. */
  unknownSites: z.array(z.string()),
});
export type ResidencyNow = z.infer<typeof ResidencyNowSchema>;

export const ResidencyQuerySchema = z
  .object({
    from: z.number(),
    to: z.number(),
    tenant: z.string().max(128).optional(),
    dataClass: z.string().max(128).optional(),
    workload: z.string().max(256).optional(),
  })
  .strict()
  .refine((q) => q.to > q.from, { message: '"to" must be after "from"', path: ['to'] });
export type ResidencyQuery = z.infer<typeof ResidencyQuerySchema>;

export const ResidencyAnswerSchema = z.object({
  /**
   * The history the answer could draw on starts here (about two months are kept in memory); older
   * months are archived on disk, one file each (residency/history-YYYY-MM.jsonl).
   */
  historyFrom: z.number().optional(),
  query: z.object({
    from: z.number(),
    to: z.number(),
    tenant: z.string().optional(),
    dataClass: z.string().optional(),
    workload: z.string().optional(),
  }),
  /** Seconds run per tenant, data class and jurisdiction (country). */
  byJurisdiction: z.array(
    z.object({ tenant: z.string(), dataClass: z.string(), country: z.string(), seconds: z.number() }),
  ),
  /** Each workload's stays, oldest first. */
  workloads: z.array(
    z.object({
      workload: z.string(),
      tenant: z.string(),
      dataClass: z.string(),
      stays: z.array(
        z.object({
          siteId: z.string(),
          country: z.string(),
          hostname: z.string().nullable(),
          from: z.number(),
          to: metric,
        }),
      ),
    }),
  ),
  violations: z.array(
    z.object({
      workload: z.string(),
      tenant: z.string(),
      dataClass: z.string(),
      siteId: z.string(),
      country: z.string(),
      ruleId: z.string(),
      reason: z.string(),
      from: z.number(),
      /** Null while it goes on. */
      to: metric,
      endedBy: z.enum(['moved', 'ended', 'policy']).nullable(),
    }),
  ),
});
export type ResidencyAnswer = z.infer<typeof ResidencyAnswerSchema>;
