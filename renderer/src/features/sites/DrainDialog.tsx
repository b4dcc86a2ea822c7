import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { AppError } from '../../../../shared/result';
import { drainJobsText, MAX_REASON, reasonProblem, sinfoWord, type SchedulerNode } from './schedulerText';

interface Props {
  hostname: string;
  siteName: string;
  scheduler: SchedulerNode | null;
  /** Ids of the jobs running on the node now: they keep running through a drain. */
  runningJobs: readonly number[];
  drain: (hostname: string, reason: string) => Promise<AppError | null>;
  onClose: () => void;
}

/**
 * "Drain <hostname>": a modal that asks for the reason Slurm records (the next operator reads it in
 * sinfo -R). The scheduler takes a second or two; the dialog says so, shows the core's refusal in its
 * own words, and closes once Slurm accepted. Closing it early does not cancel: the row shows the outcome.
 */
export function DrainDialog({ hostname, siteName, scheduler, runningJobs, drain, onClose }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  const mounted = useRef(true);
  const id = useId();

  useEffect(() => {
    mounted.current = true;
    const dialog = ref.current;
    if (!dialog) return undefined;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLInputElement>('input')?.focus();
    return () => {
      mounted.current = false;
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const problem = reasonProblem(reason);
    if (problem) {
      setError(problem);
      ref.current?.querySelector<HTMLInputElement>('input')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    void drain(hostname, reason).then((failure) => {
      if (!mounted.current) return;
      setBusy(false);
      if (failure === null) onClose();
      else setError(failure.message);
    });
  };

  // Escape closes this dialog natively; it must not also close the site panel around it.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') e.stopPropagation();
  };

  const state = scheduler ? sinfoWord(scheduler) : null;

  return (
    <dialog
      ref={ref}
      className="modal"
      aria-label={`Drain ${hostname}`}
      aria-describedby={`${id}-intro`}
      data-testid="drain-dialog"
      onKeyDown={onKeyDown}
      onClose={() => {
        if (!ref.current?.open) onClose();
      }}
    >
      <form className="modal-form" onSubmit={submit} noValidate>
        <h2 className="modal-title">
          Drain <span className="mono">{hostname}</span>
        </h2>
        <p className="modal-context">
          {siteName}
          {state && ` · Slurm: ${state}`}
        </p>
        <p className="modal-intro" id={`${id}-intro`}>
          Slurm places no new jobs on this node. {drainJobsText(runningJobs)}
        </p>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason</label>
          <input
            id={`${id}-reason`}
            type="text"
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setError(null);
            }}
            required
            aria-required="true"
            maxLength={MAX_REASON}
            autoComplete="off"
            placeholder="e.g. XID 79 on GPU 3, ticket 4711"
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          />
          <p className="hint" id={`${id}-hint`}>
            Slurm records it for the next operator (sinfo -R). Up to {MAX_REASON} characters, no double
            quotes.
          </p>
        </div>
        <p className="form-error" id={`${id}-error`} role="alert">
          {error}
        </p>
        <div className="modal-actions">
          <span className="modal-busy muted" role="status">
            {busy ? 'Asking Slurm…' : ''}
          </span>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button is-danger" aria-disabled={busy || undefined}>
            {busy ? 'Draining…' : 'Drain'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
