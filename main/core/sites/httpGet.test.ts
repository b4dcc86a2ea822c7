import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { httpGet } from './httpGet';

describe('httpGet returns what happened as a value', () => {
  it.each([
    ['not a url', 'network', 'not a valid URL'],
    ['http://127.0.0.1:1/', 'network', 'connection refused'],
    ['http://no-such-host.invalid/', 'network', 'does not resolve'],
  ])('%s → %s', async (url, kind, words) => {
    const r = await httpGet(url, { timeoutMs: 3000, maxBytes: 1000 });
    expect(r).toMatchObject({ kind, message: expect.stringContaining(words) });
  });

  it('caps the body size, reports HTTP errors and times out a silent server', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/big') return res.end('x'.repeat(5000));
      if (req.url === '/401') return res.writeHead(401, 'Unauthorized').end();
      if (req.url === '/hang') return; // never answers
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const o = { timeoutMs: 300, maxBytes: 1000 };
    expect(await httpGet(`${base}/`, o)).toMatchObject({ kind: 'ok', text: 'ok' });
    expect(await httpGet(`${base}/big`, o)).toMatchObject({ kind: 'too-large' });
    expect(await httpGet(`${base}/401`, o)).toMatchObject({ kind: 'http', status: 401 });
    expect(await httpGet(`${base}/hang`, o)).toMatchObject({
      kind: 'timeout',
      message: 'no answer within 300 ms',
    });
    server.closeAllConnections();
    server.close();
  });
});
