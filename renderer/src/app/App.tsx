import { Suspense, useEffect } from 'react';
import { useAppStore } from '../store/appStore';
import { AREAS, areaFromHash, hashForArea, type AreaId } from './areas';
import { Header } from './Header';
import { Nav } from './Nav';
import { NoticeBanner } from './NoticeBanner';
import { StatusBar } from './StatusBar';
import { AreaBoundary } from './AreaBoundary';
import { AreaLoading } from './AreaLoading';
import { AuditPage, BroadcastPage, EmptyArea, SitesPage, TerminalPage } from './areaPages';
import { FleetPage } from '../features/fleet/FleetPage';
import { SitePanel } from '../features/sites/SitePanel';
import { TerminalProvider } from '../features/terminal/TerminalProvider';
import { TerminalPrompts } from '../features/terminal/TerminalPrompts';
import { useBroadcastEvents } from '../features/broadcast/useBroadcastEvents';

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
              ) : area === 'audit' ? (
                <AuditPage />
              ) : area === 'terminal' ? (
                <TerminalPage />
              ) : area === 'broadcast' ? (
                <BroadcastPage />
              ) : (
                <EmptyArea area={current} />
              )}
            </Suspense>
          </AreaBoundary>
        </main>
        {PANEL_AREAS.has(area) && <SitePanel />}
        <StatusBar />
        <TerminalPrompts />
      </div>
    </TerminalProvider>
  );
}

/** The area lives in the URL hash (#/sites), so a wall screen can be pointed straight at one. */
function useHashSync(area: AreaId, setArea: (a: AreaId) => void) {
  useEffect(() => {
    const want = hashForArea(area);
    if (window.location.hash !== want) window.history.replaceState(null, '', want);
  }, [area]);
  useEffect(() => {
    const onHash = () => {
      const a = areaFromHash(window.location.hash);
      if (a) setArea(a);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [setArea]);
}
