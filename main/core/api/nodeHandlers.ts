import { err, ok } from '../../../shared/result';
import type { NodeViews } from '../fleet/nodeViews';
import type { SiteHealthService } from '../fleet/siteHealth';
import type { Handlers } from './dispatcher';

type NodeHandlers = Pick<Handlers, 'nodes.list' | 'node.detail' | 'site.health'>;

/** The node table, the node page and the site page's health (issue 4). */
export function nodeHandlers(nodes: NodeViews, health: SiteHealthService): NodeHandlers {
  return {
    'nodes.list': ({ query, offset, limit }) => ok(nodes.page(query, offset, limit)),
    'node.detail': ({ siteId, hostname }) => {
      const d = nodes.detail(siteId, hostname);
      return d
        ? ok(d)
        : err(
            'NOT_FOUND',
            `No node "${hostname}" at site "${siteId}". It may have left the fleet; pick one from Nodes.`,
          );
    },
    'site.health': ({ siteId }) => {
      const h = health.health(siteId);
      return h
        ? ok(h)
        : err(
            'NOT_FOUND',
            `No site with id "${siteId}". It may have been removed; pick one from the site list.`,
          );
    },
  };
}
