import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../../shared/result';
import type { Period, SustainabilitySummary } from '../../../../shared/sustainability';
import { useClient } from '../../app/clientContext';

/** The summary is computed on demand by the core; this often is plenty for figures that move slowly. */
export const SUMMARY_POLL_MS = 5000;

export interface SustainabilityView {
  /** The latest summary received, possibly of the previous period while the new one loads. */
  summary: SustainabilitySummary | null;
  /** The last call failed (the summary above, if any, is older). */
  error: AppError | null;
  /** No summary for the current period yet. */
  loading: boolean;
  /** Fetch again now (after the idle rule changed). */
  refresh(): void;
}

interface Loaded {
  summary: SustainabilitySummary | null;
  /** The last failure and the period it was for (an old period's failure is not shown). */
  error: { period: Period; error: AppError } | null;
}

const visible = () => document.visibilityState === 'visible';

/**
 * Polls 'sustainability.summary' for `period` every SUMMARY_POLL_MS while the page is visible (and at
 * once when it becomes visible again, or the period changes). One call at a time: the next is
 * scheduled when the last one answers. `paused` stops polling (the printed report is a snapshot).
 * Answers for a period no longer current are dropped.
 */
export function useSustainability(period: Period, paused = false): SustainabilityView {
  const client = useClient();
  const [loaded, setLoaded] = useState<Loaded>({ summary: null, error: null });
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    if (paused) return undefined;
    let stopped = false;
    let inFlight = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const poll = () => {
      clearTimeout(timer);
      timer = undefined;
      if (stopped || inFlight || !visible()) return; // the visibility listener resumes it
      inFlight = true;
      void client.call('sustainability.summary', { period }).then((r) => {
        inFlight = false;
        if (stopped) return;
        setLoaded((s) =>
          r.ok
            ? { summary: r.value, error: null }
            : { summary: s.summary, error: { period, error: r.error } },
        );
        timer = setTimeout(poll, SUMMARY_POLL_MS);
      });
    };
    const onVisibility = () => {
      if (visible()) poll();
    };

    poll();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [client, period, paused, nonce]);

  const refresh = useCallback(() => setNonce((n) => n + 1), []);
  const current = loaded.summary?.period === period;
  const error = loaded.error?.period === period ? loaded.error.error : null;

  return {
    summary: loaded.summary,
    error,
    loading: !current && error === null,
    refresh,
  };
}
