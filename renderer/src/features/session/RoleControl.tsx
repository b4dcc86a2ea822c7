import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ROLES, ROLE_LABELS, RoleSchema } from '../../../../shared/roles';
import { useClient } from '../../app/clientContext';
import { useAppStore } from '../../store/appStore';
import { AdminDialog } from './AdminDialog';

/**
 * Who this window acts as, and the role switch. Operator and analyst need nothing; choosing admin opens
 * the passphrase dialog and the switch shows the old role until the core has granted the new one.
 */
export function RoleControl() {
  const client = useClient();
  const { session, setSession, setNotice } = useAppStore(
    useShallow((s) => ({ session: s.session, setSession: s.setSession, setNotice: s.setNotice })),
  );
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const selectRef = useRef<HTMLSelectElement>(null);

  if (!session) return null;

  const onChange = (e: ChangeEvent<HTMLSelectElement>) => {
    const parsed = RoleSchema.safeParse(e.target.value);
    if (!parsed.success || parsed.data === session.role) return;
    const role = parsed.data;
    if (role === 'admin') {
      setAsking(true);
      return;
    }
    setBusy(true);
    void client.call('session.setRole', { role }).then((r) => {
      setBusy(false);
      if (r.ok) {
        setSession(r.value);
        setNotice('session.setRole', null);
      } else setNotice('session.setRole', r.error.message);
    });
  };

  const { actor } = session;
  return (
    <div className="role-control">
      <span className="actor" title={`Profile ${actor.profile} · session ${actor.session}`}>
        <span className="visually-hidden">Signed in as </span>
        {actor.osUser}
      </span>
      <label htmlFor={id} className="role-label">
        Role
      </label>
      <select
        ref={selectRef}
        id={id}
        className={`role-select${session.role === 'admin' ? ' is-admin' : ''}`}
        value={session.role}
        onChange={onChange}
        disabled={busy}
        data-testid="role-select"
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      {asking && <AdminDialog onClose={() => setAsking(false)} returnFocus={selectRef} />}
    </div>
  );
}
