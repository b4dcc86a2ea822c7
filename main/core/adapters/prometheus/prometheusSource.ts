import type { PromTelemetryConfig } from '../../config/sitesFile';
import type { NodeReport, PollResult, TelemetrySource } from '../../sites/telemetrySource';
import { readDcgmSamples } from '../../telemetry/dcgm';
import type { Sample } from '../../telemetry/exposition';
import { aggregateQueries, reportsFromAggregates } from './nodeAggregates';
import { PromClient, promValue, type PromAuth, type PromResult, type Vector } from './promClient';

/** Above this many GPUs a site in `auto` mode is read as per-node aggregates. */
export const AUTO_AGGREGATE_GPUS = 1024;

/** The DCGM fields the fleet views use; one instant query fetches them all. */
export const DCGM_FIELDS = [
  'DCGM_FI_DEV_GPU_UTIL',
  'DCGM_FI_DEV_POWER_USAGE',
  'DCGM_FI_DEV_GPU_TEMP',
  'DCGM_FI_DEV_MEMORY_TEMP',
  'DCGM_FI_DEV_FB_USED',
  'DCGM_FI_DEV_FB_FREE',
  'DCGM_FI_DEV_SM_CLOCK',
  'DCGM_FI_DEV_MEM_CLOCK',
  'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION',
  'DCGM_FI_DEV_XID_ERRORS',
  'DCGM_FI_DEV_ROW_REMAP_FAILURE',
];

const matchers = (selector?: string) =>
  (selector ?? '')
    .trim()
    .replace(/^\{|\}$/g, '')
    .trim();

/** `{__name__=~"A|B",job="dcgm"}` — the user's selector narrows it to the site's own exporters. */
export function dcgmQuery(selector?: string): string {
  const extra = matchers(selector);
  return `{__name__=~"${DCGM_FIELDS.join('|')}"${extra ? `,${extra}` : ''}}`;
}

/** Turns a Prometheus vector back into samples and groups the GPUs by host (Hostname, hostname or instance). */
export function vectorToReports(vector: Vector): NodeReport[] {
  const byHost = new Map<string, { samples: Sample[]; t: number }>();
  for (const s of vector) {
    const { __name__: name, ...labels } = s.metric;
    if (!name) continue;
    const host = labels.Hostname ?? labels.hostname ?? labels.instance ?? 'unknown';
    let g = byHost.get(host);
    if (!g) byHost.set(host, (g = { samples: [], t: 0 }));
    const t = Math.round(s.value[0] * 1000);
    g.samples.push({ name, labels, value: promValue(s.value[1]), timestampMs: t });
    if (t > g.t) g.t = t;
  }
  return [...byHost].map(([hostname, g]) => {
    const readings = readDcgmSamples(g.samples);
    return readings.length
      ? { hostname, outcome: { kind: 'ok' as const }, readings, t: g.t }
      : {
          hostname,
          outcome: { kind: 'bad-response' as const, message: 'no DCGM GPU series for this host' },
          readings,
          t: g.t,
        };
  });
}

/**
 * A site's telemetry through its own Prometheus: one instant query for the DCGM fields, nodes and
 * GPUs discovered from the series' labels. Samples keep Prometheus's timestamps, so data that
 * Prometheus itself holds stale (up to its 5-minute lookback) shows as stale here too.
 * A node seen before but absent now is reported as not answering.
 */
export class PrometheusSource implements TelemetrySource {
  readonly kind = 'prometheus';
  private readonly client: PromClient;
  private readonly known = new Set<string>();
  private lastGpuCount = 0;

  constructor(
    private readonly cfg: PromTelemetryConfig & { resolvedAuth?: PromAuth; caPem?: string },
    o: {
      timeoutMs: number;
      maxBytes: number;
      /** Evaluation time (epoch s) for instant queries; default: Prometheus's own now, which sidesteps clock skew. */
      evalAt?: () => number;
    },
  ) {
    this.client = new PromClient(cfg.url, { ...o, auth: cfg.resolvedAuth, ca: cfg.caPem });
    this.evalAt = o.evalAt;
  }

  private readonly evalAt?: () => number;

  initialNodes(): string[] {
    return [];
  }

  get aggregated(): boolean {
    const mode = this.cfg.mode ?? 'auto';
    return mode === 'per-node' || (mode === 'auto' && this.lastGpuCount > AUTO_AGGREGATE_GPUS);
  }

  private async fetchReports(): Promise<PromResult<NodeReport[]>> {
    if (!this.aggregated) {
      const r = await this.client.query(dcgmQuery(this.cfg.selector), this.evalAt?.());
      return r.ok ? { ok: true, value: vectorToReports(r.value) } : r;
    }
    const extra = matchers(this.cfg.selector);
    const q = aggregateQueries(extra ? `{${extra}}` : '');
    const names = Object.keys(q) as (keyof typeof q)[];
    const at = this.evalAt?.();
    const answers = await Promise.all(names.map((n) => this.client.query(q[n], at)));
    const vectors = {} as Record<keyof typeof q, Vector>;
    for (const [i, a] of answers.entries()) {
      if (!a.ok) return a;
      vectors[names[i]!] = a.value;
    }
    return { ok: true, value: reportsFromAggregates(vectors) };
  }

  async poll(now: () => number): Promise<PollResult> {
    const r = await this.fetchReports();
    if (!r.ok) return { reports: [], siteOutcome: r.outcome };
    const reports = r.value;
    this.lastGpuCount = reports.reduce((n, x) => n + x.readings.length, 0);
    const seen = new Set(reports.map((x) => x.hostname));
    for (const h of this.known)
      if (!seen.has(h))
        reports.push({
          hostname: h,
          outcome: {
            kind: 'unreachable',
            message: "no longer in Prometheus's answer (its exporter is down or gone)",
          },
          readings: [],
          t: now(),
        });
    for (const h of seen) this.known.add(h);
    return { reports, siteOutcome: null };
  }
}
