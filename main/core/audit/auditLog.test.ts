import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog, verifyDir } from './auditLog';
import { canonicalJson } from './canonicalJson';

const actor = { osUser: 'ops', profile: 'default', session: 's1' };
const fresh = () => mkdtempSync(join(tmpdir(), 'fc-audit-'));

async function logWith(n: number, dir = fresh(), maxFileBytes?: number) {
  const log = await AuditLog.open({ dir, maxFileBytes }, actor);
  for (let i = 1; i <= n; i++)
    await log.append({
      actor,
      role: 'operator',
      action: 'node.drain',
      target: `site-1/node-${i}`,
      params: { reason: 'fan' },
      outcome: 'ok',
    });
  await log.close();
  return dir;
}
const file = (dir: string) => join(dir, 'audit-000001.jsonl');
const lines = (dir: string) => readFileSync(file(dir), 'utf8').split('\n').filter(Boolean);
const write = (dir: string, ls: string[], end = '\n') => writeFileSync(file(dir), ls.join('\n') + end);

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe('the audit log detects tampering at the right entry', () => {
  it('verifies an untouched log', async () => {
    const dir = await logWith(5);
    expect(await verifyDir(dir)).toMatchObject({ ok: true, entries: 5, brokenAtSeq: null });
  });

  it('a flipped byte', async () => {
    const dir = await logWith(5);
    const ls = lines(dir);
    ls[2] = ls[2]!.replace('node-3', 'node-X');
    write(dir, ls);
    expect(await verifyDir(dir)).toMatchObject({
      ok: false,
      brokenAtSeq: 3,
      where: 'audit-000001.jsonl:3',
      reason: expect.stringContaining('altered'),
    });
  });

  it('a deleted line', async () => {
    const dir = await logWith(5);
    const ls = lines(dir);
    ls.splice(1, 1);
    write(dir, ls);
    expect(await verifyDir(dir)).toMatchObject({
      ok: false,
      brokenAtSeq: 3,
      reason: expect.stringContaining('missing'),
    });
  });

  it('two lines swapped', async () => {
    const dir = await logWith(5);
    const ls = lines(dir);
    [ls[1], ls[2]] = [ls[2]!, ls[1]!];
    write(dir, ls);
    expect(await verifyDir(dir)).toMatchObject({ ok: false, brokenAtSeq: 3, where: 'audit-000001.jsonl:2' });
  });

  it('a truncated file: mid-line, and whole entries cut off the end', async () => {
    const dir = await logWith(5);
    const text = readFileSync(file(dir), 'utf8');
    writeFileSync(file(dir), text.slice(0, text.length - 20));
    expect(await verifyDir(dir)).toMatchObject({
      ok: false,
      brokenAtSeq: 5,
      reason: expect.stringContaining('cut short'),
    });
    write(dir, lines(dir).slice(0, 3));
    expect(await verifyDir(dir)).toMatchObject({
      ok: false,
      brokenAtSeq: 4,
      reason: expect.stringContaining('removed from the end'),
    });
  });

  it('a re-hashed forgery still breaks the link to the next entry', async () => {
    const dir = await logWith(4);
    const ls = lines(dir).map((l) => JSON.parse(l));
    ls[1].target = 'site-1/innocent';
    const { createHash } = await import('node:crypto');
    const { hash: _h, ...rest } = ls[1];
    ls[1].hash = createHash('sha256').update(canonicalJson(rest)).digest('hex');
    write(
      dir,
      ls.map((e) => JSON.stringify(e)),
    );
    expect(await verifyDir(dir)).toMatchObject({
      ok: false,
      brokenAtSeq: 3,
      reason: expect.stringContaining('does not follow'),
    });
  });
});

describe('the audit log on disk', () => {
  it('keeps the chain continuous across rotated files', async () => {
    const dir = await logWith(40, fresh(), 2000);
    const v = await verifyDir(dir);
    expect(v.files).toBeGreaterThan(3);
    expect(v).toMatchObject({ ok: true, entries: 40 });
    const log = await AuditLog.open({ dir, maxFileBytes: 2000 }, actor);
    expect(log.size).toBe(40);
    expect(log.list({ target: 'node-40' }, 10)).toHaveLength(1);
    await log.close();
  });

  it('redacts secrets in parameters and filters by actor, action, target and time', async () => {
    const dir = fresh();
    const log = await AuditLog.open({ dir, now: () => Date.UTC(2026, 0, 1) }, actor);
    await log.append({
      actor,
      role: 'admin',
      action: 'site.secret.set',
      target: 'eu-fra-1',
      params: { token: 'hunter2', nested: { password: 'x' } },
      outcome: 'ok',
    });
    await log.append({
      actor: { ...actor, osUser: 'other' },
      role: 'operator',
      action: 'ssh.open',
      target: 'eu-fra-1/n1',
      outcome: 'ok',
    });
    await log.close();
    expect(readFileSync(file(dir), 'utf8')).not.toContain('hunter2');
    expect(log.list({}, 10)[1]!.params).toEqual({ token: '[redacted]', nested: { password: '[redacted]' } });
    expect(log.list({ actor: 'other' }, 10).map((e) => e.action)).toEqual(['ssh.open']);
    expect(log.list({ action: 'secret' }, 10)).toHaveLength(1);
    expect(log.list({ from: Date.UTC(2026, 0, 2) }, 10)).toHaveLength(0);
  });

  it('survives kill -9 during a burst: every acknowledged append verifies', async () => {
    const dir = fresh();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'appendBurst.fixture.ts'), dir],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let acked = 0;
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the appending process exited early (${code})`)));
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = out.match(/acked (\d+)\n/g);
        if (m) acked = Number(/\d+/.exec(m.at(-1)!)![0]);
        if (acked >= 150) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((r) => child.once('exit', r));
    const log = await AuditLog.open({ dir }, actor); // repairs a torn tail, if any
    await log.close();
    const v = await verifyDir(dir);
    expect(v.ok).toBe(true);
    const seqs = new Set(log.list({}, 100_000).map((e) => e.seq));
    for (let s = 1; s <= acked; s++) expect(seqs.has(s)).toBe(true);
  });
});

describe('npm run audit:verify', () => {
  const run = (path: string) =>
    new Promise<{ code: number; out: string }>((resolve) => {
      const p = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../../auditVerify.ts'), path]);
      let out = '';
      p.stdout.on('data', (d) => (out += d));
      p.on('exit', (code) => resolve({ code: code ?? -1, out }));
    });

  it('passes an intact directory, and names the first bad entry of a tampered file', async () => {
    const dir = await logWith(6);
    expect(await run(dir)).toMatchObject({ code: 0, out: expect.stringContaining('OK: 6 entries') });
    const ls = lines(dir);
    ls[3] = ls[3]!.replace('"ok"', '"failed"');
    write(dir, ls);
    const r = await run(file(dir));
    expect(r.code).toBe(1);
    expect(r.out).toContain('BROKEN at audit-000001.jsonl:4 (entry 4)');
    expect(r.out).toContain('3 entries before it verify');
  });
});

describe('exports read the whole log', () => {
  it('beyond the in-memory window the UI lists from', async () => {
    const dir = fresh();
    const log = await AuditLog.open({ dir, retain: 5 }, actor);
    for (let i = 1; i <= 12; i++)
      await log.append({ actor, role: 'operator', action: 'x', target: `t${i}`, outcome: 'ok' });
    expect(log.list({}, 100)).toHaveLength(5);
    const all = await log.readAll({});
    expect(all.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await log.readAll({ target: 't1' })).toHaveLength(4); // t1, t10, t11, t12
    await log.close();
  });
});
