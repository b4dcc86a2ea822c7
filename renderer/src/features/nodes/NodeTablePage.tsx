import { useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { NodeRow, NodeSortKey } from '../../../../shared/nodes';
import { useAppStore } from '../../store/appStore';
import { formatCount } from '../../lib/format';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useVirtualRows } from '../../lib/virtualRows';
import { NodeFilters } from './NodeFilters';
import { NODE_ROW_HEIGHT, NodesTable } from './NodesTable';
import { SavedFilters } from './SavedFilters';
import { isFiltered, sortBy } from './nodeQuery';
import { clampWindow } from './pageCache';
import { useNodePages } from './useNodePages';

/** Typing waits this long before the core is asked: one query per word, not per key. */
const SEARCH_DEBOUNCE_MS = 250;

/**
 * Nodes (issue 4): every node of the fleet in one table, filtered and sorted by the core and fetched
 * a page at a time around the rows in view, so 20,000 nodes cost what 30 do.
 */
export function NodeTablePage() {
  const { query, selected, setQuery, select, openNodePage } = useAppStore(
    useShallow((s) => ({
      query: s.nodeQuery,
      selected: s.nodeSelected,
      setQuery: s.setNodeQuery,
      select: s.selectNodeRow,
      openNodePage: s.openNodePage,
    })),
  );
  const text = useDebouncedValue(query.text, SEARCH_DEBOUNCE_MS);
  const asked = useMemo(() => ({ ...query, text }), [query, text]);

  // The scroll window is measured before the size is known (the first page tells it), so it is measured
  // against an unbounded list and fitted to the result afterwards.
  const { ref, rows: measured } = useVirtualRows(Number.MAX_SAFE_INTEGER, NODE_ROW_HEIGHT, true);
  const view = useNodePages(asked, measured.start, measured.end);
  const total = view.total;
  const rows = clampWindow(measured, total ?? 0, NODE_ROW_HEIGHT);

  const onSort = useCallback((key: NodeSortKey) => setQuery(sortBy(query, key)), [query, setQuery]);
  const onOpen = useCallback(
    (r: NodeRow) => openNodePage({ siteId: r.siteId, hostname: r.hostname }),
    [openNodePage],
  );

  const filtered = isFiltered(asked);
  const emptyText =
    view.error && total === null
      ? 'The node list could not be loaded.'
      : total === null
        ? 'Loading nodes…'
        : filtered
          ? 'No node matches these filters.'
          : 'The fleet reports no nodes yet.';

  return (
    <div className="page nodes-page">
      <div className="nodes-head">
        <h1 className="page-title">Nodes</h1>
        <p className="nodes-count" data-testid="node-count" aria-live="polite">
          {total === null || view.fleetTotal === null
            ? 'Loading…'
            : `${formatCount(total)} of ${formatCount(view.fleetTotal)} nodes`}
        </p>
        <p className="hint nodes-keys">↑ ↓ select · Enter opens · click a header to sort</p>
      </div>
      <NodeFilters query={query} facets={view.facets} onChange={setQuery} />
      <SavedFilters query={query} onApply={setQuery} />
      {view.error && (
        <p className="inline-notice" role="alert">
          Could not load nodes: {view.error.message}
        </p>
      )}
      <NodesTable
        query={query}
        onSort={onSort}
        total={total}
        row={view.row}
        rows={rows}
        scrollRef={ref}
        selection={selected}
        onSelect={select}
        onOpen={onOpen}
        emptyText={emptyText}
        busy={view.stale}
      />
    </div>
  );
}
