/**
 * Screen-space clustering of site markers (issue 4): markers that overlap too much to tell apart or to
 * click at the current zoom merge into one cluster marker. Pure: plain points in, plain clusters out.
 *
 * Rules (d = distance between centres):
 * - a site and a site, or a site and a cluster, merge when d < the smaller radius: each centre lies under
 *   the other marker (they overlap by more than either radius; a site on top of a cluster would hide its
 *   count). Markers that merely touch or overlap a little stay apart, so a small fleet at the default
 *   zoom keeps one marker per site wherever that is legible.
 * - two clusters merge as soon as their donuts overlap (d < r1 + r2): overlapping counts are unreadable.
 *
 * Greedy, in passes: markers are taken in a fixed priority order (clusters before sites, then by weight,
 * then by id) and each one not yet taken absorbs every untaken marker within the merge distance, found
 * through a uniform grid (cell = the largest radius, so only the 3 × 3 neighbouring cells are looked at).
 * A cluster is drawn larger than a site, so the pass repeats on the new markers until nothing merges.
 * Each pass is O(n) plus the priority sort; 500 sites take well under a millisecond.
 */

export interface ClusterInput {
  id: string;
  /** Position in pixels at the zoom being clustered for (translation does not matter). */
  x: number;
  y: number;
  /** Marker radius in pixels. */
  r: number;
  /** Tie-breaker for which marker seeds a cluster, e.g. the site's GPU count: big sites anchor. */
  weight: number;
}

export interface MapCluster {
  /** The site id for a single site; `cluster:` + the smallest member id for a cluster. */
  key: string;
  /** Centroid of the members, in the same pixel space as the input. */
  x: number;
  y: number;
  r: number;
  /** Member site ids, sorted; one id = a single site marker. */
  ids: string[];
}

export interface ClusterOptions {
  /** Radius of a cluster marker of `count` sites. */
  clusterRadius?: (count: number) => number;
  /** Bound on merge passes: a pass that merges nothing ends it early; 2–4 passes are typical. */
  maxPasses?: number;
}

/** Cluster donut radius: room for a three-digit count, growing slowly with the count, capped. */
export function clusterRadius(count: number): number {
  return Math.min(18, 10 + 2 * Math.log2(Math.max(2, count)));
}

interface Node {
  key: string;
  sx: number;
  sy: number;
  n: number;
  x: number;
  y: number;
  r: number;
  weight: number;
  ids: string[];
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function byPriority(a: Node, b: Node): number {
  return b.ids.length - a.ids.length || b.weight - a.weight || byId(a.key, b.key);
}

function mergeNodes(group: Node[], radiusOf: (count: number) => number): Node {
  let sx = 0;
  let sy = 0;
  let n = 0;
  let weight = 0;
  const ids: string[] = [];
  for (const g of group) {
    sx += g.sx;
    sy += g.sy;
    n += g.n;
    weight += g.weight;
    for (const id of g.ids) ids.push(id);
  }
  ids.sort(byId);
  return { key: `cluster:${ids[0]}`, sx, sy, n, x: sx / n, y: sy / n, r: radiusOf(ids.length), weight, ids };
}

function mergeDistance(a: Node, b: Node): number {
  return a.ids.length > 1 && b.ids.length > 1 ? a.r + b.r : Math.min(a.r, b.r);
}

/** One greedy pass; returns null when nothing merged. */
function mergePass(nodes: Node[], radiusOf: (count: number) => number): Node[] | null {
  const order = [...nodes].sort(byPriority);
  // Cell ≥ the largest merge distance (two of the largest radii), so partners are in the 3 × 3 cells.
  let cell = 0;
  for (const nd of order) cell = Math.max(cell, 2 * nd.r);
  if (!(cell > 0)) return null;

  // Buckets keep priority order, so the scan below is deterministic whatever order the input came in.
  const grid = new Map<string, number[]>();
  const cellOf = (v: number) => Math.floor(v / cell);
  order.forEach((nd, i) => {
    const k = `${cellOf(nd.x)},${cellOf(nd.y)}`;
    const bucket = grid.get(k);
    if (bucket) bucket.push(i);
    else grid.set(k, [i]);
  });

  const taken = new Uint8Array(order.length);
  const next: Node[] = [];
  let merged = false;
  for (let i = 0; i < order.length; i++) {
    if (taken[i]) continue;
    taken[i] = 1;
    const seed = order[i]!;
    const group = [seed];
    const cx = cellOf(seed.x);
    const cy = cellOf(seed.y);
    for (let gx = cx - 1; gx <= cx + 1; gx++) {
      for (let gy = cy - 1; gy <= cy + 1; gy++) {
        const bucket = grid.get(`${gx},${gy}`);
        if (!bucket) continue;
        for (const j of bucket) {
          if (taken[j]) continue;
          const other = order[j]!;
          const limit = mergeDistance(seed, other);
          const dx = other.x - seed.x;
          const dy = other.y - seed.y;
          if (dx * dx + dy * dy < limit * limit) {
            taken[j] = 1;
            group.push(other);
          }
        }
      }
    }
    if (group.length === 1) next.push(seed);
    else {
      merged = true;
      next.push(mergeNodes(group, radiusOf));
    }
  }
  return merged ? next : null;
}

/**
 * Clusters markers for one zoom level. Output is in draw order — largest radius first (clusters under
 * sites, big sites under small ones, so small ones stay clickable), ties by key — and is the same for
 * the same points in any input order. Every input id appears in exactly one output entry.
 */
export function clusterSites(points: readonly ClusterInput[], options: ClusterOptions = {}): MapCluster[] {
  const radiusOf = options.clusterRadius ?? clusterRadius;
  const maxPasses = options.maxPasses ?? 16;
  let nodes: Node[] = points.map((p) => ({
    key: p.id,
    sx: p.x,
    sy: p.y,
    n: 1,
    x: p.x,
    y: p.y,
    r: p.r,
    weight: p.weight,
    ids: [p.id],
  }));
  for (let pass = 0; pass < maxPasses; pass++) {
    const next = mergePass(nodes, radiusOf);
    if (!next) break;
    nodes = next;
  }
  return nodes
    .map(({ key, x, y, r, ids }) => ({ key, x, y, r, ids }))
    .sort((a, b) => b.r - a.r || byId(a.key, b.key));
}

/**
 * Lays the members of a cluster out on a ring around its centre: for sites that still overlap at the
 * deepest zoom (two sites configured with the same city coordinates never split by zooming), so every
 * site stays reachable. Members go clockwise from 12 o'clock in id order; the ring is just wide enough
 * for the members' markers to sit side by side.
 */
export function spreadCluster(cluster: MapCluster, radiusOf: (id: string) => number): MapCluster[] {
  const n = cluster.ids.length;
  if (n < 2) return [cluster];
  const rMax = cluster.ids.reduce((m, id) => Math.max(m, radiusOf(id)), 0);
  // Chord between neighbours ≥ 2·rMax + 2 px.
  const ring = Math.max(rMax + 2, (rMax + 1) / Math.sin(Math.PI / n));
  return cluster.ids.map((id, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return {
      key: id,
      x: cluster.x + ring * Math.cos(a),
      y: cluster.y + ring * Math.sin(a),
      r: radiusOf(id),
      ids: [id],
    };
  });
}
