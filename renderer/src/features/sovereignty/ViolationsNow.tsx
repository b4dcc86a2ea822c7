import { memo, useMemo } from 'react';
import type { WorkloadNow } from '../../../../shared/residency';
import { ageMs, formatAge } from '../../lib/format';
import { VIRTUALISE_ABOVE, useVirtualRows } from '../../lib/virtualRows';
import { countOf, countryLabel, dateTime } from './residencyFormat';
import { violationsByAge } from './tenantGroups';

/** Fixed, so a long list can render only the rows in view (styles.css: .sov-violations tr). */
const ROW_HEIGHT = 26;

interface Props {
  violations: readonly WorkloadNow[];
  unknownSites: ReadonlySet<string>;
  /** The core's clock at the answer, so "ago" matches its history. */
  at: number;
}

type RowProps = { v: WorkloadNow; unknown: boolean; age: string; rowIndex: number | undefined };

/** Each answer is fresh JSON: rows compare by value, so an unchanged row is not rendered again. */
const sameRow = (a: RowProps, b: RowProps): boolean =>
  a.unknown === b.unknown &&
  a.age === b.age &&
  a.rowIndex === b.rowIndex &&
  (Object.keys(a.v) as (keyof WorkloadNow)[]).every((k) => a.v[k] === b.v[k]);

const ViolationRow = memo(function ViolationRow({ v, unknown, age, rowIndex }: RowProps) {
  const since = v.violationSince ?? v.since;
  return (
    <tr
      className="sov-violation"
      aria-rowindex={rowIndex}
      data-testid="violation-row"
      data-workload={v.workload}
      data-site-id={v.siteId}
      data-country={v.country}
      data-unknown={unknown || undefined}
    >
      <th scope="row" className="cell-mono">
        {v.workload}
      </th>
      <td>{v.tenant}</td>
      <td>{v.dataClass}</td>
      <td title={v.siteId}>
        {v.siteName}
        {v.hostname && <span className="muted cell-mono"> · {v.hostname}</span>}
        {unknown && (
          <span className="sov-badge is-unknown" title="The site's scheduler did not answer this tick">
            unknown now
          </span>
        )}
      </td>
      <td>{countryLabel(v.country)}</td>
      <td className="cell-mono">{v.ruleId}</td>
      <td className="sov-reason" title={v.reason}>
        {v.reason}
      </td>
      <td title={dateTime(since)}>
        {age}
        <span className="muted"> · {dateTime(since)}</span>
      </td>
    </tr>
  );
}, sameRow);

/**
 * Every workload running where the policy does not allow it, longest-running first. Past 150 rows
 * only the rows in view render (DESIGN.md, "Tables"); each row re-renders only when it changes.
 */
export function ViolationsNow({ violations, unknownSites, at }: Props) {
  const rows = useMemo(() => violationsByAge(violations), [violations]);
  const virtual = rows.length > VIRTUALISE_ABOVE;
  const { ref, rows: win } = useVirtualRows(rows.length, ROW_HEIGHT, virtual);

  return (
    <section className="sov-section" aria-labelledby="sov-violations-title">
      <h2 className="section-title" id="sov-violations-title">
        Violations now
        {rows.length > 0 && <span className="muted"> · {countOf(rows.length, 'workload')}</span>}
      </h2>
      {rows.length === 0 ? (
        <p className="sov-empty" data-testid="no-violations">
          {unknownSites.size > 0
            ? 'No violations at the sites that answered. Workloads at sites not answering are unknown now.'
            : 'No violations: every workload seen runs where the policy allows it.'}
        </p>
      ) : (
        <div className="table-wrap sov-table-wrap" ref={ref}>
          <table
            className="data-table sov-table sov-violations"
            aria-labelledby="sov-violations-title"
            aria-rowcount={virtual ? rows.length + 1 : undefined}
          >
            <thead>
              <tr aria-rowindex={virtual ? 1 : undefined}>
                <th scope="col">Workload</th>
                <th scope="col">Tenant</th>
                <th scope="col">Data class</th>
                <th scope="col">Site</th>
                <th scope="col">Country</th>
                <th scope="col">Rule broken</th>
                <th scope="col">Reason</th>
                <th scope="col">Since</th>
              </tr>
            </thead>
            <tbody>
              {win.padTop > 0 && <tr className="spacer" aria-hidden="true" style={{ height: win.padTop }} />}
              {rows.slice(win.start, win.end).map((v, i) => (
                <ViolationRow
                  key={v.workload}
                  v={v}
                  unknown={unknownSites.has(v.siteId)}
                  age={formatAge(ageMs(at, v.violationSince ?? v.since))}
                  rowIndex={virtual ? win.start + i + 2 : undefined}
                />
              ))}
              {win.padBottom > 0 && (
                <tr className="spacer" aria-hidden="true" style={{ height: win.padBottom }} />
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
