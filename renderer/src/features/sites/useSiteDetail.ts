import { useState } from 'react';
import type { SiteDetail } from '../../../../shared/domain';
import type { AppError } from '../../../../shared/result';
import { useTickCall } from '../../lib/useTickCall';
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
 * flight (a tick that arrives meanwhile is skipped, not queued; a refresh is queued). The last good
 * detail stays on screen beside an error. Mount the caller keyed by site id so a different site starts
 * from a clean state (the scheduler answers counted included).
 */
export function useSiteDetail(siteId: string): SiteDetailHook {
  const { value, error, loading, refresh } = useTickCall('site.detail', {
    siteId,
    windowS: HISTORY_WINDOW_MS / 1000,
  });
  const schedulerAnswers = useSchedulerAnswers(value?.scheduler?.at ?? null);
  return { detail: value, error, loading, schedulerAnswers, refresh };
}

/**
 * Counts the changes of the scheduler's `at` to a non-null value, as the details arrive (a failed call
 * keeps the last detail, so it counts nothing).
 */
function useSchedulerAnswers(at: number | null): number {
  const [seen, setSeen] = useState({ at: null as number | null, answers: 0 });
  // Adjusted while rendering (React's "storing information from previous renders"): React renders
  // again at once, so the count arrives with the detail that made it, not one render later.
  if (at !== seen.at) setSeen({ at, answers: seen.answers + (at === null ? 0 : 1) });
  return seen.answers;
}
