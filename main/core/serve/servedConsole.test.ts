import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createDispatcher, type Handlers } from '../api/dispatcher';
import { newSession } from '../session/sessions';
import { ok } from '../../../shared/result';
import { startServedConsole, type ServedConsole } from './servedConsole';

/** The served transport over real sockets: the token gate, the Origin check, the frames. */
let served: ServedConsole;
let base: string;
const emitted: ((p: unknown) => void)[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fc-renderer-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Fleet Console</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'fc-secret.txt'), 'secret');
  const dispatch = createDispatcher({
    'app.info': () =>
      ok({
        name: 'Fleet Console',
        version: 't',
        shell: 'served',
        fleetSource: 'demo',
        configDir: null,
        intervalMs: 1000,
      }),
    'fleet.snapshot': () => ok({ totals: {} as never, sites: [] }),
    'fleet.history': () => ok({ t: [], utilPct: [], powerKw: [] }),
    'site.detail': () => ok({} as never),
  } as Partial<Handlers> as Handlers);
  served = await startServedConsole({
    dispatch,
    events: { subscribe: (_n, l) => (emitted.push(l), () => undefined) },
    newSession: () => newSession('test'),
    rendererDir: dir,
    port: 0,
  });
  base = `http://127.0.0.1:${served.port}`;
});
afterAll(() => served.close());

function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const cookieFor = async () => {
  const r = await get(`/?token=${served.token}`);
  return String(r.headers['set-cookie']).split(';')[0]!;
};

function openWs(headers: Record<string, string>): Promise<{ ws: WebSocket | null; status: number | null }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${served.port}/ws`, { headers });
    ws.on('open', () => resolve({ ws, status: null }));
    ws.on('unexpected-response', (_req, res) => resolve({ ws: null, status: res.statusCode ?? null }));
    ws.on('error', () => resolve({ ws: null, status: -1 }));
  });
}

describe('served console over HTTP', () => {
  it('prints a loopback URL that carries the token', () => {
    expect(served.url).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${served.port}/\\?token=[A-Za-z0-9_-]{32}$`),
    );
  });

  it('answers 401 without the token, and to a wrong token', async () => {
    expect((await get('/')).status).toBe(401);
    expect((await get('/assets/app.js')).status).toBe(401);
    expect((await get('/?token=wrong')).status).toBe(401);
  });

  it('trades the token for an HttpOnly SameSite=Strict cookie and drops it from the address', async () => {
    const r = await get(`/?token=${served.token}`);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    expect(String(r.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await get('/', { cookie: await cookieFor() });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Fleet Console');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('serves nothing outside the renderer directory', async () => {
    const cookie = await cookieFor();
    expect((await get('/../fc-secret.txt', { cookie })).status).toBe(404);
    expect((await get('/%2e%2e/fc-secret.txt', { cookie })).status).toBe(404);
  });

  it('refuses a foreign Host (DNS rebinding) and state-changing methods', async () => {
    const cookie = await cookieFor();
    expect((await get('/', { cookie, host: `evil.example:${served.port}` })).status).toBe(421);
    const post = await new Promise<number>((resolve) => {
      const req = request(`${base}/`, { method: 'POST', headers: { cookie } }, (res) =>
        resolve(res.statusCode!),
      );
      req.end('{}');
    });
    expect(post).toBe(405);
  });
});

describe('served console over WebSocket', () => {
  it('refuses a WebSocket from another Origin, even with the token', async () => {
    const cookie = await cookieFor();
    const r = await openWs({ origin: 'http://evil.example', cookie });
    expect(r.ws).toBeNull();
    expect(r.status).toBe(403);
  });

  it('refuses a WebSocket without the token', async () => {
    const r = await openWs({ origin: base });
    expect(r.status).toBe(401);
  });

  it('answers calls and forwards events on its own origin; bad frames get a protocol error', async () => {
    const { ws } = await openWs({ origin: base, cookie: await cookieFor() });
    expect(ws).not.toBeNull();
    const frames: unknown[] = [];
    ws!.on('message', (d) => frames.push(JSON.parse(d.toString())));
    ws!.send(JSON.stringify({ type: 'call', id: 7, name: 'app.info', payload: {} }));
    ws!.send(JSON.stringify({ type: 'call', id: 8, name: 'fleet.history', payload: { windowS: 'x' } }));
    ws!.send('not json');
    ws!.send(JSON.stringify({ type: 'subscribe', name: 'fleet.tick' }));
    await new Promise((r) => setTimeout(r, 200));
    emitted.at(-1)!({ hello: 1 });
    await new Promise((r) => setTimeout(r, 100));
    expect(frames).toContainEqual({
      type: 'result',
      id: 7,
      result: { ok: true, value: expect.objectContaining({ shell: 'served' }) },
    });
    expect(frames).toContainEqual({
      type: 'result',
      id: 8,
      result: { ok: false, error: { code: 'INVALID_REQUEST', message: expect.stringContaining('windowS') } },
    });
    expect(frames).toContainEqual({ type: 'protocol-error', message: expect.any(String) });
    expect(frames).toContainEqual({ type: 'event', name: 'fleet.tick', payload: { hello: 1 } });
    ws!.close();
  });
});
