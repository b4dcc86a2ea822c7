import { useId } from 'react';
import type { PlanRunView } from '../../../../shared/placement';
import type { AppError } from '../../../../shared/result';
import { NO_DATA } from '../../lib/format';
import { dateTime } from '../sustainability/wasteFormat';
import { goalText, runCounts, stepsText } from './planText';
import { useSiteNames } from './useSiteNames';

interface Props {
  runs: PlanRunView[] | null;
  error: AppError | null;
  openId: string | null;
  onOpen(planId: string): void;
}

/**
 * Approved plans and how they went, newest first, as the journal on disk has them. A row opens the
 * run in the drawer; the plan id is the row's button, so the keyboard gets there too.
 */
export function RunHistory({ runs, error, openId, onOpen }: Props) {
  const id = useId();
  const { nameOf } = useSiteNames();
  return (
    <section className="placement-history" aria-labelledby={`${id}-title`}>
      <h2 className="section-title" id={`${id}-title`}>
        Runs
      </h2>
      {error && (
        <p className="inline-notice" role="alert">
          Runs could not be loaded: {error.message}
        </p>
      )}
      <div className="table-wrap placement-table-wrap" tabIndex={0} role="region" aria-label="Runs table">
        <table className="data-table placement-runs" data-testid="run-history">
          <thead>
            <tr>
              <th scope="col">Plan</th>
              <th scope="col">Goal</th>
              <th scope="col">Approved by</th>
              <th scope="col">Approved at</th>
              <th scope="col">State</th>
              <th scope="col" className="num">
                Steps done
              </th>
              <th scope="col">Ended at</th>
            </tr>
          </thead>
          <tbody>
            {runs === null ? (
              <tr>
                <td colSpan={7} className="table-empty">
                  {error ? 'Not loaded.' : 'Loading…'}
                </td>
              </tr>
            ) : runs.length === 0 ? (
              <tr>
                <td colSpan={7} className="table-empty">
                  No plan has been approved yet.
                </td>
              </tr>
            ) : (
              runs.map((r) => (
                <tr
                  key={r.plan.id}
                  data-testid="run-row"
                  data-state={r.state}
                  data-plan-id={r.plan.id}
                  className={`clickable${r.plan.id === openId ? ' is-selected' : ''}${r.state === 'interrupted' ? ' is-interrupted' : ''}`}
                  onClick={() => onOpen(r.plan.id)}
                >
                  <td>
                    <button
                      type="button"
                      className="link-button mono"
                      aria-pressed={r.plan.id === openId}
                      onClick={(e) => {
                        e.stopPropagation();
                        onOpen(r.plan.id);
                      }}
                    >
                      {r.plan.id}
                    </button>
                  </td>
                  <td className="placement-goal-cell">{goalText(r.plan.goal, nameOf)}</td>
                  <td>{r.approvedBy}</td>
                  <td>{dateTime(r.approvedAt)}</td>
                  <td>
                    <span className={`placement-state is-${r.state}`}>{r.state}</span>
                  </td>
                  <td className="num">{stepsText(runCounts(r))}</td>
                  <td>
                    {r.endedAt === null ? <span className="muted">{NO_DATA}</span> : dateTime(r.endedAt)}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
