import type { ResidencyAnswer } from '../../../../shared/residency';
import { oneLine } from '../../lib/oneLine';
import { countryLabel, formatDuration, formatShare, withShares } from './residencyFormat';

type Row = ResidencyAnswer['byJurisdiction'][number];

/** Seconds per tenant, data class and jurisdiction in the period (the core's order). */
export function ResidencyTable({ rows, caption }: { rows: readonly Row[]; caption: string }) {
  return (
    <div className="table-wrap sov-table-wrap">
      <table className="data-table sov-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Tenant</th>
            <th scope="col">Data class</th>
            <th scope="col">Country</th>
            <th scope="col" className="num">
              Duration
            </th>
            <th
              scope="col"
              className="num"
              title="Share of the tenant's time with this data class, across jurisdictions"
            >
              Share
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={5} className="table-empty">
                No workload of this scope ran in the period.
              </td>
            </tr>
          ) : (
            withShares(rows).map((r) => (
              <tr
                key={`${r.tenant}/${r.dataClass}/${r.country}`}
                data-testid="residency-row"
                data-tenant={r.tenant}
                data-data-class={r.dataClass}
                data-country={r.country}
                data-seconds={Math.round(r.seconds)}
              >
                <td style={oneLine('40ch')} title={r.tenant}>
                  {r.tenant}
                </td>
                <td style={oneLine('32ch')} title={r.dataClass}>
                  {r.dataClass}
                </td>
                <td>{countryLabel(r.country)}</td>
                <td className="num mono">{formatDuration(r.seconds)}</td>
                <td className="num">{formatShare(r.share)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
