import { formatCount, formatPct, formatRatio } from '../../lib/format';
import { partialKw, type SitesSummary } from './clusterSummary';
import { STATUS_GROUP_COLORS, STATUS_GROUPS } from './siteStyle';
import { MapFacts } from './MapFacts';
import type { Fact } from './mapMarks';
import { clipText } from '../../lib/oneLine';

interface Props {
  summary: SitesSummary;
  /** Member site names, already sorted; the first few are listed. */
  names: readonly string[];
  x: number;
  y: number;
  r: number;
  width: number;
  /** The colour mode's own rows (alerts, residency), after the status. */
  facts: readonly Fact[];
}

const LISTED = 6;
/** A card lists names, not essays: each is cut so the card stays a few lines tall. */
const NAME_CHARS = 40;

/** Hover/focus card for a cluster marker: its totals, its sites by status, and who is in it. */
export function ClusterTooltip({ summary: s, names, x, y, r, width, facts }: Props) {
  const flip = x > width - 260;
  const more = names.length - LISTED;
  return (
    <div
      className={`map-tooltip${flip ? ' is-flipped' : ''}`}
      role="tooltip"
      style={{ left: flip ? x - r - 10 : x + r + 10, top: y }}
    >
      <div className="map-tooltip-name">{formatCount(s.sites)} sites</div>
      <div className="map-tooltip-place">Double-click or press Enter to zoom in</div>
      <dl className="facts facts-compact">
        <dt>Status</dt>
        <dd>
          {STATUS_GROUPS.map((g) => (
            <span className="map-tooltip-status" key={g}>
              <svg width="8" height="8" aria-hidden="true">
                <circle cx="4" cy="4" r="4" fill={STATUS_GROUP_COLORS[g]} />
              </svg>
              {formatCount(s[g])} {g === 'ok' ? 'OK' : g}
            </span>
          ))}
        </dd>
        <MapFacts facts={facts} />
        <dt>GPUs</dt>
        <dd>{formatRatio(s.gpusReporting, s.gpus)} reporting</dd>
        <dt>Utilisation</dt>
        <dd>{formatPct(s.utilPct)}</dd>
        <dt>Power</dt>
        <dd>{partialKw(s.powerKw, s.powerSites, s.sites)}</dd>
        <dt>Idle draw</dt>
        <dd>
          {partialKw(s.idleKw, s.idleSites, s.sites)}
          {s.idleKw !== null && `, ${formatCount(s.idleGpus)} ${s.idleGpus === 1 ? 'GPU' : 'GPUs'} idle`}
        </dd>
        <dt>Sites</dt>
        <dd>
          {names
            .slice(0, LISTED)
            .map((n) => clipText(n, NAME_CHARS))
            .join(', ')}
          {more > 0 && ` and ${formatCount(more)} more`}
        </dd>
      </dl>
    </div>
  );
}
