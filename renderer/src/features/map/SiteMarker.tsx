import { memo, type KeyboardEvent } from 'react';
import type { SiteStatus } from '../../../../shared/domain';
import { NO_DATA_FILL, type RingStyle } from './siteStyle';
import type { MapHover } from './mapHover';
import type { BadgeKind } from './mapMarks';
import { MarkerBadge } from './MarkerBadge';

interface Props {
  siteId: string;
  x: number;
  y: number;
  r: number;
  /** null = no data for the current colour mode: hatched, never the colour of 0. */
  fill: string | null;
  ring: RingStyle | null;
  /** Alerts / Jurisdiction modes: a count or "?" on the marker's shoulder. */
  badge: BadgeKind | null;
  badgeText: string;
  label: string;
  status: SiteStatus;
  selected: boolean;
  onActivate: (siteId: string) => void;
  onHover: (h: MapHover) => void;
  onLeave: () => void;
  onBlur: () => void;
}

/**
 * One site on the map. Props are plain values (the ring is a shared constant), so a tick that leaves a
 * site's colour, name and place alone does not touch its DOM.
 */
export const SiteMarker = memo(function SiteMarker({
  siteId,
  x,
  y,
  r,
  fill,
  ring,
  badge,
  badgeText,
  label,
  status,
  selected,
  onActivate,
  onHover,
  onLeave,
  onBlur,
}: Props) {
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onActivate(siteId);
    }
  };
  return (
    <g
      className={`site-marker${selected ? ' is-selected' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-current={selected ? 'true' : undefined}
      data-testid="site-marker"
      data-site-id={siteId}
      data-status={status}
      data-badge={badge ?? undefined}
      transform={`translate(${x.toFixed(1)} ${y.toFixed(1)})`}
      onClick={() => onActivate(siteId)}
      onKeyDown={onKeyDown}
      onMouseEnter={() => onHover({ kind: 'site', key: siteId, by: 'pointer' })}
      onMouseLeave={onLeave}
      onFocus={() => onHover({ kind: 'site', key: siteId, by: 'focus' })}
      onBlur={onBlur}
    >
      {/* Tiny sites get a slightly larger transparent disc so they are still easy to hit. */}
      {r < 6 && <circle className="marker-hit" r={6} />}
      {ring && (
        <circle
          className="marker-ring"
          r={r + 3}
          stroke={ring.color}
          strokeDasharray={ring.dash}
          fill="none"
        />
      )}
      <circle className="marker-dot" r={r} fill={fill ?? NO_DATA_FILL} />
      <circle className="marker-focus" r={r + (ring ? 6 : 4)} fill="none" />
      {badge && <MarkerBadge kind={badge} text={badgeText} markerR={ring ? r + 3 : r} />}
    </g>
  );
});
