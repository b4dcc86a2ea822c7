import type { Limiter } from '../../sites/limiter';
import type { NodeReport, PollResult, TelemetrySource } from '../../sites/telemetrySource';
import { scrapeDcgm, type DcgmScraper } from './scrapeDcgm';

/**
 * Running totals over every dcgm scrape this process made: what issue 10's ingest benchmark
 * divides CPU time by (one sample = one metric line parsed, as Prometheus counts them). Two adds
 * per scrape; never reset.
 */
export const dcgmScrapeTotals = { scrapes: 0, samples: 0 };

export interface DcgmEndpoint {
  hostname: string;
  url: string;
}

export interface ScrapeOptions {
  timeoutMs: number;
  maxBytes: number;
  /** How many nodes of one site are scraped at once. */
  concurrency: number;
  /** The fleet-wide bound on requests in flight. */
  limiter?: Limiter;
  /** Who does the GET and the parsing: the scrape worker when there is one, else this thread. */
  scraper?: DcgmScraper;
}

/** Scrapes each node's dcgm-exporter `/metrics` directly, a bounded number at a time. */
export class DcgmScrapeSource implements TelemetrySource {
  readonly kind = 'dcgm';

  constructor(
    private readonly endpoints: readonly DcgmEndpoint[],
    private readonly opts: ScrapeOptions,
    /** Endpoints found from the scheduler's node list, read afresh at each poll. */
    private readonly discovered?: () => readonly DcgmEndpoint[],
  ) {}

  /** The site's scheduler must be read before each poll: it names the nodes. */
  get needsScheduler(): boolean {
    return this.discovered !== undefined;
  }

  initialNodes(): string[] {
    return this.endpoints.map((e) => e.hostname);
  }

  async poll(now: () => number): Promise<PollResult> {
    const byHost = new Map<string, DcgmEndpoint>();
    for (const e of [...(this.discovered?.() ?? []), ...this.endpoints]) byHost.set(e.hostname, e);
    const endpoints = [...byHost.values()];
    const reports: NodeReport[] = [];
    let next = 0;
    const worker = async () => {
      while (next < endpoints.length) {
        const e = endpoints[next++]!;
        const lim = this.opts.limiter;
        reports.push(await (lim ? lim.run(() => this.scrape(e, now)) : this.scrape(e, now)));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.opts.concurrency, endpoints.length) }, worker));
    return { reports, siteOutcome: null };
  }

  private async scrape(e: DcgmEndpoint, now: () => number): Promise<NodeReport> {
    const scrape = this.opts.scraper ?? scrapeDcgm;
    const res = await scrape({ url: e.url, timeoutMs: this.opts.timeoutMs, maxBytes: this.opts.maxBytes });
    const t = now();
    if (res.kind === 'fail') return { hostname: e.hostname, outcome: res.outcome, readings: [], t };
    dcgmScrapeTotals.scrapes++;
    dcgmScrapeTotals.samples += res.samples;
    return {
      hostname: e.hostname,
      outcome: { kind: 'ok' },
      readings: res.readings,
      t: stampedTime(res.stampMs, t),
    };
  }
}

/**
 * When the exporter stamps its samples (the exposition format allows it; dcgm-exporter does not),
 * the reading is booked at that time, as Prometheus honours timestamps — unless the stamp is more than
 * a minute off the console's clock (a skewed exporter), when the time of the scrape is used.
 */
export function sampleTime(samples: readonly { timestampMs: number | null }[], scrapedAt: number): number {
  return stampedTime(samples.find((s) => s.timestampMs !== null)?.timestampMs ?? null, scrapedAt);
}

export function stampedTime(stamp: number | null, scrapedAt: number): number {
  return stamp !== null && Math.abs(stamp - scrapedAt) <= 60_000 ? stamp : scrapedAt;
}
