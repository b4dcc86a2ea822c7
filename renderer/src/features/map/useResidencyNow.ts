import type { ResidencyNow } from '../../../../shared/residency';
import type { AppError } from '../../../../shared/result';
import { useTickCall } from '../../lib/useTickCall';

export interface ResidencyNowState {
  /** The last answer of this showing of the mode; null until the first. */
  now: ResidencyNow | null;
  /** The last call failed (`now`, if any, is older). */
  error: AppError | null;
}

/**
 * 'residency.now' for the map's Jurisdiction mode, only while `active`: fetched when the mode is
 * chosen and again on each fleet tick, at most one call in flight (a tick meanwhile is skipped, not
 * queued), as the site panel's hooks do. The last good answer stays beside an error: the tooltip says
 * it failed, the marks stay. Leaving the mode drops the answer, so coming back never shows an old one
 * as current.
 */
export function useResidencyNow(active: boolean): ResidencyNowState {
  const { value, error } = useTickCall('residency.now', {}, { enabled: active });
  return { now: value, error };
}
