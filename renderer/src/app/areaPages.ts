import { lazy } from 'react';
import { loadXtermCss } from '../features/terminal/loadXtermCss';

/**
 * The areas after Fleet, each a chunk of its own loaded the first time it is shown, so the first
 * paint is the fleet overview alone (DESIGN.md, "Render budget → Bundle"). What must run whichever
 * area shows stays in App: the terminal controller and its prompts, the broadcast events.
 */
export const SitesPage = lazy(() =>
  import('../features/sites/SitesPage').then((m) => ({ default: m.SitesPage })),
);

export const AuditPage = lazy(() =>
  import('../features/audit/AuditPage').then((m) => ({ default: m.AuditPage })),
);

export const SustainabilityPage = lazy(() =>
  import('../features/sustainability/SustainabilityPage').then((m) => ({ default: m.SustainabilityPage })),
);

export const SovereigntyPage = lazy(() =>
  import('../features/sovereignty/SovereigntyPage').then((m) => ({ default: m.SovereigntyPage })),
);

export const NodesPage = lazy(() =>
  import('../features/nodes/NodesPage').then((m) => ({ default: m.NodesPage })),
);

export const AlertsPage = lazy(() =>
  import('../features/alerts/AlertsPage').then((m) => ({ default: m.AlertsPage })),
);

export const PlacementPage = lazy(() =>
  import('../features/placement/PlacementPage').then((m) => ({ default: m.PlacementPage })),
);

export const BroadcastPage = lazy(() =>
  import('../features/broadcast/BroadcastPage').then((m) => ({ default: m.BroadcastPage })),
);

/** xterm, its addons and its stylesheet: about a quarter of the renderer. */
export const TerminalPage = lazy(() =>
  Promise.all([import('../features/terminal/TerminalPage'), loadXtermCss()]).then(([m]) => ({
    default: m.TerminalPage,
  })),
);

export const EmptyArea = lazy(() => import('./EmptyArea').then((m) => ({ default: m.EmptyArea })));
