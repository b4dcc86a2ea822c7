import type { AppInfo, FleetSnapshot, FleetTotals, Series, SiteSummary } from '../../../../shared/domain';
import type { FleetTick } from '../../../../shared/contract';
import type { XY } from '../../lib/downsample';
import type { AppSlice } from '../../store/types';
import { HistoryRing } from './historyRing';

export type Connection = 'connecting' | 'open' | 'closed';

export interface FleetSlice {
  appInfo: AppInfo | null;
  /** Totals as of the newest tick or snapshot; `totals.at` is the data time every age is measured from. */
  totals: FleetTotals | null;
  sites: SiteSummary[];
  /** Chart-ready fleet series, each ≤ 500 points; the raw 15-minute history lives in a ring outside state. */
  utilHistory: XY[];
  powerHistory: XY[];
  /** Wall-clock ms at which the newest tick reached this window (connection health). */
  lastTickAt: number | null;
  /** Bumped on every tick, so views that refetch per tick have one thing to watch. */
  tickSeq: number;
  connection: Connection;

  setAppInfo(info: AppInfo): void;
  applySnapshot(snapshot: FleetSnapshot): void;
  loadHistory(series: Series): void;
  /** One tick = one store write: totals, sites, both chart series and the tick clock together. */
  applyTick(tick: FleetTick, receivedAt?: number): void;
  setConnection(connection: Connection): void;
  clearHistory(): void;
}

export const createFleetSlice: AppSlice<FleetSlice> = (set, get) => {
  const ring = new HistoryRing();
  const chart = () => {
    const { util, power } = ring.chartSeries();
    return { utilHistory: util, powerHistory: power };
  };
  const isOlder = (at: number) => {
    const current = get().totals;
    return current !== null && at < current.at;
  };

  return {
    appInfo: null,
    totals: null,
    sites: [],
    utilHistory: [],
    powerHistory: [],
    lastTickAt: null,
    tickSeq: 0,
    connection: 'connecting',

    setAppInfo: (appInfo) => set({ appInfo }),

    applySnapshot: (snapshot) => {
      // A tick that overtook the snapshot call is newer: keep it.
      if (isOlder(snapshot.totals.at)) return;
      set({ totals: snapshot.totals, sites: snapshot.sites });
    },

    loadHistory: (series) => {
      ring.load(series);
      set(chart());
    },

    applyTick: (tick, receivedAt = Date.now()) => {
      ring.append(tick.point);
      const fresh = !isOlder(tick.totals.at);
      set((s) => ({
        ...(fresh ? { totals: tick.totals, sites: tick.sites } : {}),
        ...chart(),
        lastTickAt: receivedAt,
        tickSeq: s.tickSeq + 1,
      }));
    },

    setConnection: (connection) => {
      if (get().connection !== connection) set({ connection });
    },

    clearHistory: () => {
      ring.clear();
      set({ utilHistory: [], powerHistory: [] });
    },
  };
};
