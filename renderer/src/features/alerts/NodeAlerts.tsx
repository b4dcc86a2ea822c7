import { useMemo } from 'react';
import type { AlertView } from '../../../../shared/contract';
import { useAppStore } from '../../store/appStore';
import { ageMs, formatAge } from '../../lib/format';
import { AlertButtons } from './AlertButtons';
import { silenceText } from './alertFilter';
import { useAlertActions } from './useAlertActions';

interface Props {
  siteId: string;
  hostname: string;
  /** The node detail's own copy, used until the app-level list (updated on every change) has arrived. */
  fallback: readonly AlertView[];
  at: number;
}

/** A node's alerts (its GPUs' included), firing first, with acknowledge and silence. */
export function NodeAlerts({ siteId, hostname, fallback, at }: Props) {
  const list = useAppStore((s) => s.alertList);
  const actions = useAlertActions();
  const alerts = useMemo(
    () => (list ? list.alerts.filter((a) => a.siteId === siteId && a.hostname === hostname) : fallback),
    [list, siteId, hostname, fallback],
  );
  const firing = alerts.filter((a) => a.state === 'firing').length;
  return (
    <section className="node-section" aria-labelledby="node-alerts-title">
      <h2 className="section-title" id="node-alerts-title">
        Alerts <span className="muted">{`(${firing} firing)`}</span>
      </h2>
      {alerts.length === 0 ? (
        <p className="muted">No alerts on this node in the last day.</p>
      ) : (
        <ul className="node-alerts">
          {alerts.map((a) => {
            const silenced = silenceText(a, at);
            return (
              <li
                key={a.key}
                className={`node-alert sev-${a.severity} is-${a.state}`}
                data-testid="node-alert"
                data-kind={a.kind}
                data-severity={a.severity}
              >
                <span className={`sev-pill sev-${a.severity}`}>{a.severity}</span>
                <span className="node-alert-title" title={a.detail}>
                  {a.title}
                </span>
                <span className="muted node-alert-meta">
                  {a.state === 'resolved'
                    ? `resolved ${formatAge(ageMs(at, a.resolvedAt))}`
                    : `since ${formatAge(ageMs(at, a.firstSeen))}`}
                  {a.acknowledgedBy && ` · ack ${a.acknowledgedBy}`}
                  {silenced && ` · silenced ${silenced}`}
                </span>
                <span className="node-alert-actions">
                  <AlertButtons alert={a} at={at} actions={actions} />
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
