/**
 * Which authentication to try next (pure, table-tested; the Tabby authMethodSelection shape).
 * Order follows OpenSSH's PreferredAuthentications: publickey (agent first, then key files in the
 * order given), keyboard-interactive, password — each only if the server still offers it, each once.
 */
export type AuthCandidate =
  | { kind: 'agent'; socket: string }
  | { kind: 'key'; path: string }
  | { kind: 'keyboard-interactive' }
  | { kind: 'password' };

const METHOD: Record<AuthCandidate['kind'], string> = {
  agent: 'publickey',
  key: 'publickey',
  'keyboard-interactive': 'keyboard-interactive',
  password: 'password',
};

const RANK: Record<AuthCandidate['kind'], number> = {
  agent: 0,
  key: 1,
  'keyboard-interactive': 2,
  password: 3,
};

export const candidateId = (c: AuthCandidate) =>
  c.kind === 'key' ? `key:${c.path}` : c.kind === 'agent' ? `agent:${c.socket}` : c.kind;

/** `methodsLeft` is what the server's last USERAUTH_FAILURE offered; null before the first attempt. */
export function nextAuth(
  candidates: readonly AuthCandidate[],
  tried: ReadonlySet<string>,
  methodsLeft: readonly string[] | null,
): AuthCandidate | null {
  const ordered = candidates
    .map((c, i) => ({ c, i }))
    .sort((a, b) => RANK[a.c.kind] - RANK[b.c.kind] || a.i - b.i)
    .map((x) => x.c);
  for (const c of ordered) {
    if (tried.has(candidateId(c))) continue;
    if (methodsLeft && !methodsLeft.includes(METHOD[c.kind])) continue;
    return c;
  }
  return null;
}

/** The key type named inside an SSH public key blob (RFC 4253 §6.6: string type, then the key). */
export function keyTypeOf(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const n = blob.readUInt32BE(0);
  return n > 0 && n < 64 && blob.length >= 4 + n ? blob.subarray(4, 4 + n).toString('latin1') : 'unknown';
}
