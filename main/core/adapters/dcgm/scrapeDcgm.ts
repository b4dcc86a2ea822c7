import { httpGet } from '../../sites/httpGet';
import { outcomeOf } from '../../sites/telemetrySource';
import type { NodeOutcome } from '../../sites/siteStatus';
import { readDcgmSamples, type GpuReading } from '../../telemetry/dcgm';
import { parseExposition } from '../../telemetry/exposition';

/** What one scrape of one dcgm-exporter learned; its time is the caller's (its clock may be a test's). */
export type DcgmScrape =
  | {
      kind: 'ok';
      readings: GpuReading[];
      /** Metric lines parsed (one sample each, as Prometheus counts them). */
      samples: number;
      /** The exporter's own stamp on its first sample, when it sends one (dcgm-exporter does not). */
      stampMs: number | null;
    }
  | { kind: 'fail'; outcome: NodeOutcome };

export interface DcgmScrapeRequest {
  url: string;
  timeoutMs: number;
  maxBytes: number;
}

/** Anything that can scrape an exporter: this function in-thread, or the scrape worker (scrapePool.ts). */
export type DcgmScraper = (req: DcgmScrapeRequest) => Promise<DcgmScrape>;

/**
 * GET, parse, read the DCGM fields: the whole of one node's scrape, with no state (so it can run in a
 * worker). Never rejects: whatever goes wrong is the node's failure, so no caller — the worker, the
 * pool's fallback, a site's poll — can be left waiting on a throw.
 */
export async function scrapeDcgm(req: DcgmScrapeRequest): Promise<DcgmScrape> {
  const res = await httpGet(req.url, { timeoutMs: req.timeoutMs, maxBytes: req.maxBytes });
  if (res.kind !== 'ok') return { kind: 'fail', outcome: outcomeOf(res) };
  try {
    return readScrape(res.text);
  } catch (e) {
    return {
      kind: 'fail',
      outcome: { kind: 'bad-response', message: `the answer could not be read: ${(e as Error).message}` },
    };
  }
}

function readScrape(text: string): DcgmScrape {
  const parsed = parseExposition(text);
  if (!parsed.ok)
    return {
      kind: 'fail',
      outcome: {
        kind: 'bad-response',
        message: `not Prometheus text (line ${parsed.line}: ${parsed.message})`,
      },
    };
  const samples = parsed.value.samples;
  const readings = readDcgmSamples(samples);
  if (readings.length === 0)
    return {
      kind: 'fail',
      outcome: { kind: 'bad-response', message: 'answered, but with no DCGM GPU metrics' },
    };
  const stampMs = samples.find((s) => s.timestampMs !== null)?.timestampMs ?? null;
  return { kind: 'ok', readings, samples: samples.length, stampMs };
}
