import type { ResolvedSite } from '../config/resolveSites';
import type { TelemetrySource } from '../sites/telemetrySource';
import { DcgmScrapeSource } from './dcgm/dcgmScrapeSource';
import { PrometheusSource } from './prometheus/prometheusSource';

/** The one place a site's configured telemetry kind becomes an adapter. */
export function createTelemetrySource(
  site: Pick<ResolvedSite, 'telemetry' | 'unresolved'>,
  o: { timeoutMs: number },
): TelemetrySource {
  if (site.unresolved) return unresolvedSource(site.unresolved);
  const t = site.telemetry;
  switch (t.kind) {
    case 'dcgm':
      return new DcgmScrapeSource(t.endpoints, {
        timeoutMs: o.timeoutMs,
        maxBytes: 16 * 1024 * 1024,
        concurrency: 16,
      });
    case 'prometheus':
      return new PrometheusSource(t, { timeoutMs: o.timeoutMs, maxBytes: 64 * 1024 * 1024 });
  }
}

/** A site whose profile cannot be used yet: every poll says why, so it shows as misconfigured. */
function unresolvedSource(message: string): TelemetrySource {
  return {
    kind: 'unresolved',
    initialNodes: () => [],
    poll: async () => ({ reports: [], siteOutcome: { kind: 'bad-response', message } }),
  };
}
