import type { WasteRow } from '../../../../shared/sustainability';

export const WASTE_SORT_KEYS = [
  'label',
  'idleKwNow',
  'idleItKwh',
  'idleFacilityKwh',
  'kgCO2',
  'money',
  'idleShare',
  'coverage',
] as const;
export type WasteSortKey = (typeof WASTE_SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';
export interface WasteSort {
  key: WasteSortKey;
  dir: SortDir;
}

/** The leaderboards open on the biggest idle IT energy first. */
export const DEFAULT_WASTE_SORT: WasteSort = { key: 'idleItKwh', dir: 'desc' };

/** First click: names A→Z, quantities biggest first. A second click on the same column flips it. */
export function nextWasteSort(current: WasteSort, key: WasteSortKey): WasteSort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: key === 'label' ? 'asc' : 'desc' };
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

type SortValue = number | string | [string, number] | null;

/**
 * A row's value for a column; null is "no data" and sorts last in both directions, so an unknown
 * never hides among real zeros. Money cannot be compared across currencies: rows sort by their first
 * currency (A→Z, whatever the direction) and by its amount within it; rows without money go last.
 */
function sortValue(row: WasteRow, key: WasteSortKey): SortValue {
  switch (key) {
    case 'label':
      return row.label;
    case 'money': {
      const first = row.money[0];
      return first ? [first.currency, first.amount] : null;
    }
    default:
      return row[key];
  }
}

function compareValues(a: Exclude<SortValue, null>, b: Exclude<SortValue, null>, sign: number): number {
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b) * sign;
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : (a < b ? -1 : 1) * sign;
  if (Array.isArray(a) && Array.isArray(b)) {
    const byCurrency = a[0].localeCompare(b[0]);
    return byCurrency !== 0 ? byCurrency : a[1] === b[1] ? 0 : (a[1] < b[1] ? -1 : 1) * sign;
  }
  return 0;
}

/** A sorted copy; ties fall back to the label, then the key, so the order is stable poll to poll. */
export function sortWasteRows<R extends WasteRow>(rows: readonly R[], sort: WasteSort): R[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return rows.slice().sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    if (va === null && vb !== null) return 1;
    if (vb === null && va !== null) return -1;
    if (va !== null && vb !== null) {
      const c = compareValues(va, vb, sign);
      if (c !== 0) return c;
    }
    return collator.compare(a.label, b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  });
}
