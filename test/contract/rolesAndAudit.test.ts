import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type FleetClient } from '../../shared/client';
import { createInMemoryTransport } from '../../main/core/api/inMemoryTransport';
import { verifyChain } from '../../main/core/audit/verifyChain';
import type { Core } from '../../main/core/createCore';
import { startTestCore } from './testCore';

/** Roles enforced by the core and every attempt audited, seen through the contract as a window sees it. */
let core: Core;
let client: FleetClient;
const connect = () => {
  const session = core.newSession('test');
  return { session, client: createClient(createInMemoryTransport(core.dispatch, core.events, { session })) };
};

beforeAll(async () => {
  core = await startTestCore({ intervalMs: 1000, demo: { seed: 5, sites: 2, nodesPerSite: 1 } });
  client = connect().client;
});
afterAll(() => core.stop());

describe('roles', () => {
  it('a new window starts as NOC operator with its permissions', async () => {
    const r = await client.call('session.get', {});
    expect(r).toMatchObject({ ok: true, value: { role: 'operator', adminPassphraseSet: false } });
    if (r.ok) expect(r.value.permissions).toContain('ssh');
  });

  it('admin needs the passphrase: refused before one is set, with a wrong one, granted with the right one', async () => {
    expect(await client.call('session.setRole', { role: 'admin' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('No admin passphrase is set') },
    });
    expect(await client.call('admin.setPassphrase', { passphrase: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: expect.stringContaining('passphrase') },
    });
    expect(await client.call('admin.setPassphrase', { passphrase: 'correct horse battery' })).toMatchObject({
      ok: true,
      value: { adminPassphraseSet: true },
    });
    // Changing it now needs the current one.
    expect(await client.call('admin.setPassphrase', { passphrase: 'another long one' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await client.call('session.setRole', { role: 'admin', passphrase: 'wrong guess!' })).toMatchObject(
      {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Wrong admin passphrase.' },
      },
    );
    expect(
      await client.call('session.setRole', { role: 'admin', passphrase: 'correct horse battery' }),
    ).toMatchObject({
      ok: true,
      value: { role: 'admin' },
    });
    // Another window is unaffected: roles belong to sessions.
    expect(await connect().client.call('session.get', {})).toMatchObject({
      ok: true,
      value: { role: 'operator' },
    });
  });
});

describe('the audit log through the contract', () => {
  it('recorded every role attempt, and the chain verifies', async () => {
    const r = await client.call('audit.list', { filter: { action: 'session.role' } });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.entries.map((e) => e.outcome)).toEqual(['ok', 'denied', 'denied']);
    const v = await client.call('audit.verify', {});
    expect(v).toMatchObject({ ok: true, value: { ok: true, brokenAtSeq: null } });
  });

  it('streams new entries as events', async () => {
    const got = new Promise((resolve) => {
      const off = client.on('audit.appended', (e) => {
        off();
        resolve(e);
      });
    });
    await client.call('session.setRole', { role: 'operator' });
    expect(await got).toMatchObject({ action: 'session.role', target: 'operator', outcome: 'ok' });
  });

  it('exports JSONL that verifies on its own, and CSV for spreadsheets; the export itself is audited', async () => {
    const j = await client.call('audit.export', { format: 'jsonl' });
    if (!j.ok) throw new Error(j.error.message);
    expect(j.value.fileName).toMatch(/\.jsonl$/);
    expect(verifyChain([{ name: j.value.fileName, text: j.value.content }], null)).toMatchObject({
      ok: true,
    });
    const c = await client.call('audit.export', { format: 'csv', filter: { action: 'session.role' } });
    if (!c.ok) throw new Error(c.error.message);
    expect(c.value.content.split('\r\n')[0]).toBe(
      'seq,time,os_user,profile,session,role,action,target,outcome,message,params,prev,hash',
    );
    expect(c.value.entries).toBe(4);
    expect(core.audit.list({ action: 'audit.export', outcome: 'ok' }, 5)).toHaveLength(2);
    // (A role refused by the core, called directly: see sites.test.ts, an operator saving a site.)
  });
});
