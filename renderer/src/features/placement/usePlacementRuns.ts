import { useCallback, useEffect, useState } from 'react';
import type { PlanRunView } from '../../../../shared/placement';
import type { AppError } from '../../../../shared/result';
import { useClient } from '../../app/clientContext';
import { createCallLoop } from '../../lib/tickCall';
import { useAppStore } from '../../store/appStore';
import { mergeRunLists, upsertRun } from './planRuns';

/** How many runs the history asks for: a wall shows a screenful, the audit log keeps the rest. */
export const RUNS_SHOWN = 50;

export interface PlacementRuns {
  /** Newest approval first; null until the first answer. */
  runs: PlanRunView[] | null;
  error: AppError | null;
  /** A run an action answered with (approve, stop, resume), shown before the next event or answer. */
  upsert(run: PlanRunView): void;
}

/**
 * Approved plans and how they went: 'placement.runs' on mount and after a reconnect (events may have
 * been missed), and each 'placement.run' event folded in at once, then the list asked again — one call
 * in flight at most, so a plan of a thousand steps does not queue a thousand calls.
 */
export function usePlacementRuns(): PlacementRuns {
  const client = useClient();
  const [runs, setRuns] = useState<PlanRunView[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    const loop = createCallLoop(
      () => client.call('placement.runs', { limit: RUNS_SHOWN }),
      (r) => {
        if (r.ok) {
          setRuns((held) => mergeRunLists(held, r.value));
          setError(null);
        } else setError(r.error);
      },
    );
    const offRun = client.on('placement.run', (run) => {
      setRuns((held) => upsertRun(held ?? [], run));
      loop.refresh();
    });
    const offConnection = useAppStore.subscribe((s, prev) => {
      if (prev.connection === 'closed' && s.connection === 'open') loop.refresh();
    });
    loop.tick();
    return () => {
      loop.stop();
      offRun();
      offConnection();
    };
  }, [client]);

  const upsert = useCallback((run: PlanRunView) => setRuns((held) => upsertRun(held ?? [], run)), []);
  return { runs, error, upsert };
}
