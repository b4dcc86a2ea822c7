import { SITE_RTT_OVERHEAD_MS } from '../../../shared/latency';
import { schedulerWord } from '../sites/schedulerState';
import type { FleetService } from '../fleet/fleetService';
import { priorityOf, runningWorkloads, usersOf } from '../residency/workloadOf';
import type { PlanGoal, PlanInput, PlanNode, PlanSite, PlanWorkload } from './planTypes';

/** What an idle GPU draws when nothing measured one on its node (kW); H100/H200 idle at 60–100 W. */
const IDLE_KW_FALLBACK = 0.07;
/** What a busy GPU adds where it lands when its node's draw cannot be split (kW). */
const BUSY_KW_FALLBACK = 0.5;

/**
 * The planner's view of the fleet now: nodes and workloads from each site's scheduler (a site without
 * one has no workloads the console could move, so it takes no part), measured power, the site's
 * contracted headroom, tariff, PUE and grid intensity, and the residency policy as the judge.
 */
export function planInput(
  fleet: FleetService,
  goal: PlanGoal,
  judge: PlanInput['judge'],
  carbonOf: (site: { country: string; carbonGPerKwh?: number }) => number | null,
): PlanInput {
  const { power, t } = fleet.store.latestArrays;
  const now = fleet.clock();
  const snapshot = new Map(fleet.snapshot().sites.map((s) => [s.id, s]));
  const sites: PlanSite[] = [];
  const nodes: PlanNode[] = [];
  const workloads: PlanWorkload[] = [];
  for (const c of fleet.siteConnections) {
    const running = runningWorkloads(c);
    if (!running) continue;
    const r = fleet.resolvedSite(c.id);
    if (!r) continue;
    const draw = snapshot.get(c.id)?.powerKw ?? null;
    sites.push({
      id: c.id,
      country: r.country,
      subdivision: r.subdivision ?? null,
      lat: r.lat,
      lon: r.lon,
      headroomKw: r.powerCapacityKw !== undefined && draw !== null ? r.powerCapacityKw - draw : null,
      rttOverheadMs: SITE_RTT_OVERHEAD_MS,
      pue: r.pue ?? 1,
      tariff: r.tariff ?? null,
      carbonGPerKwh: carbonOf(r),
    });
    const models = new Map<string, string | null>();
    for (const n of c.nodes) {
      models.set(n.hostname, n.model);
      const sn = c.scheduler.nodes.get(n.hostname);
      const word = (schedulerWord(sn) ?? '').toUpperCase();
      const total = sn?.gpusTotal ?? n.slots.length;
      const used = Math.min(total, sn?.gpusUsed ?? 0);
      // Measured idle draw: the least-drawing fresh GPUs of the node stand for its idle ones.
      const fresh = n.slots.filter((s) => now - t[s]! <= fleet.staleMs && !Number.isNaN(power[s]!));
      const watts = fresh.map((s) => power[s]!).sort((a, b) => a - b);
      const idleW = watts.slice(0, Math.max(1, total - used)).filter((w) => w > 0);
      nodes.push({
        siteId: c.id,
        hostname: n.hostname,
        model: n.model,
        gpus: total,
        freeGpus: total - used,
        state: /\bDOWN\b|NOT_RESPONDING/.test(word)
          ? 'down'
          : /DRAIN|MAINT|RESERVED/.test(word)
            ? 'drained'
            : 'up',
        idleKwPerGpu: idleW.length
          ? idleW.reduce((a, b) => a + b, 0) / idleW.length / 1000
          : IDLE_KW_FALLBACK,
      });
    }
    for (const { job: j, tags } of running) {
      // A job spanning nodes cannot be moved as one node's work: the planner leaves it where it is.
      const host = j.nodes[0];
      if (j.nodes.length !== 1 || !host) continue;
      const gpus = Math.max(1, j.gpus ?? 1);
      workloads.push({
        id: `${c.id}#${j.id}`,
        label: tags.workload,
        jobId: j.id,
        tenant: tags.tenant,
        dataClass: tags.dataClass,
        gpus,
        // A job that asked for a GPU type (gpu:h200:2) must land on that model again.
        model: j.gpuTypeAsked ? (models.get(host) ?? null) : null,
        siteId: c.id,
        hostname: host,
        priority: priorityOf(j.comment),
        powerKw: gpus * BUSY_KW_FALLBACK,
        users: usersOf(j.comment),
      });
    }
  }
  return { sites, nodes, workloads, judge, goal };
}
