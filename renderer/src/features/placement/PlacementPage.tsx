import { useCallback, useState } from 'react';
import type { PlanRunView, PlanView } from '../../../../shared/placement';
import { GoalPicker } from './GoalPicker';
import { interruptedRuns } from './planRuns';
import { PlanPreview } from './PlanPreview';
import { RunDrawer } from './RunDrawer';
import { InterruptedBanner } from './InterruptedBanner';
import { LatencyBudget } from './LatencyBudget';
import { RunHistory } from './RunHistory';
import { usePlacementRuns } from './usePlacementRuns';

/**
 * The Placement area (issue 6): pick a goal (consolidate, relieve nodes, evacuate a node, site or
 * region), preview the plan the core makes for it, approve exactly that plan, and follow its run;
 * below, every approved plan and how it went. Interrupted runs are called out first: they wait for
 * a person.
 */
export function PlacementPage() {
  const { runs, error, upsert } = usePlacementRuns();
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const open = openId === null ? null : (runs?.find((r) => r.plan.id === openId) ?? null);
  const interrupted = interruptedRuns(runs ?? []);

  // The preview is spent once approved (the core will not run it twice): its run takes its place.
  const onApproved = useCallback(
    (run: PlanRunView) => {
      upsert(run);
      setOpenId(run.plan.id);
      setPlan(null);
    },
    [upsert],
  );

  return (
    <div className="page placement-page" data-testid="placement-page">
      <h1 className="page-title">Placement</h1>
      <InterruptedBanner runs={interrupted} onOpen={setOpenId} />
      <div className={`placement-layout${open ? ' has-drawer' : ''}`}>
        <div className="placement-main">
          <GoalPicker onPlan={setPlan} />
          {plan && <PlanPreview plan={plan} onApproved={onApproved} />}
        </div>
        {open && (
          <div className="placement-side">
            <RunDrawer key={open.plan.id} run={open} onClose={() => setOpenId(null)} onChanged={upsert} />
          </div>
        )}
      </div>
      <RunHistory runs={runs} error={error} openId={openId} onOpen={setOpenId} />
      <LatencyBudget />
    </div>
  );
}
