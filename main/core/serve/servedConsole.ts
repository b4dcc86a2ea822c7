import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventName } from '../../../shared/channels';
import { ClientFrameSchema, type ServerFrame } from '../../../shared/wire';
import type { Dispatch, EventSource } from '../api/dispatcher';
import type { Session } from '../session/sessions';
import { SESSION_COOKIE, newAccessToken, ownOrigins, readCookie, tokenMatches } from './accessToken';
import { readStatic } from './staticFiles';

export interface ServedOptions {
  dispatch: Dispatch;
  events: EventSource;
  /** Each browser connection is its own session (own role), like a desktop window. */
  newSession: () => Session;
  /** A browser connection went away: its terminals close with it. */
  onSessionEnd?: (session: Session) => void;
  rendererDir: string;
  host?: string;
  port?: number;
  token?: string;
  log?: (msg: string) => void;
}

export interface ServedConsole {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

// Same policy as the renderer's meta tag, sent as a header too so it holds even if the page changes
// (test/security/csp.test.ts holds the two together).
export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const MAX_FRAME_BYTES = 256 * 1024;
/** A client that cannot keep up gets events dropped rather than the core's memory filled. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/**
 * The served transport (DESIGN.md, "One contract, two transports"): the built renderer and the
 * contract over one WebSocket, on loopback, behind a random token. Opening the printed URL
 * (?token=…) trades the token for an HttpOnly, SameSite=Strict cookie and redirects, so the token
 * leaves the address bar and no script can read it.
 */
export async function startServedConsole(opts: ServedOptions): Promise<ServedConsole> {
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token ?? newAccessToken();
  const root = resolve(opts.rendererDir);
  const log = opts.log ?? (() => undefined);
  let origins = new Set<string>();
  let failures = 0;

  /** Each wrong token waits longer than the last (up to 2 s), so guessing the token is hopeless. */
  const slowWrongGuess = () => new Promise((r) => setTimeout(r, Math.min(2000, 100 * ++failures)));
  /** Whether a request holds the token; one that presents another token is a guess, and is slowed. */
  const authOf = (req: IncomingMessage): 'ok' | 'missing' | 'wrong' => {
    const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
    const bearer = req.headers.authorization?.replace(/^Bearer /, '');
    if (tokenMatches(cookie, token) || tokenMatches(bearer, token)) return 'ok';
    return cookie || bearer ? 'wrong' : 'missing';
  };
  const hostAllowed = (req: IncomingMessage) => origins.has(`http://${req.headers.host ?? ''}`);

  const refuse = (res: ServerResponse, status: number, text: string) => {
    res
      .writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS })
      .end(text + '\n');
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    if (!hostAllowed(req)) return refuse(res, 421, 'Fleet Console answers only on its own loopback address.');
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return refuse(res, 405, 'Fleet Console serves pages only; calls go over its WebSocket.');
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null) {
      if (!tokenMatches(queryToken, token)) {
        await slowWrongGuess();
        return refuse(res, 401, 'Wrong access token. Use the URL that `npm run serve` printed.');
      }
      url.searchParams.delete('token');
      res.writeHead(303, {
        location: url.pathname + (url.search || ''),
        'set-cookie': `${SESSION_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
        ...SECURITY_HEADERS,
      });
      return res.end();
    }
    const auth = authOf(req);
    if (auth !== 'ok') {
      if (auth === 'wrong') await slowWrongGuess();
      return refuse(
        res,
        401,
        'Fleet Console needs its access token: open the URL that `npm run serve` printed.',
      );
    }
    const file = await readStatic(root, url.pathname);
    if (!file) return refuse(res, 404, 'Not found.');
    res.writeHead(200, {
      'content-type': file.type,
      'cache-control': url.pathname.startsWith('/assets/')
        ? 'private, max-age=31536000, immutable'
        : 'no-store',
      ...SECURITY_HEADERS,
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  /** Upgrades waiting out a wrong guess: the HTTP server no longer tracks them, so close() does. */
  const waiting = new Set<Duplex>();
  server.on('upgrade', async (req, socket, head) => {
    const origin = req.headers.origin;
    const auth = authOf(req);
    const why =
      new URL(req.url ?? '/', 'http://placeholder').pathname !== '/ws'
        ? '404 Not Found'
        : !hostAllowed(req) || !origin || !origins.has(origin)
          ? '403 Forbidden'
          : auth !== 'ok'
            ? '401 Unauthorized'
            : null;
    if (why) {
      log(`[serve] refused a WebSocket (${why}) from origin ${JSON.stringify(origin ?? null)}`);
      if (why === '401 Unauthorized' && auth === 'wrong') {
        // The client may hang up while it waits; that must not become an unhandled socket error.
        socket.on('error', () => socket.destroy());
        waiting.add(socket);
        await slowWrongGuess();
        waiting.delete(socket);
        if (socket.destroyed) return;
      }
      socket.end(`HTTP/1.1 ${why}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws));
  });

  function serveSocket(ws: WebSocket) {
    const ctx = { session: opts.newSession() };
    const subs = new Map<EventName, () => void>();
    const send = (frame: ServerFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    ws.on('message', async (data, isBinary) => {
      let raw: unknown;
      try {
        raw = isBinary ? undefined : JSON.parse(data.toString());
      } catch {
        raw = undefined;
      }
      const frame = ClientFrameSchema.safeParse(raw);
      if (!frame.success)
        return send({ type: 'protocol-error', message: 'unreadable frame; see shared/wire.ts' });
      const f = frame.data;
      if (f.type === 'call') {
        const result = await opts.dispatch(f.name, f.payload, ctx);
        send({ type: 'result', id: f.id, result });
      } else if (f.type === 'subscribe') {
        if (!subs.has(f.name))
          subs.set(
            f.name,
            opts.events.subscribe(
              f.name,
              (payload) => {
                if (ws.bufferedAmount < MAX_BUFFERED_BYTES) send({ type: 'event', name: f.name, payload });
              },
              ctx,
            ),
          );
      } else {
        subs.get(f.name)?.();
        subs.delete(f.name);
      }
    });
    ws.on('close', () => {
      for (const off of subs.values()) off();
      subs.clear();
      opts.onSessionEnd?.(ctx.session);
    });
  }

  await new Promise<void>((res, rej) => {
    server.once('error', rej);
    server.listen(opts.port ?? 7380, host, () => res());
  });
  const port = (server.address() as AddressInfo).port;
  origins = ownOrigins(host, port);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((res) => {
        for (const c of wss.clients) c.terminate();
        for (const s of waiting) s.destroy();
        wss.close();
        server.closeAllConnections();
        server.close(() => res());
      }),
  };
}
