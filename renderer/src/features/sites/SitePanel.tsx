import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { SiteDetail, SiteSummary } from '../../../../shared/domain';
import { useAppStore } from '../../store/appStore';
import { columnToPoints, downsampleMinMax, type XY } from '../../lib/downsample';
import { countryName } from '../../lib/country';
import {
  ageMs,
  formatAge,
  formatClockSeconds,
  formatKw,
  formatKwTick,
  formatKwValue,
  formatLatLon,
  formatPct,
  formatPctValue,
  formatRatio,
} from '../../lib/format';
import { TimeSeriesChart } from '../charts/TimeSeriesChart';
import { headroomDomain } from '../../lib/niceCeil';
import { CHART_MAX_POINTS } from '../fleet/historyRing';
import { clipText } from '../../lib/oneLine';
import { JobsSection } from './JobsSection';
import { Metric } from './Metric';
import { NodeTable } from './NodeTable';
import { SiteHealthSection } from './SiteHealthSection';
import { StatusBadge } from './StatusBadge';
import { useSchedulerActions } from './useSchedulerActions';
import { useSiteDetail } from './useSiteDetail';

const UTIL_DOMAIN: [number, number] = [0, 100];
const pctTick = (v: number) => `${v}%`;
const EMPTY: { util: XY[]; power: XY[] } = { util: [], power: [] };
const NO_RUNNING = new Map<string, readonly number[]>();
/** A model name is a dcgm label, any length: the list shows each cut to this many characters. */
const MODEL_MAX = 80;

/** Running job ids by node, for the drain dialog ("jobs 42, 43 run on it"). */
function runningJobsByNode(scheduler: SiteDetail['scheduler']): ReadonlyMap<string, readonly number[]> {
  if (!scheduler) return NO_RUNNING;
  const m = new Map<string, number[]>();
  for (const j of scheduler.jobs)
    if (j.state === 'RUNNING') for (const n of j.nodes) m.set(n, [...(m.get(n) ?? []), j.id]);
  return m;
}

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
  const { detail, error, loading, refresh, schedulerAnswers } = useSiteDetail(siteId);
  const actions = useSchedulerActions(siteId, refresh, schedulerAnswers);
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
  const scheduler = detail?.scheduler ?? null;
  const running = useMemo(() => runningJobsByNode(scheduler), [scheduler]);

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

      <SiteHealthSection siteId={siteId} />

      <h3 className="panel-subtitle">Nodes{detail ? ` (${detail.nodes.length})` : ''}</h3>
      {detail ? (
        <NodeTable
          siteId={siteId}
          siteName={name}
          nodes={detail.nodes}
          hasScheduler={scheduler !== null}
          runningJobsByNode={running}
          actions={actions}
          schedulerAnswers={schedulerAnswers}
        />
      ) : (
        <p className="muted">{loading ? 'Loading…' : '—'}</p>
      )}

      {scheduler && (
        <JobsSection
          scheduler={scheduler}
          latestAt={latestAt}
          actions={actions}
          schedulerAnswers={schedulerAnswers}
        />
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
      <dd
        title={
          site.models.some((m) => m.length > MODEL_MAX) ? clipText(site.models.join(', '), 2000) : undefined
        }
      >
        {site.models.length ? (
          site.models.map((m) => clipText(m, MODEL_MAX)).join(', ')
        ) : (
          <Metric text="—" title="none reported" />
        )}
      </dd>
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
