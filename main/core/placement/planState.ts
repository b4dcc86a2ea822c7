import { estimateRttMs } from '../../../shared/latency';
import type { PolicyVerdict } from '../../../shared/policy';
import type { Move, PlanInput, PlanNode, PlanSite, PlanWorkload, Unplaced } from './planTypes';

/**
 * The planner's working state and its moves (planPlacement.ts holds the goals): capacity per node,
 * indexed by site and country in tie-break order; each site's largest free slot (so a site too full
 * is skipped whole); policy verdicts once per tenant, data class and site; where each workload is as
 * the plan stands; and an undo log, so a consolidation that cannot empty a node is rolled back.
 */
export const nodeKey = (n: { siteId: string; hostname: string }) => `${n.siteId}/${n.hostname}`;

export interface Capacity {
  node: PlanNode;
  site: PlanSite;
  key: string;
  free: number;
  givenUp: boolean;
}

type BlockKind = 'model' | 'capacity' | 'policy' | 'latency' | 'power';
const REASON_ORDER: readonly BlockKind[] = ['policy', 'latency', 'model', 'capacity', 'power'];

export class PlanState {
  readonly sites: Map<string, PlanSite>;
  readonly moves: Move[] = [];
  readonly unplaced: Unplaced[] = [];
  readonly caps = new Map<string, Capacity>();
  /** Each site's nodes in hostname order, and the sites in id order (the tie-break order). */
  readonly bySite = new Map<string, Capacity[]>();
  readonly siteOrder: PlanSite[];
  readonly byCountry = new Map<string, PlanSite[]>();
  /** An upper bound of each site's largest free slot; exact again after a recount (dirty). */
  private readonly maxFree = new Map<string, number>();
  readonly dirty = new Set<string>();
  readonly headroom: Map<string, number | null>;
  private readonly verdicts = new Map<string, PolicyVerdict>();
  /** Where each workload is as the plan stands, and what is on each node. */
  readonly where = new Map<string, Capacity | undefined>();
  readonly onNode = new Map<string, Set<string>>();
  readonly byId: Map<string, PlanWorkload>;
  readonly moveOf = new Map<string, number>();
  /** Changes since a mark, to roll back a consolidation of a node that could not be emptied. */
  undo: (() => void)[] | null = null;

  constructor(readonly input: PlanInput) {
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

  onNodeSet(key: string): Set<string> {
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
  drawsThere(w: PlanWorkload, site: PlanSite): boolean {
    return site.id === w.siteId || site === this.where.get(w.id)?.site;
  }

  /** Why a site cannot take the workload at all (policy, latency, power), or null. */
  siteBlocker(w: PlanWorkload, site: PlanSite, own: boolean): { kind: BlockKind; detail: string } | null {
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
  tiers(from: PlanSite | undefined, sameSiteOnly: boolean): PlanSite[][] {
    if (!from) return sameSiteOnly ? [] : [this.siteOrder];
    if (sameSiteOnly) return [[from]];
    const country = (this.byCountry.get(from.country) ?? []).filter((s) => s !== from);
    const rest = this.siteOrder.filter((s) => s !== from && s.country !== from.country);
    return [[from], country, rest];
  }

  /** The best node for w, or null: lowest tier first, then the tightest fit, then key order. */
  bestNode(
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
  moveTo(w: PlanWorkload, to: Capacity): void {
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
  rollBack(): void {
    const log = this.undo ?? [];
    this.undo = null;
    for (let i = log.length - 1; i >= 0; i--) log[i]!();
  }

  private setHeadroom(siteId: string, kw: number): void {
    const before = this.headroom.get(siteId)!;
    this.headroom.set(siteId, kw);
    this.undo?.push(() => this.headroom.set(siteId, before));
  }

  order(ids: Iterable<string>): PlanWorkload[] {
    return [...ids]
      .map((id) => this.byId.get(id)!)
      .sort((a, b) => b.priority - a.priority || b.gpus - a.gpus || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  unplacedOf(w: PlanWorkload, sameSiteOnly: boolean): Unplaced {
    return {
      unit: w.id,
      workload: w.label ?? w.id,
      tenant: w.tenant,
      dataClass: w.dataClass,
      gpus: w.gpus,
      reason: this.reason(w, sameSiteOnly),
    };
  }
}
