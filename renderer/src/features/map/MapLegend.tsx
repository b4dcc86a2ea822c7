import { NO_DATA_FILL, RINGS, UTIL_STOPS } from './siteStyle';

const GRADIENT_ID = 'fc-legend-util';

/** What the marker fill, hatch, rings and sizes mean. Decorative swatches are hidden; the words carry it. */
export function MapLegend() {
  return (
    <div className="map-legend">
      <div className="legend-group">
        <span className="legend-title">Utilisation</span>
        <span className="legend-scale">
          <span className="legend-tick">0%</span>
          <svg width="96" height="10" aria-hidden="true" className="legend-swatch">
            <defs>
              <linearGradient id={GRADIENT_ID}>
                {UTIL_STOPS.map((c, i) => (
                  <stop key={c} offset={`${(i / (UTIL_STOPS.length - 1)) * 100}%`} stopColor={c} />
                ))}
              </linearGradient>
            </defs>
            <rect width="96" height="10" rx="2" fill={`url(#${GRADIENT_ID})`} />
          </svg>
          <span className="legend-tick">100%</span>
        </span>
        <span className="legend-item">
          <svg width="12" height="12" aria-hidden="true" className="legend-swatch">
            <circle cx="6" cy="6" r="5" fill={NO_DATA_FILL} />
          </svg>
          No data
        </span>
      </div>
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
    </div>
  );
}
