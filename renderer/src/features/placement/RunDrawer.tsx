import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { PlanRunView } from '../../../../shared/placement';
import type { AppError } from '../../../../shared/result';
import { useClient } from '../../app/clientContext';
import { NO_DATA } from '../../lib/format';
import { useAppStore } from '../../store/appStore';
import { dateTime } from '../sustainability/wasteFormat';
import { actionRefusal } from './placementForm';
import { stepsShown } from './planRuns';
import { ROWS_SHOWN, canResume, canStop, goalText, moveShortText, runCounts, stepsText } from './planText';
import { useSiteNames } from './useSiteNames';
import { outcomeCsv } from './outcomeReport';
import { saveTextFile } from '../../lib/saveTextFile';

interface Props {
  run: PlanRunView;
  onClose(): void;
  /** An action's answer, shown before the event that follows it. */
  onChanged(run: PlanRunView): void;
}

/** Said on every interrupted run: what "started" means after a crash, and why Resume is safe. */
const INTERRUPTED_EXPLANATION =
  'The console stopped while this plan ran. Steps marked started may or may not have happened; Resume checks them against the sites first.';

/**
 * One approved plan's run: its state, progress and each step as the journal has it, live from
 * 'placement.run' events. Stop lets the steps in flight finish (none is left half-done); an
 * interrupted run can be resumed or closed as it stands. Parents key this by plan id.
 */
export function RunDrawer({ run, onClose, onChanged }: Props) {
  const client = useClient();
  const id = useId();
  const permissions = useAppStore((s) => s.session?.permissions);
  const [busy, setBusy] = useState<'stop' | 'resume' | null>(null);
  const [stopAsked, setStopAsked] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const { nameOf } = useSiteNames();
  const [attentionOnly, setAttentionOnly] = useState(false);
  const titleRef = useRef<HTMLHeadingElement | null>(null);
  const c = runCounts(run);
  const refusal = actionRefusal(run.plan.goal, permissions ?? [], 'Stopping or resuming this run');
  const shown = useMemo(() => stepsShown(run.steps, ROWS_SHOWN, attentionOnly), [run.steps, attentionOnly]);

  // Opened from the history or by approving (which removes the preview under the focus): the
  // drawer takes focus, so keyboard and screen-reader users land on what they opened.
  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  const act = (what: 'stop' | 'resume') => {
    if (busy) return;
    setBusy(what);
    setError(null);
    const planId = run.plan.id;
    void client.call(what === 'stop' ? 'placement.cancel' : 'placement.resume', { planId }).then((r) => {
      setBusy(null);
      if (!r.ok) {
        setError(r.error);
        return;
      }
      if (what === 'stop') setStopAsked(true);
      onChanged(r.value);
    });
  };

  const stopping = stopAsked && run.state === 'running';

  return (
    <section
      className={`placement-drawer is-${run.state}`}
      aria-labelledby={`${id}-title`}
      data-testid="run-drawer"
      data-plan-id={run.plan.id}
    >
      <header className="placement-drawer-head">
        <h2 className="section-title" id={`${id}-title`} ref={titleRef} tabIndex={-1}>
          Run of <code className="mono">{run.plan.id}</code>
        </h2>
        <button type="button" className="text-button" onClick={onClose}>
          Close
        </button>
      </header>
      <p className="hint">
        {goalText(run.plan.goal, nameOf)} · approved by {run.approvedBy} at {dateTime(run.approvedAt)}
        {run.endedAt !== null && ` · ended ${dateTime(run.endedAt)}`}
      </p>
      <div className="bc-progress placement-progress">
        <span className={`placement-state is-${run.state}`} data-testid="run-state" data-state={run.state}>
          {run.state}
        </span>
        <label htmlFor={`${id}-progress`}>Steps done</label>
        <progress id={`${id}-progress`} max={Math.max(c.total, 1)} value={c.done} />
        <span data-testid="run-progress">{stepsText(c)}</span>
        <span className="bc-counts">
          {c.failed > 0 && <span className="bc-count is-failed">{c.failed} failed</span>}
          {c.started > 0 && <span className="bc-count">{c.started} started</span>}
          {c.cancelled > 0 && <span className="bc-count">{c.cancelled} cancelled</span>}
          {c.pending > 0 && <span className="bc-count">{c.pending} pending</span>}
        </span>
      </div>
      {run.state === 'interrupted' && (
        <p className="inline-notice" data-testid="run-interrupted-note">
          {INTERRUPTED_EXPLANATION}
        </p>
      )}
      {stopping && (
        <p className="hint" role="status">
          Stopping: the steps in flight finish, the rest are cancelled.
        </p>
      )}
      {(canStop(run) || canResume(run)) && (
        <div className="button-row">
          {canResume(run) && (
            <button
              type="button"
              className="button is-primary"
              data-testid="run-resume"
              disabled={refusal !== null}
              aria-disabled={busy === 'resume' || undefined}
              onClick={() => act('resume')}
            >
              {busy === 'resume' ? 'Resuming…' : 'Resume'}
            </button>
          )}
          <button
            type="button"
            className="button is-danger"
            data-testid="run-stop"
            disabled={refusal !== null || stopping}
            aria-disabled={busy === 'stop' || undefined}
            onClick={() => act('stop')}
          >
            {busy === 'stop' ? 'Stopping…' : 'Stop'}
          </button>
          {refusal && <p className="hint">{refusal}</p>}
        </div>
      )}
      {run.state !== 'running' && (
        <div className="button-row">
          <button
            type="button"
            className="button"
            data-testid="run-export"
            onClick={() => saveTextFile(`${run.plan.id}-outcome.csv`, 'text/csv', outcomeCsv(run, nameOf))}
          >
            Export outcome (CSV)
          </button>
        </div>
      )}
      {error && (
        <p className="inline-notice" role="alert" data-testid="run-error">
          {error.message}
        </p>
      )}
      {(attentionOnly || c.failed + c.started > 0) && (
        <label className="toggle placement-attention">
          <input
            type="checkbox"
            data-testid="run-attention-only"
            checked={attentionOnly}
            onChange={(e) => setAttentionOnly(e.target.checked)}
          />
          Only failed and started steps ({c.failed + c.started})
        </label>
      )}
      <div className="table-wrap placement-table-wrap" tabIndex={0} role="region" aria-label="Steps table">
        <table className="data-table">
          <caption className="visually-hidden">Steps of plan {run.plan.id}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">Move</th>
              <th scope="col">State</th>
              <th scope="col">Message</th>
              <th scope="col" className="num">
                Attempts
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 && (
              <tr>
                <td colSpan={5} className="table-empty">
                  {attentionOnly ? 'No step failed or in flight.' : 'This plan has no steps.'}
                </td>
              </tr>
            )}
            {shown.map((i) => {
              const step = run.steps[i]!;
              const m = run.plan.moves[i];
              return (
                <tr key={i} data-testid="run-step" data-state={step.state}>
                  <td className="num">{i + 1}</td>
                  <td className="placement-step-move">
                    {m ? (
                      <>
                        <div>{m.workload}</div>
                        <div className="cell-host muted">{moveShortText(m)}</div>
                      </>
                    ) : (
                      <span className="nodata">{NO_DATA}</span>
                    )}
                  </td>
                  <td>
                    <span className={`placement-state is-${step.state}`}>{step.state}</span>
                  </td>
                  <td className="placement-reason">
                    {step.message ?? <span className="muted">{NO_DATA}</span>}
                  </td>
                  <td className="num">{step.attempts}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {shown.length < run.steps.length && (
        <p className="hint">
          {run.steps.length - shown.length} more steps not listed (steps in flight and failed are always
          listed).
        </p>
      )}
    </section>
  );
}
