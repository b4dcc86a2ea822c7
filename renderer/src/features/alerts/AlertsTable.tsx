import { memo, useMemo } from 'react';
import type { AlertView } from '../../../../shared/contract';
import { useAppStore } from '../../store/appStore';
import { ageMs, formatAge } from '../../lib/format';
import { VIRTUALISE_ABOVE, useVirtualRows } from '../../lib/virtualRows';
import { sessionCan } from '../session/sessionSlice';
import { sshWhy } from '../terminal/terminalText';
import { AlertButtons } from './AlertButtons';
import { alertPlace } from './alertBadge';
import { KIND_WORDS, silenceText } from './alertFilter';
import type { AlertActions } from './useAlertActions';

/** Must match `.alerts-table tbody tr { height }` in styles.css: windowing relies on fixed rows. */
const ROW_HEIGHT = 30;
const COLUMNS = 9;

interface NodeLinks {
  shellWhy: string | undefined;
  openNode: (a: AlertView) => void;
  openShell: (a: AlertView) => void;
  siteName: (siteId: string) => string | undefined;
}

interface Props {
  alerts: readonly AlertView[];
  at: number;
  actions: AlertActions;
  emptyText: string;
}

/** The alert list; above 150 rows it scrolls in its own box and renders only the rows in view. */
export function AlertsTable({ alerts, at, actions, emptyText }: Props) {
  const canSsh = useAppStore((s) => sessionCan(s.session, 'ssh'));
  const roleKnown = useAppStore((s) => s.session !== null);
  const openTerminal = useAppStore((s) => s.openTerminal);
  const openNodePage = useAppStore((s) => s.openNodePage);
  const sitesKey = useAppStore((s) => JSON.stringify(s.sites.map((x) => [x.id, x.name])));
  const virtual = alerts.length > VIRTUALISE_ABOVE;
  const { ref, rows } = useVirtualRows(alerts.length, ROW_HEIGHT, virtual);

  const links = useMemo<NodeLinks>(() => {
    const names = new Map(JSON.parse(sitesKey) as [string, string][]);
    return {
      shellWhy: sshWhy(canSsh, roleKnown),
      openNode: (a) => a.hostname && openNodePage({ siteId: a.siteId, hostname: a.hostname }),
      openShell: (a) => a.hostname && openTerminal({ kind: 'node', siteId: a.siteId, hostname: a.hostname }),
      siteName: (id) => names.get(id),
    };
  }, [canSsh, roleKnown, openNodePage, openTerminal, sitesKey]);

  return (
    <div
      className={`table-wrap alerts-table-wrap${virtual ? ' is-virtual' : ''}`}
      ref={ref}
      tabIndex={0}
      role="region"
      aria-label="Alerts table"
    >
      <table
        className="data-table alerts-table"
        aria-rowcount={virtual ? alerts.length + 1 : undefined}
        data-testid="alerts-table"
      >
        <thead>
          <tr aria-rowindex={virtual ? 1 : undefined}>
            <th scope="col">Severity</th>
            <th scope="col">Alert</th>
            <th scope="col">Where</th>
            <th scope="col" className="num">
              First seen
            </th>
            <th scope="col" className="num">
              Last seen
            </th>
            <th scope="col">State</th>
            <th scope="col">Acknowledged</th>
            <th scope="col">Silenced</th>
            <th scope="col" className="cell-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {alerts.length === 0 ? (
            <tr>
              <td colSpan={COLUMNS} className="table-empty">
                {emptyText}
              </td>
            </tr>
          ) : (
            <>
              {rows.padTop > 0 && (
                <tr className="spacer" aria-hidden="true" style={{ height: rows.padTop }} />
              )}
              {alerts.slice(rows.start, rows.end).map((a, i) => (
                <AlertRow
                  key={a.key}
                  alert={a}
                  at={at}
                  actions={actions}
                  links={links}
                  rowIndex={virtual ? rows.start + i + 2 : undefined}
                />
              ))}
              {rows.padBottom > 0 && (
                <tr className="spacer" aria-hidden="true" style={{ height: rows.padBottom }} />
              )}
            </>
          )}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  alert: AlertView;
  at: number;
  actions: AlertActions;
  links: NodeLinks;
  rowIndex: number | undefined;
}

const AlertRow = memo(function AlertRow({ alert: a, at, actions, links, rowIndex }: RowProps) {
  const silenced = silenceText(a, at);
  return (
    <tr
      aria-rowindex={rowIndex}
      className={`alert-row is-${a.state}${silenced ? ' is-silenced' : ''}`}
      data-testid="alert-row"
      data-key={a.key}
      data-kind={a.kind}
      data-severity={a.severity}
      data-state={a.state}
      data-hostname={a.hostname ?? ''}
    >
      <td>
        <span className={`sev-pill sev-${a.severity}`}>{a.severity}</span>
      </td>
      <th scope="row" className="cell-clip alert-title" title={`${KIND_WORDS[a.kind]} — ${a.detail}`}>
        {a.title}
      </th>
      <td className="cell-clip cell-mono" title={alertPlace(a, links.siteName(a.siteId))}>
        {alertPlace(a)}
      </td>
      <td className="num" title={new Date(a.firstSeen).toLocaleString()}>
        {formatAge(ageMs(at, a.firstSeen))}
      </td>
      <td className="num" title={new Date(a.lastSeen).toLocaleString()}>
        {formatAge(ageMs(at, a.lastSeen))}
      </td>
      <td>
        {a.state === 'firing' ? (
          'firing'
        ) : (
          <span className="muted">{`resolved ${formatAge(ageMs(at, a.resolvedAt))}`}</span>
        )}
      </td>
      <td className="cell-clip">{a.acknowledgedBy ?? <span className="muted">—</span>}</td>
      <td className="cell-clip">{silenced ?? <span className="muted">—</span>}</td>
      <td className="cell-actions">
        <AlertButtons alert={a} at={at} actions={actions} />
        {a.hostname !== null && (
          <>
            <button
              type="button"
              className="row-button"
              aria-label={`Open node ${a.hostname}`}
              title={`Open the node page of ${a.hostname}`}
              onClick={() => links.openNode(a)}
            >
              Node
            </button>
            <button
              type="button"
              className="row-button"
              aria-label={`Open shell on ${a.hostname}`}
              disabled={links.shellWhy !== undefined}
              title={links.shellWhy ?? `Open a terminal on ${a.hostname}`}
              onClick={() => links.openShell(a)}
            >
              Shell
            </button>
          </>
        )}
      </td>
    </tr>
  );
});
