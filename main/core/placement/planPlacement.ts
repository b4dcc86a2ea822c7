import { blastRadius, effects, shortfall } from './planEffects';
import { PlanState, type Capacity, nodeKey } from './planState';
import type { Plan, PlanInput, PlanWorkload } from './planTypes';

/**
 * The placement planner (issue 6): pure and deterministic — the same input always gives the same
 * plan. Nothing here moves anything; the plan is what the operator previews.
 *
 * Evacuate and relieve: every workload on the nodes given up is placed elsewhere, highest priority
 * and largest first, on the best node that passes every hard constraint (up, GPU model, free GPUs,
 * residency policy, users' round-trip budget, the site's power headroom), preferring the same site,
 * then the same country, then the tightest fit. Then a repair pass: a workload nothing could take
 * gets room made for it by moving workloads this plan placed (never others) to other nodes — the
 * fragmentation a greedy pass leaves is what separates it from the optimum. Consolidate: empties the
 * least-used nodes of each site into the others of the same site (never across a site or a border),
 * so whole nodes can be powered down. A workload that cannot be placed is listed with the
 * constraint that blocked it.
 *
 * Scale: site-level checks (policy, latency, power) are made once per site and workload class, and
 * a site whose largest free slot is too small is skipped whole, so evacuating a 3,200-GPU site into
 * a 160,000-GPU fleet stays well under a second (npm run bench).
 */

/** How many nodes the repair pass tries per unplaced workload (bounds its cost on big fleets). */
const REPAIR_NODES = 64;

export function planPlacement(input: PlanInput): Plan {
  const p = new PlanState(input);
  const { nodesFreed, kwFreed, freedBySite, drain } =
    input.goal.kind === 'consolidate' ? consolidate(p) : evacuate(p);
  return {
    goal: input.goal,
    moves: p.moves,
    unplaced: p.unplaced,
    blastRadius: blastRadius(p.moves, p.unplaced, input.workloads, p.sites),
    effects: effects(p.moves, nodesFreed, kwFreed, freedBySite, p.sites),
    shortfall: shortfall(p.unplaced, input.workloads, p.sites),
    drain,
    headroom: p.headroomLeft(),
  };
}

interface Freed {
  /** The nodes the plan takes out of service (drained before any move). */
  drain: { siteId: string; hostname: string }[];
  nodesFreed: number;
  kwFreed: number;
  freedBySite: Map<string, number>;
}

function freed(caps: Capacity[], drain: Capacity[]): Freed {
  const freedBySite = new Map<string, number>();
  let kwFreed = 0;
  for (const c of caps) {
    const kw = c.node.gpus * c.node.idleKwPerGpu;
    kwFreed += kw;
    freedBySite.set(c.site.id, (freedBySite.get(c.site.id) ?? 0) + kw);
  }
  const out = drain.map((c) => ({ siteId: c.site.id, hostname: c.node.hostname }));
  return { nodesFreed: caps.length, kwFreed, freedBySite, drain: out };
}

function evacuate(p: PlanState): Freed {
  const g = p.input.goal;
  const givenUp: Capacity[] = [];
  for (const c of p.caps.values()) {
    const n = c.node;
    const hit =
      g.kind === 'relieve'
        ? g.nodes.some((x) => x.siteId === n.siteId && x.hostname === n.hostname)
        : g.kind === 'evacuate'
          ? 'node' in g.scope
            ? g.scope.node.siteId === n.siteId && g.scope.node.hostname === n.hostname
            : 'site' in g.scope
              ? g.scope.site === n.siteId
              : g.scope.countries.includes(c.site.country)
          : false;
    if (hit) {
      c.givenUp = true;
      givenUp.push(c);
      p.dirty.add(c.site.id);
    }
  }
  const displaced = p.order(givenUp.flatMap((c) => [...(p.onNode.get(c.key) ?? [])]));
  const left: PlanWorkload[] = [];
  for (const w of displaced) {
    const to = p.bestNode(w, false, () => true);
    if (to) p.moveTo(w, to);
    else left.push(w);
  }
  for (const w of left) {
    if (!repair(p, w)) p.unplaced.push(p.unplacedOf(w, false));
  }
  const stuck = new Set(p.unplaced.map((u) => nodeKey(p.byId.get(u.unit)!)));
  return freed(
    givenUp.filter((c) => !stuck.has(c.key)),
    givenUp,
  );
}

/**
 * Makes room for w on a node that lacks only free GPUs, by moving workloads this plan placed
 * there to other nodes. Everything else (policy, model, latency, power) must already allow w.
 */
function repair(p: PlanState, w: PlanWorkload): boolean {
  const from = p.where.get(w.id);
  const candidates: Capacity[] = [];
  for (const tier of p.tiers(p.sites.get(w.siteId), false)) {
    for (const site of tier) {
      if (p.siteBlocker(w, site, p.drawsThere(w, site))) continue;
      for (const c of p.bySite.get(site.id)!) {
        if (c.givenUp || c === from || c.node.state !== 'up' || c.free >= w.gpus) continue;
        if (w.model !== null && c.node.model !== w.model) continue;
        const movable = [...(p.onNode.get(c.key) ?? [])].filter((id) => p.moveOf.has(id));
        const gain = movable.reduce((n, id) => n + p.byId.get(id)!.gpus, 0);
        if (c.free + gain >= w.gpus) candidates.push(c);
        if (candidates.length >= REPAIR_NODES) break;
      }
      if (candidates.length >= REPAIR_NODES) break;
    }
    if (candidates.length >= REPAIR_NODES) break;
  }
  for (const c of candidates) {
    p.undo = [];
    const evict = p.order([...(p.onNode.get(c.key) ?? [])].filter((id) => p.moveOf.has(id)));
    for (const v of evict) {
      if (c.free >= w.gpus) break;
      const to = p.bestNode(v, false, () => true, c);
      if (to) p.moveTo(v, to);
    }
    if (c.free >= w.gpus) {
      p.moveTo(w, c);
      p.undo = null;
      return true;
    }
    p.rollBack();
  }
  return false;
}

function consolidate(p: PlanState): Freed {
  const emptied: Capacity[] = [];
  for (const site of p.siteOrder) {
    const nodes = p.bySite.get(site.id)!;
    const candidates = nodes.filter((c) => c.node.state === 'up' && c.free < c.node.gpus);
    candidates.sort((a, b) => b.free - a.free || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    /** Nodes that took work in this pass: emptying one again would move the same job twice. */
    const receivers = new Set<Capacity>();
    for (const c of candidates) {
      if (receivers.has(c)) continue;
      const ws = p.order(p.onNode.get(c.key) ?? []);
      if (ws.length === 0) continue;
      // A node only counts as freed when every workload on it found a place; otherwise its moves
      // are rolled back (a node that stays is not a failure of consolidation).
      p.undo = [];
      c.givenUp = true;
      p.dirty.add(site.id);
      const targets: Capacity[] = [];
      const ok = ws.every((w) => {
        const to = p.bestNode(w, true, (t) => t.free < t.node.gpus);
        if (to) {
          p.moveTo(w, to);
          targets.push(to);
        }
        return to !== null;
      });
      if (ok) {
        targets.forEach((t) => receivers.add(t));
        emptied.push(c);
        p.undo = null;
      } else {
        p.rollBack();
        c.givenUp = false;
        p.dirty.add(site.id);
      }
    }
  }
  return freed(emptied, emptied);
}
