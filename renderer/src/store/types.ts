import type { StateCreator } from 'zustand';
import type { FleetSlice } from '../features/fleet/fleetSlice';
import type { UiSlice } from '../app/uiSlice';
import type { SessionSlice } from '../features/session/sessionSlice';

/** The whole store: one object built from feature slices (zustand docs, "Slices pattern"). */
export type AppState = FleetSlice & UiSlice & SessionSlice;

/** A slice creator that sees the whole store but contributes only its own part. */
export type AppSlice<T> = StateCreator<AppState, [], [], T>;
