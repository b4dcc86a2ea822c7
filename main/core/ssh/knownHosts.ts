import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * OpenSSH known_hosts, read the way ssh(1) reads it (sshd(8), "SSH_KNOWN_HOSTS FILE FORMAT"):
 * comma-separated host patterns with * ? and !negation, `[host]:port` for ports other than 22,
 * hashed names (`|1|salt|hmac-sha1`), several key types per host, and the @revoked marker.
 * @cert-authority lines are kept but never match a plain host key.
 */
export interface KnownHostEntry {
  marker: 'revoked' | 'cert-authority' | null;
  patterns: string[];
  keyType: string;
  /** The raw public key blob (what the server presents). */
  key: Buffer;
  line: number;
  source: string;
}

export type HostKeyVerdict =
  | { kind: 'known'; entry: KnownHostEntry }
  | { kind: 'revoked'; entry: KnownHostEntry }
  | { kind: 'changed'; previous: KnownHostEntry[] }
  | { kind: 'unknown'; otherTypes: string[] };

/** `SHA256:…` exactly as `ssh-keygen -lf` and ssh(1) print it: base64 without padding. */
export function fingerprintSha256(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** The name ssh(1) looks up: `host` on port 22, `[host]:port` otherwise. */
export function hostLookupName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

export function parseKnownHosts(text: string, source = 'known_hosts'): KnownHostEntry[] {
  const out: KnownHostEntry[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const fields = line.split(/\s+/);
    let marker: KnownHostEntry['marker'] = null;
    if (fields[0] === '@revoked' || fields[0] === '@cert-authority') {
      marker = fields[0] === '@revoked' ? 'revoked' : 'cert-authority';
      fields.shift();
    } else if (fields[0]?.startsWith('@')) return; // unknown marker: ignored, as ssh does
    const [hosts, keyType, keyB64] = fields;
    if (!hosts || !keyType || !keyB64 || !/^[A-Za-z0-9+/]+=*$/.test(keyB64)) return; // malformed: skipped
    out.push({
      marker,
      patterns: hosts.split(','),
      keyType,
      key: Buffer.from(keyB64, 'base64'),
      line: i + 1,
      source,
    });
  });
  return out;
}

function globMatch(pattern: string, name: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
  return re.test(name);
}

function hashedMatch(pattern: string, name: string): boolean {
  const m = /^\|1\|([^|]+)\|([^|]+)$/.exec(pattern);
  if (!m) return false;
  const salt = Buffer.from(m[1]!, 'base64');
  const want = Buffer.from(m[2]!, 'base64');
  const got = createHmac('sha1', salt).update(name).digest();
  return got.length === want.length && timingSafeEqual(got, want);
}

/** Whether an entry's host patterns name this host (a negated match excludes it outright). */
export function entryMatchesHost(entry: KnownHostEntry, lookupName: string): boolean {
  let matched = false;
  for (const p of entry.patterns) {
    if (p.startsWith('|1|')) {
      if (hashedMatch(p, lookupName)) matched = true;
    } else if (p.startsWith('!')) {
      if (globMatch(p.slice(1), lookupName)) return false;
    } else if (globMatch(p, lookupName)) matched = true;
  }
  return matched;
}

/** What the presented key means for this host, against every entry given (files concatenated). */
export function checkHostKey(
  entries: readonly KnownHostEntry[],
  host: string,
  port: number,
  keyType: string,
  key: Buffer,
): HostKeyVerdict {
  const name = hostLookupName(host, port);
  const forHost = entries.filter((e) => e.marker !== 'cert-authority' && entryMatchesHost(e, name));
  const revoked = entries.find((e) => e.marker === 'revoked' && e.key.equals(key));
  if (revoked) return { kind: 'revoked', entry: revoked };
  const same = forHost.find((e) => e.marker === null && e.key.equals(key));
  if (same) return { kind: 'known', entry: same };
  const sameType = forHost.filter((e) => e.marker === null && e.keyType === keyType);
  if (sameType.length) return { kind: 'changed', previous: sameType };
  return {
    kind: 'unknown',
    otherTypes: [...new Set(forHost.filter((e) => e.marker === null).map((e) => e.keyType))],
  };
}

/** A known_hosts line for a key the operator chose to trust (hashed, as HashKnownHosts yes writes). */
export function knownHostsLine(
  host: string,
  port: number,
  keyType: string,
  key: Buffer,
  salt: Buffer,
): string {
  const name = hostLookupName(host, port);
  const hmac = createHmac('sha1', salt).update(name).digest('base64');
  return `|1|${salt.toString('base64')}|${hmac} ${keyType} ${key.toString('base64')}`;
}
