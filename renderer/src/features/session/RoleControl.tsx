import { useEffect, useId, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ROLES, ROLE_LABELS, RoleSchema, type Role } from '../../../../shared/roles';
import { useClient } from '../../app/clientContext';
import { useAppStore } from '../../store/appStore';
import { AdminDialog } from './AdminDialog';

/**
 * Who this window acts as, and the role switch. Choosing a role in the select changes nothing yet: in
 * Chromium, arrowing through a closed <select> fires a change on every key press, and every switch is
 * audited, so the switch happens on "Apply". Operator and analyst need nothing more; admin opens the
 * passphrase dialog, and the select shows the old role again until the core has granted the new one.
 */
export function RoleControl() {
  const client = useClient();
  const { session, setSession, setNotice } = useAppStore(
    useShallow((s) => ({ session: s.session, setSession: s.setSession, setNotice: s.setNotice })),
  );
  /** The role chosen but not applied yet; null: the select shows the session's role. */
  const [pending, setPending] = useState<Role | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const selectRef = useRef<HTMLSelectElement>(null);
  const applyRef = useRef<HTMLButtonElement>(null);
  // Once applied, "Apply" turns disabled and would drop focus to the page: hand it to the select.
  const refocus = useRef(false);
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    selectRef.current?.focus();
  });

  if (!session) return null;
  const chosen = pending ?? session.role;
  const changed = chosen !== session.role;

  const apply = () => {
    if (busy || !changed) return;
    if (chosen === 'admin') {
      setAsking(true);
      return;
    }
    setBusy(true);
    void client.call('session.setRole', { role: chosen }).then((r) => {
      refocus.current = document.activeElement === applyRef.current;
      setBusy(false);
      setPending(null);
      if (r.ok) {
        setSession(r.value);
        setNotice('session.setRole', null);
      } else setNotice('session.setRole', r.error.message);
    });
  };

  const { actor } = session;
  return (
    // Not a <form>: the admin dialog inside has its own, and its submit would bubble into this one.
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
        className={`role-select${session.role === 'admin' ? ' is-admin' : ''}${changed ? ' is-pending' : ''}`}
        value={chosen}
        onChange={(e) => {
          const parsed = RoleSchema.safeParse(e.target.value);
          if (parsed.success) setPending(parsed.data === session.role ? null : parsed.data);
        }}
        onKeyDown={(e) => {
          // Enter applies the choice; Escape takes it back.
          if (e.key === 'Enter' && changed) {
            e.preventDefault();
            apply();
          } else if (e.key === 'Escape' && changed) {
            e.preventDefault();
            setPending(null);
          }
        }}
        data-testid="role-select"
        aria-describedby={changed ? `${id}-pending` : undefined}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      <button
        type="button"
        ref={applyRef}
        className="button role-apply"
        onClick={apply}
        disabled={!changed}
        aria-disabled={busy || undefined}
        title={changed ? `Switch this window to ${ROLE_LABELS[chosen]}` : 'Choose another role first'}
      >
        Apply
      </button>
      {changed && (
        <span className="visually-hidden" id={`${id}-pending`}>
          {`Not applied yet: this window is still ${ROLE_LABELS[session.role]}.`}
        </span>
      )}
      {asking && (
        <AdminDialog
          onClose={() => {
            setAsking(false);
            setPending(null);
          }}
          returnFocus={selectRef}
        />
      )}
    </div>
  );
}
