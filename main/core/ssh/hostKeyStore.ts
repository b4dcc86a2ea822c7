import { randomBytes } from 'node:crypto';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import {
  checkHostKey,
  entryMatchesHost,
  fingerprintSha256,
  hostLookupName,
  knownHostsLine,
  parseKnownHosts,
  type KnownHostEntry,
} from './knownHosts';

export type HostKeyDecision =
  | { decision: 'trust'; status: 'pinned' | 'known'; fingerprint: string }
  | { decision: 'ask'; fingerprint: string; keyType: string; otherTypes: string[] }
  | { decision: 'refuse'; fingerprint: string; reason: string; previous: string[] };

/**
 * Host keys, checked before any credential is sent: fingerprints pinned in a site's inventory,
 * the operator's ~/.ssh/known_hosts (read only), and the console's own known_hosts file, where keys
 * the operator chose to trust are appended (hashed). A changed or revoked key is refused; only an
 * explicit removal from the console's store lets a new key through.
 */
export class HostKeyStore {
  constructor(
    private readonly userFiles: readonly string[],
    private readonly ownFile: string,
  ) {}

  private async entries(): Promise<KnownHostEntry[]> {
    const files = [...this.userFiles, this.ownFile];
    const texts = await Promise.all(files.map((f) => readFile(f, 'utf8').catch(() => '')));
    return texts.flatMap((t, i) => parseKnownHosts(t, files[i]));
  }

  async check(
    host: string,
    port: number,
    keyType: string,
    key: Buffer,
    pinned: readonly string[],
  ): Promise<HostKeyDecision> {
    const fingerprint = fingerprintSha256(key);
    const v = checkHostKey(await this.entries(), host, port, keyType, key);
    if (v.kind === 'revoked')
      return {
        decision: 'refuse',
        fingerprint,
        previous: [],
        reason: `the key ${fingerprint} is marked @revoked in ${v.entry.source}:${v.entry.line}`,
      };
    if (pinned.includes(fingerprint)) return { decision: 'trust', status: 'pinned', fingerprint };
    if (v.kind === 'known') return { decision: 'trust', status: 'known', fingerprint };
    if (v.kind === 'changed') {
      const where = v.previous.map((e) => `${e.source}:${e.line}`).join(', ');
      return {
        decision: 'refuse',
        fingerprint,
        previous: v.previous.map((e) => fingerprintSha256(e.key)),
        reason:
          `the host key of ${hostLookupName(host, port)} has CHANGED (now ${fingerprint}; on record at ${where}). ` +
          'This can mean someone is intercepting the connection. If the host was reinstalled, remove the old key ' +
          `(Forget host key, or ssh-keygen -R "${hostLookupName(host, port)}") and connect again.`,
      };
    }
    if (pinned.length)
      return {
        decision: 'refuse',
        fingerprint,
        previous: [...pinned],
        reason: `${hostLookupName(host, port)} presented ${fingerprint}, which is not among the fingerprints pinned in the site's inventory`,
      };
    return { decision: 'ask', fingerprint, keyType, otherTypes: v.otherTypes };
  }

  async trust(host: string, port: number, keyType: string, key: Buffer): Promise<void> {
    await appendFile(this.ownFile, knownHostsLine(host, port, keyType, key, randomBytes(20)) + '\n', {
      mode: 0o600,
    });
  }

  /** Forgets every key the console's own store holds for host:port; returns how many lines went. */
  async forget(host: string, port: number): Promise<number> {
    const text = await readFile(this.ownFile, 'utf8').catch(() => '');
    const name = hostLookupName(host, port);
    const lines = text.split('\n');
    const entries = parseKnownHosts(text, this.ownFile);
    const drop = new Set(entries.filter((e) => entryMatchesHost(e, name)).map((e) => e.line));
    if (drop.size)
      await writeFile(this.ownFile, lines.filter((_, i) => !drop.has(i + 1)).join('\n'), { mode: 0o600 });
    return drop.size;
  }
}
