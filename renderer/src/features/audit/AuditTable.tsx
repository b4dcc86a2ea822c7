import { memo, useCallback, useMemo, useState, type MouseEvent } from 'react';
import type { AuditEntry } from '../../../../shared/audit';
import { ROLE_LABELS } from '../../../../shared/roles';
import { NO_DATA } from '../../lib/format';
import { useAppStore } from '../../store/appStore';
import { Metric } from '../sites/Metric';
import { formatAuditTime, formatParams } from './auditFormat';
import { parseSiteTarget } from './auditTarget';
import { OutcomeBadge } from './OutcomeBadge';

const COLUMNS = [
  { key: 'seq', label: 'Seq', className: 'num' },
  { key: 'time', label: 'Time' },
  { key: 'actor', label: 'Actor' },
  { key: 'role', label: 'Role' },
  { key: 'action', label: 'Action' },
  { key: 'target', label: 'Target' },
  { key: 'outcome', label: 'Outcome' },
  { key: 'message', label: 'Message' },
] as const;

interface Props {
  entries: AuditEntry[];
  /** What the empty table says (loading, nothing matches…). */
  emptyText: string;
  caption: string;
}

/**
 * Audit entries, newest first. A row opens its details (params, prev and hash) below it on click; the
 * sequence-number button in each row is the keyboard path and says whether the details are open.
 * Paged rather than windowed: rows change height when opened, and a page is 200 rows.
 */
export function AuditTable({ entries, emptyText, caption }: Props) {
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set());
  const sites = useKnownSites();
  const toggle = useCallback((seq: number) => {
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(seq)) next.add(seq);
      return next;
    });
  }, []);

  return (
    <div className="table-wrap audit-table-wrap">
      <table className="data-table audit-table" data-testid="audit-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" className={'className' in c ? c.className : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.length === 0 ? (
            <tr>
              <td colSpan={COLUMNS.length} className="table-empty">
                {emptyText}
              </td>
            </tr>
          ) : (
            entries.map((e) => (
              <AuditRow key={e.seq} entry={e} open={open.has(e.seq)} onToggle={toggle} sites={sites} />
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/** The sites the fleet knows now, and how to open one's panel; changes only when the set of ids does. */
interface KnownSites {
  ids: ReadonlySet<string>;
  names: ReadonlyMap<string, string>;
  open: (siteId: string) => void;
}

function useKnownSites(): KnownSites {
  // One string, so a tick that changes only numbers does not re-render every row.
  const key = useAppStore((s) => JSON.stringify(s.sites.map((x) => [x.id, x.name])));
  const selectSite = useAppStore((s) => s.selectSite);
  const setArea = useAppStore((s) => s.setArea);
  return useMemo(() => {
    const pairs = JSON.parse(key) as [string, string][];
    return {
      ids: new Set(pairs.map(([id]) => id)),
      names: new Map(pairs),
      open: (siteId) => {
        selectSite(siteId);
        setArea('fleet');
      },
    };
  }, [key, selectSite, setArea]);
}

interface RowProps {
  entry: AuditEntry;
  open: boolean;
  onToggle: (seq: number) => void;
  sites: KnownSites;
}

/** Entries never change once written, so a row re-renders only when it opens or closes (or sites change). */
const AuditRow = memo(function AuditRow({ entry: e, open, onToggle, sites }: RowProps) {
  const detailId = `audit-detail-${e.seq}`;
  const onRowClick = (ev: MouseEvent) => {
    // Selecting text in a row (to copy a target) is not a request to open it.
    if (window.getSelection()?.toString()) return;
    if ((ev.target as HTMLElement).closest('button')) return;
    onToggle(e.seq);
  };
  return (
    <>
      <tr
        className={`clickable${open ? ' is-open' : ''}`}
        data-testid="audit-row"
        data-seq={e.seq}
        onClick={onRowClick}
      >
        <th scope="row" className="num">
          <button
            type="button"
            className="link-button disclosure"
            aria-expanded={open}
            aria-controls={open ? detailId : undefined}
            onClick={() => onToggle(e.seq)}
          >
            <span className="disclosure-mark" aria-hidden="true">
              {open ? '▾' : '▸'}
            </span>
            <span className="visually-hidden">Details of entry </span>
            {e.seq}
          </button>
        </th>
        <td>
          <time dateTime={e.time} title={e.time}>
            {formatAuditTime(e.time)}
          </time>
        </td>
        <td className="cell-clip" title={`${e.actor.osUser} / ${e.actor.profile}`}>
          {e.actor.osUser}
          <span className="muted">{` / ${e.actor.profile}`}</span>
        </td>
        <td>{ROLE_LABELS[e.role]}</td>
        <td className="cell-mono">{e.action}</td>
        <td className="cell-mono cell-clip" title={e.target ?? undefined}>
          <AuditTarget entry={e} sites={sites} />
        </td>
        <td>
          <OutcomeBadge outcome={e.outcome} />
        </td>
        <td className="cell-clip cell-message" title={e.message ?? undefined}>
          {e.message === null ? <Metric text={NO_DATA} title="no message" /> : e.message}
        </td>
      </tr>
      {open && (
        <tr className="audit-detail" id={detailId}>
          <td colSpan={COLUMNS.length}>
            <AuditDetail entry={e} />
          </td>
        </tr>
      )}
    </>
  );
});

/** The target as text, or — when it names a site the fleet knows — a button that opens its panel. */
function AuditTarget({ entry: e, sites }: { entry: AuditEntry; sites: KnownSites }) {
  if (e.target === null) return <Metric text={NO_DATA} title="no target" />;
  const site = parseSiteTarget(e.target, sites.ids, e.action);
  if (site === null) return <>{e.target}</>;
  const name = sites.names.get(site.siteId) ?? site.siteId;
  return (
    <button
      type="button"
      className="link-button target-link"
      aria-label={`Open ${e.target}`}
      title={`Open ${name} in the Fleet area${site.hostname ? ` (node ${site.hostname})` : ''}`}
      onClick={() => sites.open(site.siteId)}
    >
      {e.target}
    </button>
  );
}

function AuditDetail({ entry: e }: { entry: AuditEntry }) {
  return (
    <dl className="facts audit-facts">
      <dt>Time</dt>
      <dd className="mono">{e.time}</dd>
      <dt>Actor</dt>
      <dd>
        {e.actor.osUser}
        <span className="muted">{` · profile ${e.actor.profile} · session `}</span>
        <span className="mono">{e.actor.session}</span>
      </dd>
      <dt>Target</dt>
      <dd className="mono">{e.target ?? NO_DATA}</dd>
      <dt>Message</dt>
      <dd>{e.message ?? NO_DATA}</dd>
      <dt>Params</dt>
      <dd>
        <pre className="audit-params">{formatParams(e.params)}</pre>
      </dd>
      <dt>Prev</dt>
      <dd className="mono hash">{e.prev}</dd>
      <dt>Hash</dt>
      <dd className="mono hash">{e.hash}</dd>
    </dl>
  );
}
