import { z } from 'zod';
import { call } from '../callSpec';
import {
  PolicyStatusSchema,
  ResidencyAnswerSchema,
  ResidencyNowSchema,
  ResidencyQuerySchema,
} from '../residency';

/** Issue 7: residency now, history, evidence reports, the policy. */
export const residencyCalls = {
  'residency.now': call({
    summary:
      'Every running workload with its jurisdiction, judged against the residency policy; the violations.',
    permission: 'view',
    request: z.object({}).strict(),
    response: ResidencyNowSchema,
    errors: [],
  }),
  'residency.query': call({
    summary:
      "Where a tenant's (data class's, workload's) workloads ran in a period: stays, seconds per jurisdiction, violations.",
    permission: 'view',
    request: ResidencyQuerySchema,
    response: ResidencyAnswerSchema,
    errors: [],
  }),
  'residency.report': call({
    summary: 'The evidence report (CSV) for a period and scope; its SHA-256 is recorded in the audit log.',
    permission: 'reports',
    request: ResidencyQuerySchema,
    response: z.object({
      fileName: z.string(),
      mimeType: z.string(),
      content: z.string(),
      sha256: z.string(),
      answer: ResidencyAnswerSchema,
    }),
    errors: [],
  }),
  'residency.verifyReport': call({
    summary: 'Checks a report file against the SHA-256 hashes the audit log recorded.',
    permission: 'view',
    request: z.object({ content: z.string().max(50 * 1024 * 1024) }).strict(),
    response: z.object({
      sha256: z.string(),
      match: z.object({ seq: z.number().int(), time: z.string(), by: z.string() }).nullable(),
    }),
    errors: [],
  }),
  'policy.set': call({
    summary: 'Replace the residency policy (policies.yaml); errors name the line and field.',
    permission: 'policy',
    request: z.object({ text: z.string().max(1024 * 1024) }).strict(),
    response: PolicyStatusSchema,
    errors: ['CONFIG_INVALID', 'UNAVAILABLE'],
  }),
} as const;
