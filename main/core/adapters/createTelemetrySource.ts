import type { ResolvedSite } from '../config/resolveSites';
import type { Limiter } from '../sites/limiter';
import type { TelemetrySource } from '../sites/telemetrySource';
import { DcgmScrapeSource } from './dcgm/dcgmScrapeSource';
import type { DcgmScraper } from './dcgm/scrapeDcgm';
import { PrometheusSource } from './prometheus/prometheusSource';

/** The one place a site's configured telemetry kind becomes an adapter. */
export function createTelemetrySource(
  site: Pick<ResolvedSite, 'telemetry' | 'unresolved'>,
  o: {
    timeoutMs: number;
    schedulerNodes?: () => Iterable<{ name: string; address: string | null }>;
    limiter?: Limiter;
    scraper?: DcgmScraper;
  },
): TelemetrySource {
  if (site.unresolved) return unresolvedSource(site.unresolved);
  const t = site.telemetry;
  switch (t.kind) {
    case 'dcgm':
      return new DcgmScrapeSource(
        t.endpoints,
        {
          timeoutMs: o.timeoutMs,
          maxBytes: 16 * 1024 * 1024,
          concurrency: 16,
          limiter: o.limiter,
          scraper: o.scraper,
        },
        t.discover && o.schedulerNodes
          ? () => discoveredEndpoints(o.schedulerNodes!(), t.discover!)
          : undefined,
      );
    case 'prometheus':
      return new PrometheusSource(t, { timeoutMs: o.timeoutMs, maxBytes: 64 * 1024 * 1024 });
  }
}

/**
 * Each scheduler node's exporter: its address (else its name), the configured port and path; `{node}`
 * in the path stands for the node's name (exporters behind one listener with per-node paths).
 */
export function discoveredEndpoints(
  nodes: Iterable<{ name: string; address: string | null }>,
  d: { port: number; path: string; scheme: 'http' | 'https' },
): { hostname: string; url: string }[] {
  const host = (h: string) => (h.includes(':') ? `[${h}]` : h);
  return [...nodes].map((n) => ({
    hostname: n.name,
    url: `${d.scheme}://${host(n.address ?? n.name)}:${d.port}${d.path.replaceAll('{node}', encodeURIComponent(n.name))}`,
  }));
}

/** A site whose profile cannot be used yet: every poll says why, so it shows as misconfigured. */
function unresolvedSource(message: string): TelemetrySource {
  return {
    kind: 'unresolved',
    initialNodes: () => [],
    poll: async () => ({ reports: [], siteOutcome: { kind: 'bad-response', message } }),
  };
}
