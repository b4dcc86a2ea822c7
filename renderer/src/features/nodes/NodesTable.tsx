import { memo, useCallback, useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { NodeQuery, NodeRow, NodeSortKey } from '../../../../shared/nodes';
import { countryName } from '../../lib/country';
import { formatKw, formatPct, formatTempC } from '../../lib/format';
import type { RowWindow } from '../../lib/virtualRows';
import { Metric } from '../sites/Metric';
import { clampIndex } from './pageCache';
import { rowKey, type NodeSelection } from './nodesSlice';
import { HOT_TEMP_C, queryKey } from './nodeQuery';
import { hashForNode } from './nodeRoute';
import { alertsCellTitle, formatDataAge, schedulerTone, shortModel } from './nodeText';

interface Column {
  key: NodeSortKey;
  label: string;
  numeric?: boolean;
  /** Fixed widths, so columns do not jump as rows scroll in and out. */
  width: string;
}

const COLUMNS: readonly Column[] = [
  { key: 'site', label: 'Site', width: '13%' },
  { key: 'country', label: 'Country', width: '10%' },
  { key: 'hostname', label: 'Host', width: '13%' },
  { key: 'model', label: 'Model', width: '12%' },
  { key: 'schedulerState', label: 'Scheduler', width: '10%' },
  { key: 'utilPct', label: 'Util', numeric: true, width: '6%' },
  { key: 'powerKw', label: 'Power', numeric: true, width: '7%' },
  { key: 'maxTempC', label: 'Max temp', numeric: true, width: '7%' },
  { key: 'lastXid', label: 'Last XID', numeric: true, width: '7%' },
  { key: 'dataAgeS', label: 'Data age', numeric: true, width: '8%' },
  { key: 'alerts', label: 'Alerts', numeric: true, width: '7%' },
];

/** Must match `.nodes-table tbody tr { height }` in styles.css: windowing relies on fixed rows. */
export const NODE_ROW_HEIGHT = 26;

interface Props {
  query: NodeQuery;
  onSort: (key: NodeSortKey) => void;
  total: number | null;
  row: (index: number) => NodeRow | undefined;
  rows: RowWindow;
  /** The scroll container's callback ref (useVirtualRows). */
  scrollRef: (el: HTMLElement | null) => (() => void) | undefined;
  selection: NodeSelection;
  onSelect: (selection: NodeSelection) => void;
  onOpen: (row: NodeRow) => void;
  emptyText: string;
  /** The rows are the previous query's until the new one answers. */
  busy: boolean;
}

/**
 * The fleet-wide node table: one focusable grid (a single tab stop) whose rows are only those in view.
 * ArrowUp/Down, PageUp/Down, Home/End move the selection, Enter opens the node page; the hostname is
 * a link to the node's address for the mouse (and a middle click).
 */
export function NodesTable(props: Props) {
  const { query, onSort, total, row, rows, scrollRef, selection, onSelect, onOpen, emptyText, busy } = props;
  const idBase = useId();
  const box = useRef<HTMLDivElement | null>(null);
  const head = useRef<HTMLTableSectionElement | null>(null);
  const restored = useRef(false);
  const shownKey = useRef(queryKey(query));

  const setBox = useCallback(
    (el: HTMLDivElement | null) => {
      box.current = el;
      const cleanup = scrollRef(el);
      return () => {
        box.current = null;
        cleanup?.();
      };
    },
    [scrollRef],
  );

  const reveal = useCallback((index: number, centre = false) => {
    const el = box.current;
    if (!el || index < 0) return;
    const headH = head.current?.offsetHeight ?? 0;
    const top = index * NODE_ROW_HEIGHT;
    const view = el.clientHeight - headH;
    if (centre) el.scrollTop = Math.max(0, top - view / 2);
    else if (top < el.scrollTop) el.scrollTop = top;
    else if (top + NODE_ROW_HEIGHT > el.scrollTop + view) el.scrollTop = top + NODE_ROW_HEIGHT - view;
  }, []);

  // Where the selected node is now (a live sort moves it); where it was when it is not among the rows in view.
  let selected = selection.index;
  if (selection.key !== null)
    for (let i = rows.start; i < rows.end; i++) {
      const r = row(i);
      if (r && rowKey(r) === selection.key) {
        selected = i;
        break;
      }
    }

  // A new query or sort starts at its top.
  const key = queryKey(query);
  useEffect(() => {
    if (shownKey.current === key) return;
    shownKey.current = key;
    if (box.current) box.current.scrollTop = 0;
  }, [key]);

  // Back from a node page: bring the row that was selected into view once the size is known.
  useEffect(() => {
    if (restored.current || total === null) return;
    restored.current = true;
    if (selected >= 0) reveal(selected, true);
  }, [total, selected, reveal]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (total === null || total === 0) return;
    const page = Math.max(1, Math.floor((box.current?.clientHeight ?? 260) / NODE_ROW_HEIGHT) - 2);
    const moves: Record<string, number> = {
      ArrowDown: selected + 1,
      ArrowUp: selected < 0 ? 0 : selected - 1,
      PageDown: selected + page,
      PageUp: selected - page,
      Home: 0,
      End: total - 1,
    };
    if (e.key in moves) {
      e.preventDefault();
      const next = clampIndex(moves[e.key]!, total);
      const r = row(next);
      onSelect({ index: next, key: r ? rowKey(r) : null });
      reveal(next);
    } else if (e.key === 'Enter' && selected >= 0) {
      const r = row(selected);
      if (r) {
        e.preventDefault();
        onOpen(r);
      }
    }
  };

  const count = total ?? 0;
  const activeId =
    selected >= 0 && selected >= rows.start && selected < rows.end ? `${idBase}-${selected}` : undefined;

  return (
    <div className="table-wrap nodes-table-wrap" ref={setBox}>
      <table
        className="data-table nodes-table"
        role="grid"
        tabIndex={0}
        aria-label="Nodes"
        aria-rowcount={count + 1}
        aria-activedescendant={activeId}
        aria-busy={busy || undefined}
        data-testid="nodes-table"
        onKeyDown={onKeyDown}
      >
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead ref={head}>
          <tr aria-rowindex={1}>
            {COLUMNS.map((c) => {
              const active = query.sort === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? 'num' : undefined}
                  aria-sort={active ? (query.desc ? 'descending' : 'ascending') : 'none'}
                >
                  <button type="button" className="sort-button" tabIndex={-1} onClick={() => onSort(c.key)}>
                    {c.label}
                    <span className="sort-mark" aria-hidden="true">
                      {active ? (query.desc ? '▼' : '▲') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {total === 0 || total === null ? (
            <tr>
              <td colSpan={COLUMNS.length} className="table-empty">
                {emptyText}
              </td>
            </tr>
          ) : (
            <>
              {rows.padTop > 0 && (
                <tr className="spacer" aria-hidden="true" style={{ height: rows.padTop }} />
              )}
              {Array.from({ length: rows.end - rows.start }, (_, i) => {
                const index = rows.start + i;
                const r = row(index);
                return r ? (
                  <NodeTableRow
                    key={`${r.siteId}/${r.hostname}`}
                    id={`${idBase}-${index}`}
                    node={r}
                    index={index}
                    selected={
                      selection.key === null ? index === selection.index : rowKey(r) === selection.key
                    }
                    onSelect={onSelect}
                    onOpen={onOpen}
                  />
                ) : (
                  <tr
                    key={`loading-${index}`}
                    id={`${idBase}-${index}`}
                    className="is-loading"
                    aria-rowindex={index + 2}
                    data-testid="node-row-loading"
                  >
                    <td colSpan={COLUMNS.length} className="muted">
                      Loading…
                    </td>
                  </tr>
                );
              })}
              {rows.padBottom > 0 && (
                <tr className="spacer" aria-hidden="true" style={{ height: rows.padBottom }} />
              )}
            </>
          )}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  id: string;
  node: NodeRow;
  index: number;
  selected: boolean;
  onSelect: (selection: NodeSelection) => void;
  onOpen: (row: NodeRow) => void;
}

const sameRow = (a: NodeRow, b: NodeRow): boolean =>
  (Object.keys(a) as (keyof NodeRow)[]).every((k) => a[k] === b[k]);

/** Rows arrive as new objects on every tick; one re-renders only when what it shows changed. */
const NodeTableRow = memo(
  function NodeTableRow({ id, node, index, selected, onSelect, onOpen }: RowProps) {
    const tone = schedulerTone(node.schedulerState);
    return (
      <tr
        id={id}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={selected}
        className={`clickable${selected ? ' is-selected' : ''}`}
        data-testid="node-row"
        data-hostname={node.hostname}
        data-site-id={node.siteId}
        onClick={() => onSelect({ index, key: rowKey(node) })}
        onDoubleClick={() => onOpen(node)}
      >
        <td className="cell-clip" title={node.siteName}>
          {node.siteName}
        </td>
        <td className="cell-clip">{countryName(node.country)}</td>
        <th scope="row" className="cell-host cell-clip">
          <a
            className="link-button"
            href={hashForNode(node)}
            tabIndex={-1}
            title={`Open ${node.hostname}`}
            onClick={(e) => {
              // A plain click opens in place (with a history entry); modified clicks keep the browser's way.
              if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
              e.preventDefault();
              onOpen(node);
            }}
          >
            {node.hostname}
          </a>
          {node.status !== 'ok' && (
            <span
              className={`status status-${node.status} node-status-mark`}
              title={node.statusReason ?? node.status}
            >
              <span className="status-dot" aria-hidden="true" />
              <span className="visually-hidden">{node.status}</span>
            </span>
          )}
        </th>
        <td className="cell-clip" title={node.model ?? undefined}>
          {node.model === null ? <Metric text="—" title="not reported" /> : shortModel(node.model)}
        </td>
        <td className="cell-clip">
          {node.schedulerState === null ? (
            <Metric text="—" title="no scheduler, or it does not know this node" />
          ) : (
            <span className={`sched sched-${tone}`}>
              <span className="sched-dot" aria-hidden="true" />
              {node.schedulerState}
            </span>
          )}
        </td>
        <td className="num">
          <Metric text={formatPct(node.utilPct)} />
        </td>
        <td className="num">
          <Metric text={formatKw(node.powerKw)} />
        </td>
        <td className={`num${node.maxTempC !== null && node.maxTempC >= HOT_TEMP_C ? ' is-hot' : ''}`}>
          <Metric text={formatTempC(node.maxTempC)} />
        </td>
        <td className="num">{node.lastXid === null ? <span className="muted">none</span> : node.lastXid}</td>
        <td className="num">
          <Metric text={formatDataAge(node.dataAgeS)} title="never reported" />
        </td>
        <td className="num" title={alertsCellTitle(node.alerts, node.worstSeverity)}>
          {node.alerts === 0 ? (
            <span className="muted">0</span>
          ) : (
            <span className={`sev-count sev-${node.worstSeverity ?? 'info'}`}>{node.alerts}</span>
          )}
        </td>
      </tr>
    );
  },
  (a, b) =>
    a.id === b.id &&
    a.index === b.index &&
    a.selected === b.selected &&
    a.onSelect === b.onSelect &&
    a.onOpen === b.onOpen &&
    sameRow(a.node, b.node),
);
