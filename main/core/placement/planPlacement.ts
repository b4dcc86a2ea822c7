import { estimateRttMs } from '../../../shared/latency';
import type { PolicyVerdict } from '../../../shared/policy';
import { blastRadius, effects, shortfall } from './planEffects';
import type { Move, Plan, PlanInput, PlanNode, PlanSite, PlanWorkload, Unplaced } from './planTypes';

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

const nodeKey = (n: { siteId: string; hostname: string }) => `${n.siteId}/${n.hostname}`;

interface Capacity {
  node: PlanNode;
  site: PlanSite;
  key: string;
  free: number;
  givenUp: boolean;
}

type BlockKind = 'model' | 'capacity' | 'policy' | 'latency' | 'power';
const REASON_ORDER: readonly BlockKind[] = ['policy', 'latency', 'model', 'capacity', 'power'];

export function planPlacement(input: PlanInput): Plan {
  const p = new Planner(input);
  const { nodesFreed, kwFreed, freedBySite, drain } =
    input.goal.kind === 'consolidate' ? p.consolidate() : p.evacuate();
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

class Planner {
  readonly sites: Map<string, PlanSite>;
  readonly moves: Move[] = [];
  readonly unplaced: Unplaced[] = [];
  private readonly caps = new Map<string, Capacity>();
  /** Each site's nodes in hostname order, and the sites in id order (the tie-break order). */
  private readonly bySite = new Map<string, Capacity[]>();
  private readonly siteOrder: PlanSite[];
  private readonly byCountry = new Map<string, PlanSite[]>();
  /** An upper bound of each site's largest free slot; exact again after a recount (dirty). */
  private readonly maxFree = new Map<string, number>();
  private readonly dirty = new Set<string>();
  private readonly headroom: Map<string, number | null>;
  private readonly verdicts = new Map<string, PolicyVerdict>();
  /** Where each workload is as the plan stands, and what is on each node. */
  private readonly where = new Map<string, Capacity | undefined>();
  private readonly onNode = new Map<string, Set<string>>();
  private readonly byId: Map<string, PlanWorkload>;
  private readonly moveOf = new Map<string, number>();
  /** Changes since a mark, to roll back a consolidation of a node that could not be emptied. */
  private undo: (() => void)[] | null = null;

  constructor(private readonly input: PlanInput) {
    this.sites = new Map(input.sites.map((s) => [s.id, s]));
    this.headroom = new Map(input.sites.map((s) => [s.id, s.headroomKw]));
    this.siteOrder = [...input.sites].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const s of this.siteOrder) {
      const list = this.byCountry.get(s.country) ?? [];
      list.push(s);
      this.byCountry.set(s.country, list);
      this.bySite.set(s.id, []);
    }
    for (const n of [...input.nodes].sort((a, b) =>
      a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : 0,
    )) {
      const site = this.sites.get(n.siteId);
      if (!site) continue;
      const c: Capacity = {
        node: n,
        site,
        key: nodeKey(n),
        free: n.state === 'up' ? n.freeGpus : 0,
        givenUp: false,
      };
      this.caps.set(c.key, c);
      this.bySite.get(site.id)!.push(c);
    }
    for (const s of this.siteOrder) this.dirty.add(s.id);
    this.byId = new Map(input.workloads.map((w) => [w.id, w]));
    for (const w of input.workloads) {
      const c = this.caps.get(nodeKey(w));
      this.where.set(w.id, c);
      if (c) this.onNodeSet(c.key).add(w.id);
    }
  }

  private onNodeSet(key: string): Set<string> {
    let set = this.onNode.get(key);
    if (!set) this.onNode.set(key, (set = new Set()));
    return set;
  }

  private siteMaxFree(siteId: string): number {
    if (this.dirty.delete(siteId)) {
      let m = 0;
      for (const c of this.bySite.get(siteId)!)
        if (!c.givenUp && c.node.state === 'up' && c.free > m) m = c.free;
      this.maxFree.set(siteId, m);
    }
    return this.maxFree.get(siteId) ?? 0;
  }

  private setFree(c: Capacity, free: number): void {
    const before = c.free;
    c.free = free;
    if (free > (this.maxFree.get(c.site.id) ?? 0)) this.maxFree.set(c.site.id, free);
    else if (before >= (this.maxFree.get(c.site.id) ?? 0)) this.dirty.add(c.site.id);
    this.undo?.push(() => this.setFree(c, before));
  }

  private judge(w: PlanWorkload, site: PlanSite): PolicyVerdict {
    const k = `${w.tenant}\u0000${w.dataClass}\u0000${site.id}`;
    let v = this.verdicts.get(k);
    if (!v) this.verdicts.set(k, (v = this.input.judge(w.tenant, w.dataClass, site)));
    return v;
  }

  /** Whether the workload's power is already drawn at this site (its origin, or where the plan put it). */
  private drawsThere(w: PlanWorkload, site: PlanSite): boolean {
    return site.id === w.siteId || site === this.where.get(w.id)?.site;
  }

  /** Why a site cannot take the workload at all (policy, latency, power), or null. */
  private siteBlocker(
    w: PlanWorkload,
    site: PlanSite,
    own: boolean,
  ): { kind: BlockKind; detail: string } | null {
    const v = this.judge(w, site);
    if (!v.allowed) return { kind: 'policy', detail: v.reason };
    if (w.users) {
      const rtt = estimateRttMs(w.users, site);
      if (rtt > w.users.rttBudgetMs)
        return {
          kind: 'latency',
          detail: `${Math.round(rtt)} ms round trip from its users, budget ${w.users.rttBudgetMs} ms`,
        };
    }
    // A move within its own site draws nothing new there.
    const room = own ? null : this.headroom.get(site.id);
    if (room !== null && room !== undefined && room < w.powerKw)
      return { kind: 'power', detail: `${site.id} has ${room.toFixed(1)} kW of power headroom` };
    return null;
  }

  /** Sites in the order the planner prefers them: the workload's own, its country's, the rest. */
  private tiers(from: PlanSite | undefined, sameSiteOnly: boolean): PlanSite[][] {
    if (!from) return sameSiteOnly ? [] : [this.siteOrder];
    if (sameSiteOnly) return [[from]];
    const country = (this.byCountry.get(from.country) ?? []).filter((s) => s !== from);
    const rest = this.siteOrder.filter((s) => s !== from && s.country !== from.country);
    return [[from], country, rest];
  }

  /** The best node for w, or null: lowest tier first, then the tightest fit, then key order. */
  private bestNode(
    w: PlanWorkload,
    sameSiteOnly: boolean,
    allowed: (c: Capacity) => boolean,
    exclude: Capacity | null = null,
  ): Capacity | null {
    const from = this.where.get(w.id);
    for (const tier of this.tiers(this.sites.get(w.siteId), sameSiteOnly)) {
      let best: Capacity | null = null;
      let bestSlack = Infinity;
      for (const site of tier) {
        if (this.siteMaxFree(site.id) < w.gpus) continue;
        if (this.siteBlocker(w, site, this.drawsThere(w, site))) continue;
        for (const c of this.bySite.get(site.id)!) {
          if (c.free < w.gpus || c.givenUp || c === from || c === exclude || c.node.state !== 'up') continue;
          if (w.model !== null && c.node.model !== w.model) continue;
          if (!allowed(c)) continue;
          const slack = c.free - w.gpus;
          if (slack < bestSlack) {
            best = c;
            bestSlack = slack;
            if (slack === 0) break;
          }
        }
        if (bestSlack === 0) break;
      }
      if (best) return best;
    }
    return null;
  }

  /** Why no node took w: the first constraint, in REASON_ORDER, that blocked some node. */
  private reason(w: PlanWorkload, sameSiteOnly: boolean): string {
    const from = this.where.get(w.id);
    const blocked = new Map<BlockKind, string>();
    for (const c of this.caps.values()) {
      if (c.givenUp || c === from || c.node.state !== 'up') continue;
      if (sameSiteOnly && c.site !== from?.site) continue;
      const b =
        w.model !== null && c.node.model !== w.model
          ? { kind: 'model' as const, detail: `needs ${w.model}` }
          : c.free < w.gpus
            ? { kind: 'capacity' as const, detail: `needs ${w.gpus} free GPUs` }
            : this.siteBlocker(w, c.site, this.drawsThere(w, c.site));
      if (b && !blocked.has(b.kind)) blocked.set(b.kind, b.detail);
    }
    const kind = REASON_ORDER.find((k) => blocked.has(k));
    return kind ? `${kind}: ${blocked.get(kind)}` : 'no other node is up';
  }

  /** Moves w to `to` (or re-targets its move when the plan already moves it). */
  private moveTo(w: PlanWorkload, to: Capacity): void {
    const from = this.where.get(w.id);
    this.setFree(to, to.free - w.gpus);
    if (from) {
      this.setFree(from, from.free + w.gpus);
      this.onNodeSet(from.key).delete(w.id);
    }
    this.onNodeSet(to.key).add(w.id);
    this.where.set(w.id, to);
    const origin = this.sites.get(w.siteId);
    const room = this.headroom.get(to.site.id);
    const prevSite = from?.site;
    if (room !== null && room !== undefined && to.site !== prevSite && to.site.id !== w.siteId)
      this.setHeadroom(to.site.id, room - w.powerKw);
    if (prevSite && prevSite.id !== w.siteId && prevSite !== to.site) {
      const back = this.headroom.get(prevSite.id);
      if (back !== null && back !== undefined) this.setHeadroom(prevSite.id, back + w.powerKw);
    }
    const move: Move = {
      unit: w.id,
      workload: w.label ?? w.id,
      jobId: w.jobId ?? null,
      tenant: w.tenant,
      dataClass: w.dataClass,
      gpus: w.gpus,
      from: { siteId: w.siteId, hostname: w.hostname, country: origin?.country ?? '??' },
      to: { siteId: to.site.id, hostname: to.node.hostname, country: to.site.country },
      crossSite: to.site.id !== w.siteId,
    };
    const i = this.moveOf.get(w.id);
    if (i === undefined) {
      this.moveOf.set(w.id, this.moves.length);
      this.moves.push(move);
      this.undo?.push(() => {
        this.moves.pop();
        this.moveOf.delete(w.id);
      });
    } else {
      const before = this.moves[i]!;
      this.moves[i] = move;
      this.undo?.push(() => (this.moves[i] = before));
    }
    this.undo?.push(() => {
      this.where.set(w.id, from);
      this.onNodeSet(to.key).delete(w.id);
      if (from) this.onNodeSet(from.key).add(w.id);
    });
  }

  /**
   * Power headroom before and after the plan at every site it lands work on (what-if: "and how
   * much room is left there"); null before means the site's contracted capacity is unknown.
   */
  headroomLeft(): { siteId: string; beforeKw: number | null; afterKw: number | null }[] {
    const touched = new Set(this.moves.filter((m) => m.crossSite).map((m) => m.to.siteId));
    return [...touched].sort().map((siteId) => {
      const before = this.sites.get(siteId)?.headroomKw ?? null;
      return {
        siteId,
        beforeKw: before,
        afterKw: before === null ? null : (this.headroom.get(siteId) ?? null),
      };
    });
  }

  /** Undoes the changes since `undo` was set, newest first (undoing logs nothing). */
  private rollBack(): void {
    const log = this.undo ?? [];
    this.undo = null;
    for (let i = log.length - 1; i >= 0; i--) log[i]!();
  }

  private setHeadroom(siteId: string, kw: number): void {
    const before = this.headroom.get(siteId)!;
    this.headroom.set(siteId, kw);
    this.undo?.push(() => this.headroom.set(siteId, before));
  }

  private order(ids: Iterable<string>): PlanWorkload[] {
    return [...ids]
      .map((id) => this.byId.get(id)!)
      .sort((a, b) => b.priority - a.priority || b.gpus - a.gpus || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private freed(caps: Capacity[], drain: Capacity[]): Freed {
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

  evacuate(): Freed {
    const g = this.input.goal;
    const givenUp: Capacity[] = [];
    for (const c of this.caps.values()) {
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
        this.dirty.add(c.site.id);
      }
    }
    const displaced = this.order(givenUp.flatMap((c) => [...(this.onNode.get(c.key) ?? [])]));
    const left: PlanWorkload[] = [];
    for (const w of displaced) {
      const to = this.bestNode(w, false, () => true);
      if (to) this.moveTo(w, to);
      else left.push(w);
    }
    for (const w of left) {
      if (!this.repair(w)) this.unplaced.push(this.unplacedOf(w, false));
    }
    const stuck = new Set(this.unplaced.map((u) => nodeKey(this.byId.get(u.unit)!)));
    return this.freed(
      givenUp.filter((c) => !stuck.has(c.key)),
      givenUp,
    );
  }

  /**
   * Makes room for w on a node that lacks only free GPUs, by moving workloads this plan placed
   * there to other nodes. Everything else (policy, model, latency, power) must already allow w.
   */
  private repair(w: PlanWorkload): boolean {
    const from = this.where.get(w.id);
    const candidates: Capacity[] = [];
    for (const tier of this.tiers(this.sites.get(w.siteId), false)) {
      for (const site of tier) {
        if (this.siteBlocker(w, site, this.drawsThere(w, site))) continue;
        for (const c of this.bySite.get(site.id)!) {
          if (c.givenUp || c === from || c.node.state !== 'up' || c.free >= w.gpus) continue;
          if (w.model !== null && c.node.model !== w.model) continue;
          const movable = [...(this.onNode.get(c.key) ?? [])].filter((id) => this.moveOf.has(id));
          const gain = movable.reduce((n, id) => n + this.byId.get(id)!.gpus, 0);
          if (c.free + gain >= w.gpus) candidates.push(c);
          if (candidates.length >= REPAIR_NODES) break;
        }
        if (candidates.length >= REPAIR_NODES) break;
      }
      if (candidates.length >= REPAIR_NODES) break;
    }
    for (const c of candidates) {
      this.undo = [];
      const evict = this.order([...(this.onNode.get(c.key) ?? [])].filter((id) => this.moveOf.has(id)));
      for (const v of evict) {
        if (c.free >= w.gpus) break;
        const to = this.bestNode(v, false, () => true, c);
        if (to) this.moveTo(v, to);
      }
      if (c.free >= w.gpus) {
        this.moveTo(w, c);
        this.undo = null;
        return true;
      }
      this.rollBack();
    }
    return false;
  }

  private unplacedOf(w: PlanWorkload, sameSiteOnly: boolean): Unplaced {
    return {
      unit: w.id,
      workload: w.label ?? w.id,
      tenant: w.tenant,
      dataClass: w.dataClass,
      gpus: w.gpus,
      reason: this.reason(w, sameSiteOnly),
    };
  }

  consolidate(): Freed {
    const emptied: Capacity[] = [];
    for (const site of this.siteOrder) {
      const nodes = this.bySite.get(site.id)!;
      const candidates = nodes.filter((c) => c.node.state === 'up' && c.free < c.node.gpus);
      candidates.sort((a, b) => b.free - a.free || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      /** Nodes that took work in this pass: emptying one again would move the same job twice. */
      const receivers = new Set<Capacity>();
      for (const c of candidates) {
        if (receivers.has(c)) continue;
        const ws = this.order(this.onNode.get(c.key) ?? []);
        if (ws.length === 0) continue;
        // A node only counts as freed when every workload on it found a place; otherwise its moves
        // are rolled back (a node that stays is not a failure of consolidation).
        this.undo = [];
        c.givenUp = true;
        this.dirty.add(site.id);
        const targets: Capacity[] = [];
        const ok = ws.every((w) => {
          const to = this.bestNode(w, true, (t) => t.free < t.node.gpus);
          if (to) {
            this.moveTo(w, to);
            targets.push(to);
          }
          return to !== null;
        });
        if (ok) {
          targets.forEach((t) => receivers.add(t));
          emptied.push(c);
          this.undo = null;
        } else {
          this.rollBack();
          c.givenUp = false;
          this.dirty.add(site.id);
        }
      }
    }
    return this.freed(emptied, emptied);
  }
}
