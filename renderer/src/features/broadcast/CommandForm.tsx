import { useId, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useClient } from '../../app/clientContext';
import { parseBoundedInt } from '../../lib/parseBoundedInt';
import { useAppStore } from '../../store/appStore';
import { runLabel } from './targets';

/** The contract's bounds and defaults (shared/contract.ts broadcast.start). */
const CONCURRENCY = { min: 1, max: 64, fallback: 16 } as const;
const TIMEOUT_S = { min: 1, max: 600, fallback: 30 } as const;
const MAX_COMMAND = 4096;

interface Props {
  allowed: boolean;
  why: string | undefined;
  running: boolean;
}

/** The command, how many nodes at once, the per-node timeout; Run and Cancel. */
export function CommandForm({ allowed, why, running }: Props) {
  const client = useClient();
  const { targets, run, starting, started, failed, cancelling } = useAppStore(
    useShallow((s) => ({
      targets: s.broadcastTargets,
      run: s.broadcastRun,
      starting: s.broadcastStarting,
      started: s.broadcastStarted,
      failed: s.broadcastFailed,
      cancelling: s.broadcastCancelling,
    })),
  );
  const [command, setCommand] = useState('');
  const [concurrency, setConcurrency] = useState('');
  const [timeout, setTimeoutText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const n = targets.length;
  const conc = parseBoundedInt(concurrency, CONCURRENCY.min, CONCURRENCY.max, CONCURRENCY.fallback);
  const tmo = parseBoundedInt(timeout, TIMEOUT_S.min, TIMEOUT_S.max, TIMEOUT_S.fallback);
  const runWhy =
    why ??
    (running
      ? 'A run is in progress'
      : n === 0
        ? 'Choose at least one node'
        : command.trim() === ''
          ? 'Type a command'
          : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (runWhy) return;
    if (conc === null || tmo === null) {
      setError('Fix the concurrency or the timeout first.');
      return;
    }
    setError(null);
    const cmd = command.trim();
    const sent = [...targets];
    starting(cmd, sent);
    void client
      .call('broadcast.start', { targets: sent, command: cmd, concurrency: conc, timeoutS: tmo })
      .then((r) => (r.ok ? started(r.value.broadcastId) : failed(`Not started: ${r.error.message}`)));
  };

  const cancel = () => {
    const bid = run?.broadcastId;
    if (!bid || run.cancelling) return;
    cancelling();
    void client.call('broadcast.cancel', { broadcastId: bid }).then((r) => {
      if (!r.ok && r.error.code !== 'NOT_FOUND') setError(`Could not cancel: ${r.error.message}`);
    });
  };

  return (
    // No accessible name on the form: "Command" names the input, and only the input.
    <form className="bc-command" onSubmit={submit} noValidate>
      <h2 className="section-title">Run a command</h2>
      <div className="field">
        <label htmlFor={`${id}-cmd`}>Command</label>
        <input
          id={`${id}-cmd`}
          type="text"
          className="mono bc-command-input"
          value={command}
          maxLength={MAX_COMMAND}
          onChange={(e) => setCommand(e.target.value)}
          placeholder="nvidia-smi --query-gpu=driver_version --format=csv,noheader"
          autoComplete="off"
          spellCheck={false}
          disabled={!allowed}
        />
      </div>
      <div className="bc-options">
        <div className="field">
          <label htmlFor={`${id}-conc`}>Nodes at once</label>
          <input
            id={`${id}-conc`}
            type="text"
            inputMode="numeric"
            value={concurrency}
            placeholder={String(CONCURRENCY.fallback)}
            maxLength={2}
            onChange={(e) => setConcurrency(e.target.value)}
            aria-invalid={conc === null || undefined}
            aria-describedby={`${id}-conc-hint`}
            disabled={!allowed}
          />
          <p className={conc === null ? 'field-error' : 'hint'} id={`${id}-conc-hint`}>
            {CONCURRENCY.min}–{CONCURRENCY.max}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-tmo`}>Timeout per node (s)</label>
          <input
            id={`${id}-tmo`}
            type="text"
            inputMode="numeric"
            value={timeout}
            placeholder={String(TIMEOUT_S.fallback)}
            maxLength={3}
            onChange={(e) => setTimeoutText(e.target.value)}
            aria-invalid={tmo === null || undefined}
            aria-describedby={`${id}-tmo-hint`}
            disabled={!allowed}
          />
          <p className={tmo === null ? 'field-error' : 'hint'} id={`${id}-tmo-hint`}>
            {TIMEOUT_S.min}–{TIMEOUT_S.max} s
          </p>
        </div>
      </div>
      <div className="button-row">
        <button type="submit" className="button is-primary" disabled={runWhy !== undefined} title={runWhy}>
          {runLabel(n)}
        </button>
        {running && (
          <button
            type="button"
            className="button is-danger"
            onClick={cancel}
            disabled={!run?.broadcastId}
            aria-disabled={run?.cancelling || undefined}
          >
            {run?.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
      </div>
      <p className="hint">
        Nodes are reached through their site’s bastion without prompting: a node whose host key is not pinned
        or known yet, or that needs a typed password, is skipped with the reason.
      </p>
      <p className="form-error" role="alert">
        {error}
      </p>
    </form>
  );
}
