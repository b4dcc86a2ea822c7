import { formatKw } from '../../lib/format';
import { colorModeInfo, type ColorScale } from './colorModes';
import { BLOC_COLORS, BLOC_LABELS, BLOCS } from './jurisdiction';
import { BADGES, type BadgeKind } from './mapMarks';
import { ALERT_LEVEL_COLORS, ALERT_LEVEL_LABELS, ALERT_LEVELS } from './siteAlerts';
import { NO_DATA_FILL, RINGS, STATUS_GROUP_COLORS } from './siteStyle';

/** The two ends of a mode's scale in words. */
function scaleEnds(scale: ColorScale): [string, string] {
  if (scale.mode === 'util') return ['0%', '100%'];
  return ['0 kW', formatKw(scale.max)];
}

function Swatch({ color }: { color: string }) {
  return (
    <svg width="12" height="12" aria-hidden="true" className="legend-swatch">
      <circle cx="6" cy="6" r="5" fill={color} />
    </svg>
  );
}

function BadgeSwatch({ kind, text }: { kind: BadgeKind; text: string }) {
  const b = BADGES[kind];
  return (
    <svg width="14" height="14" aria-hidden="true" className="legend-swatch">
      <g transform="translate(7 7)">
        <circle r="5.5" fill={b.fill} stroke={b.stroke} strokeDasharray={b.dash} />
        <text className="marker-badge-text" fill={b.text} fontSize="8">
          {text}
        </text>
      </g>
    </svg>
  );
}

function NoData({ label }: { label: string }) {
  return (
    <span className="legend-item">
      <Swatch color={NO_DATA_FILL} />
      {label}
    </span>
  );
}

/** Alerts: the worst firing, unsilenced alert of each site; the badge counts them. */
function AlertsLegend({ title }: { title: string }) {
  return (
    <div className="legend-group">
      <span className="legend-title">{title}</span>
      {ALERT_LEVELS.map((l) => (
        <span className="legend-item" key={l}>
          <Swatch color={ALERT_LEVEL_COLORS[l]} />
          {ALERT_LEVEL_LABELS[l]}
        </span>
      ))}
      <NoData label="Not loaded" />
      <span className="legend-item">
        <BadgeSwatch kind="critical" text="3" />
        Firing alerts (clusters: all members, ringed by the worst)
      </span>
    </div>
  );
}

/** Jurisdiction: the bloc of each site's country; residency violations as a red badge. */
function JurisdictionLegend({ title }: { title: string }) {
  return (
    <div className="legend-group">
      <span className="legend-title">{title}</span>
      {BLOCS.map((b) => (
        <span className="legend-item" key={b}>
          <Swatch color={BLOC_COLORS[b]} />
          {BLOC_LABELS[b]}
        </span>
      ))}
      <span className="legend-item">
        <BadgeSwatch kind="violation" text="2" />
        Residency violations (clusters: sites with any)
      </span>
      <span className="legend-item">
        <BadgeSwatch kind="unknown" text="?" />
        Violations unknown
      </span>
    </div>
  );
}

/** The fill scale of the current colour mode: a ramp with its ends, or the categories. */
function FillLegend({ scale }: { scale: ColorScale }) {
  const info = colorModeInfo(scale.mode);
  if (scale.mode === 'alerts') return <AlertsLegend title={info.legendTitle} />;
  if (scale.mode === 'jurisdiction') return <JurisdictionLegend title={info.legendTitle} />;
  // Every numeric mode has a ramp (colorModes.test checks it).
  const stops = info.stops ?? [];
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
      <NoData label="No data" />
    </div>
  );
}

/**
 * What the marker fill, hatch, rings, sizes and cluster donuts mean, for the current colour mode.
 * Decorative swatches are hidden; the words carry it.
 */
export function MapLegend({ scale, note }: { scale: ColorScale; note: string | null }) {
  return (
    <div className="map-legend">
      <FillLegend scale={scale} />
      {note && (
        <p className="legend-note map-mode-note" role="status">
          {note}
        </p>
      )}
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
