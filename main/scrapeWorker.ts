/**
 * The scrape worker's entry (a worker thread of the core; see core/ingest/scrapePool.ts): each message
 * is one node's scrape request, each answer its readings or what went wrong.
 */
import { parentPort } from 'node:worker_threads';
import { scrapeDcgm, type DcgmScrapeRequest } from './core/adapters/dcgm/scrapeDcgm';

const port = parentPort;
if (!port) throw new Error('scrapeWorker.ts runs as a worker thread (core/ingest/scrapePool.ts starts it)');
port.on('message', (m: { id: number; req: DcgmScrapeRequest }) => {
  void scrapeDcgm(m.req).then(
    (result) => port.postMessage({ id: m.id, result }),
    (e: Error) =>
      port.postMessage({
        id: m.id,
        result: { kind: 'fail', outcome: { kind: 'unreachable', message: e.message } },
      }),
  );
});
