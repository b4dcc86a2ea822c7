import type { PlanRunView } from '../../../../shared/placement';

/** Runs the console did not see finish: they wait for someone to resume or stop them. */
export function InterruptedBanner({ runs, onOpen }: { runs: PlanRunView[]; onOpen(planId: string): void }) {
  if (runs.length === 0) return null;
  return (
    <div className="notice placement-banner" role="status" data-testid="run-interrupted-banner">
      <p>
        <strong>
          {runs.length === 1 ? 'A plan was interrupted' : `${runs.length} plans were interrupted`} mid-run
        </strong>{' '}
        when the console stopped. Resume or stop {runs.length === 1 ? 'it' : 'each'}: steps marked started may
        or may not have happened.
      </p>
      <div className="button-row">
        {runs.map((r) => (
          <button key={r.plan.id} type="button" className="button" onClick={() => onOpen(r.plan.id)}>
            Open {r.plan.id}
          </button>
        ))}
      </div>
    </div>
  );
}
