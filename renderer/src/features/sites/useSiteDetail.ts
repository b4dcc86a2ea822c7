import { useEffect, useRef, useState } from 'react';
import type { SiteDetail } from '../../../../shared/domain';
import type { AppError } from '../../../../shared/result';
import { useClient } from '../../app/clientContext';
import { useAppStore } from '../../store/appStore';
import { HISTORY_WINDOW_MS } from '../fleet/historyRing';

export interface SiteDetailState {
  detail: SiteDetail | null;
  error: AppError | null;
  loading: boolean;
}

/**
 * 'site.detail' for the open panel: fetched on open and again on each fleet tick, at most one call in
 * flight (a tick that arrives meanwhile is skipped, not queued). Mount the caller keyed by site id so a
 * different site starts from a clean state.
 */
export function useSiteDetail(siteId: string): SiteDetailState {
  const client = useClient();
  const tickSeq = useAppStore((s) => s.tickSeq);
  const [state, setState] = useState<SiteDetailState>({ detail: null, error: null, loading: true });
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
    void client.call('site.detail', { siteId, windowS: HISTORY_WINDOW_MS / 1000 }).then((result) => {
      inFlight.current = false;
      if (!mounted.current) return;
      setState((prev) =>
        result.ok
          ? { detail: result.value, error: null, loading: false }
          : // Keep the last good detail on screen beside the error: stale numbers labelled as such beat a blank.
            { detail: prev.detail, error: result.error, loading: false },
      );
    });
  }, [client, siteId, tickSeq]);

  return state;
}
