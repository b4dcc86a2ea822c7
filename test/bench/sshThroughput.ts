import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SshChain } from '../../main/core/ssh/sshChain';
import { keygen, startSshd } from '../integration/sshServer';
import type { Metric } from './metric';

/**
 * Issue 5's benchmark: bytes per second of a 100 MB stream through the console's SSH session vs the
 * OpenSSH client, against the same sshd, alternating runs so machine drift cancels. Needs root (sshd).
 */
const BYTES = 100 * 1024 * 1024;
const COMMAND = `head -c ${BYTES} /dev/zero`;

async function viaConsole(port: number, key: string): Promise<number> {
  const chain = new SshChain();
  const r = await chain.open(
    [{ host: '127.0.0.1', port, user: 'root', auth: [{ kind: 'key', path: key }], pinned: [] }],
    {
      checkHostKey: async () => ({ decision: 'trust', status: 'known', fingerprint: 'bench' }),
      confirmHostKey: async () => true,
      askSecret: async () => null,
      onHop: () => undefined,
    },
  );
  if (!r.ok) throw new Error(r.reason);
  const t0 = process.hrtime.bigint();
  const got = await new Promise<number>((resolve, reject) =>
    r.client.exec(COMMAND, (e, stream) => {
      if (e) return reject(e);
      let n = 0;
      stream.on('data', (d: Buffer) => (n += d.length));
      stream.on('close', () => resolve(n));
    }),
  );
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  chain.close();
  if (got !== BYTES) throw new Error(`console session got ${got} of ${BYTES} bytes`);
  return got / s;
}

function viaOpenSsh(port: number, key: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const p = spawn(
      'ssh',
      [
        '-q',
        '-i',
        key,
        '-p',
        String(port),
        '-o',
        'StrictHostKeyChecking=no',
        '-o',
        'UserKnownHostsFile=/dev/null',
        '-o',
        'BatchMode=yes',
        'root@127.0.0.1',
        COMMAND,
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let n = 0;
    p.stdout.on('data', (d: Buffer) => (n += d.length));
    p.on('exit', (code) => {
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      if (code !== 0 || n !== BYTES) return reject(new Error(`ssh exited ${code} after ${n} bytes`));
      resolve(n / s);
    });
  });
}

export async function sshThroughput(rounds = 3): Promise<Metric[]> {
  const dir = mkdtempSync(join(tmpdir(), 'fc-bench-ssh-'));
  const key = join(dir, 'id');
  keygen(key);
  // INFO, not less: startSshd waits for sshd's "Server listening" line; not DEBUG, which logs during the stream.
  const sshd = await startSshd(readFileSync(`${key}.pub`, 'utf8'), 'LogLevel INFO');
  try {
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < rounds; i++) {
      ours.push(await viaConsole(sshd.port, key));
      theirs.push(await viaOpenSsh(sshd.port, key));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const a = median(ours) / 1e6;
    const b = median(theirs) / 1e6;
    return [
      {
        name: 'ssh.throughput',
        value: Number(a.toFixed(1)),
        unit: 'MB/s',
        anchor: 'OpenSSH ssh client',
        anchorValue: Number(b.toFixed(1)),
        ratio: Number((a / b).toFixed(2)),
        target: '≥ 0.5× OpenSSH',
        met: a / b >= 0.5,
      },
    ];
  } finally {
    await sshd.stop();
  }
}
