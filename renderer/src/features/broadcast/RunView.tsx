import { memo, useId, useMemo, useState } from 'react';
import { useClient } from '../../app/clientContext';
import { saveTextFile } from '../../lib/saveTextFile';
import { VIRTUALISE_ABOVE, useVirtualRows } from '../../lib/virtualRows';
import { useAppStore } from '../../store/appStore';
import {
  countResults,
  exitText,
  formatMs,
  namesBySite,
  resultLine,
  resultStateText,
  type BroadcastGroup,
  type BroadcastResult,
  type BroadcastRun,
} from './broadcastRun';
import { nodesText } from './targets';

const ROW_HEIGHT = 25;
/** A group lists this many node names before "Show all" (an outlier, whose names matter, more). */
const NAMES_SHOWN = 24;
const OUTLIER_NAMES_SHOWN = 60;

/** One run: progress, the grouped outputs once finished, the per-node table, export. */
export function RunView({ run }: { run: BroadcastRun }) {
  const sites = useAppStore((s) => s.sites);
  const id = useId();
  const counts = countResults(run);
  const multiSite = useMemo(
    () => new Set(run.order.map((k) => run.results[k]?.siteId)).size > 1,
    [run.order, run.results],
  );
  const siteName = useMemo(() => {
    const names = new Map(sites.map((s) => [s.id, s.name]));
    return (sid: string) => names.get(sid) ?? sid;
  }, [sites]);
  const nodeLabel = (n: { siteId: string; hostname: string }) =>
    multiSite ? `${siteName(n.siteId)} / ${n.hostname}` : n.hostname;

  const status = run.error
    ? run.error
    : run.broadcastId === null
      ? 'Starting…'
      : run.finished
        ? run.cancelling
          ? 'Cancelled.'
          : 'Finished.'
        : run.cancelling
          ? 'Cancelling…'
          : 'Running…';

  return (
    <section className="bc-run" aria-labelledby={`${id}-title`}>
      <div className="bc-run-head">
        <h2 className="section-title" id={`${id}-title`}>
          Run <code className="mono bc-run-command">{run.command}</code>
        </h2>
        <ExportButtons key={run.broadcastId ?? 'starting'} broadcastId={run.broadcastId} />
      </div>
      <div className="bc-progress">
        <label htmlFor={`${id}-progress`}>Progress</label>
        <progress id={`${id}-progress`} max={Math.max(run.total, 1)} value={run.done} />
        <span className="bc-progress-text">
          {run.done} / {run.total} done
        </span>
        <span className="bc-counts">
          <span className="bc-count is-ok">{counts.ok} exit 0</span>
          <span className="bc-count is-nonzero">{counts.nonZero} other exit</span>
          <span className="bc-count is-failed">{counts.failed} not run</span>
          {counts.running > 0 && <span className="bc-count">{counts.running} running</span>}
        </span>
      </div>
      <p className={`bc-status${run.error ? ' is-error' : ''}`} role="status">
        {status}
      </p>

      {run.finished && run.groups && (
        <div className="bc-groups">
          <h3 className="panel-subtitle">
            {run.groups.length === 1
              ? 'Every node answered the same'
              : `${run.groups.length} different outputs`}
          </h3>
          {run.groups.map((g) => (
            <GroupCard key={g.key} group={g} multiSite={multiSite} siteName={siteName} />
          ))}
        </div>
      )}

      <h3 className="panel-subtitle">Nodes</h3>
      <ResultsTable run={run} nodeLabel={nodeLabel} />
    </section>
  );
}

function GroupCard({
  group,
  multiSite,
  siteName,
}: {
  group: BroadcastGroup;
  multiSite: boolean;
  siteName: (siteId: string) => string;
}) {
  const [all, setAll] = useState(false);
  const id = useId();
  const { sites, hidden } = namesBySite(
    group.nodes,
    all ? Infinity : group.outlier ? OUTLIER_NAMES_SHOWN : NAMES_SHOWN,
  );
  const count = nodesText(group.nodes.length);
  return (
    <article
      className={`bc-group${group.outlier ? ' is-outlier' : ''}`}
      data-testid="broadcast-group"
      aria-labelledby={`${id}-title`}
    >
      <header className="bc-group-head">
        <h4 className="bc-group-title" id={`${id}-title`}>
          {count}
        </h4>
        <span className={`bc-exit${group.exitCode === 0 ? ' is-ok' : ''}`}>{exitText(group.exitCode)}</span>
        {group.outlier && <span className="bc-outlier-tag">Outlier</span>}
      </header>
      <ul className="bc-group-nodes" aria-label={`Nodes of this group (${count})`}>
        {sites.map((s) => (
          <li key={s.siteId}>
            {multiSite && <span className="bc-group-site">{siteName(s.siteId)}:</span>}
            {s.hostnames.map((h, i) => (
              <span key={h} className="bc-group-host mono">
                {h}
                {i < s.hostnames.length - 1 ? ',' : ''}
              </span>
            ))}
          </li>
        ))}
        {hidden > 0 && (
          <li>
            <button type="button" className="text-button" onClick={() => setAll(true)}>
              Show all {group.nodes.length}
            </button>
          </li>
        )}
      </ul>
      {group.error && <p className="bc-group-error">{group.error}</p>}
      {group.stdout && (
        <pre className="bc-output" tabIndex={0} role="region" aria-label={`Output of ${count}`}>
          {group.stdout}
        </pre>
      )}
      {group.stderr && (
        <pre
          className="bc-output is-stderr"
          tabIndex={0}
          role="region"
          aria-label={`Error output of ${count}`}
        >
          {group.stderr}
        </pre>
      )}
      {!group.stdout && !group.stderr && !group.error && <p className="muted">No output.</p>}
    </article>
  );
}

function ResultsTable({
  run,
  nodeLabel,
}: {
  run: BroadcastRun;
  nodeLabel: (n: { siteId: string; hostname: string }) => string;
}) {
  const count = run.order.length;
  const virtual = count > VIRTUALISE_ABOVE;
  const { ref, rows } = useVirtualRows(count, ROW_HEIGHT, virtual);
  return (
    <div
      className={`table-wrap bc-table-wrap${virtual ? ' is-virtual' : ''}`}
      ref={ref}
      tabIndex={0}
      role="region"
      aria-label="Results per node"
    >
      <table className="data-table bc-table" aria-rowcount={virtual ? count + 1 : undefined}>
        <caption className="visually-hidden">Result of the command on each node</caption>
        <thead>
          <tr aria-rowindex={virtual ? 1 : undefined}>
            <th scope="col">Node</th>
            <th scope="col">State</th>
            <th scope="col" className="num">
              Exit
            </th>
            <th scope="col" className="num">
              Time
            </th>
            <th scope="col">Output</th>
          </tr>
        </thead>
        <tbody>
          {rows.padTop > 0 && <tr className="spacer" aria-hidden="true" style={{ height: rows.padTop }} />}
          {run.order.slice(rows.start, rows.end).map((k, i) => {
            const r = run.results[k];
            return r ? (
              <ResultRow
                key={k}
                result={r}
                label={nodeLabel(r)}
                rowIndex={virtual ? rows.start + i + 2 : undefined}
              />
            ) : null;
          })}
          {rows.padBottom > 0 && (
            <tr className="spacer" aria-hidden="true" style={{ height: rows.padBottom }} />
          )}
        </tbody>
      </table>
    </div>
  );
}

const stateClass = (r: BroadcastResult) =>
  r.state === 'done' ? (r.exitCode === 0 ? 'is-ok' : 'is-nonzero') : `is-${r.state}`;

/** Results arrive as new objects for changed rows only; the others keep theirs and skip rendering. */
const ResultRow = memo(function ResultRow({
  result: r,
  label,
  rowIndex,
}: {
  result: BroadcastResult;
  label: string;
  rowIndex?: number;
}) {
  const line = resultLine(r);
  return (
    <tr aria-rowindex={rowIndex} data-testid="broadcast-row">
      <th scope="row" className="cell-host">
        {label}
      </th>
      <td>
        <span className={`bc-state ${stateClass(r)}`}>{resultStateText(r.state)}</span>
      </td>
      <td className="num">{r.exitCode ?? '—'}</td>
      <td className="num">{formatMs(r.ms)}</td>
      <td className={`bc-line${r.error ? ' is-error' : ''}`} title={line || undefined}>
        {line}
      </td>
    </tr>
  );
});

type ExportState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done' | 'error'; text: string };

function ExportButtons({ broadcastId }: { broadcastId: string | null }) {
  const client = useClient();
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const run = (format: 'csv' | 'json') => {
    if (!broadcastId || state.kind === 'busy') return;
    setState({ kind: 'busy' });
    void client.call('broadcast.export', { broadcastId, format }).then((r) => {
      if (!r.ok) return setState({ kind: 'error', text: `Could not export: ${r.error.message}` });
      try {
        saveTextFile(r.value.fileName, r.value.mimeType, r.value.content);
        setState({ kind: 'done', text: `Exported ${r.value.fileName}.` });
      } catch (e) {
        setState({ kind: 'error', text: `Could not hand the file to the browser: ${String(e)}` });
      }
    });
  };
  return (
    <div className="bc-export">
      <div className="button-row">
        {(['csv', 'json'] as const).map((f) => (
          <button
            key={f}
            type="button"
            className="button"
            disabled={!broadcastId}
            title={broadcastId ? undefined : 'The run has not started yet'}
            aria-disabled={state.kind === 'busy' || undefined}
            onClick={() => run(f)}
          >
            {f === 'csv' ? 'Export CSV' : 'Export JSON'}
          </button>
        ))}
      </div>
      <p className={`export-status${state.kind === 'error' ? ' is-error' : ''}`} role="status">
        {state.kind === 'busy' ? 'Exporting…' : state.kind === 'idle' ? '' : state.text}
      </p>
    </div>
  );
}
