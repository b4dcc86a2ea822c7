import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './prometheusServer';

/**
 * A real OpenSSH sshd on loopback with its own config, host key and authorized_keys; its log is
 * kept so tests can prove what it did (and did not) see. Needs root, as sshd does.
 */
export interface RunningSshd {
  port: number;
  dir: string;
  hostKeyPub: string;
  log(): string;
  stop(): Promise<void>;
}

export function keygen(path: string, opts: { type?: string; passphrase?: string } = {}): string {
  execFileSync('ssh-keygen', [
    '-q',
    '-t',
    opts.type ?? 'ed25519',
    '-N',
    opts.passphrase ?? '',
    '-C',
    'fleet-test',
    '-f',
    path,
  ]);
  return `${path}.pub`;
}

/** A local user with a password, for password and keyboard-interactive tests (idempotent). */
export function ensureUser(name: string, password: string): void {
  try {
    execFileSync('id', [name], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['-m', '-s', '/bin/sh', name]);
  }
  execFileSync('chpasswd', { input: `${name}:${password}\n` });
}

export async function startSshd(authorizedKeys: string, extra = ''): Promise<RunningSshd> {
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const dir = mkdtempSync(join(tmpdir(), 'fc-sshd-'));
  keygen(join(dir, 'host_ed25519'));
  writeFileSync(join(dir, 'authorized_keys'), authorizedKeys, { mode: 0o644 });
  const port = await freePort();
  writeFileSync(
    join(dir, 'sshd_config'),
    [
      // sshd takes the first value of a keyword: the caller's lines come first so they win.
      extra,
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host_ed25519')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      'StrictModes no',
      'UsePAM no',
      'PasswordAuthentication yes',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'AllowTcpForwarding yes',
      'LogLevel DEBUG1',
      'Subsystem sftp internal-sftp',
    ].join('\n') + '\n',
  );
  const child: ChildProcess = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', join(dir, 'sshd_config')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (d) => (log += d));
  const deadline = Date.now() + 10_000;
  while (!/Server listening on 127\.0\.0\.1 port/.test(log)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill(); // one that started but never said so must not outlive the caller
      throw new Error(`sshd did not start: ${log.slice(-1500)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    dir,
    hostKeyPub: join(dir, 'host_ed25519.pub'),
    log: () => log,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    },
  };
}
