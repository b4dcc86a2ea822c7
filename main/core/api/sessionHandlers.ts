import { err, ok } from '../../../shared/result';
import { ROLE_LABELS, ROLE_PERMISSIONS, can } from '../../../shared/roles';
import type { SessionInfo } from '../../../shared/session';
import type { AuditLog } from '../audit/auditLog';
import type { AdminPassphrase } from '../session/adminPassphrase';
import type { Session } from '../session/sessions';
import type { Handlers } from './dispatcher';

type SessionHandlers = Pick<Handlers, 'session.get' | 'session.setRole' | 'admin.setPassphrase'>;

export function sessionInfo(s: Session, passphrase: AdminPassphrase): SessionInfo {
  return {
    role: s.role,
    actor: s.actor,
    permissions: [...ROLE_PERMISSIONS[s.role]],
    adminPassphraseSet: passphrase.isSet,
  };
}

/** Role changes and the admin passphrase; every attempt, granted or refused, is audited. */
export function sessionHandlers(
  audit: AuditLog,
  passphrase: AdminPassphrase,
  onLostSsh?: (session: Session) => void,
): SessionHandlers {
  return {
    'session.get': (_req, { session }) => ok(sessionInfo(session, passphrase)),
    'session.setRole': async ({ role, passphrase: given }, { session }) => {
      const from = session.role;
      if (role === 'admin' && from !== 'admin') {
        const granted = passphrase.isSet && given !== undefined && (await passphrase.verify(given));
        if (!granted) {
          const message = passphrase.isSet
            ? 'Wrong admin passphrase.'
            : 'No admin passphrase is set yet: set one first (Admin → Set passphrase).';
          await audit.append({
            actor: session.actor,
            role: from,
            action: 'session.role',
            target: 'admin',
            outcome: 'denied',
            message,
          });
          return err('FORBIDDEN', message);
        }
      }
      await audit.append({
        actor: session.actor,
        role: from,
        action: 'session.role',
        target: role,
        params: { from, to: role },
        outcome: 'ok',
        message: `${ROLE_LABELS[from]} → ${ROLE_LABELS[role]}`,
      });
      session.role = role;
      // A role without SSH keeps no shells open: its open terminals close now, not at the next keystroke.
      if (!can(role, 'ssh')) onLostSsh?.(session);
      return ok(sessionInfo(session, passphrase));
    },
    'admin.setPassphrase': async ({ passphrase: next, current }, { session }) => {
      if (passphrase.isSet && !(current !== undefined && (await passphrase.verify(current)))) {
        const message = 'To change the admin passphrase, give the current one.';
        await audit.append({
          actor: session.actor,
          role: session.role,
          action: 'admin.passphrase',
          outcome: 'denied',
          message,
        });
        return err('FORBIDDEN', message);
      }
      const first = !passphrase.isSet;
      await passphrase.set(next);
      await audit.append({
        actor: session.actor,
        role: session.role,
        action: 'admin.passphrase',
        params: { first },
        outcome: 'ok',
        message: first ? 'Admin passphrase set (first run).' : 'Admin passphrase changed.',
      });
      return ok(sessionInfo(session, passphrase));
    },
  };
}
