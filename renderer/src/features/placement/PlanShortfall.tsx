import type { PlanView } from '../../../../shared/placement';
import { countryName } from '../../lib/country';
import { shortByText, shortfallHeadline } from './planText';

/**
 * What cannot be placed, as capacity: GPUs short by model and country. First in the preview and
 * in warning colours — for a failover it is the answer to "can we?", before anything runs.
 */
export function PlanShortfall({ plan }: { plan: PlanView }) {
  if (plan.shortfall.length === 0) return null;
  return (
    <section className="placement-shortfall" aria-label="Shortfall" data-testid="plan-shortfall">
      <p className="placement-shortfall-headline">{shortfallHeadline(plan)}</p>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">GPU model</th>
              <th scope="col">Country</th>
              <th scope="col">Shortfall</th>
            </tr>
          </thead>
          <tbody>
            {plan.shortfall.map((s) => (
              <tr key={`${s.model}|${s.country}`} data-testid="plan-shortfall-row">
                <td>{s.model === 'any' ? 'any model' : s.model}</td>
                <td title={countryName(s.country)}>{s.country}</td>
                <td>{shortByText(s.gpus)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
