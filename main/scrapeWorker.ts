/**
 * The scrape worker's entry (a worker thread of the core; see core/ingest/scrapePool.ts): each message
 * is one node's scrape request, each answer its readings packed (ingest/packedReadings.ts) or what
 * went wrong. The text of an exporter's readings is sent only when it differs from what the pool
 * says it holds for that exporter (`have`: the number of the last text it received).
 */
import { parentPort } from 'node:worker_threads';
import { scrapeDcgm, type DcgmScrapeRequest } from './core/adapters/dcgm/scrapeDcgm';
import { packNumbers, packStrings, sameStrings } from './core/ingest/packedReadings';

const port = parentPort;
if (!port) throw new Error('scrapeWorker.ts runs as a worker thread (core/ingest/scrapePool.ts starts it)');

const sent = new Map<string, { seq: number; strs: (string | null)[] }>();
let nextSeq = 1;

port.on('message', (m: { id: number; req: DcgmScrapeRequest; have: number }) => {
  void scrapeDcgm(m.req).then((result) => {
    if (result.kind !== 'ok') return port.postMessage({ id: m.id, result });
    const nums = packNumbers(result.readings);
    const strs = packStrings(result.readings);
    const last = sent.get(m.req.url);
    const same = last !== undefined && last.seq === m.have && sameStrings(last.strs, strs);
    const seq = same ? last.seq : nextSeq++;
    if (!same) sent.set(m.req.url, { seq, strs });
    port.postMessage(
      {
        id: m.id,
        result: { kind: 'ok', samples: result.samples, stampMs: result.stampMs },
        packed: { nums, strs: same ? null : strs, seq },
      },
      [nums.buffer],
    );
  });
});
