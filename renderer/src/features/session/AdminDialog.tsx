import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import type { FleetClient } from '../../../../shared/client';
import { useClient } from '../../app/clientContext';
import { useAppStore } from '../../store/appStore';
import { MIN_PASSPHRASE_LENGTH, newPassphraseProblem } from './passphrase';

/** The contract's upper bound for a passphrase (shared/session.ts). */
const MAX_PASSPHRASE_LENGTH = 1024;

/**
 * Becoming admin. A modal <dialog> (focus stays inside, Escape cancels, focus returns to the role
 * switch). With an admin passphrase set it asks for it; on first run it offers to set one, then uses it.
 * Passphrases live only in this component's state and go when it closes; they never reach the store.
 */
export function AdminDialog({
  onClose,
  returnFocus,
}: {
  onClose: () => void;
  /** Where focus goes when the dialog closes (the role switch). */
  returnFocus: RefObject<HTMLElement | null>;
}) {
  const isSet = useAppStore((s) => s.session?.adminPassphraseSet ?? false);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Here, not in the forms: when the passphrase turns out to be set, the form changes and the reason stays.
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    const back = returnFocus.current;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLInputElement>('input')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (back?.isConnected) back.focus();
    };
  }, [returnFocus]);

  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={titleId}
      // Escape closes a modal dialog natively; follow it. (In development StrictMode re-opens the dialog
      // right after a test close, so a close event that finds it open again is stale.)
      onClose={() => {
        if (!ref.current?.open) onClose();
      }}
    >
      {isSet ? (
        <EnterPassphrase titleId={titleId} onClose={onClose} error={error} setError={setError} />
      ) : (
        <SetPassphrase titleId={titleId} onClose={onClose} error={error} setError={setError} />
      )}
    </dialog>
  );
}

interface FormProps {
  titleId: string;
  onClose: () => void;
  error: string | null;
  setError: (error: string | null) => void;
}

function useSessionActions(client: FleetClient) {
  const setSession = useAppStore((s) => s.setSession);
  /** Ask the core again, e.g. after another window set the passphrase meanwhile. */
  const refresh = () =>
    void client.call('session.get', {}).then((r) => {
      if (r.ok) setSession(r.value);
    });
  return { setSession, refresh };
}

function EnterPassphrase({ titleId, onClose, error, setError }: FormProps) {
  const client = useClient();
  const { setSession, refresh } = useSessionActions(client);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (passphrase.length === 0) {
      setError('Enter the admin passphrase.');
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    void client.call('session.setRole', { role: 'admin', passphrase }).then((r) => {
      setBusy(false);
      if (r.ok) {
        setSession(r.value);
        onClose();
        return;
      }
      setPassphrase('');
      setError(r.error.message);
      inputRef.current?.focus();
      if (r.error.code === 'FORBIDDEN') refresh();
    });
  };

  return (
    <DialogForm
      titleId={titleId}
      title="Become admin"
      intro="Admin may change sites, policies and secrets. Enter the admin passphrase."
      error={error}
      errorId={`${id}-error`}
      busy={busy}
      submitLabel="Become admin"
      onSubmit={submit}
      onClose={onClose}
    >
      <div className="field">
        <label htmlFor={`${id}-passphrase`}>Admin passphrase</label>
        <input
          ref={inputRef}
          id={`${id}-passphrase`}
          type="password"
          autoComplete="current-password"
          value={passphrase}
          maxLength={MAX_PASSPHRASE_LENGTH}
          onChange={(e) => setPassphrase(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
    </DialogForm>
  );
}

function SetPassphrase({ titleId, onClose, error, setError }: FormProps) {
  const client = useClient();
  const { setSession, refresh } = useSessionActions(client);
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const nextRef = useRef<HTMLInputElement>(null);
  const id = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const problem = newPassphraseProblem(next, repeat);
    if (problem) {
      setError(problem);
      nextRef.current?.focus();
      return;
    }
    setBusy(true);
    const set = await client.call('admin.setPassphrase', { passphrase: next });
    if (!set.ok) {
      setBusy(false);
      if (set.error.code === 'FORBIDDEN') {
        // Someone set it meanwhile (another window): the dialog turns into "enter the passphrase".
        setError('An admin passphrase has been set meanwhile, in another window. Enter it to become admin.');
        refresh();
      } else setError(set.error.message);
      return;
    }
    const role = await client.call('session.setRole', { role: 'admin', passphrase: next });
    setBusy(false);
    if (role.ok) {
      setSession(role.value);
      onClose();
      return;
    }
    // The passphrase is set; the switch itself failed. Show the "enter" form with the reason.
    setSession(set.value);
    setError(role.error.message);
  };

  const invalid = error ? true : undefined;
  const describedBy = `${id}-rule${error ? ` ${id}-error` : ''}`;
  return (
    <DialogForm
      titleId={titleId}
      title="Set the admin passphrase"
      intro="No admin passphrase is set yet. Choose one now; whoever knows it can become admin in this console. You will be admin once it is set."
      error={error}
      errorId={`${id}-error`}
      busy={busy}
      submitLabel="Set passphrase and become admin"
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
    >
      <p className="hint" id={`${id}-rule`}>
        At least {MIN_PASSPHRASE_LENGTH} characters; a few unrelated words make a good one.
      </p>
      <div className="field">
        <label htmlFor={`${id}-next`}>New passphrase</label>
        <input
          ref={nextRef}
          id={`${id}-next`}
          type="password"
          autoComplete="new-password"
          value={next}
          maxLength={MAX_PASSPHRASE_LENGTH}
          onChange={(e) => setNext(e.target.value)}
          aria-invalid={invalid}
          aria-describedby={describedBy}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-repeat`}>Confirm passphrase</label>
        <input
          id={`${id}-repeat`}
          type="password"
          autoComplete="new-password"
          value={repeat}
          maxLength={MAX_PASSPHRASE_LENGTH}
          onChange={(e) => setRepeat(e.target.value)}
          aria-invalid={invalid}
        />
      </div>
    </DialogForm>
  );
}

interface DialogFormProps {
  titleId: string;
  title: string;
  intro: string;
  error: string | null;
  errorId: string;
  busy: boolean;
  submitLabel: string;
  onSubmit: (e: FormEvent) => void;
  onClose: () => void;
  children: ReactNode;
}

/** The shared frame: title, intro, fields, the inline error, Cancel and the submit button. */
function DialogForm(p: DialogFormProps) {
  return (
    <form className="modal-form" onSubmit={p.onSubmit} noValidate>
      <h2 id={p.titleId} className="modal-title">
        {p.title}
      </h2>
      <p className="modal-intro">{p.intro}</p>
      {p.children}
      <p className="form-error" id={p.errorId} role="alert">
        {p.error}
      </p>
      <div className="modal-actions">
        <button type="button" className="button" onClick={p.onClose}>
          Cancel
        </button>
        <button type="submit" className="button is-primary" aria-disabled={p.busy || undefined}>
          {p.busy ? 'Working…' : p.submitLabel}
        </button>
      </div>
    </form>
  );
}
