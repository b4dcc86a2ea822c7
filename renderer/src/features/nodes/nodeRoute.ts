/**
 * The node page's address: `#/nodes/<siteId>/<hostname>`, each part URI-encoded, so a wall screen or a
 * chat message can point straight at one node. `#/nodes` alone is the fleet-wide table.
 */
export interface NodeRoute {
  siteId: string;
  hostname: string;
  /** Open the drain dialog once the page has the node (the palette's "Drain node"); never in the URL. */
  intent?: 'drain';
}

const PREFIX = /^#\/?nodes\//;

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** "#/nodes/eu-fra-1/gpu-a-01" → the route; anything else (the table, another area, junk) → null. */
export function nodeRouteFromHash(hash: string): NodeRoute | null {
  if (!PREFIX.test(hash)) return null;
  const parts = hash.replace(PREFIX, '').split('/');
  if (parts.length !== 2) return null;
  const siteId = decode(parts[0]!);
  const hostname = decode(parts[1]!);
  if (!siteId || !hostname) return null;
  return { siteId, hostname };
}

export const hashForNode = (r: Pick<NodeRoute, 'siteId' | 'hostname'>): string =>
  `#/nodes/${encodeURIComponent(r.siteId)}/${encodeURIComponent(r.hostname)}`;

export const sameNode = (
  a: Pick<NodeRoute, 'siteId' | 'hostname'> | null,
  b: Pick<NodeRoute, 'siteId' | 'hostname'> | null,
): boolean => a === b || (a !== null && b !== null && a.siteId === b.siteId && a.hostname === b.hostname);

/** The route the page opened with: read once when the store is built (main.tsx picks the area itself). */
export function initialNodeRoute(): NodeRoute | null {
  return typeof window === 'undefined' ? null : nodeRouteFromHash(window.location.hash);
}

/** Set on the history entry pushed when a node page opens (App.tsx), so "← Nodes" can be a real Back. */
export const NODE_HISTORY_MARK = 'fleet-console-node-page';
