import { request as plainRequest, type IncomingHttpHeaders } from 'node:http';
import { request as tlsRequest } from 'node:https';

/**
 * One HTTP(S) request with a deadline, a size cap and an optional custom CA, returning what happened
 * as a value. Every request to a site goes through here (httpGet for reads), so no site can hang the
 * console or fill its memory. Built on node:http rather than fetch so a site's own CA can be trusted
 * per request.
 */
export type HttpOutcome =
  | { kind: 'ok'; status: number; text: string; headers: IncomingHttpHeaders }
  | { kind: 'http'; status: number; message: string; text: string }
  | { kind: 'timeout'; message: string }
  | { kind: 'network'; message: string }
  | { kind: 'tls'; message: string }
  | { kind: 'too-large'; message: string };

export interface HttpGetOptions {
  timeoutMs: number;
  maxBytes: number;
  headers?: Record<string, string>;
  /** PEM bundle to trust instead of the system store (a site's private CA). */
  ca?: string;
}

export interface HttpRequestOptions extends HttpGetOptions {
  /** Sent as is; a string body gets a content-length, JSON callers set content-type themselves. */
  body?: string;
}

export type HttpMethod = 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH';

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_NOT_YET_VALID',
]);

/** What to do about a certificate the console refused: the CA only when the CA is the likely cause. */
export function tlsHint(code: string): string {
  if (code === 'CERT_HAS_EXPIRED') return "renew the site's certificate, or check this machine's clock";
  if (code === 'CERT_NOT_YET_VALID') return "check this machine's clock";
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
    return 'the certificate is for another host name: check the URL';
  return "check the site's CA";
}

function networkReason(code: string | undefined, message: string): string {
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host name does not resolve';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'connection closed by the site';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'no route to the host';
  return code ? `${code} (${message})` : message;
}

export function httpRequest(method: HttpMethod, url: string, opts: HttpRequestOptions): Promise<HttpOutcome> {
  return new Promise((resolve) => {
    // Checked before any timer exists (httpGet settles this case through a timer not yet declared).
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return resolve({ kind: 'network', message: `"${url}" is not a valid URL` });
    }
    let settled = false;
    const done = (o: HttpOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(o);
    };
    const headers: Record<string, string> = { accept: '*/*', ...opts.headers };
    if (opts.body !== undefined) headers['content-length'] = String(Buffer.byteLength(opts.body));
    const req = (u.protocol === 'https:' ? tlsRequest : plainRequest)(
      u,
      { method, headers, ca: opts.ca, agent: undefined },
      (res) => {
        const declared = Number(res.headers['content-length'] ?? NaN);
        if (declared > opts.maxBytes) {
          res.destroy();
          return done({
            kind: 'too-large',
            message: `answer of ${declared} bytes exceeds the ${opts.maxBytes}-byte limit`,
          });
        }
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (c: Buffer) => {
          bytes += c.length;
          if (bytes > opts.maxBytes) {
            res.destroy();
            done({ kind: 'too-large', message: `answer exceeds the ${opts.maxBytes}-byte limit` });
          } else chunks.push(c);
        });
        res.on('error', (e: NodeJS.ErrnoException) =>
          done({ kind: 'network', message: networkReason(e.code, e.message) }),
        );
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) done({ kind: 'ok', status, text, headers: res.headers });
          else
            done({ kind: 'http', status, message: `HTTP ${status} ${res.statusMessage ?? ''}`.trim(), text });
        });
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      done({ kind: 'timeout', message: `no answer within ${opts.timeoutMs} ms` });
    }, opts.timeoutMs);
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code && TLS_CODES.has(e.code))
        done({ kind: 'tls', message: `TLS: ${e.message} (${tlsHint(e.code)})` });
      else done({ kind: 'network', message: networkReason(e.code, e.message) });
    });
    req.end(opts.body);
  });
}
