import type { SiteConfig } from '../config/sitesFile';
import { readDcgmSamples } from '../telemetry/dcgm';
import { parseExposition } from '../telemetry/exposition';
import type { TelemetryStore } from '../telemetry/telemetryStore';
import { fetchText } from './fetchText';
import { deriveSiteStatus, type NodeHealth, type NodeOutcome } from './siteStatus';

export interface ScrapeOptions {
  timeoutMs: number;
  maxBytes: number;
  /** How many nodes of one site are scraped at once. */
  concurrency: number;
}

export interface NodeState extends NodeHealth {
  /** Telemetry store slots of this node's GPUs, in GPU index order. */
  slots: number[];
  model: string | null;
  lastXid: number | null;
}

/**
 * One connection object per site (the Lens cluster-connection shape): it scrapes every node's
 * dcgm-exporter endpoint over real HTTP, writes readings into the store, and keeps per-node health.
 */
export class SiteConnection {
  readonly nodes: NodeState[];
  consecutiveFailures = 0;

  constructor(
    readonly config: SiteConfig,
    private readonly store: TelemetryStore,
    private readonly opts: ScrapeOptions,
  ) {
    this.nodes = config.telemetry.endpoints.map((e) => ({
      hostname: e.hostname,
      outcome: null,
      lastSuccessAt: null,
      slots: [],
      model: null,
      lastXid: null,
    }));
  }

  get id(): string {
    return this.config.id;
  }

  status(nowMs: number, staleAfterMs: number) {
    return deriveSiteStatus(this.nodes, nowMs, staleAfterMs);
  }

  /** Scrapes every node once; resolves when all have answered or timed out. */
  async scrape(now: () => number = Date.now): Promise<void> {
    const endpoints = this.config.telemetry.endpoints;
    let next = 0;
    const worker = async () => {
      while (next < endpoints.length) {
        const i = next++;
        await this.scrapeNode(i, endpoints[i]!.url, now);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.opts.concurrency, endpoints.length) }, worker));
    const allFailed = this.nodes.every((n) => n.outcome?.kind !== 'ok');
    this.consecutiveFailures = allFailed ? this.consecutiveFailures + 1 : 0;
  }

  private async scrapeNode(i: number, url: string, now: () => number): Promise<void> {
    const node = this.nodes[i]!;
    const res = await fetchText(url, { timeoutMs: this.opts.timeoutMs, maxBytes: this.opts.maxBytes });
    node.outcome = this.ingest(node, res, now());
  }

  private ingest(node: NodeState, res: Awaited<ReturnType<typeof fetchText>>, t: number): NodeOutcome {
    switch (res.kind) {
      case 'timeout':
      case 'network':
        return { kind: 'unreachable', message: res.message };
      case 'too-large':
        return { kind: 'bad-response', message: res.message };
      case 'http':
        if (res.status === 401 || res.status === 403) return { kind: 'auth', message: res.message };
        return { kind: res.status >= 500 ? 'unreachable' : 'bad-response', message: res.message };
    }
    const parsed = parseExposition(res.text);
    if (!parsed.ok)
      return {
        kind: 'bad-response',
        message: `not Prometheus text (line ${parsed.line}: ${parsed.message})`,
      };
    const readings = readDcgmSamples(parsed.value.samples);
    if (readings.length === 0)
      return { kind: 'bad-response', message: 'answered, but with no DCGM GPU metrics' };
    readings.sort((a, b) => (a.gpuIndex ?? 0) - (b.gpuIndex ?? 0));
    const slots: number[] = [];
    let lastXid: number | null = null;
    for (const r of readings) {
      const slot = this.store.slotFor({
        uuid: r.uuid,
        siteId: this.config.id,
        hostname: node.hostname,
        gpuIndex: r.gpuIndex,
        model: r.model,
      });
      this.store.record(slot, t, r);
      slots.push(slot);
      if (r.xid !== null && r.xid > 0) lastXid = r.xid;
    }
    node.slots = slots;
    node.model = readings[0]!.model;
    node.lastXid = lastXid;
    node.lastSuccessAt = t;
    return { kind: 'ok' };
  }
}
