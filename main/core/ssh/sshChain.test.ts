import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { SshChain } from './sshChain';

describe('SshChain handshake deadline', () => {
  it('a server that accepts but never speaks SSH times out with the reason', async () => {
    const sockets: Socket[] = [];
    const server = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const r = await new SshChain().open(
      [{ host: '127.0.0.1', port, user: 'x', auth: [{ kind: 'password' }], pinned: [] }],
      {
        checkHostKey: async () => ({ decision: 'trust', status: 'known', fingerprint: 'x' }),
        confirmHostKey: async () => true,
        askSecret: async () => null,
        onHop: () => undefined,
      },
      400,
    );
    expect(r).toEqual({
      ok: false,
      hop: 0,
      reason: `127.0.0.1:${port} did not complete the SSH handshake within 0.4 s`,
    });
    for (const s of sockets) s.destroy();
    server.close();
  });
});
