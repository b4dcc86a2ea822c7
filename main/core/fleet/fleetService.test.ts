import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimFleet } from '../sim/simFleet';
import { startSimServers, type RunningSim } from '../sim/simServer';
import { FleetService } from './fleetService';

/** Faults against real loopback HTTP: each site reaches the right state while the others keep updating. */
const INTERVAL = 300;
let sim: SimFleet;
let servers: RunningSim;
let fleet: FleetService;

const until = async (what: string, check: () => boolean, ms = 8000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
};
const site = (id: string) => fleet.summarise().sites.find((s) => s.id === id)!;

beforeAll(async () => {
  sim = new SimFleet({ seed: 11, sites: 4, nodesPerSite: 2 });
  servers = await startSimServers(sim);
  fleet = new FleetService(servers.manifest.sites, { intervalMs: INTERVAL, timeoutMs: 600 });
  fleet.start();
  await until('all sites ok', () => fleet.summarise().sites.every((s) => s.status === 'ok'));
});
afterAll(async () => {
  await fleet.stop();
  await servers.stop();
});

describe('FleetService under site faults', () => {
  it('marks a killed, a garbage-speaking and a hung site, and keeps the healthy one fresh', async () => {
    const [down, garbage, hung, healthy] = sim.sites.map((s) => s.id) as [string, string, string, string];
    sim.setFault(down, 'down');
    sim.setFault(garbage, 'garbage');
    sim.setFault(hung, 'hang');
    const faultAt = Date.now();
    await until('fault states', () => {
      const t = fleet.summarise().sites;
      const st = (id: string) => t.find((s) => s.id === id)!.status;
      return st(down) === 'unreachable' && st(garbage) === 'misconfigured' && st(hung) === 'unreachable';
    });
    // Two intervals plus the request timeout for the hung one.
    expect(Date.now() - faultAt).toBeLessThan(2 * INTERVAL + 600 + 1500);
    expect(site(down).statusReason).toMatch(/connection (refused|closed)/);
    expect(site(garbage).statusReason).toContain('not Prometheus text (line 1');
    expect(site(hung).statusReason).toContain('no answer within 600 ms');
    const healthyBefore = site(healthy).lastSuccessAt!;
    await new Promise((r) => setTimeout(r, INTERVAL * 2.5));
    const h = site(healthy);
    expect(h.status).toBe('ok');
    expect(h.lastSuccessAt!).toBeGreaterThan(healthyBefore);
    // Data from the failed sites ages into "no data", never into zeros.
    await new Promise((r) => setTimeout(r, INTERVAL * 3));
    const d = site(down);
    expect(d.gpusReporting).toBe(0);
    expect(d.utilPct).toBeNull();
    expect(d.powerKw).toBeNull();
  });

  it('recovers on its own when the fault ends', async () => {
    for (const s of sim.sites) sim.setFault(s.id, 'none');
    await until('recovery', () => fleet.summarise().sites.every((s) => s.status === 'ok'), 15_000);
  });

  it('draws the outage as a gap in the site history', async () => {
    await new Promise((r) => setTimeout(r, INTERVAL * 2.5)); // a tick after recovery
    const id = sim.sites[0]!.id;
    const h = fleet.siteDetail(id, 900)!.history;
    expect(h.powerKw.some((v) => v === null)).toBe(true);
    expect(h.powerKw.at(-1)).not.toBeNull();
  });
});
