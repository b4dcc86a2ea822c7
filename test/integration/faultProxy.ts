import {
  Agent,
  createServer as createHttpServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * A small HTTP(S) proxy in front of one site endpoint (a simulated dcgm-exporter listener, a real
 * Prometheus, a real slurmrestd) that can be told to misbehave, for issue 11's fault matrix. The mode
 * is read per request, so a keep-alive connection made while healthy sees a new fault at once.
 *
 * - ok: pass through;
 * - refuse: the listener is closed and every connection dropped (a killed server: connection refused);
 * - hang: accepts and reads the request, never answers (a stopped server);
 * - drip: answers the upstream's reply, headers at once, then the body at 1 byte/s;
 * - garbage: 200 with a malformed body of the endpoint's kind (broken exposition text, truncated JSON);
 * - huge: 200 streaming 100 MB, chunked, with no content-length to refuse it by (unless told to declare it).
 *
 * With `bearer` set, a request without that bearer token is answered 401, as a Prometheus behind an
 * authenticating proxy does. With `tls`, it terminates TLS with the certificate given (which can be
 * swapped: a certificate from another CA, an expired one).
 */
export type FaultMode = 'ok' | 'refuse' | 'hang' | 'drip' | 'garbage' | 'huge';
export type BodyKind = 'exposition' | 'json';

export interface FaultProxyOptions {
  upstream: string;
  kind: BodyKind;
  tls?: { key: string; cert: string };
  bearer?: string;
  /** The huge answer declares its length (content-length) instead of streaming chunked. */
  declareHugeLength?: boolean;
}

export const HUGE_BYTES = 100 * 1024 * 1024;
/** 256 MB/s (about 2 Gbit/s): a 64 MB limit is reached in a quarter of a second. */
const HUGE_RATE_PER_MS = (256 * 1024 * 1024) / 1000;

/** Malformed, but recognisably the kind of thing the endpoint serves. */
export const GARBAGE: Record<BodyKind, string> = {
  // An exporter that died mid-write: the last label set is never closed.
  exposition:
    '# HELP DCGM_FI_DEV_GPU_UTIL GPU utilization (in %).\n# TYPE DCGM_FI_DEV_GPU_UTIL gauge\n' +
    'DCGM_FI_DEV_GPU_UTIL{gpu="0",UUID="GPU-8f2c",Hostname="node-1" 17\n',
  // JSON cut off mid-object (a proxy that gave up half way).
  json: '{"status":"success","data":{"resultType":"vector","result":[{"metric":{"__name__":"DCGM_FI_DEV_GPU_UTIL"',
};

const CONTENT_TYPE: Record<BodyKind, string> = {
  exposition: 'text/plain; version=0.0.4; charset=utf-8',
  json: 'application/json',
};

/** 64 KiB of plausible content, repeated to make the huge body. */
function hugeChunk(kind: BodyKind): Buffer {
  const line =
    kind === 'json'
      ? '{"metric":{"__name__":"DCGM_FI_DEV_GPU_UTIL","gpu":"0"},"value":[1700000000,"17"]},'
      : 'DCGM_FI_DEV_GPU_UTIL{gpu="0",UUID="GPU-8f2c",Hostname="node-1"} 17\n';
  return Buffer.from(line.repeat(Math.ceil(65_536 / line.length)).slice(0, 65_536));
}

export class FaultProxy {
  private mode: FaultMode = 'ok';
  private upstream: URL;
  private bearer: string | undefined;
  private readonly server: Server;
  private readonly agent = new Agent({ keepAlive: true });
  private readonly chunk: Buffer;
  private port = 0;
  private listening = false;
  /** Requests answered per mode, for the test's report. */
  readonly served = new Map<string, number>();

  private constructor(private readonly o: FaultProxyOptions) {
    this.upstream = new URL(o.upstream);
    this.bearer = o.bearer;
    this.chunk = hugeChunk(o.kind);
    const handler = (req: IncomingMessage, res: ServerResponse) => this.handle(req, res);
    this.server = o.tls
      ? createHttpsServer({ key: o.tls.key, cert: o.tls.cert }, handler)
      : createHttpServer(handler);
    this.server.keepAliveTimeout = 30_000;
  }

  static async start(o: FaultProxyOptions): Promise<FaultProxy> {
    const p = new FaultProxy(o);
    await p.listen();
    return p;
  }

  get url(): string {
    return `${this.o.tls ? 'https' : 'http'}://127.0.0.1:${this.port}`;
  }

  get currentMode(): FaultMode {
    return this.mode;
  }

  async setMode(mode: FaultMode): Promise<void> {
    this.mode = mode;
    if (mode === 'refuse') await this.unlisten();
    else await this.listen();
  }

  setUpstream(url: string): void {
    this.upstream = new URL(url);
    this.agent.destroy(); // pooled sockets to the old upstream
  }

  setBearer(token: string | undefined): void {
    this.bearer = token;
  }

  /** Serves another certificate from the next handshake on; open connections are dropped. */
  setCertificate(tls: { key: string; cert: string }): void {
    if (!this.o.tls) throw new Error('not a TLS proxy');
    (this.server as ReturnType<typeof createHttpsServer>).setSecureContext({ key: tls.key, cert: tls.cert });
    this.server.closeAllConnections();
  }

  async close(): Promise<void> {
    await this.unlisten();
    this.agent.destroy();
  }

  private listen(): Promise<void> {
    if (this.listening) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      // The same port again after a "refuse": the site comes back where it was.
      this.server.listen(this.port, '127.0.0.1', () => {
        this.server.off('error', reject);
        this.port = (this.server.address() as AddressInfo).port;
        this.listening = true;
        resolve();
      });
    });
  }

  private unlisten(): Promise<void> {
    if (!this.listening) return Promise.resolve();
    this.listening = false;
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private count(what: string): void {
    this.served.set(what, (this.served.get(what) ?? 0) + 1);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    if (this.bearer !== undefined && req.headers.authorization !== `Bearer ${this.bearer}`) {
      this.count('401');
      res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' }).end('Unauthorized\n');
      return;
    }
    const mode = this.mode;
    this.count(mode);
    switch (mode) {
      case 'hang':
      case 'refuse': // a request that raced the listener closing: as good as a hang
        req.resume();
        return;
      case 'garbage':
        res.writeHead(200, { 'content-type': CONTENT_TYPE[this.o.kind] }).end(GARBAGE[this.o.kind]);
        return;
      case 'huge':
        return this.huge(res);
      case 'drip':
        return this.forward(req, res, true);
      case 'ok':
        return this.forward(req, res, false);
    }
  }

  private huge(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': CONTENT_TYPE[this.o.kind],
      ...(this.o.declareHugeLength ? { 'content-length': String(HUGE_BYTES) } : {}),
    });
    let sent = 0;
    const started = Date.now();
    const pump = () => {
      while (sent < HUGE_BYTES && !res.destroyed) {
        // Paced like a fast network (HUGE_RATE): unpaced, the proxy and the core fight over the same two
        // cores and the lag measured is the machine's, not the core's.
        if (sent > (Date.now() - started + 1) * HUGE_RATE_PER_MS) return void setTimeout(pump, 1);
        sent += this.chunk.length;
        if (!res.write(this.chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    pump();
  }

  private forward(req: IncomingMessage, res: ServerResponse, drip: boolean): void {
    const target = new URL(req.url ?? '/', this.upstream);
    const up = request(
      target,
      { method: req.method, headers: { ...req.headers, host: this.upstream.host }, agent: this.agent },
      (ur) => {
        if (!drip) {
          res.writeHead(ur.statusCode ?? 502, ur.headers);
          ur.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        ur.on('data', (c: Buffer) => chunks.push(c));
        ur.on('end', () => {
          const body = Buffer.concat(chunks);
          res.writeHead(ur.statusCode ?? 502, ur.headers);
          res.flushHeaders();
          let i = 0;
          const timer = setInterval(() => {
            if (res.destroyed || i >= body.length) {
              clearInterval(timer);
              if (!res.destroyed) res.end();
              return;
            }
            res.write(body.subarray(i, ++i));
          }, 1000);
          res.on('close', () => clearInterval(timer));
        });
      },
    );
    // A dead upstream (killed): drop the client's connection, as the dead server itself would.
    up.on('error', () => req.socket.destroy());
    res.on('close', () => {
      if (!res.writableFinished) up.destroy();
    });
    req.pipe(up);
  }
}
