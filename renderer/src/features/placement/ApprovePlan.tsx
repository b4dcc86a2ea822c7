import { useId, useState, type FormEvent } from 'react';
import { confirmWord, type PlanRunView, type PlanView } from '../../../../shared/placement';
import type { AppError } from '../../../../shared/result';
import { useClient } from '../../app/clientContext';
import { useAppStore } from '../../store/appStore';
import { actionRefusal } from './placementForm';

interface Props {
  plan: PlanView;
  onApproved(run: PlanRunView): void;
}

/**
 * "Approve and run" for exactly the plan shown (its id). A failover (evacuate) is confirmed by
 * typing its target as the plan names it; the button stays off until the text matches exactly, so
 * a wall-screen click cannot evacuate a site. The core checks the word, the role and the plan's age
 * again.
 */
export function ApprovePlan({ plan, onApproved }: Props) {
  const client = useClient();
  const id = useId();
  const permissions = useAppStore((s) => s.session?.permissions);
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const word = confirmWord(plan.goal);
  const refusal = actionRefusal(plan.goal, permissions ?? []);
  const empty = plan.moves.length === 0;
  const confirmed = word === null || confirm === word;

  const approve = (e: FormEvent) => {
    e.preventDefault();
    if (busy || empty || refusal || !confirmed) return;
    setBusy(true);
    setError(null);
    void client
      .call('placement.execute', word === null ? { planId: plan.id } : { planId: plan.id, confirm })
      .then((r) => {
        setBusy(false);
        if (r.ok) onApproved(r.value);
        else setError(r.error);
      });
  };

  return (
    <form className="placement-approve" aria-label="Approve the plan" onSubmit={approve} noValidate>
      {word !== null && (
        <div className="field">
          <label htmlFor={`${id}-confirm`}>
            Type <code className="mono">{word}</code> to confirm
          </label>
          <input
            id={`${id}-confirm`}
            data-testid="plan-confirm"
            type="text"
            spellCheck={false}
            autoComplete="off"
            value={confirm}
            disabled={empty || refusal !== null}
            onChange={(e) => setConfirm(e.target.value)}
          />
        </div>
      )}
      <button
        type="submit"
        className="button is-primary"
        data-testid="plan-approve"
        disabled={empty || refusal !== null || !confirmed}
        aria-disabled={busy || undefined}
      >
        {busy ? 'Starting…' : 'Approve and run'}
      </button>
      <p className="hint placement-approve-note">
        {empty
          ? 'This plan moves nothing.'
          : (refusal ??
            (word !== null
              ? 'A failover: the workloads above are moved off their nodes now, step by step.'
              : 'Runs the moves above through the sites’ schedulers, a few at a time.'))}
      </p>
      {error && (
        <p className="inline-notice" role="alert" data-testid="plan-approve-error">
          {error.message}
        </p>
      )}
    </form>
  );
}
