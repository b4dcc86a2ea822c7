import type { AlertList } from '../../../../shared/contract';
import type { AppSlice } from '../../store/types';

/**
 * The alert list as the core last sent it ('alerts.list' at start-up and after a reconnect, then every
 * 'alerts.changed'), kept at app level so the header badge, the Alerts area, node pages and the palette
 * read one copy.
 */
export interface AlertsSlice {
  /** Null until the first answer. */
  alertList: AlertList | null;
  applyAlertList(list: AlertList): void;
}

export const createAlertsSlice: AppSlice<AlertsSlice> = (set, get) => ({
  alertList: null,
  applyAlertList: (list) => {
    const have = get().alertList;
    // An 'alerts.list' answer can arrive after a newer event: keep the newer one.
    if (have !== null && list.at < have.at) return;
    set({ alertList: list });
  },
});
