import { useMemo } from 'react';
import type { Savings, SiteWasteRow } from '../../../../shared/sustainability';
import { ConsolidationPreview } from './ConsolidationPreview';
import { countOf, formatIdleKw, formatKgCo2, formatKwh, formatMoneyList } from './wasteFormat';

/** Rows of the node list shown; the core sends at most 20. */
const TOP_SHOWN = 10;

/**
 * "What you would save": the nodes whose every GPU is idle now, and what powering them down (or
 * capping them) would save in a day if they stayed so, at each site's own PUE, grid and tariff. A
 * preview only; consolidating work to free more nodes is the Placement area's job (issue 6).
 */
export function SavingsPanel({ savings, sites }: { savings: Savings; sites: readonly SiteWasteRow[] }) {
  const siteName = useMemo(() => new Map(sites.map((s) => [s.key, s.label])), [sites]);
  const d = savings.perDay;

  return (
    <section className="sus-panel sus-savings" data-testid="savings" aria-labelledby="sus-savings-title">
      <h2 className="section-title" id="sus-savings-title">
        What you would save
      </h2>
      {savings.nodes === 0 ? (
        <p className="muted" data-testid="savings-none">
          No node is wholly idle right now: every node has at least one GPU at work (or not reporting).
        </p>
      ) : (
        <>
          <p className="sus-savings-lead">
            <strong data-value={savings.nodes} data-testid="savings-nodes">
              {countOf(savings.nodes, 'node')}
            </strong>{' '}
            wholly idle now ({countOf(savings.gpus, 'GPU')}, {formatIdleKw(savings.itKw)} IT). Powered down or
            capped, per day:
          </p>
          <dl className="facts sus-savings-facts">
            <dt>Facility energy</dt>
            <dd data-testid="savings-kwh" data-value={d.facilityKwh}>
              {formatKwh(d.facilityKwh)}
            </dd>
            <dt>Emissions</dt>
            <dd data-testid="savings-co2" data-value={d.kgCO2 ?? ''}>
              {d.kgCO2 === null ? <span className="muted">no grid data</span> : formatKgCo2(d.kgCO2)}
            </dd>
            <dt>Cost</dt>
            <dd data-testid="savings-money" data-value={JSON.stringify(d.money)}>
              {d.money.length > 0 ? formatMoneyList(d.money) : <span className="muted">no tariff</span>}
            </dd>
          </dl>
          <table className="data-table sus-savings-table">
            <caption className="visually-hidden">Wholly idle nodes, biggest draw first</caption>
            <thead>
              <tr>
                <th scope="col">Site</th>
                <th scope="col">Node</th>
                <th scope="col" className="num">
                  GPUs
                </th>
                <th scope="col" className="num">
                  Idle kW
                </th>
              </tr>
            </thead>
            <tbody>
              {savings.top.slice(0, TOP_SHOWN).map((n) => (
                <tr key={`${n.siteId}/${n.hostname}`} data-testid="savings-node">
                  <td title={n.siteId}>{siteName.get(n.siteId) ?? n.siteId}</td>
                  <td className="cell-host">{n.hostname}</td>
                  <td className="num">{n.gpus}</td>
                  <td className="num">{formatIdleKw(n.itKw)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {savings.nodes > Math.min(TOP_SHOWN, savings.top.length) && (
            <p className="hint">
              Top {Math.min(TOP_SHOWN, savings.top.length)} of {countOf(savings.nodes, 'node')} by draw.
            </p>
          )}
        </>
      )}
      <ConsolidationPreview />
      <p className="hint sus-preview-note">
        Previews, not actions: powering down or capping the nodes idle now, as if they stayed idle for a day;
        and the planner’s moves that would empty more. Carrying out a plan is the Placement page’s job.
      </p>
    </section>
  );
}
