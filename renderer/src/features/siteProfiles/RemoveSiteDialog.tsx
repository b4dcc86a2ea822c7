import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useClient } from '../../app/clientContext';

interface Props {
  site: { id: string; name: string };
  onClose: () => void;
  /** After the core removed the profile. */
  onRemoved: (id: string) => void;
  /** Where focus goes once the site is removed (its row, and the button that opened this, go). */
  focusAfterRemove: RefObject<HTMLElement | null>;
}

/**
 * "Remove site": a modal that asks for the site id to be typed, so a site is never removed by a stray
 * click or Enter. Focus returns to the row's Remove button (or where it was) on close.
 */
export function RemoveSiteDialog({ site, onClose, onRemoved, focusAfterRemove }: Props) {
  const client = useClient();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLDialogElement>(null);
  const removed = useRef(false);
  const id = useId();
  const matches = typed.trim() === site.id;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const afterRemove = focusAfterRemove.current;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLInputElement>('input')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      const target = removed.current ? afterRemove : opener;
      if (target?.isConnected) target.focus();
    };
  }, [focusAfterRemove]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!matches) {
      setError(`Type the site id "${site.id}" to confirm.`);
      return;
    }
    setBusy(true);
    void client.call('sites.remove', { id: site.id }).then((r) => {
      setBusy(false);
      if (r.ok) {
        removed.current = true;
        onRemoved(site.id);
      } else
        setError(r.error.code === 'FORBIDDEN' ? `Needs the Admin role. ${r.error.message}` : r.error.message);
    });
  };

  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={`${id}-title`}
      data-testid="site-remove"
      onClose={() => {
        if (!ref.current?.open) onClose();
      }}
    >
      <form className="modal-form" onSubmit={submit} noValidate>
        <h2 id={`${id}-title`} className="modal-title">
          Remove site {site.name}?
        </h2>
        <p className="modal-intro">
          The console stops watching this site and forgets its profile. Its secrets stay in the secret store.
          To confirm, type the site id <code className="mono">{site.id}</code>.
        </p>
        <div className="field">
          <label htmlFor={`${id}-confirm`}>Site id to confirm</label>
          <input
            id={`${id}-confirm`}
            type="text"
            className="mono"
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value);
              setError(null);
            }}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
        </div>
        <p className="form-error" id={`${id}-error`} role="alert">
          {error}
        </p>
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button is-danger"
            disabled={!matches}
            aria-disabled={busy || undefined}
          >
            {busy ? 'Removing…' : 'Remove site'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
