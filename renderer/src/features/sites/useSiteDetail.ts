import { useCallback, useEffect, useRef, useState } from 'react';
import type { SiteDetail } from '../../../../shared/domain';
import type { AppError } from '../../../../shared/result';
import { useClient } from '../../app/clientContext';
import { useAppStore } from '../../store/appStore';
import { HISTORY_WINDOW_MS } from '../fleet/historyRing';

export interface SiteDetailState {
  detail: SiteDetail | null;
  error: AppError | null;
  loading: boolean;
  /**
   * How many distinct scheduler answers (`scheduler.at` values) this panel has seen, so an action's
   * "sent" note knows when the scheduler has answered since.
   */
  schedulerAnswers: number;
}

export interface SiteDetailHook extends SiteDetailState {
  /** Fetch again now (after a drain, resume or requeue); if a call is in flight, once it answers. */
  refresh: () => void;
}

/**
 * 'site.detail' for the open panel: fetched on open and again on each fleet tick, at most one call in
 * flight (a tick that arrives meanwhile is skipped, not queued; a refresh is queued). Mount the caller
 * keyed by site id so a different site starts from a clean state.
 */
export function useSiteDetail(siteId: string): SiteDetailHook {
  const client = useClient();
  const tickSeq = useAppStore((s) => s.tickSeq);
  const [state, setState] = useState<SiteDetailState>({
    detail: null,
    error: null,
    loading: true,
    schedulerAnswers: 0,
  });
  const inFlight = useRef(false);
  const again = useRef(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const fetchDetail = useCallback(
    function fetchDetail() {
      if (inFlight.current) return;
      inFlight.current = true;
      void client.call('site.detail', { siteId, windowS: HISTORY_WINDOW_MS / 1000 }).then((result) => {
        inFlight.current = false;
        if (!mounted.current) return;
        setState((prev) => {
          if (!result.ok)
            // Keep the last good detail on screen beside the error: stale numbers labelled as such beat a blank.
            return { ...prev, error: result.error, loading: false };
          const at = result.value.scheduler?.at ?? null;
          const answered = at !== null && at !== (prev.detail?.scheduler?.at ?? null);
          return {
            detail: result.value,
            error: null,
            loading: false,
            schedulerAnswers: prev.schedulerAnswers + (answered ? 1 : 0),
          };
        });
        if (again.current) {
          again.current = false;
          fetchDetail();
        }
      });
    },
    [client, siteId],
  );

  useEffect(() => {
    fetchDetail();
  }, [fetchDetail, tickSeq]);

  const refresh = useCallback(() => {
    if (inFlight.current) again.current = true;
    else fetchDetail();
  }, [fetchDetail]);

  return { ...state, refresh };
}
