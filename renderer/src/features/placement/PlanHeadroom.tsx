import type { PlanView } from '../../../../shared/placement';
import { NO_DATA } from '../../lib/format';

const kw = (v: number | null) => (v === null ? NO_DATA : `${v.toFixed(1)} kW`);

/**
 * Power headroom at each site the plan lands work on — before, and what is left after (the
 * what-if's third answer, with the moves and the shortfall). Unknown when a site has no contracted
 * capacity in its profile: shown as such, never as room.
 */
export function PlanHeadroom({ plan }: { plan: PlanView }) {
  if (plan.headroom.length === 0) return null;
  return (
    <section className="placement-headroom" aria-label="Power headroom" data-testid="plan-headroom">
      <h3 className="section-title">Power headroom at the target sites</h3>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col">Before</th>
              <th scope="col">Left after</th>
            </tr>
          </thead>
          <tbody>
            {plan.headroom.map((h) => (
              <tr key={h.siteId} data-testid="plan-headroom-row" data-site={h.siteId}>
                <td>{h.siteId}</td>
                <td className="num">{kw(h.beforeKw)}</td>
                <td
                  className={`num${h.afterKw !== null && h.afterKw < 0.1 * (h.beforeKw ?? 0) ? ' placement-headroom-low' : ''}`}
                >
                  {kw(h.afterKw)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {plan.headroom.some((h) => h.beforeKw === null) && (
        <p className="hint">{NO_DATA}: the site's contracted power capacity is not in its profile.</p>
      )}
    </section>
  );
}
