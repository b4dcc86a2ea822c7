import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../shared/channels';
import { createClient, type FleetClient } from '../../shared/client';
import { calls } from '../../shared/contract';
import { createInMemoryTransport } from '../../main/core/api/inMemoryTransport';
import { createCore, type Core } from '../../main/core/createCore';

/**
 * The real handlers against the real client over an in-memory pair (no Electron, no sockets):
 * what the renderer gets is what the contract promises.
 */
const NOW = Date.UTC(2026, 10, 29, 15, 0, 0);
let core: Core;
let client: FleetClient;

beforeAll(async () => {
  const created = await createCore({
    shell: 'test',
    version: '0.0.0-test',
    configDir: null,
    intervalMs: 500,
    demo: { seed: 3, sites: 4, nodesPerSite: 3 },
    log: () => undefined,
    now: () => NOW,
  });
  if (!created.ok) throw new Error(created.error.message);
  core = created.value;
  await core.fleet.scrapeAll();
  core.fleet.tick();
  client = createClient(
    createInMemoryTransport(core.dispatch, core.events, { session: core.newSession('test') }),
  );
});
afterAll(() => core.stop());

describe('the contract over an in-memory pair', () => {
  it('declares every call with schemas and a summary', () => {
    for (const name of CALL_NAMES) {
      expect(calls[name].summary.length).toBeGreaterThan(10);
      expect(calls[name].request).toBeDefined();
    }
  });

  it('app.info says which fleet runs', async () => {
    const r = await client.call('app.info', {});
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({
        shell: 'test',
        fleetSource: 'demo',
        intervalMs: 500,
        version: '0.0.0-test',
      }),
    });
  });

  it('fleet.snapshot matches the simulator’s ground truth', async () => {
    const r = await client.call('fleet.snapshot', {});
    if (!r.ok) throw new Error(r.error.message);
    const { totals, sites } = r.value;
    const truthGpus = core.sim!.fleet.sites.reduce((n, s) => n + s.nodes.length * 8, 0);
    expect(totals.sitesTotal).toBe(4);
    expect(totals.sitesUp).toBe(4);
    expect(totals.gpus).toBe(truthGpus);
    expect(totals.gpusReporting).toBe(truthGpus);
    expect(sites.map((s) => s.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    // The clock is frozen, so the simulator's own readings at that second are the ground truth.
    let truthW = 0;
    let truthUtil = 0;
    for (const s of core.sim!.fleet.sites)
      for (const n of s.nodes)
        for (const f of core.sim!.fleet.frames(s, n, NOW / 1000)) {
          truthW += f.powerW;
          truthUtil += f.utilPct;
        }
    expect(totals.powerKw).toBeCloseTo(truthW / 1000, 2);
    expect(totals.utilPct).toBeCloseTo(truthUtil / truthGpus, 1);
  });

  it('fleet.history applies its defaults and returns aligned columns', async () => {
    core.fleet.tick();
    const r = await client.call('fleet.history', {});
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.t.length).toBeGreaterThanOrEqual(2);
    expect(r.value.utilPct).toHaveLength(r.value.t.length);
    expect(r.value.powerKw).toHaveLength(r.value.t.length);
  });

  it('site.detail gives the site, its nodes with GPUs, and its history', async () => {
    const id = core.sim!.fleet.sites[1]!.id;
    const r = await client.call('site.detail', { siteId: id });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.site.id).toBe(id);
    expect(r.value.nodes).toHaveLength(3);
    for (const n of r.value.nodes) expect(n).toMatchObject({ status: 'ok', gpus: 8 });
  });

  it('returns errors as values: unknown site, bad payload, unknown call', async () => {
    expect(await client.call('site.detail', { siteId: 'nowhere-1' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('nowhere-1') },
    });
    const bad = await client.call('fleet.history', { windowS: -5 } as never);
    expect(bad).toEqual({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: expect.stringContaining('windowS') },
    });
    const extra = await client.call('app.info', { sneaky: true } as never);
    expect(extra.ok).toBe(false);
    expect(await core.dispatch('fleet.delete', {}, { session: core.newSession() })).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CALL', message: expect.stringContaining('fleet.delete') },
    });
  });

  it('a handler that throws becomes an INTERNAL error with no stack trace', async () => {
    const original = core.fleet.history.bind(core.fleet);
    core.fleet.history = () => {
      throw new Error('boom at /secret/path.ts:12');
    };
    try {
      const r = await client.call('fleet.history', {});
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('INTERNAL');
        expect(r.error.message).not.toContain('/secret/path');
      }
    } finally {
      core.fleet.history = original;
    }
  });

  it('delivers fleet.tick events parsed by the contract', async () => {
    const tick = await new Promise((resolve) => {
      const off = client.on('fleet.tick', (t) => {
        off();
        resolve(t);
      });
    });
    expect(tick).toMatchObject({ totals: { sitesTotal: 4 }, point: { t: expect.any(Number) } });
  });
});
