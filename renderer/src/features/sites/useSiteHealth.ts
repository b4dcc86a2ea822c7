import type { SiteHealth } from '../../../../shared/nodes';
import type { AppError } from '../../../../shared/result';
import { useTickCall } from '../../lib/useTickCall';

export interface SiteHealthState {
  health: SiteHealth | null;
  error: AppError | null;
  loading: boolean;
}

/**
 * 'site.health' for the open site panel: fetched on open and again on each fleet tick, like the panel's
 * 'site.detail', with at most one call in flight (a tick meanwhile is skipped, not queued).
 */
export function useSiteHealth(siteId: string): SiteHealthState {
  const { value, error, loading } = useTickCall('site.health', { siteId });
  return { health: value, error, loading };
}
