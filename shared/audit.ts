import { z } from 'zod';
import { RoleSchema } from './roles';

/** One line of the audit log. `hash` is SHA-256 over the canonical JSON of every other field. */
export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const;

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const AuditEntrySchema = z
  .object({
    seq: z.number().int().positive(),
    /** ISO 8601 UTC */
    time: z.string(),
    actor: z.object({ osUser: z.string(), profile: z.string(), session: z.string() }).strict(),
    role: RoleSchema,
    action: z.string().min(1).max(80),
    target: z.string().max(300).nullable(),
    params: z.record(z.string(), z.unknown()),
    outcome: z.enum(AUDIT_OUTCOMES),
    message: z.string().max(2000).nullable(),
    prev: Hex64,
    hash: Hex64,
  })
  .strict();
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditFilterSchema = z
  .object({
    actor: z.string().max(120).optional(),
    action: z.string().max(80).optional(),
    target: z.string().max(300).optional(),
    outcome: z.enum(AUDIT_OUTCOMES).optional(),
    /** Epoch ms, inclusive */
    from: z.number().optional(),
    /** Epoch ms, exclusive */
    to: z.number().optional(),
  })
  .strict();
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export const AuditVerdictSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int().nonnegative(),
  files: z.number().int().nonnegative(),
  /** The first entry that breaks the chain (its seq, or null when the break is not an entry). */
  brokenAtSeq: z.number().int().nullable(),
  /** Where: file and line. */
  where: z.string().nullable(),
  /** Why, in words a person can act on. */
  reason: z.string().nullable(),
  lastHash: z.string().nullable(),
});
export type AuditVerdict = z.infer<typeof AuditVerdictSchema>;

export const GENESIS_HASH = '0'.repeat(64);

/**
 * Whether an entry passes a filter: text fields match case-insensitively as substrings, the actor
 * against "osUser profile"; `from` is inclusive, `to` exclusive. The core's `audit.list` and the
 * renderer's live table use this one rule.
 */
export function matchesAuditFilter(e: AuditEntry, f: AuditFilter): boolean {
  const has = (hay: string | null, needle?: string) =>
    needle === undefined || needle === '' || (hay ?? '').toLowerCase().includes(needle.toLowerCase());
  if (!has(`${e.actor.osUser} ${e.actor.profile}`, f.actor)) return false;
  if (!has(e.action, f.action)) return false;
  if (!has(e.target, f.target)) return false;
  if (f.outcome && e.outcome !== f.outcome) return false;
  const t = Date.parse(e.time);
  if (f.from !== undefined && t < f.from) return false;
  if (f.to !== undefined && t >= f.to) return false;
  return true;
}
