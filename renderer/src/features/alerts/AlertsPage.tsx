import { useMemo, useState } from 'react';
import { ALERT_SEVERITIES } from '../../../../shared/alerts';
import { useAppStore } from '../../store/appStore';
import { sessionCan } from '../session/sessionSlice';
import { AlertRulesEditor } from './AlertRulesEditor';
import { AlertsTable } from './AlertsTable';
import { badgeCounts, badgeLabel } from './alertBadge';
import {
  DEFAULT_ALERT_FILTER,
  filterAlerts,
  type AlertFilter,
  type SeverityFilter,
  type StateFilter,
} from './alertFilter';
import { NotificationsButton } from './NotificationsButton';
import { useAlertActions } from './useAlertActions';

const STATES: { value: StateFilter; label: string }[] = [
  { value: 'firing', label: 'Firing' },
  { value: 'resolved', label: 'Resolved (last day)' },
  { value: 'all', label: 'All' },
];

/**
 * Alerts (issue 4): what fires now and what resolved in the last day, worst first, with acknowledge,
 * silence, the way to the node and its shell; and, for admins, the rules.
 */
export function AlertsPage() {
  const list = useAppStore((s) => s.alertList);
  const at = useAppStore((s) => Math.max(s.totals?.at ?? 0, s.alertList?.at ?? 0));
  const canEditRules = useAppStore((s) => sessionCan(s.session, 'sites'));
  const actions = useAlertActions();
  const [filter, setFilter] = useState<AlertFilter>(DEFAULT_ALERT_FILTER);

  const all = list?.alerts;
  const shown = useMemo(() => filterAlerts(all ?? [], filter), [all, filter]);
  const counts = badgeCounts(all ?? [], at);
  return (
    <div className="page alerts-page">
      <div className="alerts-head">
        <h1 className="page-title">Alerts</h1>
        <p className="alerts-summary" data-testid="alerts-summary">
          {list === null ? 'Loading…' : badgeLabel(counts)}
          {list !== null && <span className="muted">{` · ${shown.length} shown`}</span>}
        </p>
        <NotificationsButton />
      </div>
      <div className="alerts-filters" role="group" aria-label="Alert filters">
        <select
          aria-label="State"
          value={filter.state}
          onChange={(e) => setFilter({ ...filter, state: e.target.value as StateFilter })}
        >
          {STATES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <select
          aria-label="Severity"
          value={filter.severity}
          onChange={(e) => setFilter({ ...filter, severity: e.target.value as SeverityFilter })}
        >
          <option value="all">All severities</option>
          {ALERT_SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        {actions.why && <span className="hint">{`Acknowledge and silence: ${actions.why}`}</span>}
      </div>
      <AlertsTable
        alerts={shown}
        at={at}
        actions={actions}
        emptyText={
          list === null
            ? 'Loading alerts…'
            : filter.state === 'firing'
              ? 'Nothing is firing.'
              : 'No alert matches these filters.'
        }
      />
      {list !== null && canEditRules && <AlertRulesEditor rules={list.rules} notes={list.notes} />}
      {list !== null && !canEditRules && list.notes.length > 0 && (
        <ul className="rules-notes">
          {list.notes.map((n) => (
            <li key={n} className="inline-notice">
              {n}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
