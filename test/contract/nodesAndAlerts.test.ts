import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/createCore';
import { startTestCore, windowOn } from './testCore';

/**
 * Issue 4 over the contract: the fleet-wide node table pages, sorts and filters in the core; a fault
 * the simulator injects becomes an alert on the next tick, on the node's page and in its timeline.
 */
let now = Date.UTC(2026, 10, 29, 14, 0, 0);
let core: Core;

async function tick() {
  now += 1000;
  await core.fleet.scrapeAll();
  core.fleet.tick(); // alerts and availability are evaluated on the tick
}

beforeAll(async () => {
  core = await startTestCore({
    demo: { seed: 5, sites: 5, nodesPerSite: [2, 6] },
    intervalMs: 1000,
    now: () => now,
  });
  await tick();
});
afterAll(() => core.stop());

describe('nodes.list', () => {
  it('pages through every node, hottest first, missing values last', async () => {
    const fleetNodes = core.sim!.fleet.sites.reduce((k, s) => k + s.nodes.length, 0);
    const r = await windowOn(core).call('nodes.list', { query: { sort: 'maxTempC', desc: true }, limit: 5 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.total).toBe(fleetNodes);
    expect(r.value.fleetTotal).toBe(fleetNodes);
    expect(r.value.rows).toHaveLength(5);
    const temps = r.value.rows.map((x) => x.maxTempC!);
    expect([...temps].sort((a, b) => b - a)).toEqual(temps);
    // The hottest node is the simulator's hottest.
    let hottest = -Infinity;
    for (const s of core.sim!.fleet.sites)
      for (const n of s.nodes)
        for (const f of core.sim!.fleet.frames(s, n, now / 1000)) hottest = Math.max(hottest, f.tempC);
    expect(temps[0]).toBe(hottest);
    const next = await windowOn(core).call('nodes.list', {
      query: { sort: 'maxTempC', desc: true },
      offset: 5,
      limit: 5,
    });
    if (!next.ok) throw new Error(next.error.message);
    expect(next.value.rows[0]!.maxTempC!).toBeLessThanOrEqual(temps[4]!);
  });

  it('filters by free text (every word), country and model, with facets for the pickers', async () => {
    const site = core.sim!.fleet.sites[0]!;
    const r = await windowOn(core).call('nodes.list', {
      query: { text: `${site.id} ${site.nodes[0]!.model.key}`, countries: [site.country] },
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.total).toBe(site.nodes.filter((n) => n.model.key === site.nodes[0]!.model.key).length);
    for (const row of r.value.rows) expect(row.siteId).toBe(site.id);
    expect(r.value.facets.countries).toContain(site.country);
    expect(r.value.facets.models.length).toBeGreaterThan(0);
  });

  it('refuses a bad query and names the field', async () => {
    const r = await windowOn(core).call('nodes.list', { query: { sort: 'colour' } } as never);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    if (!r.ok) expect(r.error.message).toMatch(/sort/);
  });
});

describe('alerts from an injected fault', () => {
  it('XID 79 on a GPU fires a critical alert on the next tick, on the node page and its timeline', async () => {
    const site = core.sim!.fleet.sites[1]!;
    const node = site.nodes[0]!;
    const op = windowOn(core);
    const changed: unknown[] = [];
    const off = op.on('alerts.changed', (l) => changed.push(l));
    core.sim!.fleet.injectXid(node.hostname, 3, 79);
    await tick();
    off();
    const list = await op.call('alerts.list', {});
    if (!list.ok) throw new Error(list.error.message);
    const alert = list.value.alerts.find((a) => a.kind === 'xid' && a.hostname === node.hostname);
    expect(alert).toMatchObject({
      severity: 'critical',
      state: 'firing',
      gpu: 3,
      siteId: site.id,
      value: 79,
    });
    expect(alert!.detail).toMatch(/fallen off the bus/i);
    expect(changed.length).toBeGreaterThan(0);

    const detail = await op.call('node.detail', { siteId: site.id, hostname: node.hostname });
    if (!detail.ok) throw new Error(detail.error.message);
    expect(detail.value.gpus).toHaveLength(8);
    expect(detail.value.gpus[3]).toMatchObject({
      xid: 79,
      powerLimitW: node.model.tdpW,
      powerLimitSource: 'model',
    });
    expect(detail.value.series[0]!.t.length).toBeGreaterThan(0);
    expect(detail.value.alerts.map((a) => a.key)).toContain(alert!.key);
    expect(detail.value.timeline[0]).toMatchObject({ kind: 'alert', severity: 'critical', ref: alert!.key });

    const rows = await op.call('nodes.list', { query: { withAlerts: true } });
    if (!rows.ok) throw new Error(rows.error.message);
    expect(rows.value.rows.map((x) => x.hostname)).toContain(node.hostname);
  });

  it('an operator acknowledges and silences it (audited); an analyst may not; clearing the XID resolves it', async () => {
    const site = core.sim!.fleet.sites[1]!;
    const node = site.nodes[0]!;
    const list = await windowOn(core).call('alerts.list', {});
    if (!list.ok) throw new Error(list.error.message);
    const key = list.value.alerts.find((a) => a.kind === 'xid' && a.hostname === node.hostname)!.key;
    expect(await windowOn(core, 'analyst').call('alerts.acknowledge', { key })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await windowOn(core, 'operator').call('alerts.acknowledge', { key })).toEqual({
      ok: true,
      value: {},
    });
    expect(await windowOn(core, 'operator').call('alerts.silence', { key, forS: 3600 })).toEqual({
      ok: true,
      value: {},
    });
    const after = await windowOn(core).call('alerts.list', {});
    if (!after.ok) throw new Error(after.error.message);
    expect(after.value.alerts.find((a) => a.key === key)).toMatchObject({
      silenced: true,
      acknowledgedBy: expect.stringContaining('test'),
    });
    expect(core.audit.list({ action: 'alert.' }, 10).map((e) => e.action)).toEqual([
      'alert.silence',
      'alert.acknowledge',
    ]);
    core.sim!.fleet.injectXid(node.hostname, 3, 0);
    await tick();
    const cleared = await windowOn(core).call('alerts.list', {});
    if (!cleared.ok) throw new Error(cleared.error.message);
    expect(cleared.value.alerts.find((a) => a.key === key)?.state).toBe('resolved');
  });

  it('a site that goes down fires site-unreachable after two intervals, and clears when it returns', async () => {
    const site = core.sim!.fleet.sites[2]!;
    core.sim!.fleet.setFault(site.id, 'down');
    for (let i = 0; i < 4; i++) await tick();
    const list = await windowOn(core).call('alerts.list', {});
    if (!list.ok) throw new Error(list.error.message);
    expect(
      list.value.alerts.find((a) => a.kind === 'site-unreachable' && a.siteId === site.id),
    ).toMatchObject({
      state: 'firing',
      severity: 'critical',
    });
    core.sim!.fleet.setFault(site.id, 'none');
    for (let i = 0; i < 2; i++) await tick();
    const back = await windowOn(core).call('alerts.list', {});
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.alerts.find((a) => a.kind === 'site-unreachable' && a.siteId === site.id)?.state).toBe(
      'resolved',
    );
  });
});

describe('site.health and availability', () => {
  it('gives capacity by model, power against the contracted capacity, a heatmap and uptime', async () => {
    const site = core.sim!.fleet.sites[3]!;
    for (let i = 0; i < 3; i++) await tick();
    const r = await windowOn(core).call('site.health', { siteId: site.id });
    if (!r.ok) throw new Error(r.error.message);
    const h = r.value;
    expect(h.capacity.reduce((k, c) => k + c.gpus, 0)).toBe(site.nodes.length * 8);
    expect(h.powerCapacityKw).toBeGreaterThan(0);
    expect(h.headroomKw).toBeCloseTo(h.powerCapacityKw! - h.powerKw!, 6);
    expect(h.heatmap.nodes).toEqual(site.nodes.map((n) => n.hostname));
    expect(h.heatmap.util.every((row) => row.length === h.heatmap.t.length)).toBe(true);
    expect(h.heatmap.util.flat().some((v) => v !== null)).toBe(true);
    expect(h.slo.monthUptimePct).toBe(100);
    expect(h.slo.targets).toEqual({ monthUptimePct: 99, offlineMinPerDay: 30 });
    const node = await windowOn(core).call('node.detail', {
      siteId: site.id,
      hostname: site.nodes[0]!.hostname,
    });
    if (!node.ok) throw new Error(node.error.message);
    expect(node.value.slo.monthUptimePct).toBe(100);
    expect(node.value.slo.monthWatchedMin).toBeGreaterThanOrEqual(0);
  });
});
