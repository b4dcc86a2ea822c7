import { useMemo } from 'react';
import type { TimelineEvent } from '../../../../shared/nodes';
import { formatClockSeconds } from '../../lib/format';
import { groupTimeline, TIMELINE_KIND } from './timeline';

/** Events shown; the core keeps more, but a page of a day's worth is what a person reads. */
const MAX_EVENTS = 300;

/**
 * The node's story on one vertical time axis, newest first: alerts opening and resolving, scheduler
 * state changes, actions (drain, resume…) and SSH sessions, grouped by hour.
 */
export function NodeTimeline({ events, now }: { events: readonly TimelineEvent[]; now: number }) {
  // Regrouped only when the events change, not on every tick's new `now` within the same hour.
  const hourKey = Math.floor(now / 3_600_000);
  const groups = useMemo(
    () => groupTimeline(events.slice(0, MAX_EVENTS), hourKey * 3_600_000),
    [events, hourKey],
  );
  return (
    <section className="node-section" aria-labelledby="node-timeline-title">
      <h2 className="section-title" id="node-timeline-title">
        Timeline
      </h2>
      <div className="node-timeline" data-testid="node-timeline">
        {groups.length === 0 ? (
          <p className="muted">Nothing has happened on this node since the console started.</p>
        ) : (
          groups.map((g) => (
            <div key={g.hour} className="tl-group">
              <h3 className="tl-hour">{g.label}</h3>
              <ol className="tl-list">
                {g.events.map((e, i) => {
                  const kind = TIMELINE_KIND[e.kind];
                  return (
                    <li
                      key={`${e.t}-${i}`}
                      className={`tl-event tl-${e.kind}${e.severity ? ` sev-${e.severity}` : ''}`}
                      data-kind={e.kind}
                    >
                      <time className="tl-time" dateTime={new Date(e.t).toISOString()}>
                        {formatClockSeconds(e.t)}
                      </time>
                      <span className="tl-mark" aria-hidden="true">
                        {kind.icon}
                      </span>
                      <span className="tl-kind">{kind.word}</span>
                      <span className="tl-text">{e.text}</span>
                    </li>
                  );
                })}
              </ol>
            </div>
          ))
        )}
        {events.length > MAX_EVENTS && (
          <p className="hint">{`Showing the newest ${MAX_EVENTS} of ${events.length} events.`}</p>
        )}
      </div>
    </section>
  );
}
