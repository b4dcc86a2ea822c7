import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { utils } from 'ssh2';
import { describe, expect, it } from 'vitest';
import { haveBinary } from '../../../../test/integration/needBinary';
import { deriveHostKey } from './simHostKey';

describe('deriveHostKey', () => {
  it('is stable for a (seed, label) and differs between labels and seeds', () => {
    const a = deriveHostKey(42, 'eu-fra-1/fra1-gpu-001');
    expect(deriveHostKey(42, 'eu-fra-1/fra1-gpu-001')).toEqual(a);
    expect(deriveHostKey(42, 'eu-fra-1/fra1-gpu-002').fingerprint).not.toBe(a.fingerprint);
    expect(deriveHostKey(43, 'eu-fra-1/fra1-gpu-001').fingerprint).not.toBe(a.fingerprint);
    expect(a.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(a.publicLine).toMatch(
      /^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/=]+ sim:eu-fra-1\/fra1-gpu-001$/,
    );
  });

  it('writes a private key ssh2 parses, whose public half and signatures match', () => {
    const k = deriveHostKey(7, 'bastion/eu-fra-1');
    const parsed = utils.parseKey(k.privateKey);
    if (parsed instanceof Error) throw parsed;
    const key = Array.isArray(parsed) ? parsed[0]! : parsed;
    expect(key.type).toBe('ssh-ed25519');
    expect(key.isPrivateKey()).toBe(true);
    expect(key.getPublicSSH().equals(k.publicBlob)).toBe(true);
    const sig = key.sign(Buffer.from('hello'));
    expect(key.verify(Buffer.from('hello'), sig)).toBe(true);
  });

  it.runIf(haveBinary('ssh-keygen', 'apt-get install openssh-client'))(
    'agrees with OpenSSH on the private key, the public key and the fingerprint',
    () => {
      const k = deriveHostKey(7, 'bastion/eu-fra-1');
      const dir = mkdtempSync(join(tmpdir(), 'simhostkey-'));
      try {
        const file = join(dir, 'key');
        writeFileSync(file, k.privateKey, { mode: 0o600 });
        // -y derives the public key from the private file: OpenSSH accepted our encoding.
        const pub = execFileSync('ssh-keygen', ['-y', '-f', file], { encoding: 'utf8' }).trim();
        expect(pub.split(' ').slice(0, 2)).toEqual(k.publicLine.split(' ').slice(0, 2));
        writeFileSync(`${file}.pub`, `${k.publicLine}\n`);
        const fp = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${file}.pub`], {
          encoding: 'utf8',
        });
        expect(fp.split(' ')[1]).toBe(k.fingerprint);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
