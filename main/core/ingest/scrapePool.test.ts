import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrapeDcgm } from '../adapters/dcgm/scrapeDcgm';
import { ScrapePool } from './scrapePool';

// The real worker entry, from source (the pool starts it with tsx's loader, as `npm run bench` does).
const WORKER = resolve(__dirname, '../../scrapeWorker.ts');

let server: Server;
let upgraded = false;
let url: string;
beforeAll(async () => {
  const text = await readFile(
    resolve(__dirname, '../../../test/fixtures/dcgm-exporter-h100-8gpu.txt'),
    'utf8',
  );
  server = createServer((req, res) => {
    if (req.url === '/metrics') res.end(text);
    else if (req.url === '/live') res.end(upgraded ? text.replaceAll('580.105.08', '999.1') : text);
    else if (req.url === '/empty') res.end('# nothing here\n');
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

const req = (path: string) => ({ url: `${url}${path}`, timeoutMs: 5000, maxBytes: 1 << 24 });

describe('ScrapePool', () => {
  it('scrapes on its worker thread and answers exactly what a scrape on this thread would', async () => {
    const pool = new ScrapePool(WORKER);
    try {
      const [viaWorker, here] = await Promise.all([
        pool.scrape(req('/metrics')),
        scrapeDcgm(req('/metrics')),
      ]);
      expect(viaWorker.kind).toBe('ok');
      expect(viaWorker).toEqual(here);
      if (viaWorker.kind === 'ok') expect(viaWorker.readings).toHaveLength(8);
      // Failures cross as values too, with the site's words.
      expect(await pool.scrape(req('/empty'))).toEqual({
        kind: 'fail',
        outcome: { kind: 'bad-response', message: 'answered, but with no DCGM GPU metrics' },
      });
      expect((await pool.scrape(req('/nope'))).kind).toBe('fail');
      expect(pool.inlineScrapes).toBe(0);
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('answers each scrape of an exporter whole, also when only its numbers crossed, and follows a change of text', async () => {
    const pool = new ScrapePool(WORKER);
    try {
      for (let k = 0; k < 3; k++)
        expect(await pool.scrape(req('/live'))).toEqual(await scrapeDcgm(req('/live')));
      // The same exporter, new text (its driver upgraded): the new text arrives, and is kept.
      upgraded = true;
      const changed = await pool.scrape(req('/live'));
      expect(changed.kind === 'ok' && changed.readings[0]!.driverVersion).toBe('999.1');
      for (let k = 0; k < 2; k++) expect(await pool.scrape(req('/live'))).toEqual(changed);
      expect(changed).toEqual(await scrapeDcgm(req('/live')));
      expect(pool.inlineScrapes).toBe(0);
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('scrapes on the core thread, and says so once, when the worker cannot start', async () => {
    const logs: string[] = [];
    const pool = new ScrapePool('/nonexistent/scrapeWorker.js', { log: (m) => logs.push(m) });
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await pool.scrape(req('/metrics')));
    expect(results.every((r) => r.kind === 'ok')).toBe(true);
    expect(pool.inlineScrapes).toBe(5);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/could not start .*core's own thread/);
    await pool.close();
  }, 30_000);

  it('re-runs the scrapes of a worker that stops answering, and starts a new one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pool-'));
    const hung = join(dir, 'hung.mjs');
    // Answers once (so it counts as started), then never again.
    await writeFile(
      hung,
      `import { parentPort } from 'node:worker_threads';
       let n = 0;
       parentPort.on('message', (m) => { if (n++ === 0) parentPort.postMessage({ id: m.id, result: { kind: 'fail', outcome: { kind: 'unreachable', message: 'first' } } }); });`,
    );
    const logs: string[] = [];
    const pool = new ScrapePool(hung, { graceMs: 200, log: (m) => logs.push(m) });
    expect(await pool.scrape(req('/metrics'))).toMatchObject({ kind: 'fail' });
    const second = await pool.scrape({ ...req('/metrics'), timeoutMs: 100 });
    expect(second.kind).toBe('ok');
    expect(pool.inlineScrapes).toBe(1);
    expect(logs.join('\n')).toMatch(/did not answer within 300 ms; starting a new one/);
    await pool.close();
  }, 30_000);

  it('finishes scrapes in flight on this thread when closed', async () => {
    const pool = new ScrapePool(WORKER);
    const inFlight = pool.scrape(req('/metrics'));
    await pool.close();
    expect((await inFlight).kind).toBe('ok');
    // Closed: later scrapes run here.
    expect((await pool.scrape(req('/metrics'))).kind).toBe('ok');
  }, 30_000);
});
