import { useId, type ReactNode } from 'react';
import type { SloView } from '../../../../shared/nodes';
import { dayBarsSummary, formatUptime, formatWatched, sloDayBars, uptimeTone } from './sloText';

interface Props {
  slo: SloView;
  /** The answer's time: which UTC month the day row shows. */
  at: number;
  title: string;
  /** The heading's level where the panel sits (h2 on the node page, h4 inside the site panel's Health). */
  heading: 'h2' | 'h4';
  testId: string;
  /** What the figure is about, for screen readers: "Site", "Host". */
  subject: string;
  /** More below the day row (the site's lowest-uptime nodes). */
  children?: ReactNode;
}

/**
 * Availability against the DePIN host targets (issue 4): uptime this month as one big number, green at
 * or above the target and red below, what it rests on ("watched 312 h this month"), and one small bar
 * per day of the month: offline minutes against the per-day line. Shared by the site panel and the node
 * page so both read the same way.
 */
export function SloPanel({ slo, at, title, heading, testId, subject, children }: Props) {
  const Heading = heading;
  const id = useId();
  const { monthUptimePct: target, offlineMinPerDay } = slo.targets;
  const tone = uptimeTone(slo.monthUptimePct, target);
  const uptime = formatUptime(slo.monthUptimePct);
  const bars = sloDayBars(slo, at); // ≤ 31 bars: cheaper to build than to memoise against a new `slo` a tick
  const verdict = tone === 'ok' ? 'meets' : tone === 'down' ? 'below' : 'not known against';

  return (
    <section className="slo" data-testid={testId} aria-labelledby={`${id}-title`}>
      <Heading className={heading === 'h2' ? 'section-title' : 'health-title'} id={`${id}-title`}>
        {title}
      </Heading>
      <div className="slo-head">
        <div
          className={`slo-uptime tone-${tone}`}
          data-testid={`${testId}-uptime`}
          data-tone={tone}
          title={tone === 'muted' ? 'The console has not watched this month yet.' : undefined}
        >
          <span className="visually-hidden">{`${subject} uptime this month: `}</span>
          {uptime}
          <span className="visually-hidden">{`, ${verdict} the ${target}% target`}</span>
        </div>
        <div className="slo-facts">
          <div>
            uptime this month <span className="muted">· target {target}%</span>
          </div>
          <div className="muted" data-testid={`${testId}-watched`}>
            {formatWatched(slo.monthWatchedMin, slo.monthUptimePct !== null)}
          </div>
        </div>
      </div>
      <div className="slo-days-wrap">
        <div
          className="slo-days"
          role="img"
          aria-label={dayBarsSummary(bars, offlineMinPerDay)}
          data-testid={`${testId}-days`}
        >
          {bars.bars.map((b) => (
            <div
              key={b.day}
              className={`slo-day is-${b.state}${b.clipped ? ' is-clipped' : ''}`}
              title={b.title}
              data-day={b.day}
            >
              {(b.state === 'ok' || b.state === 'over') && (
                <div className="slo-day-bar" style={{ height: `${(b.heightFrac * 100).toFixed(1)}%` }} />
              )}
            </div>
          ))}
          <div
            className="slo-day-line"
            style={{ bottom: `${(bars.lineFrac * 100).toFixed(1)}%` }}
            aria-hidden="true"
          />
        </div>
        <div className="slo-days-axis" aria-hidden="true">
          <span>{bars.bars[0]?.day.slice(5) ?? ''}</span>
          <span>
            offline min/day (UTC) · line {offlineMinPerDay} min · top {bars.scaleMin} min
          </span>
          <span>{bars.bars[bars.bars.length - 1]?.day.slice(5) ?? ''}</span>
        </div>
      </div>
      {children}
    </section>
  );
}
