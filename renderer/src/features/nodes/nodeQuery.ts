import type { NodeQuery, NodeSortKey } from '../../../../shared/nodes';

/** "Hot only" means a GPU at or above this: the same 80 °C the fleet page calls hot. */
export const HOT_TEMP_C = 80;

/** The table's query with every field explicit, so it can be compared, saved and shown in the form. */
export const DEFAULT_QUERY: NodeQuery = {
  text: '',
  siteIds: [],
  countries: [],
  models: [],
  schedulerStates: [],
  statuses: [],
  minTempC: null,
  minUtilPct: null,
  maxUtilPct: null,
  withXid: false,
  withAlerts: false,
  sort: 'site',
  desc: false,
};

/** Columns whose first click sorts the worst (highest) first: a NOC looks for the hot and the loud. */
const DESC_FIRST: ReadonlySet<NodeSortKey> = new Set([
  'utilPct',
  'powerKw',
  'maxTempC',
  'dataAgeS',
  'alerts',
  'lastXid',
]);

/** A header click: the same column flips direction, a new one starts at its natural direction. */
export function sortBy(q: NodeQuery, key: NodeSortKey): NodeQuery {
  if (q.sort === key) return { ...q, desc: !q.desc };
  return { ...q, sort: key, desc: DESC_FIRST.has(key) };
}

/** A stable string for a query: pages cached for one query never answer another. */
export function queryKey(q: NodeQuery): string {
  return JSON.stringify([
    q.text.trim().toLowerCase(),
    q.siteIds,
    q.countries,
    q.models,
    q.schedulerStates,
    q.statuses,
    q.minTempC,
    q.minUtilPct,
    q.maxUtilPct,
    q.withXid,
    q.withAlerts,
    q.sort,
    q.desc,
  ]);
}

/** Whether any filter (not the sort) narrows the table. */
export function isFiltered(q: NodeQuery): boolean {
  return (
    q.text.trim() !== '' ||
    q.siteIds.length > 0 ||
    q.countries.length > 0 ||
    q.models.length > 0 ||
    q.schedulerStates.length > 0 ||
    q.statuses.length > 0 ||
    q.minTempC !== null ||
    q.minUtilPct !== null ||
    q.maxUtilPct !== null ||
    q.withXid ||
    q.withAlerts
  );
}

/** The query with every filter cleared, the sort kept. */
export const clearFilters = (q: NodeQuery): NodeQuery => ({ ...DEFAULT_QUERY, sort: q.sort, desc: q.desc });

/** A one-value picker over a list filter: '' = any. */
export const pickOne = (value: string): string[] => (value === '' ? [] : [value]);
export const pickedOne = (values: readonly string[]): string => values[0] ?? '';
