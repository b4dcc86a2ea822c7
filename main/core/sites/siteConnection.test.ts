import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlurmClient } from '../adapters/slurm/slurmClient';
import { TelemetryStore } from '../telemetry/telemetryStore';
import { SiteConnection } from './siteConnection';
import type { TelemetrySource } from './telemetrySource';

/**
 * Issue 11's fault matrix found it: a hung slurmrestd held each telemetry poll back until its deadline,
 * so a site whose telemetry was fine went stale. The scrape loop's poll no longer waits for the scheduler.
 */
describe('SiteConnection with a hung scheduler', () => {
  let server: Server;
  let url = '';
  const hung: IncomingMessage[] = [];
  beforeAll(async () => {
    server = createServer((req) => void hung.push(req)); // accepts, never answers
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((r) => server.close(() => r()));
  });

  const telemetry: TelemetrySource = {
    kind: 'test',
    initialNodes: () => ['n1'],
    poll: async (now) => ({
      reports: [{ hostname: 'n1', outcome: { kind: 'ok' }, readings: [], t: now() }],
      siteOutcome: null,
    }),
  };
  const site = { id: 's', name: 'S', city: '', country: 'DE', lat: 0, lon: 0 };

  it('applies telemetry at once, reads the scheduler beside it once at a time, and scrape() still waits for it', async () => {
    const slurm = new SlurmClient(url, { user: 'u', token: 't', timeoutMs: 400, maxBytes: 1e6 });
    const c = new SiteConnection(site, telemetry, new TelemetryStore(4), slurm);
    const t0 = Date.now();
    await c.poll(Date.now, false);
    expect(Date.now() - t0).toBeLessThan(300);
    expect(c.status(Date.now(), 10_000).status).toBe('ok');
    await c.poll(Date.now, false);
    await new Promise((r) => setTimeout(r, 50));
    // One read still in flight, not a second one beside it — and within it only the node list is
    // asked: jobs are read after nodes answer (a failing or oversized slurmrestd costs one answer).
    expect(hung.map((r) => r.url)).toEqual(['/slurm/v0.0.38/nodes']);
    await c.scrape(); // joins the read in flight and waits for its deadline
    expect(Date.now() - t0).toBeGreaterThanOrEqual(400);
    expect(c.scheduler.outcome).toMatchObject({
      kind: 'unreachable',
      message: expect.stringContaining('400 ms'),
    });
  });
});
