import { useMemo, useState } from 'react';
import type { ResidencyAnswer } from '../../../../shared/residency';
import { countOf, countryLabel, dateTime, formatDuration } from './residencyFormat';
import { axisTicks, boxOf, countryColours, nowMark, violationsInStay, type Period } from './timelineLayout';

/** Rows drawn before "Show all": a 7-day fleet-wide answer can name thousands of workloads. */
const FIRST_ROWS = 150;
/** A stay narrower than this share of the axis is widened to it, so a short visit still shows. */
const MIN_WIDTH = 0.003;
const pct = (f: number) => `${(f * 100).toFixed(3)}%`;
/** Tick labels centre on their tick, except at the ends, where they would spill out of the axis. */
const tickShift = (x: number) => (x < 0.04 ? '0' : x > 0.96 ? '-100%' : '-50%');

type Workload = ResidencyAnswer['workloads'][number];
type Violation = ResidencyAnswer['violations'][number];

interface RowProps {
  w: Workload;
  period: Period;
  now: number;
  colours: ReadonlyMap<string, string>;
  violations: readonly Violation[];
  ticks: readonly { x: number }[];
  nowX: number | null;
}

function TimelineRow({ w, period, now, colours, violations, ticks, nowX }: RowProps) {
  const mine = violations.filter((v) => v.workload === w.workload);
  const summary = w.stays
    .map(
      (s) => `${s.country} at ${s.siteId}, ${dateTime(s.from)} – ${s.to === null ? 'now' : dateTime(s.to)}`,
    )
    .join('; ');
  return (
    <li
      className="sov-tl-row"
      data-testid="workload-timeline"
      data-workload={w.workload}
      data-violations={mine.length}
    >
      <div className="sov-tl-label" title={`${w.workload} · ${w.tenant} · ${w.dataClass}`}>
        <span className="cell-mono">{w.workload}</span>
        <span className="muted">
          {' '}
          {w.tenant} · {w.dataClass}
        </span>
      </div>
      <svg className="sov-tl-bar" role="img" aria-label={`${w.workload}: ${summary}`}>
        {ticks.map((t) => (
          <line key={t.x} className="sov-tl-grid" x1={pct(t.x)} x2={pct(t.x)} y1="0" y2="100%" />
        ))}
        {nowX !== null && <line className="sov-tl-now" x1={pct(nowX)} x2={pct(nowX)} y1="0" y2="100%" />}
        {w.stays.map((s) => {
          const b = boxOf(s, period, now, MIN_WIDTH);
          if (!b) return null;
          const bad = violationsInStay(w.workload, s, mine, now).length > 0;
          const end = s.to ?? now;
          return (
            <g key={`${s.siteId}@${s.from}`}>
              <rect
                data-testid="stay"
                data-site-id={s.siteId}
                data-country={s.country}
                data-from={s.from}
                data-to={s.to ?? ''}
                data-violation={bad || undefined}
                className={`sov-stay${b.open ? ' is-open' : ''}`}
                x={pct(b.x)}
                width={pct(b.w)}
                y="3"
                height="14"
                rx="2"
                fill={colours.get(s.country)}
              >
                <title>
                  {`${countryLabel(s.country)} · ${s.siteId}${s.hostname ? ` (${s.hostname})` : ''}\n` +
                    `${dateTime(s.from)} – ${s.to === null ? 'now (still there)' : dateTime(s.to)}` +
                    ` · ${formatDuration((end - s.from) / 1000)}${bad ? '\nin violation of the policy' : ''}`}
                </title>
              </rect>
              {b.w > 0.05 && (
                <text
                  className="sov-stay-code"
                  x={pct(b.x + b.w / 2)}
                  y="14"
                  textAnchor="middle"
                  aria-hidden="true"
                >
                  {s.country}
                </text>
              )}
            </g>
          );
        })}
        {mine.map((v) => {
          const b = boxOf(v, period, now, MIN_WIDTH);
          return b ? (
            <rect
              key={`v${v.siteId}@${v.from}`}
              className="sov-stay-violation"
              data-testid="stay-violation"
              x={pct(b.x)}
              width={pct(b.w)}
              y="2"
              height="16"
              rx="2"
            >
              <title>{`Violation of ${v.ruleId}: ${v.reason}`}</title>
            </rect>
          ) : null;
        })}
      </svg>
    </li>
  );
}

/**
 * Each workload's stays on one time axis across the period: bars coloured by country (the code
 * written in wide bars, and a legend), violations outlined red, an open stay drawn up to now.
 */
export function WorkloadTimelines({ answer, now }: { answer: ResidencyAnswer; now: number }) {
  const [all, setAll] = useState(false);
  const period = { from: answer.query.from, to: answer.query.to };
  const colours = useMemo(
    () => countryColours(answer.workloads.flatMap((w) => w.stays.map((s) => s.country))),
    [answer],
  );
  const ticks = axisTicks(period);
  const nowX = nowMark(period, now);
  const rows = all ? answer.workloads : answer.workloads.slice(0, FIRST_ROWS);

  if (answer.workloads.length === 0)
    return <p className="sov-empty">No workload of this scope ran in the period.</p>;

  return (
    <div className="sov-timelines">
      <ul className="sov-legend" aria-label="Countries">
        {[...colours].map(([c, colour]) => (
          <li key={c}>
            <span className="sov-swatch" style={{ background: colour }} aria-hidden="true" />
            {countryLabel(c)}
          </li>
        ))}
        <li>
          <span className="sov-swatch is-violation" aria-hidden="true" />
          violation
        </li>
      </ul>
      <div className="sov-tl-axis" aria-hidden="true">
        <div />
        <div className="sov-tl-ticks">
          {ticks.map((t) => (
            <span key={t.t} style={{ left: pct(t.x), transform: `translateX(${tickShift(t.x)})` }}>
              {t.label}
            </span>
          ))}
        </div>
      </div>
      <ul className="sov-tl-rows">
        {rows.map((w) => (
          <TimelineRow
            key={w.workload}
            w={w}
            period={period}
            now={now}
            colours={colours}
            violations={answer.violations}
            ticks={ticks}
            nowX={nowX}
          />
        ))}
      </ul>
      {rows.length < answer.workloads.length && (
        <button type="button" className="button" onClick={() => setAll(true)}>
          Show all {countOf(answer.workloads.length, 'workload')}
        </button>
      )}
    </div>
  );
}
