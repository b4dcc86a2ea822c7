import { memo, useMemo, useState } from 'react';
import type { NodeSummary } from '../../../../shared/domain';
import { useAppStore } from '../../store/appStore';
import { formatCount, formatKw, formatPct, formatTempC } from '../../lib/format';
import { oneLine } from '../../lib/oneLine';
import { sessionCan } from '../session/sessionSlice';
import { sshWhy } from '../terminal/terminalText';
import { DrainDialog } from './DrainDialog';
import { NoteText } from './NoteText';
import { Metric } from './Metric';
import {
  actionNote,
  drainWhy,
  formatAlloc,
  nodeActionOffer,
  nodeShowsAction,
  schedulerStateText,
  type ActionNote,
  type SchedulerNode,
} from './schedulerText';
import { StatusBadge } from './StatusBadge';
import { nodeKey, type SchedulerActions } from './useSchedulerActions';

/** "NVIDIA H100 80GB HBM3" → "H100 80GB HBM3": the vendor is the same on every row; the cell title keeps it. */
const shortModel = (model: string) => model.replace(/^NVIDIA\s+/i, '');

/** What a node row needs for its buttons: whether this window may, and how. One object, so rows stay memoised. */
interface RowActions {
  shellWhy: string | undefined;
  drainWhy: string | undefined;
  openShell: (hostname: string) => void;
  openDrain: (hostname: string) => void;
  resume: (hostname: string) => void;
  dismiss: (hostname: string) => void;
}

interface Props {
  siteId: string;
  siteName: string;
  nodes: NodeSummary[];
  /** Whether the site has a scheduler: without one there is no Scheduler column and no drain. */
  hasScheduler: boolean;
  /** Running job ids by node, for the drain dialog. */
  runningJobsByNode: ReadonlyMap<string, readonly number[]>;
  actions: SchedulerActions;
  schedulerAnswers: number;
}

const NO_JOBS: readonly number[] = [];

export function NodeTable({
  siteId,
  siteName,
  nodes,
  hasScheduler,
  runningJobsByNode,
  actions,
  schedulerAnswers,
}: Props) {
  const canSsh = useAppStore((s) => sessionCan(s.session, 'ssh'));
  const canDrain = useAppStore((s) => sessionCan(s.session, 'drain'));
  const roleKnown = useAppStore((s) => s.session !== null);
  const openTerminal = useAppStore((s) => s.openTerminal);
  const [draining, setDraining] = useState<string | null>(null);
  const { resume, dismiss } = actions;

  const rowActions = useMemo<RowActions>(
    () => ({
      shellWhy: sshWhy(canSsh, roleKnown),
      drainWhy: drainWhy(canDrain, roleKnown),
      openShell: (hostname) => openTerminal({ kind: 'node', siteId, hostname }),
      openDrain: setDraining,
      resume: (hostname) => void resume(hostname),
      dismiss: (hostname) => dismiss(nodeKey(hostname)),
    }),
    [canSsh, canDrain, roleKnown, openTerminal, siteId, resume, dismiss],
  );

  if (nodes.length === 0) return <p className="muted">This site reports no nodes.</p>;
  const drainNode = draining === null ? null : (nodes.find((n) => n.hostname === draining) ?? null);
  const columns = hasScheduler ? 11 : 9;

  return (
    <>
      {/* Scrolls on its own, so it must be reachable by keyboard (axe: scrollable-region-focusable). */}
      <div className="table-wrap panel-table" tabIndex={0} role="region" aria-label="Nodes table">
        <table className="data-table node-table">
          <caption className="visually-hidden">Nodes of this site</caption>
          <thead>
            <tr>
              <th scope="col">Host</th>
              <th scope="col" className="cell-actions">
                <span className="visually-hidden">Actions</span>
              </th>
              <th scope="col">Status</th>
              {hasScheduler && (
                <>
                  <th scope="col">Scheduler</th>
                  <th scope="col" className="num" title="GPUs Slurm has allocated, of those it knows">
                    Alloc
                  </th>
                </>
              )}
              <th scope="col" className="num">
                GPUs
              </th>
              <th scope="col">Model</th>
              <th scope="col" className="num">
                Util
              </th>
              <th scope="col" className="num">
                Power
              </th>
              <th scope="col" className="num">
                Max temp
              </th>
              <th scope="col" className="num">
                Last XID
              </th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((n) => {
              const state = actions.states[nodeKey(n.hostname)];
              const shown =
                state && state.kind !== 'requeue' ? nodeShowsAction(state.kind, n.scheduler) : false;
              return (
                <NodeRow
                  key={n.hostname}
                  node={n}
                  hasScheduler={hasScheduler}
                  columns={columns}
                  busy={state?.phase === 'busy'}
                  note={actionNote(state, schedulerAnswers, shown)}
                  actions={rowActions}
                />
              );
            })}
          </tbody>
        </table>
      </div>
      {draining !== null && (
        <DrainDialog
          hostname={draining}
          siteName={siteName}
          scheduler={drainNode?.scheduler ?? null}
          runningJobs={runningJobsByNode.get(draining) ?? NO_JOBS}
          drain={actions.drain}
          onClose={() => setDraining(null)}
        />
      )}
    </>
  );
}

interface RowProps {
  node: NodeSummary;
  hasScheduler: boolean;
  columns: number;
  busy: boolean;
  note: ActionNote | null;
  actions: RowActions;
}

const NodeRow = memo(
  function NodeRow({ node, hasScheduler, columns, busy, note, actions }: RowProps) {
    const sched = node.scheduler;
    const offer = hasScheduler ? nodeActionOffer(sched) : { drain: false, resume: false };
    const primary = offer.drain ? 'drain' : offer.resume ? 'resume' : null;
    const reason = sched?.reason ?? null;
    const hasNote = reason !== null || note !== null;
    return (
      <>
        <tr data-testid="node-row" className={hasNote ? 'has-note' : undefined}>
          <th scope="row" className="cell-host" style={oneLine('24ch')} title={node.hostname}>
            {node.hostname}
          </th>
          <td className="cell-actions">
            <button
              type="button"
              className="row-button"
              aria-label={`Open shell on ${node.hostname}`}
              disabled={actions.shellWhy !== undefined}
              title={actions.shellWhy ?? `Open a terminal on ${node.hostname}`}
              onClick={() => actions.openShell(node.hostname)}
            >
              Shell
            </button>
            {/* One slot for the main scheduler action, so the button keeps the focus when Drain turns into
                Resume; a down node that may be drained too gets Resume beside it. */}
            {primary !== null && (
              <SchedulerButton kind={primary} hostname={node.hostname} busy={busy} actions={actions} />
            )}
            {offer.drain && offer.resume && (
              <SchedulerButton kind="resume" hostname={node.hostname} busy={busy} actions={actions} />
            )}
          </td>
          <td>
            <StatusBadge status={node.status} reason={node.statusReason} />
          </td>
          {hasScheduler && <SchedulerCells sched={sched} />}
          <td className="num">{formatCount(node.gpus)}</td>
          <td title={node.model ?? undefined} style={oneLine('20ch')}>
            {node.model === null ? <Metric text="—" title="not reported" /> : shortModel(node.model)}
          </td>
          <td className="num">
            <Metric text={formatPct(node.utilPct)} />
          </td>
          <td className="num">
            <Metric text={formatKw(node.powerKw)} />
          </td>
          <td className="num">
            <Metric text={formatTempC(node.maxTempC)} />
          </td>
          <td className="num">
            {node.lastXid === null ? <span className="muted">none</span> : node.lastXid}
          </td>
        </tr>
        {hasNote && (
          <tr className="row-note" data-testid="node-note">
            <td colSpan={columns}>
              {reason !== null && (
                <span className="row-note-reason">
                  <span className="muted">{`${node.hostname} · Slurm reason: `}</span>
                  {reason}
                </span>
              )}
              {note !== null && (
                <NoteText
                  note={note}
                  subject={node.hostname}
                  onDismiss={() => actions.dismiss(node.hostname)}
                />
              )}
            </td>
          </tr>
        )}
      </>
    );
  },
  (a, b) =>
    a.actions === b.actions &&
    a.hasScheduler === b.hasScheduler &&
    a.columns === b.columns &&
    a.busy === b.busy &&
    a.note?.text === b.note?.text &&
    a.note?.tone === b.note?.tone &&
    sameNode(a.node, b.node),
);

function SchedulerButton({
  kind,
  hostname,
  busy,
  actions,
}: {
  kind: 'drain' | 'resume';
  hostname: string;
  busy: boolean;
  actions: RowActions;
}) {
  const drain = kind === 'drain';
  return (
    <button
      type="button"
      className="row-button"
      aria-label={`${drain ? 'Drain' : 'Resume'} ${hostname}`}
      disabled={actions.drainWhy !== undefined}
      aria-disabled={busy || undefined}
      title={
        actions.drainWhy ??
        (drain
          ? `Stop Slurm placing new jobs on ${hostname} (asks for a reason)`
          : `Return ${hostname} to service in Slurm`)
      }
      onClick={() => {
        if (busy) return;
        if (drain) actions.openDrain(hostname);
        else actions.resume(hostname);
      }}
    >
      {drain ? 'Drain' : 'Resume'}
    </button>
  );
}

function SchedulerCells({ sched }: { sched: SchedulerNode | null }) {
  const s = schedulerStateText(sched);
  return (
    <>
      <td data-testid="node-scheduler-state" title={s.title}>
        <span className={`sched sched-${s.tone}`}>
          <span className="sched-dot" aria-hidden="true" />
          {s.text}
        </span>
      </td>
      <td className="num">
        <Metric
          text={formatAlloc(sched)}
          title={sched === null ? 'The scheduler does not know this node' : 'no data'}
        />
      </td>
    </>
  );
}

const sameScheduler = (a: SchedulerNode | null, b: SchedulerNode | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.state === b.state &&
    a.reason === b.reason &&
    a.gpusUsed === b.gpusUsed &&
    a.gpusTotal === b.gpusTotal &&
    a.flags.join() === b.flags.join());

/** Rows are compared by value: each fetch brings new objects, mostly with the same numbers. */
function sameNode(a: NodeSummary, b: NodeSummary): boolean {
  const keys = Object.keys(a) as (keyof NodeSummary)[];
  return keys.every((k) => (k === 'scheduler' ? sameScheduler(a.scheduler, b.scheduler) : a[k] === b[k]));
}
