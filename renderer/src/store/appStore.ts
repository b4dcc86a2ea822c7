import { create } from 'zustand';
import { createFleetSlice } from '../features/fleet/fleetSlice';
import { createUiSlice } from '../app/uiSlice';
import { createSessionSlice } from '../features/session/sessionSlice';
import { createSiteProfilesSlice } from '../features/siteProfiles/siteProfilesSlice';
import { createTerminalSlice } from '../features/terminal/terminalSlice';
import { createBroadcastSlice } from '../features/broadcast/broadcastSlice';
import { createNodesSlice } from '../features/nodes/nodesSlice';
import { createAlertsSlice } from '../features/alerts/alertsSlice';
import type { AppState } from './types';

export type { AppState } from './types';

export const useAppStore = create<AppState>()((...a) => ({
  ...createFleetSlice(...a),
  ...createUiSlice(...a),
  ...createSessionSlice(...a),
  ...createSiteProfilesSlice(...a),
  ...createTerminalSlice(...a),
  ...createBroadcastSlice(...a),
  ...createNodesSlice(...a),
  ...createAlertsSlice(...a),
}));

/** Back to the initial state, including the raw history kept outside React state; for tests. */
export function resetStore(): void {
  useAppStore.getState().clearHistory();
  useAppStore.setState(useAppStore.getInitialState(), true);
}
