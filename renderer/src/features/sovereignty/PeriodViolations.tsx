import type { ResidencyAnswer } from '../../../../shared/residency';
import {
  VIOLATION_END_TITLES,
  VIOLATION_END_WORDS,
  countryLabel,
  dateTime,
  formatDuration,
  violationEnd,
} from './residencyFormat';

type Violation = ResidencyAnswer['violations'][number];

/**
 * Every violation that overlapped the period and how it ended (moved, ended, policy) or that it is
 * ongoing. Shared by the History tab and the printed report, so both say the same.
 */
export function PeriodViolations({
  violations,
  now,
  caption,
}: {
  violations: readonly Violation[];
  now: number;
  caption: string;
}) {
  if (violations.length === 0)
    return (
      <p className="sov-empty" data-testid="no-period-violations">
        No violation in the period.
      </p>
    );
  return (
    <div className="table-wrap sov-table-wrap">
      <table className="data-table sov-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Workload</th>
            <th scope="col">Tenant</th>
            <th scope="col">Data class</th>
            <th scope="col">Site</th>
            <th scope="col">Country</th>
            <th scope="col">Rule</th>
            <th scope="col">Reason</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col" className="num">
              Lasted
            </th>
            <th scope="col">How it ended</th>
          </tr>
        </thead>
        <tbody>
          {violations.map((v) => {
            const end = violationEnd(v);
            return (
              <tr
                key={`${v.workload}@${v.from}`}
                data-testid="period-violation-row"
                data-workload={v.workload}
                data-site-id={v.siteId}
                data-country={v.country}
                data-ended-by={end}
              >
                <th scope="row" className="cell-mono">
                  {v.workload}
                </th>
                <td>{v.tenant}</td>
                <td>{v.dataClass}</td>
                <td className="cell-mono">{v.siteId}</td>
                <td>{countryLabel(v.country)}</td>
                <td className="cell-mono">{v.ruleId}</td>
                <td className="sov-reason">{v.reason}</td>
                <td>{dateTime(v.from)}</td>
                <td>{v.to === null ? <span className="muted">—</span> : dateTime(v.to)}</td>
                <td className="num mono" title={v.to === null ? 'so far' : undefined}>
                  {formatDuration(((v.to ?? now) - v.from) / 1000)}
                </td>
                <td>
                  <span className={`sov-ended is-${end}`} title={VIOLATION_END_TITLES[end]}>
                    {VIOLATION_END_WORDS[end]}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
