import type { FleetClient } from '../../../../shared/client';
import type { AppState } from '../../store/types';

/** What an action sees: the store as it is now and the contract client. */
export interface PaletteEnv {
  state: AppState;
  client: FleetClient;
}

/**
 * One thing the palette can do, declared as data (the excalidraw "actions" pattern): the palette,
 * and anything else that lists commands, read the same objects. Each is also reachable by mouse
 * elsewhere (navigation, tables, node page buttons); the palette is the keyboard's short way.
 */
export interface PaletteAction {
  /** Unique within one listing, e.g. "area:nodes", "node.shell:eu-fra-1/gpu-a-01". */
  name: string;
  label: string;
  /** Shown dimmed beside the label: "Go to", "Node", "Alert". */
  group: string;
  /** Extra words it is found by ("ssh", "terminal"); the label's own words always count. */
  keywords: readonly string[];
  enabled(env: PaletteEnv): boolean;
  /** Why it is off, shown on the dimmed option. */
  disabledText?: string;
  perform(env: PaletteEnv): void;
}
