import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SitesFile } from '../config/sitesFile';
import type { SimFleet } from './simFleet';
import type { SimSite } from './fleetLayout';
import { simSlurmHandler } from './simSlurmHandler';
import { SIM_SLURM_USER, simSlurmOverlay } from './simSlurmOverlay';
import { siteEconomics } from './siteEconomics';
import { simControl } from './simControl';

/** A simulated site's slurmrestd: where it listens and the token it accepts (a sim secret, loopback only). */
export interface SimScheduler {
  siteId: string;
  kind: 'slurm';
  url: string;
  apiVersion: 'v0.0.38';
  user: string;
  token: string;
}

/**
 * Serves the simulated fleet on loopback over the protocols real sites speak. One listener per site;
 * each node's dcgm-exporter output lives at /nodes/<hostname>/metrics on its site's listener, and a
 * slurmrestd v0.0.38 subset under /slurm/ (simSlurmHandler).
 */
export interface RunningSim {
  manifest: SitesFile & { seed: number; schedulers: SimScheduler[] };
  stop(): Promise<void>;
}

export interface SimServerOptions {
  host?: string;
  /** First port; site i listens on basePort + i. 0 = any free port per site. */
  basePort?: number;
}

function handler(fleet: SimFleet, site: SimSite) {
  const byHost = new Map(site.nodes.map((n) => [n.hostname, n]));
  const slurm = simSlurmHandler(fleet, site);
  return (req: IncomingMessage, res: ServerResponse) => {
    // Control comes before faults, so a site made "down" can be brought back.
    if ((req.url ?? '').split('?')[0] === '/sim/control') return void simControl(fleet, site, req, res);
    const fault = fleet.fault(site.id);
    if (fault === 'hang') return; // never answers: the console's timeout must fire
    if (fault === 'down') {
      req.socket.destroy();
      return;
    }
    if ((req.url ?? '').startsWith('/slurm/')) return void slurm(req, res, fault === 'garbage');
    const m = /^\/nodes\/([^/]+)\/metrics$/.exec((req.url ?? '').split('?')[0]!);
    const node = m ? byHost.get(decodeURIComponent(m[1]!)) : undefined;
    if (req.method !== 'GET' || !node) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    if (fault === 'garbage') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('<html>502 Bad Gateway</html>\n{"oops": tru');
      return;
    }
    res
      .writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' })
      .end(fleet.metricsText(site, node));
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startSimServers(fleet: SimFleet, opts: SimServerOptions = {}): Promise<RunningSim> {
  const host = opts.host ?? '127.0.0.1';
  const servers: Server[] = [];
  const manifest: RunningSim['manifest'] = { seed: fleet.layout.seed, sites: [], schedulers: [] };
  try {
    for (const [i, site] of fleet.sites.entries()) {
      const server = createServer(handler(fleet, site));
      server.keepAliveTimeout = 60_000;
      servers.push(server);
      const port = await listen(server, opts.basePort ? opts.basePort + i : 0, host);
      manifest.sites.push({
        id: site.id,
        name: site.name,
        city: site.city,
        country: site.country,
        lat: site.lat,
        lon: site.lon,
        ...siteEconomics(fleet.layout.seed, site),
        telemetry: {
          kind: 'dcgm',
          endpoints: site.nodes.map((n) => ({
            hostname: n.hostname,
            url: `http://${host}:${port}/nodes/${n.hostname}/metrics`,
          })),
        },
      });
      // Beside `sites`, not inside: a site profile's fields are strict, and its scheduler field is not settled yet.
      manifest.schedulers.push({
        siteId: site.id,
        kind: 'slurm',
        url: `http://${host}:${port}`,
        apiVersion: 'v0.0.38',
        user: SIM_SLURM_USER,
        token: simSlurmOverlay(fleet, site.id)!.token,
      });
    }
  } catch (e) {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    throw e;
  }
  return {
    manifest,
    stop: async () => {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      );
    },
  };
}
