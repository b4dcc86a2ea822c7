import { memo, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { NodeSummary, SiteSummary } from '../../../../shared/domain';
import { useAppStore } from '../../store/appStore';
import { columnToPoints, downsampleMinMax, type XY } from '../../lib/downsample';
import { countryName } from '../../lib/country';
import {
  ageMs,
  formatAge,
  formatClockSeconds,
  formatCount,
  formatKw,
  formatKwTick,
  formatKwValue,
  formatLatLon,
  formatPct,
  formatPctValue,
  formatRatio,
  formatTempC,
} from '../../lib/format';
import { TimeSeriesChart } from '../charts/TimeSeriesChart';
import { headroomDomain } from '../../lib/niceCeil';
import { CHART_MAX_POINTS } from '../fleet/historyRing';
import { Metric } from './Metric';
import { StatusBadge } from './StatusBadge';
import { useSiteDetail } from './useSiteDetail';
import { sessionCan } from '../session/sessionSlice';
import { sshWhy } from '../terminal/terminalText';

const UTIL_DOMAIN: [number, number] = [0, 100];
const pctTick = (v: number) => `${v}%`;
const EMPTY: { util: XY[]; power: XY[] } = { util: [], power: [] };
/** "NVIDIA H100 80GB HBM3" → "H100 80GB HBM3": the vendor is the same on every row; the cell title keeps it. */
const shortModel = (model: string) => model.replace(/^NVIDIA\s+/i, '');

/** The side panel of the selected site, or nothing when no site is selected. */
export function SitePanel() {
  const siteId = useAppStore((s) => s.selectedSiteId);
  if (siteId === null) return null;
  // Keyed by id: another site starts from a clean state (no flash of the previous site's nodes).
  return <SitePanelBody key={siteId} siteId={siteId} />;
}

function SitePanelBody({ siteId }: { siteId: string }) {
  const live = useAppStore((s) => s.sites.find((x) => x.id === siteId) ?? null);
  const latestAt = useAppStore((s) => s.totals?.at ?? null);
  const selectSite = useAppStore((s) => s.selectSite);
  const { detail, error, loading } = useSiteDetail(siteId);
  const site: SiteSummary | null = live ?? detail?.site ?? null;
  const headingRef = useRef<HTMLHeadingElement>(null);

  const history = useMemo(() => {
    if (!detail) return EMPTY;
    const h = detail.history;
    return {
      util: downsampleMinMax(columnToPoints(h.t, h.utilPct), CHART_MAX_POINTS),
      power: downsampleMinMax(columnToPoints(h.t, h.powerKw), CHART_MAX_POINTS),
    };
  }, [detail]);

  // Move focus into the panel when it opens and give it back when it closes.
  // The opener may be an SVG map marker, so test for SVGElement as well as HTMLElement.
  useEffect(() => {
    const active = document.activeElement;
    const opener = active instanceof HTMLElement || active instanceof SVGElement ? active : null;
    headingRef.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const close = () => selectSite(null);
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
    }
  };

  const name = site?.name ?? siteId;

  return (
    <div
      className="site-panel"
      role="dialog"
      aria-modal="false"
      aria-label={`Site ${name}`}
      data-testid="site-panel"
      onKeyDown={onKeyDown}
    >
      <div className="panel-head">
        <h2 ref={headingRef} tabIndex={-1} className="panel-title">
          {name}
        </h2>
        <button type="button" className="icon-button" onClick={close} aria-label="Close site panel">
          ✕
        </button>
      </div>

      {error && (
        <p className="inline-notice" role="alert">
          {error.code === 'NOT_FOUND' ? 'This site is not in the fleet any more.' : error.message}
        </p>
      )}
      {!site && loading && <p className="muted">Loading site…</p>}

      {site && <SiteFacts site={site} latestAt={latestAt} />}

      <div className="panel-charts">
        <TimeSeriesChart
          testId="site-chart-util"
          title="GPU utilisation"
          label={`${name} GPU utilisation, percent, last 15 minutes`}
          data={history.util}
          latest={site?.utilPct ?? null}
          formatValue={formatPctValue}
          unit="%"
          yDomain={UTIL_DOMAIN}
          formatTick={pctTick}
          color="#58a6ff"
          emptyText={loading ? 'Loading…' : 'No data in the last 15 minutes'}
        />
        <TimeSeriesChart
          testId="site-chart-power"
          title="Power draw"
          label={`${name} power draw, kilowatts, last 15 minutes`}
          data={history.power}
          latest={site?.powerKw ?? null}
          formatValue={formatKwValue}
          unit="kW"
          yDomain={headroomDomain}
          formatTick={formatKwTick}
          color="#e3b341"
          emptyText={loading ? 'Loading…' : 'No data in the last 15 minutes'}
        />
      </div>

      <h3 className="panel-subtitle">Nodes{detail ? ` (${detail.nodes.length})` : ''}</h3>
      {detail ? (
        <NodeTable siteId={siteId} nodes={detail.nodes} />
      ) : (
        <p className="muted">{loading ? 'Loading…' : '—'}</p>
      )}
    </div>
  );
}

function SiteFacts({ site, latestAt }: { site: SiteSummary; latestAt: number | null }) {
  return (
    <dl className="facts">
      <dt>City</dt>
      <dd>{site.city || '—'}</dd>
      <dt>Country</dt>
      <dd>
        {countryName(site.country)} <span className="muted">({site.country})</span>
      </dd>
      <dt>Location</dt>
      <dd>{formatLatLon(site.lat, site.lon)}</dd>
      <dt>Status</dt>
      <dd>
        <StatusBadge status={site.status} />
        {site.statusReason && <div className="status-reason">{site.statusReason}</div>}
      </dd>
      <dt>Nodes reporting</dt>
      <dd>{formatRatio(site.nodesReporting, site.nodes)}</dd>
      <dt>GPUs reporting</dt>
      <dd>{formatRatio(site.gpusReporting, site.gpus)}</dd>
      <dt>Utilisation</dt>
      <dd>
        <Metric text={formatPct(site.utilPct)} />
      </dd>
      <dt>Power</dt>
      <dd>
        <Metric text={formatKw(site.powerKw)} />
      </dd>
      <dt>Models</dt>
      <dd>{site.models.length ? site.models.join(', ') : <Metric text="—" title="none reported" />}</dd>
      <dt>Last success</dt>
      <dd>
        {site.lastSuccessAt === null ? (
          <Metric text="—" title="never reported" />
        ) : (
          <>
            {formatClockSeconds(site.lastSuccessAt)}{' '}
            <span className="muted">({formatAge(ageMs(latestAt, site.lastSuccessAt))})</span>
          </>
        )}
      </dd>
    </dl>
  );
}

/** What a node row needs to offer a shell: whether this window may, and how. */
interface ShellAction {
  why: string | undefined;
  open: (hostname: string) => void;
}

function NodeTable({ siteId, nodes }: { siteId: string; nodes: NodeSummary[] }) {
  const canSsh = useAppStore((s) => sessionCan(s.session, 'ssh'));
  const roleKnown = useAppStore((s) => s.session !== null);
  const openTerminal = useAppStore((s) => s.openTerminal);
  const why = sshWhy(canSsh, roleKnown);
  // One object, changed only when what it says changes, so rows stay memoised.
  const shell = useMemo<ShellAction>(
    () => ({ why, open: (hostname) => openTerminal({ kind: 'node', siteId, hostname }) }),
    [why, openTerminal, siteId],
  );
  if (nodes.length === 0) return <p className="muted">This site reports no nodes.</p>;
  return (
    // Scrolls on its own, so it must be reachable by keyboard (axe: scrollable-region-focusable).
    <div className="table-wrap panel-table" tabIndex={0} role="region" aria-label="Nodes table">
      <table className="data-table node-table">
        <caption className="visually-hidden">Nodes of this site</caption>
        <thead>
          <tr>
            <th scope="col">Host</th>
            <th scope="col" className="cell-actions">
              <span className="visually-hidden">Shell</span>
            </th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              GPUs
            </th>
            <th scope="col">Model</th>
            <th scope="col" className="num">
              Util
            </th>
            <th scope="col" className="num">
              Power
            </th>
            <th scope="col" className="num">
              Max temp
            </th>
            <th scope="col" className="num">
              Last XID
            </th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((n) => (
            <NodeRow key={n.hostname} node={n} shell={shell} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

const NodeRow = memo(
  function NodeRow({ node, shell }: { node: NodeSummary; shell: ShellAction }) {
    return (
      <tr data-testid="node-row">
        <th scope="row" className="cell-host">
          {node.hostname}
        </th>
        <td className="cell-actions">
          <button
            type="button"
            className="row-button"
            aria-label={`Open shell on ${node.hostname}`}
            disabled={shell.why !== undefined}
            title={shell.why ?? `Open a terminal on ${node.hostname}`}
            onClick={() => shell.open(node.hostname)}
          >
            Shell
          </button>
        </td>
        <td>
          <StatusBadge status={node.status} reason={node.statusReason} />
        </td>
        <td className="num">{formatCount(node.gpus)}</td>
        <td title={node.model ?? undefined}>
          {node.model === null ? <Metric text="—" title="not reported" /> : shortModel(node.model)}
        </td>
        <td className="num">
          <Metric text={formatPct(node.utilPct)} />
        </td>
        <td className="num">
          <Metric text={formatKw(node.powerKw)} />
        </td>
        <td className="num">
          <Metric text={formatTempC(node.maxTempC)} />
        </td>
        <td className="num">{node.lastXid === null ? <span className="muted">none</span> : node.lastXid}</td>
      </tr>
    );
  },
  (a, b) => {
    if (a.shell !== b.shell) return false;
    const k = Object.keys(a.node) as (keyof NodeSummary)[];
    return k.every((key) => a.node[key] === b.node[key]);
  },
);
