import { z } from 'zod';

/**
 * Data-residency policies (issues 6 and 7): which jurisdictions a tenant's data classes may run in.
 * A place is named by an ISO 3166-1 alpha-2 code ("DE"), an ISO 3166-2 subdivision ("DE-BY"), a bloc
 * ("EU", "EEA") or a group the file defines. EU usage is accepted and normalised: EL → GR, UK → GB.
 * Deny beats allow; a workload no rule names falls to the default.
 */

const PLACE = /^([A-Z]{2}(-[A-Z0-9]{1,3})?|[A-Z][A-Z0-9_]{1,31})$/;
export const PlaceSchema = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine((s) => PLACE.test(s), 'a country (DE), a subdivision (DE-BY), a bloc (EU, EEA) or a group name');

const NameList = z.array(z.string().min(1).max(128)).min(1);

export const PolicyRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case words joined by "-" (e.g. eu-health)'),
    description: z.string().max(500).optional(),
    /** Tenants the rule binds; omitted = every tenant. */
    tenants: NameList.optional(),
    /** Data classes the rule binds; omitted = every class. */
    dataClasses: NameList.optional(),
    /** Where the data may run; omitted = anywhere not denied. */
    allow: z.array(PlaceSchema).min(1).optional(),
    /** Where it must never run; wins over any allow. */
    deny: z.array(PlaceSchema).min(1).optional(),
  })
  .strict()
  .refine((r) => r.allow || r.deny, 'a rule needs an allow or a deny list');
export type PolicyRule = z.infer<typeof PolicyRuleSchema>;

export const PolicyFileSchema = z
  .object({
    /** Named sets of places, e.g. NORDICS: [SE, NO, DK, FI, IS]. */
    groups: z
      .record(
        z
          .string()
          .regex(
            /^[A-Z][A-Z0-9_]{2,31}$/,
            'group names are 3–32 CAPITALS, digits or _ (two letters would read as a country)',
          ),
        z.array(PlaceSchema).min(1),
      )
      .default({}),
    rules: z.array(PolicyRuleSchema).max(10_000).default([]),
    /** Where a workload no rule binds may run. */
    default: z.enum(['allow', 'deny']).default('allow'),
  })
  .strict()
  .superRefine((f, ctx) => {
    const seen = new Map<string, number>();
    f.rules.forEach((r, i) => {
      const j = seen.get(r.id);
      if (j !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'id'],
          message: `rule ${i} repeats the id "${r.id}" of rule ${j}`,
        });
      seen.set(r.id, i);
    });
    for (const name of Object.keys(f.groups))
      if (name === 'EU' || name === 'EEA')
        ctx.addIssue({
          code: 'custom',
          path: ['groups', name],
          message: `"${name}" is a built-in bloc; pick another name`,
        });
  });
export type PolicyFile = z.infer<typeof PolicyFileSchema>;
export type PolicyFileInput = z.input<typeof PolicyFileSchema>;

/** A verdict for one workload at one place. */
export interface PolicyVerdict {
  allowed: boolean;
  /** The rule that decided (the first denying one, else the first binding one), or "default". */
  ruleId: string;
  /** Why, in words: "eu-health allows EU only; US is outside it". */
  reason: string;
}
