import {
  HEADROOM_CRIT_ABOVE,
  HEADROOM_WARN_ABOVE,
  headroomText,
  powerOfCapacityText,
  type Headroom,
} from './powerHeadroom';

const pct = (f: number) => `${(f * 100).toFixed(1)}%`;

/**
 * Power now against the contracted capacity: a horizontal bar (ticks at the 85 % and 95 % thresholds),
 * the headroom in kW and %, amber above 85 % and red above 95 %. Without a contracted capacity there is
 * no bar, only the reading and a line saying none is set.
 */
export function PowerHeadroomBar({ headroom: h }: { headroom: Headroom }) {
  const level = h.kind === 'known' ? h.level : 'none';
  const text = headroomText(h);
  return (
    <div className={`headroom level-${level}`} data-testid="power-headroom" data-level={level}>
      <div className="headroom-line">
        <span>{powerOfCapacityText(h)}</span>
      </div>
      {h.kind !== 'no-capacity' && (
        <div
          className={`headroom-bar${h.kind === 'no-reading' ? ' is-unknown' : ''}`}
          role="meter"
          aria-label="Power against contracted capacity"
          aria-valuemin={0}
          aria-valuemax={h.capacityKw}
          aria-valuenow={h.kind === 'known' ? Math.min(h.powerKw, h.capacityKw) : undefined}
          aria-valuetext={`${powerOfCapacityText(h)}; ${text}`}
          title={h.kind === 'no-reading' ? 'no power reading' : undefined}
        >
          {h.kind === 'known' && <div className="headroom-fill" style={{ width: pct(h.barFrac) }} />}
          <div className="headroom-tick" style={{ left: pct(HEADROOM_WARN_ABOVE) }} aria-hidden="true" />
          <div className="headroom-tick" style={{ left: pct(HEADROOM_CRIT_ABOVE) }} aria-hidden="true" />
        </div>
      )}
      <div className={`headroom-text${h.kind === 'known' ? '' : ' muted'}`}>{text}</div>
    </div>
  );
}
