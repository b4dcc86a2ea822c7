import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRequest, tlsHint } from './httpRequest';

describe('httpRequest', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (req.url === '/hang') return;
        if (req.url === '/big') return res.end('x'.repeat(5000));
        if (req.url === '/teapot') return res.writeHead(418).end('short and stout');
        res.end(JSON.stringify({ method: req.method, body, length: req.headers['content-length'] ?? null }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((r) => server.close(() => r()));
  });
  const o = { timeoutMs: 1000, maxBytes: 1000 };

  it('sends the method and body with its byte length', async () => {
    const r = await httpRequest('POST', `${base}/x`, { ...o, body: '{"a":"ü"}' });
    expect(r.kind).toBe('ok');
    if (r.kind === 'ok')
      expect(JSON.parse(r.text)).toEqual({ method: 'POST', body: '{"a":"ü"}', length: '10' });
    const d = await httpRequest('DELETE', `${base}/x`, o);
    if (d.kind === 'ok') expect(JSON.parse(d.text)).toMatchObject({ method: 'DELETE', body: '' });
  });

  it('returns failures as outcomes: status, timeout, size cap, refused, bad URL', async () => {
    expect(await httpRequest('GET', `${base}/teapot`, o)).toMatchObject({
      kind: 'http',
      status: 418,
      text: 'short and stout',
    });
    expect(await httpRequest('GET', `${base}/hang`, { ...o, timeoutMs: 100 })).toEqual({
      kind: 'timeout',
      message: 'no answer within 100 ms',
    });
    expect((await httpRequest('GET', `${base}/big`, o)).kind).toBe('too-large');
    expect(await httpRequest('GET', 'http://127.0.0.1:1/', o)).toEqual({
      kind: 'network',
      message: 'connection refused',
    });
    expect((await httpRequest('GET', 'not a url', o)).kind).toBe('network');
  });

  it('says what to do about a refused certificate: the CA only when the CA is the likely cause', () => {
    expect(tlsHint('UNABLE_TO_VERIFY_LEAF_SIGNATURE')).toBe("check the site's CA");
    expect(tlsHint('SELF_SIGNED_CERT_IN_CHAIN')).toBe("check the site's CA");
    expect(tlsHint('CERT_HAS_EXPIRED')).toMatch(/renew the site's certificate/);
    expect(tlsHint('CERT_NOT_YET_VALID')).toMatch(/clock/);
    expect(tlsHint('ERR_TLS_CERT_ALTNAME_INVALID')).toMatch(/another host name/);
  });
});
