import { useCallback, useMemo } from 'react';
import type { SiteHealth } from '../../../../shared/nodes';
import { useAppStore } from '../../store/appStore';
import { formatCount } from '../../lib/format';
import { oneLine } from '../../lib/oneLine';
import { shortModel } from '../nodes/nodeText';
import { Metric } from './Metric';
import { PowerHeadroomBar } from './PowerHeadroomBar';
import { powerHeadroom } from './powerHeadroom';
import { SloPanel } from './SloPanel';
import { formatMinutes, formatUptime, lowestUptime, uptimeTone } from './sloText';
import { UtilHeatmap } from './UtilHeatmap';
import { useSiteHealth } from './useSiteHealth';

/** Nodes listed under "Lowest uptime". */
const LOWEST = 5;

/**
 * The site panel's Health (issue 4, "Site page"): capacity by GPU model, power against the contracted
 * capacity, a nodes × time utilisation heatmap and availability this month. From 'site.health', asked
 * again on every fleet tick while the panel is open. Mount keyed by site.
 */
export function SiteHealthSection({ siteId }: { siteId: string }) {
  const { health, error, loading } = useSiteHealth(siteId);
  const openNodePage = useAppStore((s) => s.openNodePage);
  const openNode = useCallback(
    (hostname: string) => openNodePage({ siteId, hostname }),
    [openNodePage, siteId],
  );

  return (
    <section className="site-health" aria-labelledby="site-health-title" data-testid="site-health">
      <h3 className="panel-subtitle" id="site-health-title">
        Health
      </h3>
      {error && error.code !== 'NOT_FOUND' && (
        <p className="inline-notice" role="alert">
          {health ? `Showing the last answer: ${error.message}` : error.message}
        </p>
      )}
      {!health ? (
        <p className="muted">{loading ? 'Loading…' : '—'}</p>
      ) : (
        <HealthBody health={health} openNode={openNode} />
      )}
    </section>
  );
}

function HealthBody({ health, openNode }: { health: SiteHealth; openNode: (hostname: string) => void }) {
  const headroom = powerHeadroom(health.powerKw, health.powerCapacityKw);
  return (
    <>
      <h4 className="health-title">Capacity by GPU model</h4>
      <CapacityTable capacity={health.capacity} />

      <h4 className="health-title">Power against contracted capacity</h4>
      <PowerHeadroomBar headroom={headroom} />

      <h4 className="health-title">Utilisation by node</h4>
      <UtilHeatmap heatmap={health.heatmap} onOpenNode={openNode} />

      <SloPanel
        slo={health.slo}
        at={health.at}
        title="Availability (SLO)"
        heading="h4"
        testId="site-slo"
        subject="Site"
      >
        <LowestUptime nodes={health.nodes} target={health.slo.targets.monthUptimePct} openNode={openNode} />
      </SloPanel>
    </>
  );
}

function CapacityTable({ capacity }: { capacity: SiteHealth['capacity'] }) {
  if (capacity.length === 0) return <p className="muted">No GPUs reported.</p>;
  return (
    <table className="data-table health-table" data-testid="site-capacity">
      <caption className="visually-hidden">GPUs by model and how many the scheduler has allocated</caption>
      <thead>
        <tr>
          <th scope="col">Model</th>
          <th scope="col" className="num">
            GPUs
          </th>
          <th scope="col" className="num" title="GPUs the scheduler has allocated to jobs">
            Allocated
          </th>
        </tr>
      </thead>
      <tbody>
        {capacity.map((m) => (
          <tr key={m.model}>
            <th scope="row" className="cell-clip" title={m.model}>
              {m.model === 'unknown' ? (
                <span className="muted">model not reported</span>
              ) : (
                shortModel(m.model)
              )}
            </th>
            <td className="num">{formatCount(m.gpus)}</td>
            <td className="num">
              {m.gpusUsed === null ? (
                <span
                  className="muted"
                  title="No scheduler reports these GPUs, so their allocation is not known"
                >
                  no scheduler
                </span>
              ) : (
                <>
                  {formatCount(m.gpusUsed)}
                  {m.gpus > 0 && (
                    <span className="muted">{` (${Math.round((100 * m.gpusUsed) / m.gpus)}%)`}</span>
                  )}
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LowestUptime({
  nodes,
  target,
  openNode,
}: {
  nodes: SiteHealth['nodes'];
  target: number;
  openNode: (hostname: string) => void;
}) {
  const rows = useMemo(() => lowestUptime(nodes, LOWEST), [nodes]);
  if (rows.length === 0) return null;
  return (
    <table className="data-table health-table" data-testid="site-slo-nodes">
      <caption className="health-caption">Lowest uptime this month</caption>
      <thead>
        <tr>
          <th scope="col">Node</th>
          <th scope="col" className="num">
            Uptime
          </th>
          <th scope="col" className="num" title="Minutes offline today (UTC)">
            Offline today
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((n) => (
          <tr key={n.hostname}>
            <th scope="row" className="cell-host">
              <button
                type="button"
                className="link-button"
                style={{ ...oneLine('28ch'), verticalAlign: 'bottom' }}
                onClick={() => openNode(n.hostname)}
                title={`Open ${n.hostname}`}
              >
                {n.hostname}
              </button>
            </th>
            <td className={`num tone-${uptimeTone(n.monthUptimePct, target)}`}>
              {formatUptime(n.monthUptimePct)}
            </td>
            <td className="num">
              <Metric text={formatMinutes(n.offlineMinToday)} title="not watched today" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
