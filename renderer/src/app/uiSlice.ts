import type { AppSlice } from '../store/types';
import { DEFAULT_AREA, type AreaId } from './areas';
import { DEFAULT_SITE_SORT, nextSort, type SiteSort, type SiteSortKey } from '../features/sites/sortSites';

/** A failed call, shown in a calm banner until the same source succeeds or the user dismisses it. */
export interface Notice {
  source: string;
  message: string;
}

export interface UiSlice {
  area: AreaId;
  selectedSiteId: string | null;
  siteSort: SiteSort;
  notices: Notice[];

  setArea(area: AreaId): void;
  selectSite(siteId: string | null): void;
  sortSitesBy(key: SiteSortKey): void;
  /** Record (message) or clear (null) the problem of one source, e.g. a contract call name. */
  setNotice(source: string, message: string | null): void;
}

export const createUiSlice: AppSlice<UiSlice> = (set, get) => ({
  area: DEFAULT_AREA,
  selectedSiteId: null,
  siteSort: DEFAULT_SITE_SORT,
  notices: [],

  setArea: (area) => {
    if (get().area !== area) set({ area });
  },
  selectSite: (selectedSiteId) => set({ selectedSiteId }),
  sortSitesBy: (key) => set((s) => ({ siteSort: nextSort(s.siteSort, key) })),
  setNotice: (source, message) => {
    const notices = get().notices;
    const existing = notices.find((n) => n.source === source);
    if (message === null) {
      if (existing) set({ notices: notices.filter((n) => n.source !== source) });
      return;
    }
    if (existing?.message === message) return;
    set({ notices: [...notices.filter((n) => n.source !== source), { source, message }] });
  },
});
