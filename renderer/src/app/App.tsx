import { Suspense, useEffect } from 'react';
import { useAppStore } from '../store/appStore';
import { AREAS, areaFromHash, hashForArea, type AreaId } from './areas';
import { Header } from './Header';
import { Nav } from './Nav';
import { NoticeBanner } from './NoticeBanner';
import { StatusBar } from './StatusBar';
import { AreaBoundary } from './AreaBoundary';
import { AreaLoading } from './AreaLoading';
import {
  AlertsPage,
  AuditPage,
  BroadcastPage,
  EmptyArea,
  NodesPage,
  PlacementPage,
  SitesPage,
  SovereigntyPage,
  SustainabilityPage,
  TerminalPage,
} from './areaPages';
import { FleetPage } from '../features/fleet/FleetPage';
import { SitePanel } from '../features/sites/SitePanel';
import { TerminalProvider } from '../features/terminal/TerminalProvider';
import { TerminalPrompts } from '../features/terminal/TerminalPrompts';
import { useBroadcastEvents } from '../features/broadcast/useBroadcastEvents';
import { useAlertFeed } from '../features/alerts/useAlertFeed';
import { CommandPalette } from '../features/palette/CommandPalette';
import { hashForNode, NODE_HISTORY_MARK, nodeRouteFromHash } from '../features/nodes/nodeRoute';

/** Areas with the site panel beside them. */
const PANEL_AREAS: ReadonlySet<AreaId> = new Set(['fleet', 'sites']);

/**
 * The shell: header, navigation, the current area, the site panel and the status bar. Terminals and
 * broadcasts listen for their events here, above the areas, so they go on while another area shows.
 * Fleet is in the first chunk; every other area loads the first time it is shown (areaPages.ts).
 */
export function App() {
  const area = useAppStore((s) => s.area);
  const setArea = useAppStore((s) => s.setArea);
  useHashSync(area, setArea);
  useBroadcastEvents();
  useAlertFeed();

  const current = AREAS.find((a) => a.id === area) ?? AREAS[0];

  return (
    <TerminalProvider>
      <div className="app">
        <Header />
        <Nav />
        <main className="main" id="main">
          <NoticeBanner />
          <AreaBoundary key={area}>
            <Suspense fallback={<AreaLoading />}>
              {area === 'fleet' ? (
                <FleetPage />
              ) : area === 'sites' ? (
                <SitesPage />
              ) : area === 'nodes' ? (
                <NodesPage />
              ) : area === 'alerts' ? (
                <AlertsPage />
              ) : area === 'audit' ? (
                <AuditPage />
              ) : area === 'terminal' ? (
                <TerminalPage />
              ) : area === 'broadcast' ? (
                <BroadcastPage />
              ) : area === 'sustainability' ? (
                <SustainabilityPage />
              ) : area === 'placement' ? (
                <PlacementPage />
              ) : area === 'sovereignty' ? (
                <SovereigntyPage />
              ) : (
                <EmptyArea area={current} />
              )}
            </Suspense>
          </AreaBoundary>
        </main>
        {PANEL_AREAS.has(area) && <SitePanel />}
        <StatusBar />
        <TerminalPrompts />
        <CommandPalette />
      </div>
    </TerminalProvider>
  );
}

/** The area lives in the URL hash (#/sites), so a wall screen can be pointed straight at one. */
function useHashSync(area: AreaId, setArea: (a: AreaId) => void) {
  const nodeRoute = useAppStore((s) => s.nodeRoute);
  useEffect(() => {
    const node = area === 'nodes' ? nodeRoute : null;
    const want = node ? hashForNode(node) : hashForArea(area);
    if (window.location.hash === want) return;
    // A node page (#/nodes/<site>/<host>) gets its own history entry, so Back returns to where it was opened.
    if (node) window.history.pushState({ [NODE_HISTORY_MARK]: true }, '', want);
    else window.history.replaceState(null, '', want);
  }, [area, nodeRoute]);
  useEffect(() => {
    const onHash = () => {
      const node = nodeRouteFromHash(window.location.hash);
      const a = areaFromHash(window.location.hash);
      if (node) useAppStore.getState().openNodePage(node);
      else if (a === 'nodes') useAppStore.getState().goToArea(a);
      else if (a) setArea(a);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [setArea]);
}
