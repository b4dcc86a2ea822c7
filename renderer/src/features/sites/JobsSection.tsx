import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { JobSummary } from '../../../../shared/domain';
import { useAppStore } from '../../store/appStore';
import { formatCount } from '../../lib/format';
import { sessionCan } from '../session/sessionSlice';
import { Metric } from './Metric';
import { NoteText } from './NoteText';
import {
  actionNote,
  drainWhy,
  isRunning,
  jobCounts,
  jobNodesText,
  jobStateText,
  MAX_JOB_ROWS,
  schedulerStatusLine,
  sortJobs,
  type ActionNote,
  type SiteScheduler,
} from './schedulerText';
import { jobKey, type SchedulerActions } from './useSchedulerActions';

const COLUMNS = 8;

interface Props {
  scheduler: SiteScheduler;
  /** The data time ages are measured from (the newest tick). */
  latestAt: number | null;
  actions: SchedulerActions;
  schedulerAnswers: number;
}

/** What a job row needs for its Requeue button and confirmation; one object, so rows stay memoised. */
interface RowActions {
  why: string | undefined;
  ask: (jobId: number) => void;
  cancel: () => void;
  requeue: (jobId: number) => void;
  dismiss: (jobId: number) => void;
}

/**
 * The site's Slurm queue: whether Slurm answered (or why not), and its jobs, running first. A running
 * job can be requeued after an inline confirmation (it restarts from the beginning).
 */
export function JobsSection({ scheduler, latestAt, actions, schedulerAnswers }: Props) {
  const canDrain = useAppStore((s) => sessionCan(s.session, 'drain'));
  const roleKnown = useAppStore((s) => s.session !== null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const headingId = useId();
  const { dismiss, requeue } = actions;

  const rowActions = useMemo<RowActions>(
    () => ({
      why: drainWhy(canDrain, roleKnown),
      ask: (jobId) => {
        dismiss(jobKey(jobId));
        setConfirming(jobId);
      },
      cancel: () => setConfirming(null),
      requeue: (jobId) => {
        void requeue(jobId).then((failure) => {
          // Accepted: the confirmation goes and the row says so; refused: it stays, with the reason.
          if (failure === null) setConfirming((c) => (c === jobId ? null : c));
        });
      },
      dismiss: (jobId) => dismiss(jobKey(jobId)),
    }),
    [canDrain, roleKnown, dismiss, requeue],
  );

  const jobs = useMemo(() => sortJobs(scheduler.jobs), [scheduler.jobs]);
  const shown = jobs.length > MAX_JOB_ROWS ? jobs.slice(0, MAX_JOB_ROWS) : jobs;
  const status = schedulerStatusLine(scheduler, latestAt);

  return (
    <section className="site-jobs" data-testid="site-jobs" aria-labelledby={headingId}>
      <h3 className="panel-subtitle" id={headingId}>
        Jobs ({formatCount(jobs.length)})
      </h3>
      <p className={`sched-status is-${status.tone}`} data-testid="scheduler-status">
        {status.text}
        {jobs.length > 0 && <span className="muted">{` · ${jobCounts(jobs)}`}</span>}
      </p>
      {jobs.length === 0 ? (
        <p className="muted">{scheduler.at === null ? 'No jobs known yet.' : 'No jobs in Slurm’s queue.'}</p>
      ) : (
        <div className="table-wrap panel-table" tabIndex={0} role="region" aria-label="Jobs table">
          <table className="data-table job-table">
            <caption className="visually-hidden">Slurm jobs of this site, running first</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  ID
                </th>
                <th scope="col" className="cell-actions">
                  <span className="visually-hidden">Actions</span>
                </th>
                <th scope="col">Name</th>
                <th scope="col">State</th>
                <th scope="col">Nodes</th>
                <th scope="col" className="num">
                  GPUs
                </th>
                <th scope="col">Account</th>
                <th scope="col">User</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((j) => {
                const state = actions.states[jobKey(j.id)];
                return (
                  <JobRow
                    key={j.id}
                    job={j}
                    confirming={confirming === j.id}
                    busy={state?.phase === 'busy'}
                    failure={state?.phase === 'failed' ? state.message : null}
                    note={actionNote(state, schedulerAnswers)}
                    actions={rowActions}
                  />
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {jobs.length > shown.length && (
        <p className="muted">{`Showing the first ${formatCount(shown.length)} of ${formatCount(jobs.length)} jobs.`}</p>
      )}
    </section>
  );
}

interface RowProps {
  job: JobSummary;
  confirming: boolean;
  busy: boolean;
  /** The core's refusal of the last requeue, shown in the open confirmation. */
  failure: string | null;
  /** The last requeue's outcome, shown under the row while no confirmation is open. */
  note: ActionNote | null;
  actions: RowActions;
}

const JobRow = memo(
  function JobRow({ job, confirming, busy, failure, note, actions }: RowProps) {
    const confirmId = `requeue-confirm-${job.id}`;
    const nodes = jobNodesText(job.nodes);
    return (
      <>
        <tr
          data-testid="job-row"
          data-job-id={job.id}
          className={confirming || note ? 'has-note' : undefined}
        >
          <th scope="row" className="num cell-mono">
            {job.id}
          </th>
          <td className="cell-actions">
            {isRunning(job) && (
              <button
                type="button"
                className="row-button"
                aria-label={`Requeue job ${job.id}`}
                aria-expanded={confirming}
                aria-controls={confirming ? confirmId : undefined}
                disabled={actions.why !== undefined}
                aria-disabled={busy || undefined}
                title={actions.why ?? `Put job ${job.id} back in the queue (asks first)`}
                onClick={() => {
                  if (!busy && !confirming) actions.ask(job.id);
                }}
              >
                Requeue
              </button>
            )}
          </td>
          <td
            className="cell-clip"
            title={job.comment ? `${job.name} — ${job.comment}` : job.name || undefined}
          >
            {job.name === '' ? <Metric text="—" title="no name" /> : job.name}
          </td>
          <td className={`job-state job-${job.state.toLowerCase()}`}>{jobStateText(job)}</td>
          <td className="cell-clip cell-mono" title={job.nodes.length > 1 ? nodes : undefined}>
            {job.nodes.length === 0 ? <Metric text={nodes} title="no nodes yet" /> : nodes}
          </td>
          <td className="num">
            <Metric text={formatCount(job.gpus)} />
          </td>
          <td className="cell-clip">{job.account ?? <Metric text="—" title="not reported" />}</td>
          <td className="cell-clip">{job.user ?? <Metric text="—" title="not reported" />}</td>
        </tr>
        {confirming && (
          <tr className="row-note" id={confirmId}>
            <td colSpan={COLUMNS}>
              <RequeueConfirm jobId={job.id} busy={busy} failure={failure} actions={actions} />
            </td>
          </tr>
        )}
        {!confirming && note && (
          <tr className="row-note">
            <td colSpan={COLUMNS}>
              <NoteText note={note} subject={`job ${job.id}`} onDismiss={() => actions.dismiss(job.id)} />
            </td>
          </tr>
        )}
      </>
    );
  },
  (a, b) =>
    a.actions === b.actions &&
    a.confirming === b.confirming &&
    a.busy === b.busy &&
    a.failure === b.failure &&
    a.note?.text === b.note?.text &&
    a.note?.tone === b.note?.tone &&
    sameJob(a.job, b.job),
);

function sameJob(a: JobSummary, b: JobSummary): boolean {
  const keys = Object.keys(a) as (keyof JobSummary)[];
  return keys.every((k) => (k === 'nodes' ? a.nodes.join() === b.nodes.join() : a[k] === b[k]));
}

interface ConfirmProps {
  jobId: number;
  busy: boolean;
  failure: string | null;
  actions: RowActions;
}

/**
 * "Requeue job 42? …" with Requeue and Cancel, under the job's row. Cancel has the focus (requeueing
 * is the deliberate move); Escape cancels without closing the panel; focus goes back to the row's button.
 */
function RequeueConfirm({ jobId, busy, failure, actions }: ConfirmProps) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const box = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    box?.querySelector<HTMLElement>('[data-default]')?.focus();
    return () => {
      // Back to the row's button if the focus was in here (and not moved on by the user).
      const inside = box?.contains(document.activeElement) || document.activeElement === document.body;
      if (inside && opener?.isConnected) opener.focus();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      actions.cancel();
    }
  };

  return (
    <div ref={ref} className="inline-confirm" role="group" aria-labelledby={`${id}-q`} onKeyDown={onKeyDown}>
      <p className="inline-confirm-question" id={`${id}-q`}>
        {`Requeue job ${jobId}? It restarts from the beginning on another node if its node is drained.`}
      </p>
      <div className="inline-confirm-actions">
        <button
          type="button"
          className="button is-danger"
          aria-disabled={busy || undefined}
          onClick={() => {
            if (!busy) actions.requeue(jobId);
          }}
        >
          {busy ? 'Requeueing…' : 'Requeue'}
        </button>
        <button type="button" className="button" data-default onClick={actions.cancel}>
          Cancel
        </button>
        <span className="muted" role="status">
          {busy ? 'Asking Slurm…' : ''}
        </span>
      </div>
      {failure !== null && (
        <p className="inline-confirm-error" role="alert">
          {`Requeue failed: ${failure}`}
        </p>
      )}
    </div>
  );
}
