import { join } from 'node:path';
import type { SiteHealth, SloView } from '../../../shared/nodes';
import { loadGzJson, saveGzJsonPieces } from '../config/gzJsonFile';
import { PeriodicSave } from '../config/periodicSave';
import type { FleetService } from './fleetService';
import { Availability, SLO_TARGETS } from './availability';

const FILE = 'availability.json.gz';
const COLUMNS = 30;

/**
 * Site and node health over time (issue 4): availability booked at every fleet tick and kept on disk
 * (so "uptime this month" survives restarts), and the site page's capacity, power headroom and
 * utilisation heatmap, from the store's retained samples.
 */
export class SiteHealthService {
  readonly availability = new Availability();
  private lastTickAt: number | null = null;
  private readonly saver = new PeriodicSave(() =>
    saveGzJsonPieces(join(this.stateDir, FILE), this.availability.jsonPieces()).catch(() => undefined),
  );
  readonly notes: string[] = [];

  constructor(
    private readonly fleet: FleetService,
    private readonly stateDir: string,
  ) {}

  async load(): Promise<void> {
    const r = await loadGzJson(join(this.stateDir, FILE));
    if (r.kind === 'loaded') this.availability.load(r.value);
    if (r.kind === 'corrupt')
      this.notes.push(`${r.message}; kept as ${r.movedTo}, availability starts afresh`);
  }

  start(): void {
    this.saver.start();
  }

  stop(): Promise<void> {
    return this.saver.stop();
  }

  /** Books the time since the last tick: a node is up while its data is fresh, a site while it answers. */
  onTick(at: number): void {
    const dtS = this.lastTickAt === null ? 0 : Math.min(600, (at - this.lastTickAt) / 1000);
    this.lastTickAt = at;
    if (dtS <= 0) return;
    for (const c of this.fleet.siteConnections) {
      const { status } = c.status(at, this.fleet.staleMs);
      this.availability.record(c.id, at, dtS, status === 'ok' || status === 'degraded');
      for (const n of c.nodes)
        this.availability.record(
          `${c.id}/${n.hostname}`,
          at,
          dtS,
          n.lastSuccessAt !== null && at - n.lastSuccessAt <= this.fleet.staleMs,
        );
    }
  }

  slo(key: string): SloView {
    return { ...this.availability.slo(key, this.fleet.clock()), targets: SLO_TARGETS };
  }

  health(siteId: string): SiteHealth | undefined {
    const c = this.fleet.siteConnections.find((x) => x.id === siteId);
    const summary = this.fleet.snapshot().sites.find((s) => s.id === siteId);
    if (!c || !summary) return undefined;
    const at = this.fleet.clock();
    const store = this.fleet.store;
    const byModel = new Map<string, { gpus: number; used: number; known: boolean }>();
    for (const n of c.nodes) {
      const m = byModel.get(n.model ?? 'unknown') ?? { gpus: 0, used: 0, known: false };
      m.gpus += n.slots.length;
      const sn = c.scheduler.nodes.get(n.hostname);
      if (sn?.gpusUsed !== null && sn?.gpusUsed !== undefined) {
        m.used += sn.gpusUsed;
        m.known = true;
      }
      byModel.set(n.model ?? 'unknown', m);
    }
    // Heatmap: mean utilisation of each node's GPUs per column over the retained samples.
    const since = at - store.capacity * this.fleet.intervalMs;
    const columnMs = Math.max(this.fleet.intervalMs, Math.ceil((at - since) / COLUMNS / 1000) * 1000);
    const start = Math.floor(since / columnMs) * columnMs;
    const cols = Math.ceil((at - start) / columnMs);
    const util = c.nodes.map((n) => {
      const sum = new Float64Array(cols);
      const count = new Uint32Array(cols);
      for (const slot of n.slots) {
        const s = store.series(slot, start);
        s.t.forEach((t, i) => {
          const v = s.utilPct[i];
          const k = Math.floor((t - start) / columnMs);
          if (v === null || v === undefined || k < 0 || k >= cols) return;
          sum[k]! += v;
          count[k]!++;
        });
      }
      return Array.from(sum, (v, k) => (count[k] ? Math.round((v / count[k]!) * 10) / 10 : null));
    });
    const cap = this.fleet.resolvedSite(siteId)?.powerCapacityKw ?? null;
    const today = new Date(at).toISOString().slice(0, 10);
    return {
      at,
      siteId,
      powerKw: summary.powerKw,
      powerCapacityKw: cap,
      headroomKw: cap !== null && summary.powerKw !== null ? cap - summary.powerKw : null,
      capacity: [...byModel]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([model, m]) => ({ model, gpus: m.gpus, gpusUsed: m.known ? m.used : null })),
      heatmap: {
        t: Array.from({ length: cols }, (_, k) => start + k * columnMs),
        columnMs,
        nodes: c.nodes.map((n) => n.hostname),
        util,
      },
      slo: this.slo(siteId),
      nodes: c.nodes.map((n) => {
        const s = this.availability.slo(`${siteId}/${n.hostname}`, at);
        return {
          hostname: n.hostname,
          monthUptimePct: s.monthUptimePct,
          offlineMinToday: s.days.find((d) => d.day === today)?.offlineMin ?? null,
        };
      }),
    };
  }
}
