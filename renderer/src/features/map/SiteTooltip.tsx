import type { SiteSummary } from '../../../../shared/domain';
import {
  ageMs,
  formatAge,
  formatCount,
  formatKw,
  formatPct,
  formatRatio,
  formatStatus,
} from '../../lib/format';
import { sitePlace } from '../sites/siteText';
import { MapFacts } from './MapFacts';
import type { Fact } from './mapMarks';
import { clipText } from '../../lib/oneLine';

interface Props {
  site: SiteSummary;
  /** Data time of the newest tick; the site's data age is measured against it, not the wall clock. */
  latestAt: number | null;
  x: number;
  y: number;
  r: number;
  width: number;
  /** The colour mode's own rows (alerts, residency), after the status. */
  facts: readonly Fact[];
}

/** Hover/focus card for a map marker. Everything a site sent is rendered as React text. */
export function SiteTooltip({ site, latestAt, x, y, r, width, facts }: Props) {
  const flip = x > width - 260;
  return (
    <div
      className={`map-tooltip${flip ? ' is-flipped' : ''}`}
      role="tooltip"
      style={{ left: flip ? x - r - 10 : x + r + 10, top: y }}
    >
      <div className="map-tooltip-name" title={site.name}>
        {clipText(site.name, 60)}
      </div>
      <div className="map-tooltip-place">{sitePlace(site)}</div>
      <dl className="facts facts-compact">
        <dt>GPUs</dt>
        <dd>{formatRatio(site.gpusReporting, site.gpus)} reporting</dd>
        <dt>Utilisation</dt>
        <dd>{formatPct(site.utilPct)}</dd>
        <dt>Power</dt>
        <dd>{formatKw(site.powerKw)}</dd>
        <dt>Idle draw</dt>
        <dd>
          {formatKw(site.idleKw)}
          {site.idleKw !== null &&
            `, ${formatCount(site.idleGpus)} ${site.idleGpus === 1 ? 'GPU' : 'GPUs'} idle`}
        </dd>
        <dt>Status</dt>
        <dd>
          <span className={`status status-${site.status}`}>{formatStatus(site.status)}</span>
          {site.statusReason && <span className="map-tooltip-reason">{site.statusReason}</span>}
        </dd>
        <MapFacts facts={facts} />
        <dt>Data age</dt>
        <dd>{formatAge(ageMs(latestAt, site.lastSuccessAt))}</dd>
      </dl>
    </div>
  );
}
