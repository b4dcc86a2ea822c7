import { useEffect, useState } from 'react';
import type { PlanView } from '../../../../shared/placement';
import type { AppError } from '../../../../shared/result';
import { useClient } from '../../app/clientContext';
import { useAppStore } from '../../store/appStore';
import { sessionCan } from '../session/sessionSlice';
import { countOf, formatIdleKw, formatKgCo2, formatKwh, formatMoneyList } from './wasteFormat';

/**
 * The consolidation plan's effect (issue 8's "what you would save", from issue 6's planner): moves
 * that empty whole nodes within each site, and the energy, money and CO2 a day the freed nodes would
 * save. Asked for once per showing and on request; a preview — the Placement page acts on plans.
 */
export function ConsolidationPreview() {
  const client = useClient();
  const allowed = useAppStore((s) => sessionCan(s.session, 'plan.consolidate'));
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    if (!allowed) return undefined;
    let live = true;
    void client.call('placement.previewConsolidate', {}).then((r) => {
      if (!live) return;
      if (r.ok) {
        setPlan(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [client, allowed, asked]);

  if (!allowed)
    return (
      <p className="hint" data-testid="consolidation-locked">
        The consolidation plan needs the Sustainability analyst or Admin role.
      </p>
    );
  const e = plan?.effects;
  return (
    <div className="sus-consolidation" data-testid="consolidation">
      <h3 className="section-subtitle">Consolidating work</h3>
      {error && (
        <p className="inline-notice" role="alert">
          {error.message}
        </p>
      )}
      {!plan || !e ? (
        !error && <p className="muted">Planning…</p>
      ) : e.nodesFreed === 0 ? (
        <p className="muted" data-testid="consolidation-none">
          No node can be emptied into the others of its site right now.
        </p>
      ) : (
        <p data-testid="consolidation-effect" data-value={e.kwhPerDay}>
          {countOf(plan.moves.length, 'move')} within sites would free{' '}
          <strong>{countOf(e.nodesFreed, 'node')}</strong> ({formatIdleKw(e.kwFreed)} IT): per day{' '}
          {formatKwh(e.kwhPerDay)}, {formatKgCo2(e.kgCO2PerDay)}, {formatMoneyList(e.moneyPerDay)}.
        </p>
      )}
      {plan && plan.sitesLeftOut.length > 0 && (
        <p className="hint">Left out (scheduler not answering): {plan.sitesLeftOut.join(', ')}.</p>
      )}
      <button type="button" className="button" onClick={() => setAsked((n) => n + 1)}>
        Plan again
      </button>
    </div>
  );
}
