import type { Move, Plan, PlanInput, PlanNode, PlanSite, PlanWorkload, Unplaced } from './planTypes';

/**
 * The placement planner (issue 6): pure and deterministic — the same input always gives the same
 * plan. Nothing here moves anything; the plan is what the operator previews.
 *
 * Evacuate and relieve: every workload on the nodes given up is placed elsewhere, highest priority
 * and largest first, on the best node that passes every hard constraint (up, GPU model, free GPUs,
 * residency policy, users' round-trip budget, the site's power headroom), preferring the same site,
 * then the same country, then the tightest fit. Consolidate: empties the least-used nodes of each site
 * into the others of the same site (a consolidation never crosses a site or a border), so whole nodes
 * can be powered down. A workload that cannot be placed is listed with the constraint that blocked it.
 */

/** Round trip per km of great-circle distance: light in fibre covers ~100 km per ms there and back. */
const MS_PER_KM = 0.01;
const EARTH_KM = 6371;

export function greatCircleKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const dLat = (b.lat - a.lat) * r;
  const dLon = (b.lon - a.lon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function estimateRttMs(users: { lat: number; lon: number }, site: PlanSite): number {
  return greatCircleKm(users, site) * MS_PER_KM + site.rttOverheadMs;
}

const nodeKey = (n: { siteId: string; hostname: string }) => `${n.siteId}/${n.hostname}`;

interface Capacity {
  node: PlanNode;
  site: PlanSite;
  free: number;
}

/** Why a workload cannot go to a node, or null when it can. */
function blocker(
  w: PlanWorkload,
  c: Capacity,
  headroom: Map<string, number | null>,
  judge: PlanInput['judge'],
): { kind: 'model' | 'capacity' | 'policy' | 'latency' | 'power'; detail: string } | null {
  if (w.model !== null && c.node.model !== w.model) return { kind: 'model', detail: `needs ${w.model}` };
  if (c.free < w.gpus) return { kind: 'capacity', detail: `needs ${w.gpus} free GPUs` };
  const v = judge(w.tenant, w.dataClass, c.site);
  if (!v.allowed) return { kind: 'policy', detail: v.reason };
  if (w.users) {
    const rtt = estimateRttMs(w.users, c.site);
    if (rtt > w.users.rttBudgetMs)
      return {
        kind: 'latency',
        detail: `${Math.round(rtt)} ms round trip from its users, budget ${w.users.rttBudgetMs} ms`,
      };
  }
  const room = headroom.get(c.site.id);
  if (room !== null && room !== undefined && room < w.powerKw)
    return { kind: 'power', detail: `${c.site.id} has ${room.toFixed(1)} kW of power headroom` };
  return null;
}

const REASON_ORDER = ['policy', 'latency', 'model', 'capacity', 'power'] as const;

export function planPlacement(input: PlanInput): Plan {
  const sites = new Map(input.sites.map((s) => [s.id, s]));
  const headroom = new Map(input.sites.map((s) => [s.id, s.headroomKw]));
  const caps = new Map<string, Capacity>();
  for (const n of [...input.nodes].sort((a, b) => nodeKey(a).localeCompare(nodeKey(b)))) {
    const site = sites.get(n.siteId);
    if (site) caps.set(nodeKey(n), { node: n, site, free: n.state === 'up' ? n.freeGpus : 0 });
  }
  const { givenUp, consolidate } = sources(input, caps);
  const moves: Move[] = [];
  const unplaced: Unplaced[] = [];
  /** Where each workload is as the plan stands (moves earlier in the plan change it). */
  const where = new Map(input.workloads.map((w) => [w.id, { siteId: w.siteId, hostname: w.hostname }]));
  const at = (w: PlanWorkload) => where.get(w.id)!;
  const place = (w: PlanWorkload, allowed: (c: Capacity) => boolean): boolean => {
    const cur = at(w);
    const from = caps.get(nodeKey(cur));
    const fromSite = sites.get(cur.siteId);
    let best: Capacity | null = null;
    let bestScore = Infinity;
    const blocked = new Map<string, string>();
    for (const c of caps.values()) {
      if (givenUp.has(nodeKey(c.node)) || c === from || c.node.state !== 'up' || !allowed(c)) continue;
      const b = blocker(w, c, headroom, input.judge);
      if (b) {
        if (!blocked.has(b.kind)) blocked.set(b.kind, b.detail);
        continue;
      }
      // Same site beats same country beats elsewhere; then the tightest fit; keys break ties.
      const score =
        (c.site.id === cur.siteId ? 0 : c.site.country === fromSite?.country ? 1 : 2) * 1e6 +
        (c.free - w.gpus);
      if (score < bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (!best) {
      const kind = REASON_ORDER.find((k) => blocked.has(k));
      unplaced.push({
        unit: w.id,
        workload: w.label ?? w.id,
        tenant: w.tenant,
        dataClass: w.dataClass,
        gpus: w.gpus,
        reason: kind ? `${kind}: ${blocked.get(kind)}` : 'no other node is up',
      });
      return false;
    }
    best.free -= w.gpus;
    if (from) from.free += w.gpus;
    const room = headroom.get(best.site.id);
    if (room !== null && room !== undefined && best.site.id !== cur.siteId)
      headroom.set(best.site.id, room - w.powerKw);
    moves.push({
      unit: w.id,
      workload: w.label ?? w.id,
      jobId: w.jobId ?? null,
      tenant: w.tenant,
      dataClass: w.dataClass,
      gpus: w.gpus,
      from: { siteId: cur.siteId, hostname: cur.hostname, country: fromSite?.country ?? '??' },
      to: { siteId: best.site.id, hostname: best.node.hostname, country: best.site.country },
      crossSite: best.site.id !== cur.siteId,
    });
    where.set(w.id, { siteId: best.site.id, hostname: best.node.hostname });
    return true;
  };
  const order = (ws: PlanWorkload[]) =>
    [...ws].sort((a, b) => b.priority - a.priority || b.gpus - a.gpus || a.id.localeCompare(b.id));

  let nodesFreed = 0;
  let kwFreed = 0;
  const freedBySite = new Map<string, number>();
  if (consolidate) {
    // Per site, try to empty the least-used nodes into the fuller ones; a node only counts as freed
    // when every workload on it found a place (otherwise its moves are rolled back).
    for (const nodes of bySite(caps)) {
      const candidates = [...nodes].filter((c) => c.node.state === 'up' && c.free < c.node.gpus);
      candidates.sort((a, b) => b.free - a.free || nodeKey(a.node).localeCompare(nodeKey(b.node)));
      /** Nodes that took work in this pass: emptying one again would move the same job twice. */
      const receivers = new Set<string>();
      for (const c of candidates) {
        if (receivers.has(nodeKey(c.node))) continue;
        const ws = order(input.workloads.filter((w) => nodeKey(at(w)) === nodeKey(c.node)));
        if (ws.length === 0) continue;
        const snapshot = new Map([...caps].map(([k, v]) => [k, v.free]));
        const whereBefore = new Map(where);
        const mark = moves.length;
        const unplacedMark = unplaced.length;
        givenUp.add(nodeKey(c.node));
        const ok = ws.every((w) => place(w, (t) => t.site.id === c.site.id && t.free < t.node.gpus));
        if (ok) {
          for (const m of moves.slice(mark)) receivers.add(nodeKey(m.to));
          nodesFreed++;
          const kw = c.node.gpus * c.node.idleKwPerGpu;
          kwFreed += kw;
          freedBySite.set(c.site.id, (freedBySite.get(c.site.id) ?? 0) + kw);
        } else {
          givenUp.delete(nodeKey(c.node));
          moves.length = mark;
          unplaced.length = unplacedMark; // a node that stays is not a failure of consolidation
          for (const [k, f] of snapshot) caps.get(k)!.free = f;
          for (const [k, v] of whereBefore) where.set(k, v);
        }
      }
    }
  } else {
    const ws = order(input.workloads.filter((w) => givenUp.has(nodeKey(w))));
    /** Given-up nodes that keep a workload nothing could take: not freed. */
    const blockedNodes = new Set<string>();
    for (const w of ws) if (!place(w, () => true)) blockedNodes.add(nodeKey(w));
    for (const k of givenUp) {
      const c = caps.get(k);
      if (c && !blockedNodes.has(k)) {
        nodesFreed++;
        const kw = c.node.gpus * c.node.idleKwPerGpu;
        kwFreed += kw;
        freedBySite.set(c.site.id, (freedBySite.get(c.site.id) ?? 0) + kw);
      }
    }
  }
  return {
    goal: input.goal,
    moves,
    unplaced,
    blastRadius: blastRadius(moves, unplaced, input.workloads, sites),
    effects: effects(moves, nodesFreed, kwFreed, freedBySite, sites),
    shortfall: shortfall(unplaced, input.workloads, sites),
  };
}

function sources(
  input: PlanInput,
  caps: Map<string, Capacity>,
): { givenUp: Set<string>; consolidate: boolean } {
  const g = input.goal;
  const givenUp = new Set<string>();
  if (g.kind === 'consolidate') return { givenUp, consolidate: true };
  for (const c of caps.values()) {
    const n = c.node;
    const hit =
      g.kind === 'relieve'
        ? g.nodes.some((x) => x.siteId === n.siteId && x.hostname === n.hostname)
        : 'node' in g.scope
          ? g.scope.node.siteId === n.siteId && g.scope.node.hostname === n.hostname
          : 'site' in g.scope
            ? g.scope.site === n.siteId
            : g.scope.countries.includes(c.site.country);
    if (hit) givenUp.add(nodeKey(n));
  }
  return { givenUp, consolidate: false };
}

function bySite(caps: Map<string, Capacity>): Capacity[][] {
  const m = new Map<string, Capacity[]>();
  for (const c of caps.values()) m.set(c.site.id, [...(m.get(c.site.id) ?? []), c]);
  return [...m.keys()].sort().map((k) => m.get(k)!);
}

function blastRadius(
  moves: Move[],
  unplaced: Unplaced[],
  workloads: readonly PlanWorkload[],
  sites: Map<string, PlanSite>,
): Plan['blastRadius'] {
  const ids = new Set([...moves.map((m) => m.unit), ...unplaced.map((u) => u.unit)]);
  const touched = workloads.filter((w) => ids.has(w.id));
  const places = new Set([
    ...moves.flatMap((m) => [m.from.country, m.to.country]),
    ...touched.map((w) => sites.get(w.siteId)?.country ?? '??'),
  ]);
  return {
    tenants: [...new Set(touched.map((w) => w.tenant))].sort(),
    dataClasses: [...new Set(touched.map((w) => w.dataClass))].sort(),
    jurisdictions: [...places].sort(),
  };
}

function effects(
  moves: Move[],
  nodesFreed: number,
  kwFreed: number,
  freedBySite: Map<string, number>,
  sites: Map<string, PlanSite>,
): Plan['effects'] {
  let kwh = 0;
  let kg = 0;
  let kgKnown = false;
  const money = new Map<string, number>();
  for (const [siteId, kw] of freedBySite) {
    const s = sites.get(siteId)!;
    const facility = kw * 24 * s.pue;
    kwh += facility;
    if (s.carbonGPerKwh !== null) {
      kg += (facility * s.carbonGPerKwh) / 1000;
      kgKnown = true;
    }
    if (s.tariff)
      money.set(s.tariff.currency, (money.get(s.tariff.currency) ?? 0) + facility * s.tariff.perKwh);
  }
  return {
    gpusMoved: moves.reduce((k, m) => k + m.gpus, 0),
    nodesFreed,
    kwFreed,
    kwhPerDay: kwh,
    moneyPerDay: [...money]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, amount]) => ({ currency, amount })),
    kgCO2PerDay: kgKnown ? kg : null,
  };
}

function shortfall(
  unplaced: Unplaced[],
  workloads: readonly PlanWorkload[],
  sites: Map<string, PlanSite>,
): Plan['shortfall'] {
  const m = new Map<string, { model: string; country: string; gpus: number }>();
  const byId = new Map(workloads.map((w) => [w.id, w]));
  for (const u of unplaced) {
    const w = byId.get(u.unit)!;
    const country = sites.get(w.siteId)?.country ?? '??';
    const model = w.model ?? 'any';
    const k = `${model}|${country}`;
    const cur = m.get(k) ?? { model, country, gpus: 0 };
    cur.gpus += u.gpus;
    m.set(k, cur);
  }
  return [...m.values()].sort((a, b) => b.gpus - a.gpus || a.model.localeCompare(b.model));
}
