/**
 * The console's areas, in navigation order. An area without a component yet names the issue that
 * brings it, so the navigation already shows the whole shape of the product.
 */
export const AREAS = [
  { id: 'fleet', label: 'Fleet', issue: null },
  { id: 'sites', label: 'Sites', issue: null },
  { id: 'nodes', label: 'Nodes', issue: null },
  { id: 'alerts', label: 'Alerts', issue: null },
  { id: 'terminal', label: 'Terminal', issue: null },
  { id: 'broadcast', label: 'Broadcast', issue: null },
  { id: 'placement', label: 'Placement', issue: null },
  { id: 'sovereignty', label: 'Sovereignty', issue: null },
  { id: 'sustainability', label: 'Sustainability', issue: null },
  { id: 'audit', label: 'Audit', issue: null },
] as const;

export type AreaId = (typeof AREAS)[number]['id'];
export type Area = (typeof AREAS)[number];

export const DEFAULT_AREA: AreaId = 'fleet';

export function isAreaId(s: string): s is AreaId {
  return AREAS.some((a) => a.id === s);
}

/** "#/sites" → "sites"; a deeper address names its area first ("#/nodes/<site>/<host>" → "nodes"); anything unknown → null. */
export function areaFromHash(hash: string): AreaId | null {
  const id = hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return isAreaId(id) ? id : null;
}

export const hashForArea = (id: AreaId): string => `#/${id}`;
