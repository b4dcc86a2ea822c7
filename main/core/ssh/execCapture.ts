import type { Client } from 'ssh2';
import type { HostKeyStore } from './hostKeyStore';
import type { ChainCallbacks } from './sshChain';

/**
 * Callbacks for chains nobody watches (broadcasts, scontrol on a controller): host keys must be
 * pinned or known, nothing is asked — an unknown key or a password-only login fails with its reason.
 */
export function nonInteractive(hostKeys: HostKeyStore): ChainCallbacks {
  return {
    checkHostKey: (hop, type, key) => hostKeys.check(hop.host, hop.port, type, key, hop.pinned),
    confirmHostKey: async () => false,
    askSecret: async () => null,
    onHop: () => undefined,
  };
}

export interface Captured {
  /** null when the command gave no exit status (the connection dropped, a signal). */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one command and collects its output, each stream capped at `maxBytes` (decoded once, whole). */
export function execCapture(client: Client, command: string, maxBytes: number): Promise<Captured> {
  return new Promise((resolve) => {
    client.exec(command, (e, stream) => {
      if (e) return resolve({ code: null, stdout: '', stderr: e.message });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let outBytes = 0;
      let errBytes = 0;
      let code: number | null = null;
      stream.on('data', (d: Buffer) => {
        if (outBytes < maxBytes) out.push(d);
        outBytes += d.length;
      });
      stream.stderr.on('data', (d: Buffer) => {
        if (errBytes < maxBytes) err.push(d);
        errBytes += d.length;
      });
      stream.on('exit', (c: number | null) => (code = c));
      stream.on('close', () =>
        resolve({
          code,
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8'),
        }),
      );
    });
    client.on('close', () => resolve({ code: null, stdout: '', stderr: 'the connection closed' }));
  });
}
