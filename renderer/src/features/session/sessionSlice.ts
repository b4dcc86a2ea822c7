import type { Permission } from '../../../../shared/roles';
import type { SessionInfo } from '../../../../shared/session';
import type { AppSlice } from '../../store/types';

/**
 * This window's session as the core last reported it: role, actor, permissions and whether an admin
 * passphrase exists. Passphrases never enter the store; they live only in the dialog that asks for them.
 */
export interface SessionSlice {
  /** Null until 'session.get' answers. */
  session: SessionInfo | null;
  setSession(session: SessionInfo): void;
}

export const createSessionSlice: AppSlice<SessionSlice> = (set) => ({
  session: null,
  setSession: (session) => set({ session }),
});

/**
 * Whether the session may do `permission`, from the permissions the core sent (it enforces them on every
 * call; the renderer only uses this to disable what would be refused). Unknown session → false.
 */
export const sessionCan = (session: SessionInfo | null, permission: Permission): boolean =>
  session !== null && session.permissions.includes(permission);
