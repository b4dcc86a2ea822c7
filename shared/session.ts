import { z } from 'zod';
import { PERMISSIONS, RoleSchema } from './roles';

export const SessionInfoSchema = z.object({
  role: RoleSchema,
  actor: z.object({ osUser: z.string(), profile: z.string(), session: z.string() }),
  permissions: z.array(z.enum(PERMISSIONS)),
  /** False until someone sets the admin passphrase (first run). */
  adminPassphraseSet: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

/** Long enough to resist guessing at scrypt's cost; no other composition rules (NIST SP 800-63B). */
export const PassphraseSchema = z.string().min(10, 'use at least 10 characters').max(1024);
