import { memo, type KeyboardEvent } from 'react';
import { formatCount } from '../../lib/format';
import { donutArcs, STATUS_GROUP_COLORS } from './siteStyle';
import type { MapHover } from './mapHover';
import type { BadgeKind } from './mapMarks';
import { MarkerBadge } from './MarkerBadge';

interface Props {
  clusterKey: string;
  x: number;
  y: number;
  r: number;
  count: number;
  ok: number;
  degraded: number;
  down: number;
  /** Jurisdiction: violating sites (or "?"); Alerts: the worst member's severity and the total firing. */
  badge: BadgeKind | null;
  badgeText: string;
  label: string;
  /** The selected site is one of the members. */
  hasSelected: boolean;
  describedBy: string;
  onZoom: (clusterKey: string) => void;
  onHover: (h: MapHover) => void;
  onLeave: () => void;
  onBlur: () => void;
}

const RING_WIDTH = 4;

/**
 * Several sites too close to tell apart at this zoom: a donut split by status (OK, degraded, down,
 * clockwise from 12 o'clock) with the site count in the middle. Enter or double-click zooms into it
 * (the double-click is handled by the map, which knows the members' extent).
 */
export const ClusterMarker = memo(function ClusterMarker({
  clusterKey,
  x,
  y,
  r,
  count,
  ok,
  degraded,
  down,
  badge,
  badgeText,
  label,
  hasSelected,
  describedBy,
  onZoom,
  onHover,
  onLeave,
  onBlur,
}: Props) {
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onZoom(clusterKey);
    }
  };
  const ringR = r - RING_WIDTH / 2;
  const circumference = 2 * Math.PI * ringR;
  return (
    <g
      className={`cluster-marker${hasSelected ? ' has-selected' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-describedby={describedBy}
      data-testid="site-cluster"
      data-cluster-key={clusterKey}
      data-count={count}
      data-badge={badge ?? undefined}
      transform={`translate(${x.toFixed(1)} ${y.toFixed(1)})`}
      onKeyDown={onKeyDown}
      onMouseEnter={() => onHover({ kind: 'cluster', key: clusterKey, by: 'pointer' })}
      onMouseLeave={onLeave}
      onFocus={() => onHover({ kind: 'cluster', key: clusterKey, by: 'focus' })}
      onBlur={onBlur}
    >
      <circle className="cluster-core" r={r} />
      <g transform="rotate(-90)">
        {donutArcs({ ok, degraded, down }, circumference).map((arc) => (
          <circle
            key={arc.group}
            className="cluster-arc"
            r={ringR}
            fill="none"
            stroke={STATUS_GROUP_COLORS[arc.group]}
            strokeWidth={RING_WIDTH}
            strokeDasharray={arc.dash}
            strokeDashoffset={arc.offset}
          />
        ))}
      </g>
      <text className="cluster-count" aria-hidden="true">
        {formatCount(count)}
      </text>
      <circle className="marker-focus" r={r + 3} fill="none" />
      {badge && <MarkerBadge kind={badge} text={badgeText} markerR={r} r={6.5} />}
    </g>
  );
});
