import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type FleetClient } from '../../shared/client';
import type { SiteProfile } from '../../shared/siteProfile';
import { createInMemoryTransport } from '../../main/core/api/inMemoryTransport';
import { createCore, type Core } from '../../main/core/createCore';
import { SimFleet } from '../../main/core/sim/simFleet';
import { startSimServers, type RunningSim } from '../../main/core/sim/simServer';

/** Site profiles through the contract: roles, validation, persistence, the demo hand-over, audit. */
let configDir: string;
let core: Core;
let other: RunningSim;
let admin: FleetClient;
let operator: FleetClient;

const start = async () => {
  const created = await createCore({
    shell: 'test',
    version: 't',
    configDir,
    intervalMs: 300,
    demo: { seed: 8, sites: 2, nodesPerSite: 1 },
    log: () => undefined,
  });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
};
const clientAs = (c: Core, role: 'admin' | 'operator') => {
  const session = c.newSession('test');
  session.role = role;
  return createClient(createInMemoryTransport(c.dispatch, c.events, { session }));
};

let mine: SiteProfile;

beforeAll(async () => {
  configDir = mkdtempSync(join(tmpdir(), 'fc-sites-'));
  other = await startSimServers(new SimFleet({ seed: 99, sites: 1, nodesPerSite: 2 }));
  mine = { ...other.manifest.sites[0]!, id: 'eu-mine-1', name: 'My site' };
  core = await start();
  admin = clientAs(core, 'admin');
  operator = clientAs(core, 'operator');
});
afterAll(async () => {
  await core.stop();
  await other.stop();
});

describe('site profiles', () => {
  it('start as the demo fleet', async () => {
    expect(await admin.call('sites.list', {})).toMatchObject({ ok: true, value: { demo: true } });
  });

  it('an operator may not add a site: the core refuses and the refusal is audited', async () => {
    expect(await operator.call('sites.save', { profile: mine })).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: expect.stringContaining('NOC operator may not call "sites.save"'),
      },
    });
    expect(core.audit.list({ action: 'sites.save', outcome: 'denied' }, 5)).toHaveLength(1);
  });

  it('a bad profile is refused naming the field, and nothing is written', async () => {
    const r = await admin.call('sites.save', { profile: { ...mine, country: 'Deutschland' } });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: expect.stringContaining('profile.country') },
    });
    const noSecret = await admin.call('sites.save', {
      profile: {
        ...mine,
        telemetry: {
          kind: 'prometheus',
          url: 'http://127.0.0.1:1',
          auth: { kind: 'bearer', secret: 'mine/prom' },
        },
      },
    });
    expect(noSecret).toMatchObject({
      ok: false,
      error: { code: 'CONFIG_INVALID', message: expect.stringContaining('no secret named "mine/prom"') },
    });
    expect(existsSync(join(configDir, 'sites.json'))).toBe(false);
  });

  it('"Test connection" says what answered and what failed', async () => {
    const good = await admin.call('sites.test', { profile: mine });
    expect(good).toMatchObject({
      ok: true,
      value: { checks: [{ ok: true, message: '2 node(s), 16 GPU(s) answered' }] },
    });
    const bad = await admin.call('sites.test', {
      profile: { ...mine, telemetry: { kind: 'prometheus', url: 'http://127.0.0.1:1' } },
    });
    expect(bad).toMatchObject({
      ok: true,
      value: { checks: [{ ok: false, message: expect.stringContaining('connection refused') }] },
    });
  });

  it('the first saved site replaces the demo fleet, is persisted, shows up live, and is audited', async () => {
    expect(
      await admin.call('sites.save', { profile: mine, secrets: { 'spare/token': 's3cret-value' } }),
    ).toMatchObject({ ok: true });
    const list = await admin.call('sites.list', {});
    expect(list).toMatchObject({
      ok: true,
      value: { demo: false, profiles: [{ id: 'eu-mine-1' }], secretNames: ['spare/token'] },
    });
    expect(await admin.call('app.info', {})).toMatchObject({
      ok: true,
      value: { fleetSource: 'configured' },
    });
    await new Promise((r) => setTimeout(r, 1200));
    const snap = await admin.call('fleet.snapshot', {});
    expect(snap).toMatchObject({ ok: true, value: { sites: [{ id: 'eu-mine-1', status: 'ok', gpus: 16 }] } });
    expect(core.audit.list({ action: 'site.add' }, 5)[0]).toMatchObject({
      target: 'eu-mine-1',
      outcome: 'ok',
    });
    expect(core.audit.list({ action: 'secret.set' }, 5)[0]).toMatchObject({ target: 'spare/token' });
    const files = ['sites.json', 'audit/audit-000001.jsonl'].map((f) =>
      readFileSync(join(configDir, f), 'utf8'),
    );
    for (const f of files) expect(f).not.toContain('s3cret-value');
  });

  it('imports YAML with errors naming the line, and merges a good file', async () => {
    const bad = await admin.call('sites.import', {
      yaml: 'sites:\n  - id: x-1\n    name: X\n    country: France\n',
      mode: 'merge',
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'CONFIG_INVALID', message: expect.stringMatching(/line 4, sites\[0\]\.country/) },
    });
    const exported = await admin.call('sites.export', {});
    if (!exported.ok) throw new Error(exported.error.message);
    const yaml = exported.value.content
      .replace(/eu-mine-1/g, 'eu-mine-2')
      .replace('My site', 'My second site');
    expect(await admin.call('sites.import', { yaml, mode: 'merge' })).toEqual({
      ok: true,
      value: { added: 1, updated: 0, removed: 0 },
    });
    expect(exported.value.content).not.toContain('s3cret-value');
  });

  it('survives a restart: the saved sites come back', async () => {
    await core.stop();
    core = await start();
    admin = clientAs(core, 'admin');
    const list = await admin.call('sites.list', {});
    expect(list).toMatchObject({ ok: true, value: { demo: false } });
    if (list.ok) expect(list.value.profiles.map((p) => p.id)).toEqual(['eu-mine-1', 'eu-mine-2']);
    expect(existsSync(join(configDir, 'sites.json.bak'))).toBe(true);
  });

  it('removes a site', async () => {
    expect(await admin.call('sites.remove', { id: 'eu-mine-2' })).toEqual({
      ok: true,
      value: { removed: 'eu-mine-2' },
    });
    expect(await admin.call('sites.remove', { id: 'eu-mine-2' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
