import { formatKw } from '../../lib/format';
import { colorModeInfo, type ColorScale } from './colorModes';
import { NO_DATA_FILL, RINGS, STATUS_GROUP_COLORS, STATUS_GROUP_LABELS, STATUS_GROUPS } from './siteStyle';

/** The two ends of a mode's scale in words. */
function scaleEnds(scale: ColorScale): [string, string] {
  if (scale.mode === 'util') return ['0%', '100%'];
  return ['0 kW', formatKw(scale.max)];
}

/** The fill scale of the current colour mode: a ramp with its ends, or the status colours. */
function FillLegend({ scale }: { scale: ColorScale }) {
  const info = colorModeInfo(scale.mode);
  const stops = info.stops;
  if (!stops) {
    return (
      <div className="legend-group">
        <span className="legend-title">{info.legendTitle}</span>
        {STATUS_GROUPS.map((g) => (
          <span className="legend-item" key={g}>
            <svg width="12" height="12" aria-hidden="true" className="legend-swatch">
              <circle cx="6" cy="6" r="5" fill={STATUS_GROUP_COLORS[g]} />
            </svg>
            {STATUS_GROUP_LABELS[g]}
          </span>
        ))}
        <span className="legend-note">Alert counts are not collected yet: sites are coloured by status.</span>
      </div>
    );
  }
  const gradientId = `fc-legend-${info.id}`;
  const [lo, hi] = scaleEnds(scale);
  return (
    <div className="legend-group">
      <span className="legend-title">{info.legendTitle}</span>
      <span className="legend-scale">
        <span className="legend-tick">{lo}</span>
        <svg width="96" height="10" aria-hidden="true" className="legend-swatch">
          <defs>
            <linearGradient id={gradientId}>
              {stops.map((c, i) => (
                <stop key={c} offset={`${(i / (stops.length - 1)) * 100}%`} stopColor={c} />
              ))}
            </linearGradient>
          </defs>
          <rect width="96" height="10" rx="2" fill={`url(#${gradientId})`} />
        </svg>
        <span className="legend-tick">{hi}</span>
      </span>
      <span className="legend-item">
        <svg width="12" height="12" aria-hidden="true" className="legend-swatch">
          <circle cx="6" cy="6" r="5" fill={NO_DATA_FILL} />
        </svg>
        No data
      </span>
    </div>
  );
}

/**
 * What the marker fill, hatch, rings, sizes and cluster donuts mean, for the current colour mode.
 * Decorative swatches are hidden; the words carry it.
 */
export function MapLegend({ scale }: { scale: ColorScale }) {
  return (
    <div className="map-legend">
      <FillLegend scale={scale} />
      <div className="legend-group">
        <span className="legend-title">Status ring</span>
        {Object.values(RINGS).map((ring) => (
          <span className="legend-item" key={ring.kind}>
            <svg width="14" height="14" aria-hidden="true" className="legend-swatch">
              <circle
                cx="7"
                cy="7"
                r="5.5"
                fill="none"
                stroke={ring.color}
                strokeWidth="2"
                strokeDasharray={ring.dash}
              />
            </svg>
            {ring.label}
          </span>
        ))}
        <span className="legend-note">No ring: OK. Marker area grows with GPU count.</span>
      </div>
      <div className="legend-group">
        <span className="legend-title">Cluster</span>
        <span className="legend-item">
          <svg width="16" height="16" aria-hidden="true" className="legend-swatch">
            <g transform="translate(8 8) rotate(-90)">
              <circle r="6" fill="none" stroke={STATUS_GROUP_COLORS.ok} strokeWidth="3" />
              <circle
                r="6"
                fill="none"
                stroke={STATUS_GROUP_COLORS.down}
                strokeWidth="3"
                strokeDasharray={`${(2 * Math.PI * 6) / 4} ${2 * Math.PI * 6}`}
              />
            </g>
          </svg>
          Sites too close to tell apart; ring split by status, count in the middle. Zoom in to split it.
        </span>
      </div>
    </div>
  );
}
