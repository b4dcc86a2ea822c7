import type { NodeDetail, NodePage, NodeQuery, NodeRow, TimelineEvent } from '../../../shared/nodes';
import type { AlertService } from '../alerts/alertService';
import { schedulerWord } from '../sites/schedulerState';
import type { AuditLog } from '../audit/auditLog';
import { defaultPowerLimitW } from '../telemetry/boardPower';
import type { FleetService } from './fleetService';
import { jobSummary } from './summaries';
import type { NodeTimeline } from './nodeTimeline';
import type { SiteHealthService } from './siteHealth';
import { queryNodes } from './queryNodes';

const SSH_ACTIONS = new Set(['ssh.open', 'ssh.close']);

/**
 * The node table and the node page (issue 4). Rows for the whole fleet are built at most once per
 * fleet tick and shared by every query in between: at 20,000 nodes the table pages through them
 * rather than shipping them all to the renderer.
 */
export class NodeViews {
  private rows: NodeRow[] = [];
  private rowsAt = NaN;

  constructor(
    private readonly fleet: FleetService,
    private readonly alerts: AlertService,
    private readonly timeline: NodeTimeline,
    private readonly audit: AuditLog,
    private readonly health: SiteHealthService,
  ) {}

  page(q: NodeQuery, offset: number, limit: number): NodePage {
    const at = this.fleet.snapshot().totals.at;
    if (at !== this.rowsAt) {
      this.rows = this.buildRows();
      this.rowsAt = at;
    }
    return queryNodes(this.rows, q, offset, limit, at);
  }

  private buildRows(): NodeRow[] {
    const now = this.fleet.clock();
    const byNode = this.alerts.byNode();
    const rows: NodeRow[] = [];
    for (const c of this.fleet.siteConnections)
      for (const n of c.nodes) {
        const s = this.fleet.nodeSummary(c, n);
        const a = byNode.get(`${c.id}/${n.hostname}`);
        rows.push({
          siteId: c.id,
          siteName: c.site.name,
          country: c.site.country,
          hostname: n.hostname,
          model: s.model,
          gpus: s.gpus,
          status: s.status,
          statusReason: s.statusReason,
          schedulerState: schedulerWord(c.scheduler.nodes.get(n.hostname)),
          utilPct: s.utilPct,
          powerKw: s.powerKw,
          maxTempC: s.maxTempC,
          lastXid: s.lastXid,
          dataAgeS: n.lastSuccessAt === null ? null : Math.max(0, Math.round((now - n.lastSuccessAt) / 1000)),
          alerts: a?.count ?? 0,
          worstSeverity: a?.worst ?? null,
        });
      }
    return rows;
  }

  detail(siteId: string, hostname: string): NodeDetail | undefined {
    const c = this.fleet.siteConnections.find((x) => x.id === siteId);
    const n = c?.nodes.find((x) => x.hostname === hostname);
    if (!c || !n) return undefined;
    const store = this.fleet.store;
    const at = this.fleet.clock();
    const summary = this.fleet.nodeSummary(c, n);
    const gpus = n.slots.map((slot) => {
      const meta = store.meta(slot);
      const l = store.latest(slot);
      const d = store.latestDetail(slot);
      const modelLimit = defaultPowerLimitW(meta?.model ?? null);
      return {
        index: meta?.gpuIndex ?? null,
        uuid: meta?.uuid ?? String(slot),
        model: meta?.model ?? null,
        sampleAt: Number.isNaN(l.t) ? null : l.t,
        utilPct: l.utilPct,
        powerW: l.powerW,
        powerLimitW: d.powerLimitW ?? modelLimit,
        powerLimitSource:
          d.powerLimitW !== null ? ('dcgm' as const) : modelLimit !== null ? ('model' as const) : null,
        tempC: l.tempC,
        memTempC: d.memTempC,
        fbUsedMiB: d.fbUsedMiB,
        fbFreeMiB: d.fbFreeMiB,
        smClockMHz: d.smClockMHz,
        memClockMHz: d.memClockMHz,
        xid: l.xid,
        rowRemapFailure: d.rowRemapFailure,
      };
    });
    const series = n.slots.map((slot) => ({
      index: store.meta(slot)?.gpuIndex ?? null,
      ...store.series(slot),
    }));
    const jobs = c.scheduler.jobs.filter((j) => j.nodes.includes(hostname)).map(jobSummary);
    const target = `${siteId}/${hostname}`;
    const actions: TimelineEvent[] = this.audit
      .list({ target }, 200)
      .filter((e) => e.target === target)
      .map((e) => ({
        t: Date.parse(e.time),
        kind: SSH_ACTIONS.has(e.action) ? ('ssh' as const) : ('action' as const),
        text: `${e.action} by ${e.actor.osUser}${e.outcome === 'ok' ? '' : ` (${e.outcome})`}`,
        severity: null,
        ref: String(e.seq),
      }));
    const timeline = [...this.timeline.of(siteId, hostname), ...actions].sort((a, b) => b.t - a.t);
    return {
      at,
      siteId,
      siteName: c.site.name,
      country: c.site.country,
      node: summary,
      scheduler: summary.scheduler,
      gpus,
      series,
      jobs,
      alerts: this.alerts.forNode(siteId, hostname),
      timeline,
      slo: this.health.slo(`${siteId}/${hostname}`),
    };
  }
}
