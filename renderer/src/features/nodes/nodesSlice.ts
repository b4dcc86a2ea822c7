import type { AppSlice } from '../../store/types';
import type { AreaId } from '../../app/areas';
import type { NodeQuery } from '../../../../shared/nodes';
import { initialNodeRoute, sameNode, type NodeRoute } from './nodeRoute';
import { DEFAULT_QUERY, queryKey } from './nodeQuery';

/**
 * Which node page is open (null: the Nodes area shows the fleet-wide table). The hash follows it
 * (App.tsx), so `#/nodes/<site>/<host>` deep-links and Back returns to where the operator came from.
 */
export interface NodesSlice {
  nodeRoute: NodeRoute | null;
  /** The table's query and selected row, kept here so they survive a visit to a node page. */
  nodeQuery: NodeQuery;
  /**
   * The selected row: the node (so it stays selected while a live sort moves it) and the index it was
   * at (where the keyboard continues from when the node has scrolled out of the loaded rows).
   */
  nodeSelected: NodeSelection;
  setNodeQuery(query: NodeQuery): void;
  selectNodeRow(selection: NodeSelection): void;
  /** Show one node's page (switches to the Nodes area). */
  openNodePage(route: NodeRoute): void;
  /** Forget a one-shot intent once the page has acted on it. */
  clearNodeIntent(): void;
  /** Go to an area; Nodes means the table, even from a node page (the navigation and the palette use this). */
  goToArea(area: AreaId): void;
}

export interface NodeSelection {
  index: number;
  /** "siteId/hostname"; null while the row at `index` has not loaded. */
  key: string | null;
}

export const NO_SELECTION: NodeSelection = { index: -1, key: null };
export const rowKey = (r: { siteId: string; hostname: string }): string => `${r.siteId}/${r.hostname}`;

export const createNodesSlice: AppSlice<NodesSlice> = (set, get) => ({
  nodeRoute: initialNodeRoute(),
  nodeQuery: DEFAULT_QUERY,
  nodeSelected: NO_SELECTION,

  setNodeQuery: (nodeQuery) => {
    // A different result set: the old index would point at another node.
    const moved = queryKey(nodeQuery) !== queryKey(get().nodeQuery);
    set(moved ? { nodeQuery, nodeSelected: NO_SELECTION } : { nodeQuery });
  },
  selectNodeRow: (nodeSelected) => {
    const s = get().nodeSelected;
    if (s.index !== nodeSelected.index || s.key !== nodeSelected.key) set({ nodeSelected });
  },

  openNodePage: (route) => {
    const current = get().nodeRoute;
    const keep = sameNode(current, route) && current?.intent === route.intent;
    set({ area: 'nodes', ...(keep ? {} : { nodeRoute: route }) });
  },

  clearNodeIntent: () => {
    const r = get().nodeRoute;
    if (r?.intent) set({ nodeRoute: { siteId: r.siteId, hostname: r.hostname } });
  },

  goToArea: (area) => {
    if (area === 'nodes' && get().nodeRoute !== null) set({ nodeRoute: null });
    get().setArea(area);
  },
});
