import type { StateCreator } from 'zustand';
import type { FleetSlice } from '../features/fleet/fleetSlice';
import type { UiSlice } from '../app/uiSlice';
import type { SessionSlice } from '../features/session/sessionSlice';
import type { SiteProfilesSlice } from '../features/siteProfiles/siteProfilesSlice';
import type { TerminalSlice } from '../features/terminal/terminalSlice';
import type { BroadcastSlice } from '../features/broadcast/broadcastSlice';
import type { NodesSlice } from '../features/nodes/nodesSlice';
import type { AlertsSlice } from '../features/alerts/alertsSlice';

/** The whole store: one object built from feature slices (zustand docs, "Slices pattern"). */
export type AppState = FleetSlice &
  UiSlice &
  SessionSlice &
  SiteProfilesSlice &
  TerminalSlice &
  BroadcastSlice &
  NodesSlice &
  AlertsSlice;

/** A slice creator that sees the whole store but contributes only its own part. */
export type AppSlice<T> = StateCreator<AppState, [], [], T>;
