import type { AppInfo } from '../../../shared/domain';
import { err, ok } from '../../../shared/result';
import type { AuditLog } from '../audit/auditLog';
import type { FleetService } from '../fleet/fleetService';
import type { AdminPassphrase } from '../session/adminPassphrase';
import { auditHandlers } from './auditHandlers';
import type { EventSource, Handlers } from './dispatcher';
import { sessionHandlers } from './sessionHandlers';
import { sitesHandlers } from './sitesHandlers';
import type { SiteRegistry } from '../sites/siteRegistry';
import type { NodeActions } from '../sites/nodeActions';
import type { TerminalService } from '../ssh/terminalService';
import type { BroadcastService } from '../ssh/broadcastService';
import { terminalHandlers } from './terminalHandlers';
import { sustainabilityHandlers } from './sustainabilityHandlers';
import type { SustainabilityService } from '../energy/sustainabilityService';
import type { AlertService } from '../alerts/alertService';
import type { NodeViews } from '../fleet/nodeViews';
import type { SiteHealthService } from '../fleet/siteHealth';
import { alertHandlers } from './alertHandlers';
import { nodeHandlers } from './nodeHandlers';
import { residencyHandlers } from './residencyHandlers';
import { placementHandlers } from './placementHandlers';
import type { PlacementService } from '../placement/placementService';
import type { ResidencyService } from '../residency/residencyService';

export interface HandlerDeps {
  fleet: FleetService;
  audit: AuditLog;
  passphrase: AdminPassphrase;
  sites: SiteRegistry;
  nodeActions: NodeActions;
  terminals: TerminalService;
  broadcasts: BroadcastService;
  sustainability: SustainabilityService;
  alerts: AlertService;
  nodes: NodeViews;
  health: SiteHealthService;
  residency: ResidencyService;
  placement: PlacementService;
  info: Omit<AppInfo, 'intervalMs' | 'fleetSource'>;
}

/** The contract's handlers. Each is small: the work lives in the core's services. */
export function createHandlers(d: HandlerDeps): Handlers {
  return {
    'app.info': () =>
      ok({ ...d.info, fleetSource: d.sites.isDemo ? 'demo' : 'configured', intervalMs: d.fleet.intervalMs }),
    'fleet.snapshot': () => ok(d.fleet.snapshot()),
    'fleet.history': ({ windowS, maxPoints }) => ok(d.fleet.history(windowS, maxPoints)),
    'site.detail': ({ siteId, windowS, maxPoints }) => {
      const detail = d.fleet.siteDetail(siteId, windowS, maxPoints);
      return detail
        ? ok(detail)
        : err(
            'NOT_FOUND',
            `No site with id "${siteId}". It may have been removed; pick one from the site list.`,
          );
    },
    ...sessionHandlers(d.audit, d.passphrase, (session) => d.terminals.closeAllOf(session)),
    ...auditHandlers(d.audit),
    ...sitesHandlers(d.sites, d.nodeActions),
    ...terminalHandlers(d.terminals, d.broadcasts),
    ...sustainabilityHandlers(d.sustainability, d.audit),
    ...alertHandlers(d.alerts, d.audit),
    ...nodeHandlers(d.nodes, d.health),
    ...residencyHandlers(d.residency, d.audit),
    ...placementHandlers(d.placement, d.audit),
  };
}

export function createEventSource(
  fleet: FleetService,
  audit: AuditLog,
  terminals: TerminalService,
  broadcasts: BroadcastService,
  alerts: AlertService,
  placement: PlacementService,
): EventSource {
  return {
    subscribe: (name, listener, ctx) => {
      switch (name) {
        case 'fleet.tick':
          return fleet.onTick(listener);
        case 'audit.appended':
          return audit.onAppend(listener);
        case 'terminal.data':
        case 'terminal.state':
        case 'terminal.prompt':
          return terminals.on((owner, e) => {
            if (owner === ctx.session.id && e.name === name) listener(e.payload);
          });
        case 'broadcast.progress':
          return broadcasts.on((owner, p) => {
            if (owner === ctx.session.id) listener(p);
          });
        case 'alerts.changed':
          return alerts.onChange(listener);
        case 'placement.run':
          return placement.onRun(listener);
      }
    },
  };
}
