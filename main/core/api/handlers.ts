import type { AppInfo } from '../../../shared/domain';
import { err, ok } from '../../../shared/result';
import type { FleetService } from '../fleet/fleetService';
import type { EventSource, Handlers } from './dispatcher';

/** The contract's handlers over the fleet service. Each is small: the work lives in the core. */
export function createHandlers(fleet: FleetService, info: Omit<AppInfo, 'intervalMs'>): Handlers {
  return {
    'app.info': () => ok({ ...info, intervalMs: fleet.intervalMs }),
    'fleet.snapshot': () => ok(fleet.snapshot()),
    'fleet.history': ({ windowS, maxPoints }) => ok(fleet.history(windowS, maxPoints)),
    'site.detail': ({ siteId, windowS }) => {
      const detail = fleet.siteDetail(siteId, windowS);
      return detail
        ? ok(detail)
        : err(
            'NOT_FOUND',
            `No site with id "${siteId}". It may have been removed; pick one from the site list.`,
          );
    },
  };
}

export function createEventSource(fleet: FleetService): EventSource {
  return {
    subscribe: (name, listener) => {
      switch (name) {
        case 'fleet.tick':
          return fleet.onTick(listener);
      }
    },
  };
}
