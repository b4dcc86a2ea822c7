import { useCallback } from 'react';
import type { PolicyStatus, ResidencyNow } from '../../../../shared/residency';
import type { AppError } from '../../../../shared/result';
import { useTickCall } from '../../lib/useTickCall';

export interface ResidencyNowState {
  /** The last answer; kept beside an error, so the page says how old it is rather than going blank. */
  now: ResidencyNow | null;
  error: AppError | null;
}

/**
 * 'residency.now' on mount and on every fleet tick (the core judges the schedulers at each tick), at
 * most one call in flight: a tick meanwhile is skipped, the next one catches up. `applyPolicy` shows a
 * policy just saved at once; the verdicts under it arrive with the next tick (an answer asked for
 * before it may carry the old policy, so it is dropped).
 */
export function useResidencyNow(): ResidencyNowState & { applyPolicy(status: PolicyStatus): void } {
  const { value, error, patch } = useTickCall('residency.now', {});
  const applyPolicy = useCallback((policy: PolicyStatus) => patch((now) => ({ ...now, policy })), [patch]);
  return { now: value, error, applyPolicy };
}
