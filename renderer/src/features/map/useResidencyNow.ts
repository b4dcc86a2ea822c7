import { useEffect, useState } from 'react';
import type { ResidencyNow } from '../../../../shared/residency';
import type { AppError } from '../../../../shared/result';
import { useClient } from '../../app/clientContext';
import { useAppStore } from '../../store/appStore';

export interface ResidencyNowState {
  /** The last answer of this showing of the mode; null until the first. */
  now: ResidencyNow | null;
  /** The last call failed (`now`, if any, is older). */
  error: AppError | null;
}

const EMPTY: ResidencyNowState = { now: null, error: null };

/**
 * 'residency.now' for the map's Jurisdiction mode, only while `active`: fetched when the mode is
 * chosen and again on each fleet tick, at most one call in flight (a tick meanwhile is skipped, not
 * queued), as the site panel's hooks do. Leaving the mode drops the answer, so coming back never shows
 * an old one as current.
 */
export function useResidencyNow(active: boolean): ResidencyNowState {
  const client = useClient();
  const [state, setState] = useState<ResidencyNowState>(EMPTY);

  useEffect(() => {
    if (!active) return undefined;
    let stopped = false;
    let inFlight = false;
    const fetchNow = () => {
      if (inFlight) return;
      inFlight = true;
      void client.call('residency.now', {}).then((r) => {
        inFlight = false;
        if (stopped) return;
        // Keep the last good answer beside an error: the tooltip says it failed, the marks stay.
        setState((prev) => (r.ok ? { now: r.value, error: null } : { now: prev.now, error: r.error }));
      });
    };
    fetchNow();
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (s.tickSeq !== prev.tickSeq) fetchNow();
    });
    return () => {
      stopped = true;
      unsubscribe();
      setState(EMPTY);
    };
  }, [client, active]);

  return state;
}
