import type { NodePage, NodeQuery, NodeRow, NodeSortKey } from '../../../shared/nodes';

/**
 * Filters, sorts and pages the fleet's node rows (pure). Missing values sort last whichever the
 * direction, so "hottest first" never starts with a page of nodes that sent nothing.
 */

type Getter = (r: NodeRow) => string | number | null;
const GET: Record<NodeSortKey, Getter> = {
  site: (r) => r.siteId,
  country: (r) => r.country,
  hostname: (r) => r.hostname,
  model: (r) => r.model,
  schedulerState: (r) => r.schedulerState,
  utilPct: (r) => r.utilPct,
  powerKw: (r) => r.powerKw,
  maxTempC: (r) => r.maxTempC,
  lastXid: (r) => (r.lastXid && r.lastXid > 0 ? r.lastXid : null),
  dataAgeS: (r) => r.dataAgeS,
  alerts: (r) => (r.alerts > 0 ? r.alerts : null),
};

function compare(a: string | number | null, b: string | number | null, desc: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const c = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
  return desc ? -c : c;
}

export function matchesNode(r: NodeRow, q: NodeQuery): boolean {
  if (q.siteIds.length && !q.siteIds.includes(r.siteId)) return false;
  if (q.countries.length && !q.countries.includes(r.country)) return false;
  if (q.models.length && !(r.model !== null && q.models.includes(r.model))) return false;
  if (
    q.schedulerStates.length &&
    !(r.schedulerState !== null && q.schedulerStates.includes(r.schedulerState))
  )
    return false;
  if (q.statuses.length && !q.statuses.includes(r.status)) return false;
  if (q.minTempC !== null && !(r.maxTempC !== null && r.maxTempC >= q.minTempC)) return false;
  if (q.minUtilPct !== null && !(r.utilPct !== null && r.utilPct >= q.minUtilPct)) return false;
  if (q.maxUtilPct !== null && !(r.utilPct !== null && r.utilPct <= q.maxUtilPct)) return false;
  if (q.withXid && !(r.lastXid !== null && r.lastXid > 0)) return false;
  if (q.withAlerts && r.alerts === 0) return false;
  const text = q.text.trim().toLowerCase();
  if (text) {
    const hay = `${r.hostname} ${r.siteId} ${r.siteName} ${r.country} ${r.model ?? ''} ${r.schedulerState ?? ''}`;
    // Every word must match somewhere: "fra h100 drain" narrows as you type.
    for (const w of text.split(/\s+/)) if (!hay.toLowerCase().includes(w)) return false;
  }
  return true;
}

export function queryNodes(
  rows: readonly NodeRow[],
  q: NodeQuery,
  offset: number,
  limit: number,
  at: number,
): NodePage {
  const get = GET[q.sort];
  const matched = rows.filter((r) => matchesNode(r, q));
  matched.sort(
    (a, b) =>
      compare(get(a), get(b), q.desc) ||
      a.siteId.localeCompare(b.siteId) ||
      a.hostname.localeCompare(b.hostname),
  );
  const uniq = (f: (r: NodeRow) => string | null) =>
    [...new Set(rows.map(f).filter((v): v is string => v !== null))].sort();
  return {
    at,
    total: matched.length,
    fleetTotal: rows.length,
    offset,
    rows: matched.slice(offset, offset + limit),
    facets: {
      countries: uniq((r) => r.country),
      models: uniq((r) => r.model),
      schedulerStates: uniq((r) => r.schedulerState),
    },
  };
}
