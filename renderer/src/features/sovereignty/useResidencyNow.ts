import { useCallback, useEffect, useRef, useState } from 'react';
import type { PolicyStatus, ResidencyNow } from '../../../../shared/residency';
import type { AppError } from '../../../../shared/result';
import { useClient } from '../../app/clientContext';
import { useAppStore } from '../../store/appStore';

export interface ResidencyNowState {
  /** The last answer; kept beside an error, so the page says how old it is rather than going blank. */
  now: ResidencyNow | null;
  error: AppError | null;
}

/**
 * 'residency.now' on mount and on every fleet tick (the core judges the schedulers at each tick), at
 * most one call in flight: a tick meanwhile is skipped, the next one catches up. `applyPolicy` shows a
 * policy just saved at once; the verdicts under it arrive with the next tick.
 */
export function useResidencyNow(): ResidencyNowState & { applyPolicy(status: PolicyStatus): void } {
  const client = useClient();
  const tickSeq = useAppStore((s) => s.tickSeq);
  const [state, setState] = useState<ResidencyNowState>({ now: null, error: null });
  const inFlight = useRef(false);
  const mounted = useRef(true);
  /** Bumped by applyPolicy: an answer asked for before it may carry the old policy, so it is dropped. */
  const generation = useRef(0);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    const asked = generation.current;
    void client.call('residency.now', {}).then((r) => {
      inFlight.current = false;
      if (!mounted.current || asked !== generation.current) return;
      setState((prev) => (r.ok ? { now: r.value, error: null } : { now: prev.now, error: r.error }));
    });
  }, [client, tickSeq]);

  const applyPolicy = useCallback((policy: PolicyStatus) => {
    generation.current++;
    setState((s) => (s.now ? { ...s, now: { ...s.now, policy } } : s));
  }, []);

  return { ...state, applyPolicy };
}
