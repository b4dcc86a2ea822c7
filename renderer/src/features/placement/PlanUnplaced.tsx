import type { PlanView } from '../../../../shared/placement';
import { ROWS_SHOWN, capRows } from './planText';

/** Workloads the planner found no place for, each with its reason. */
export function PlanUnplaced({ unplaced }: { unplaced: PlanView['unplaced'] }) {
  if (unplaced.length === 0) return null;
  const { shown, more } = capRows(unplaced, ROWS_SHOWN);
  return (
    <section aria-label="Cannot be placed" data-testid="plan-unplaced">
      <h3 className="section-title">Cannot be placed ({unplaced.length})</h3>
      <div
        className="table-wrap placement-table-wrap"
        tabIndex={0}
        role="region"
        aria-label="Cannot be placed table"
      >
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Workload</th>
              <th scope="col">Tenant</th>
              <th scope="col">Data class</th>
              <th scope="col" className="num">
                GPUs
              </th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((u, i) => (
              <tr key={`${i}:${u.unit}`} data-testid="plan-unplaced-row">
                <td>{u.workload}</td>
                <td>{u.tenant}</td>
                <td>{u.dataClass}</td>
                <td className="num">{u.gpus}</td>
                <td className="placement-reason">{u.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more > 0 && <p className="hint">+{more} more not listed.</p>}
    </section>
  );
}
