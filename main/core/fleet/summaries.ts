import type { JobSummary, NodeSummary, SiteSummary } from '../../../shared/domain';
import type { SlurmJob, SlurmNode } from '../adapters/slurm/slurmModel';
import type { SiteIdleNow } from '../energy/sustainabilitySummary';
import type { NodeState, SiteConnection } from '../sites/siteConnection';
import { rollupSlots, type Rollup } from '../telemetry/rollup';
import type { TelemetryStore } from '../telemetry/telemetryStore';

/** The shapes the views show, built from a site connection's state: pure, so tables can be tested without a fleet. */

export const round = (v: number | null, digits: number) => (v === null ? null : Number(v.toFixed(digits)));

export function schedulerNode(n: SlurmNode | undefined): NodeSummary['scheduler'] {
  return n
    ? { state: n.state, flags: n.flags, reason: n.reason, gpusUsed: n.gpusUsed, gpusTotal: n.gpusTotal }
    : null;
}

/** A Slurm job as the views show it. */
export function jobSummary(j: SlurmJob): JobSummary {
  return {
    id: j.id,
    name: j.name,
    state: j.state,
    stateReason: j.stateReason,
    nodes: j.nodes,
    gpus: j.gpus,
    account: j.account,
    user: j.user,
    comment: j.comment,
    startTime: j.startTime,
  };
}

/** One node as the tables show it: its rollup now, telemetry status and the scheduler's view. */
export function nodeSummary(
  c: SiteConnection,
  n: NodeState,
  latest: TelemetryStore['latestArrays'],
  now: number,
  staleAfterMs: number,
): NodeSummary {
  const r = rollupSlots(latest, n.slots, now, staleAfterMs);
  const failed = n.outcome && n.outcome.kind !== 'ok' ? n.outcome : null;
  const status: NodeSummary['status'] = failed
    ? 'error'
    : n.lastSuccessAt === null
      ? 'no-data'
      : r.gpusReporting === 0
        ? 'stale'
        : 'ok';
  return {
    hostname: n.hostname,
    status,
    statusReason: failed ? failed.message : null,
    gpus: n.slots.length,
    model: n.model,
    utilPct: round(r.utilPct, 1),
    powerKw: r.powerW === null ? null : round(r.powerW / 1000, 3),
    maxTempC: r.maxTempC,
    lastXid: n.lastXid,
    lastSuccessAt: n.lastSuccessAt,
    scheduler: schedulerNode(c.scheduler.nodes.get(n.hostname)),
  };
}

/** A site's summary for the map and lists, from its rollup, status and idle draw now. */
export function siteSummary(
  c: SiteConnection,
  r: Rollup,
  status: SiteSummary['status'],
  reason: string | null,
  now: number,
  staleAfterMs: number,
  idle: SiteIdleNow | undefined,
): SiteSummary {
  const cfg = c.site;
  const models = [...new Set(c.nodes.map((n) => n.model).filter((m): m is string => m !== null))].sort();
  const lastSuccess = c.nodes.reduce<number | null>(
    (acc, n) => (n.lastSuccessAt !== null && (acc === null || n.lastSuccessAt > acc) ? n.lastSuccessAt : acc),
    null,
  );
  return {
    id: cfg.id,
    name: cfg.name,
    city: cfg.city,
    country: cfg.country,
    lat: cfg.lat,
    lon: cfg.lon,
    status,
    statusReason: reason,
    nodes: c.nodes.length,
    nodesReporting: c.nodes.filter((n) => n.lastSuccessAt !== null && now - n.lastSuccessAt <= staleAfterMs)
      .length,
    gpus: r.gpus,
    gpusReporting: r.gpusReporting,
    utilPct: round(r.utilPct, 2),
    powerKw: r.powerW === null ? null : round(r.powerW / 1000, 3),
    idleKw: idle && idle.reporting > 0 ? round(idle.kw, 3) : null,
    idleGpus: idle?.gpus ?? 0,
    lastSuccessAt: lastSuccess,
    models,
  };
}
