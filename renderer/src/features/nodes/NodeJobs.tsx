import type { JobSummary } from '../../../../shared/domain';
import { ageMs, formatAge, formatCount } from '../../lib/format';
import { Metric } from '../sites/Metric';
import { jobStateText, sortJobs } from '../sites/schedulerText';

/**
 * The jobs the scheduler runs on this node now. Requeue lives in the site panel's Jobs list (it acts on
 * the whole job, across nodes); here the operator sees who would be hit by a drain.
 */
export function NodeJobs({
  jobs,
  at,
  hasScheduler,
}: {
  jobs: readonly JobSummary[];
  at: number;
  hasScheduler: boolean;
}) {
  const sorted = sortJobs(jobs);
  return (
    <section className="node-section" aria-labelledby="node-jobs-title">
      <h2 className="section-title" id="node-jobs-title">
        Jobs <span className="muted">{hasScheduler ? `(${formatCount(jobs.length)})` : ''}</span>
      </h2>
      {!hasScheduler ? (
        <p className="muted">No scheduler knows this node, so its jobs are not known.</p>
      ) : sorted.length === 0 ? (
        <p className="muted">No job runs on this node.</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Jobs on this node">
          <table className="data-table node-jobs-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  Job
                </th>
                <th scope="col">Name</th>
                <th scope="col">State</th>
                <th scope="col" className="num">
                  GPUs
                </th>
                <th scope="col">User</th>
                <th scope="col">Account</th>
                <th scope="col" className="num">
                  Started
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((j) => (
                <tr key={j.id} data-testid="node-job-row">
                  <th scope="row" className="num cell-mono">
                    {j.id}
                  </th>
                  <td className="cell-clip" title={j.comment ?? j.name}>
                    {j.name}
                  </td>
                  <td className={`job-state job-${j.state.toLowerCase()}`}>{jobStateText(j)}</td>
                  <td className="num">
                    <Metric text={formatCount(j.gpus)} title="not reported" />
                  </td>
                  <td>{j.user ?? <Metric text="—" title="not reported" />}</td>
                  <td>{j.account ?? <Metric text="—" title="not reported" />}</td>
                  <td className="num">
                    <Metric text={formatAge(ageMs(at, j.startTime))} title="not started" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
