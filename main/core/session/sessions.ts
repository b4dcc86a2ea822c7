import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import type { AuditEntry } from '../../../shared/audit';
import type { Role } from '../../../shared/roles';

/** One per window (Electron) or WebSocket connection (served): who acts, and in which role. */
export interface Session {
  id: string;
  actor: AuditEntry['actor'];
  role: Role;
}

export function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

/** Every session starts as a NOC operator: least privilege that still runs a shift. */
export function newSession(profile = 'default', osUser = osUserName()): Session {
  const id = randomBytes(6).toString('hex');
  return { id, actor: { osUser, profile, session: id }, role: 'operator' };
}

/** The actor the core itself acts as (start-up, recovery notes). */
export const systemActor = (): AuditEntry['actor'] => ({
  osUser: osUserName(),
  profile: 'system',
  session: 'core',
});
