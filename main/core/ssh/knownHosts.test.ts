import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHostKey, fingerprintSha256, knownHostsLine, parseKnownHosts } from './knownHosts';

/** Keys and files made by the real OpenSSH tools, so "as ssh reads it" is checked against ssh itself. */
const dir = mkdtempSync(join(tmpdir(), 'fc-kh-'));
function keygen(name: string, type: 'ed25519' | 'ecdsa' | 'rsa') {
  const path = join(dir, name);
  execFileSync('ssh-keygen', [
    '-q',
    '-t',
    type,
    '-N',
    '',
    '-f',
    path,
    ...(type === 'rsa' ? ['-b', '2048'] : []),
  ]);
  const [keyType, b64] = readFileSync(`${path}.pub`, 'utf8').trim().split(/\s+/) as [string, string];
  const fp = execFileSync('ssh-keygen', ['-lf', `${path}.pub`], { encoding: 'utf8' }).split(/\s+/)[1]!;
  return { keyType, key: Buffer.from(b64, 'base64'), line: `${keyType} ${b64}`, fp };
}
const a = keygen('a', 'ed25519');
const b = keygen('b', 'ed25519');
const c = keygen('c', 'ecdsa');
const r = keygen('r', 'rsa');

describe('fingerprintSha256', () => {
  it('prints what ssh-keygen -l prints', () => {
    for (const k of [a, c, r]) expect(fingerprintSha256(k.key)).toBe(k.fp);
  });
});

describe('known_hosts as ssh reads it', () => {
  const plain = [
    `node1.example,10.0.0.1 ${a.line}`,
    `[node2.example]:2222 ${b.line} a comment`,
    `*.wild.example,!bad.wild.example ${c.line}`,
    `@revoked * ${r.line}`,
    `@cert-authority *.example ${b.line}`,
    `# a comment line`,
    `garbage`,
  ].join('\n');
  const entries = parseKnownHosts(plain);

  it.each([
    ['node1.example', 22, a, 'known'],
    ['10.0.0.1', 22, a, 'known'],
    ['node1.example', 2222, a, 'unknown'], // another port is another host
    ['node2.example', 2222, b, 'known'],
    ['node1.example', 22, b, 'changed'], // same type, another key
    ['x.wild.example', 22, c, 'known'],
    ['bad.wild.example', 22, c, 'unknown'], // negated
    ['anything', 22, r, 'revoked'],
    ['nowhere', 22, a, 'unknown'],
  ] as const)('%s:%i → %s', (host, port, k, verdict) => {
    expect(checkHostKey(entries, host, port, k.keyType, k.key).kind).toBe(verdict);
  });

  it('a changed key names the fingerprints on record', () => {
    const v = checkHostKey(entries, 'node1.example', 22, b.keyType, b.key);
    expect(v.kind).toBe('changed');
    if (v.kind === 'changed') expect(v.previous.map((e) => fingerprintSha256(e.key))).toEqual([a.fp]);
  });

  it('a key of a type not on record is unknown, naming the types that are', () => {
    expect(checkHostKey(entries, 'node1.example', 22, c.keyType, c.key)).toEqual({
      kind: 'unknown',
      otherTypes: ['ssh-ed25519'],
    });
  });

  it('matches names hashed by ssh-keygen -H, and writes lines ssh-keygen -F finds', () => {
    const file = join(dir, 'known_hosts');
    writeFileSync(file, `node9.example ${a.line}\n[node9.example]:2200 ${c.line}\n`);
    execFileSync('ssh-keygen', ['-H', '-f', file], { stdio: 'ignore' });
    const hashed = parseKnownHosts(readFileSync(file, 'utf8'));
    expect(hashed.every((e) => e.patterns[0]!.startsWith('|1|'))).toBe(true);
    expect(checkHostKey(hashed, 'node9.example', 22, a.keyType, a.key).kind).toBe('known');
    expect(checkHostKey(hashed, 'node9.example', 2200, c.keyType, c.key).kind).toBe('known');
    expect(checkHostKey(hashed, 'node8.example', 22, a.keyType, a.key).kind).toBe('unknown');

    const ours = join(dir, 'ours');
    writeFileSync(ours, knownHostsLine('gpu-7.site', 2022, b.keyType, b.key, Buffer.alloc(20, 7)) + '\n');
    const found = execFileSync('ssh-keygen', ['-F', '[gpu-7.site]:2022', '-f', ours], { encoding: 'utf8' });
    expect(found).toContain(b.line.split(' ')[1]);
  });
});
