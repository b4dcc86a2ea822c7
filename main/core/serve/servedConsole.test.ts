import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
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
let dispatch: ReturnType<typeof createDispatcher>;
let rendererDir: string;
const emitted: ((p: unknown) => void)[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fc-renderer-'));
  rendererDir = dir;
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Fleet Console</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'fc-secret.txt'), 'secret');
  dispatch = createDispatcher({
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

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const all =
      body === undefined ? headers : { 'content-length': String(Buffer.byteLength(body)), ...headers };
    const req = request(`http://127.0.0.1:${port}${path}`, { method, headers: all }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const get = (path: string, headers: Record<string, string> = {}) => send(served.port, 'GET', path, headers);

const cookieFor = async () => {
  const r = await get(`/?token=${served.token}`);
  return String(r.headers['set-cookie']).split(';')[0]!;
};

function openWs(
  headers: Record<string, string>,
  port = served.port,
): Promise<{ ws: WebSocket | null; status: number | null }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers });
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

describe('served console: state-changing requests and binding', () => {
  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])(
    'refuses %s to any path, with the token or without it',
    async (method) => {
      const cookie = await cookieFor();
      const credentials: Record<string, string>[] = [
        {},
        { cookie },
        { authorization: `Bearer ${served.token}` },
      ];
      for (const path of [
        '/',
        '/ws',
        '/index.html',
        '/assets/app.js',
        '/api/app.info',
        `/?token=${served.token}`,
      ])
        for (const headers of credentials) {
          const r = await send(
            served.port,
            method,
            path,
            headers,
            '{"type":"call","id":1,"name":"app.info"}',
          );
          expect(r.status, `${method} ${path} ${Object.keys(headers).join()}`).toBe(405);
          expect(r.headers['set-cookie']).toBeUndefined();
        }
    },
  );

  const lanAddress = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && !a.internal && a.family === 'IPv4')?.address;

  it.skipIf(!lanAddress)(
    `binds loopback by default: nothing answers on ${lanAddress ?? 'another interface'}`,
    async () => {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect(served.port, lanAddress!);
        socket.setTimeout(2000, () => (socket.destroy(), resolve('timeout')));
        socket.on('connect', () => (socket.destroy(), resolve('connected')));
        socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      });
      expect(outcome).not.toBe('connected');
      expect((await get('/')).status).toBe(401);
    },
  );
});

describe('served console: guessing the token', () => {
  // A console of its own, so the count of wrong guesses starts at zero.
  let guessed: ServedConsole;
  beforeAll(async () => {
    guessed = await startServedConsole({
      dispatch,
      events: { subscribe: () => () => undefined },
      newSession: () => newSession('test'),
      rendererDir,
      port: 0,
    });
  });
  afterAll(() => guessed.close());

  const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
    const start = performance.now();
    const value = await f();
    return [value, performance.now() - start];
  };

  it('slows each wrong token more than the last, in the URL, a cookie, a header or a WebSocket', async () => {
    const wrong = 'A'.repeat(guessed.token.length);
    const attempts: [string, () => Promise<number | null>][] = [
      ['URL', async () => (await send(guessed.port, 'GET', `/?token=${wrong}`)).status],
      ['URL again', async () => (await send(guessed.port, 'GET', `/?token=${wrong}`)).status],
      [
        'cookie',
        async () => (await send(guessed.port, 'GET', '/', { cookie: `fc_session=${wrong}` })).status,
      ],
      [
        'header',
        async () => (await send(guessed.port, 'GET', '/', { authorization: `Bearer ${wrong}` })).status,
      ],
      [
        'WebSocket',
        async () =>
          (
            await openWs(
              { origin: `http://127.0.0.1:${guessed.port}`, cookie: `fc_session=${wrong}` },
              guessed.port,
            )
          ).status,
      ],
    ];
    // The delays are 100 ms, 200 ms, 300 ms…: this takes about 1.5 s.
    const took: number[] = [];
    for (const [how, attempt] of attempts) {
      const [status, ms] = await timed(attempt);
      expect(status, how).toBe(401);
      took.push(ms);
    }
    expect(took[0]).toBeGreaterThanOrEqual(90);
    for (let i = 1; i < took.length; i++)
      expect(
        took[i]! - took[i - 1]!,
        `${attempts[i]![0]} waits longer than ${attempts[i - 1]![0]}`,
      ).toBeGreaterThan(50);
  });

  it('does not slow a request with no token, or with the right one', async () => {
    const [none, noneMs] = await timed(() => send(guessed.port, 'GET', '/'));
    expect(none.status).toBe(401);
    const [right, rightMs] = await timed(() => send(guessed.port, 'GET', `/?token=${guessed.token}`));
    expect(right.status).toBe(303);
    // The next wrong guess would wait 600 ms.
    expect(noneMs).toBeLessThan(300);
    expect(rightMs).toBeLessThan(300);
  });
});

describe('served console over WebSocket', () => {
  it('refuses a WebSocket from another Origin, even with the token', async () => {
    const cookie = await cookieFor();
    const r = await openWs({ origin: 'http://evil.example', cookie });
    expect(r.ws).toBeNull();
    expect(r.status).toBe(403);
  });

  it.each([
    ['no Origin at all', null],
    ['Origin: null (a sandboxed frame or a file)', 'null'],
    ['an https Origin on the same host and port', 'https://127.0.0.1:PORT'],
    ['another port on loopback', 'http://127.0.0.1:1'],
    ['a look-alike host', 'http://127.0.0.1.evil.example:PORT'],
  ])('refuses a WebSocket with %s, even with the token', async (_name, origin) => {
    const cookie = await cookieFor();
    const headers: Record<string, string> = { cookie };
    if (origin !== null) headers.origin = origin.replace('PORT', String(served.port));
    const r = await openWs(headers);
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
