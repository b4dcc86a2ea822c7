import type { SiteStatus, SiteSummary } from '../../../../shared/domain';

export const SITE_SORT_KEYS = ['name', 'country', 'gpus', 'utilPct', 'powerKw', 'status', 'age'] as const;
export type SiteSortKey = (typeof SITE_SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';
export interface SiteSort {
  key: SiteSortKey;
  dir: SortDir;
}

export const DEFAULT_SITE_SORT: SiteSort = { key: 'name', dir: 'asc' };

/** Direction a column sorts in on its first click: words A→Z, quantities and trouble biggest first. */
export const FIRST_DIR: Record<SiteSortKey, SortDir> = {
  name: 'asc',
  country: 'asc',
  gpus: 'desc',
  utilPct: 'desc',
  powerKw: 'desc',
  status: 'desc',
  age: 'desc',
};

/** How bad a status is, for sorting: higher is worse. */
export const STATUS_SEVERITY: Record<SiteStatus, number> = {
  ok: 0,
  connecting: 1,
  stale: 2,
  degraded: 3,
  misconfigured: 4,
  'auth-failed': 5,
  unreachable: 6,
};

export function nextSort(current: SiteSort, key: SiteSortKey): SiteSort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: FIRST_DIR[key] };
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Sort key of a site; null means "no data", which always sorts last whatever the direction, so an
 * unknown value never hides among real zeros.
 */
function sortValue(site: SiteSummary, key: SiteSortKey): string | number | null {
  switch (key) {
    case 'name':
      return site.name;
    case 'country':
      return site.country;
    case 'gpus':
      return site.gpus;
    case 'utilPct':
      return site.utilPct;
    case 'powerKw':
      return site.powerKw;
    case 'status':
      return STATUS_SEVERITY[site.status];
    case 'age':
      // Older last success = bigger age; never = oldest of all.
      return site.lastSuccessAt === null ? Infinity : -site.lastSuccessAt;
  }
}

/** A sorted copy; ties fall back to the site name, then id, so the order is stable tick to tick. */
export function sortSites(sites: readonly SiteSummary[], sort: SiteSort): SiteSummary[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return sites.slice().sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    if (va === null && vb !== null) return 1;
    if (vb === null && va !== null) return -1;
    if (va !== null && vb !== null && va !== vb) {
      const c =
        typeof va === 'string' && typeof vb === 'string' ? collator.compare(va, vb) : va < vb ? -1 : 1;
      if (c !== 0) return c * sign;
    }
    return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}
