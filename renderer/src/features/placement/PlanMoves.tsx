import type { MoveView } from '../../../../shared/placement';
import { NO_DATA } from '../../lib/format';
import { ROWS_SHOWN, capRows, whereText } from './planText';

/** The moves in the order they would run. */
export function PlanMoves({ moves }: { moves: readonly MoveView[] }) {
  const { shown, more } = capRows(moves, ROWS_SHOWN);
  return (
    <section aria-label="Moves">
      <h3 className="section-title">Moves ({moves.length})</h3>
      <div className="table-wrap placement-table-wrap" tabIndex={0} role="region" aria-label="Moves table">
        <table className="data-table" data-testid="plan-moves">
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">Workload</th>
              <th scope="col" className="num">
                Job
              </th>
              <th scope="col">Tenant</th>
              <th scope="col">Data class</th>
              <th scope="col" className="num">
                GPUs
              </th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Where</th>
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 && (
              <tr>
                <td colSpan={9} className="table-empty">
                  Nothing to move.
                </td>
              </tr>
            )}
            {shown.map((m, i) => (
              <tr key={`${i}:${m.unit}`} data-testid="plan-move-row" data-cross-site={m.crossSite}>
                <td className="num">{i + 1}</td>
                <td>{m.workload}</td>
                <td className="num">{m.jobId ?? <span className="nodata">{NO_DATA}</span>}</td>
                <td>{m.tenant}</td>
                <td>{m.dataClass}</td>
                <td className="num">{m.gpus}</td>
                <td className="cell-host">{whereText(m.from)}</td>
                <td className="cell-host">{whereText(m.to)}</td>
                <td>{m.crossSite ? <span className="placement-cross">cross-site</span> : 'within site'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more > 0 && (
        <p className="hint" data-testid="plan-moves-more">
          +{more} more moves not listed (all {moves.length} run when approved).
        </p>
      )}
    </section>
  );
}
