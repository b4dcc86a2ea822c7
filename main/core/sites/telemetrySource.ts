import type { GpuReading } from '../telemetry/dcgm';
import type { HttpOutcome } from './httpGet';
import type { NodeOutcome } from './siteStatus';

/** What one poll learned about one node. */
export interface NodeReport {
  hostname: string;
  outcome: NodeOutcome;
  readings: GpuReading[];
  /** When the readings were taken (the exporter's or Prometheus's sample time), epoch ms. */
  t: number;
}

export interface PollResult {
  reports: NodeReport[];
  /** Set when the site as a whole failed (its Prometheus is down, refuses the token…). */
  siteOutcome: NodeOutcome | null;
}

/**
 * A protocol a site's telemetry arrives by (dcgm-exporter scraped directly, the site's Prometheus…).
 * The connection above it is the same for all: health, backoff and the store do not care which.
 */
export interface TelemetrySource {
  readonly kind: string;
  /** True when the scheduler must be read first (it lists the nodes to scrape). */
  readonly needsScheduler?: boolean;
  /** Nodes known before the first poll (configured endpoints); discovery may report more. */
  initialNodes(): string[];
  poll(now: () => number): Promise<PollResult>;
}

/** Maps a transport failure onto a node/site outcome, in one place for every adapter. */
export function outcomeOf(res: Exclude<HttpOutcome, { kind: 'ok' }>): NodeOutcome {
  switch (res.kind) {
    case 'timeout':
    case 'network':
      return { kind: 'unreachable', message: res.message };
    case 'tls':
      return { kind: 'unreachable', message: res.message };
    case 'too-large':
      return { kind: 'bad-response', message: res.message };
    case 'http':
      if (res.status === 401 || res.status === 403) return { kind: 'auth', message: res.message };
      return { kind: res.status >= 500 ? 'unreachable' : 'bad-response', message: res.message };
  }
}
