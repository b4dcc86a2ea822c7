import { useEffect, useRef, useState } from 'react';
import type { SiteHealth } from '../../../../shared/nodes';
import type { AppError } from '../../../../shared/result';
import { useClient } from '../../app/clientContext';
import { useAppStore } from '../../store/appStore';

export interface SiteHealthState {
  health: SiteHealth | null;
  error: AppError | null;
  loading: boolean;
}

/**
 * 'site.health' for the open site panel: fetched on open and again on each fleet tick, like the panel's
 * 'site.detail', with at most one call in flight (a tick meanwhile is skipped, not queued). Mount the
 * caller keyed by site id so another site starts from a clean state.
 */
export function useSiteHealth(siteId: string): SiteHealthState {
  const client = useClient();
  const tickSeq = useAppStore((s) => s.tickSeq);
  const [state, setState] = useState<SiteHealthState>({ health: null, error: null, loading: true });
  const inFlight = useRef(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    void client.call('site.health', { siteId }).then((r) => {
      inFlight.current = false;
      if (!mounted.current) return;
      // Keep the last good answer beside an error: stale numbers labelled as such beat a blank.
      setState((prev) =>
        r.ok ? { health: r.value, error: null, loading: false } : { ...prev, error: r.error, loading: false },
      );
    });
  }, [client, siteId, tickSeq]);

  return state;
}
