import type { TerminalPrompt, TerminalTarget } from '../../../../shared/terminal';
import { parseBoundedInt } from '../../lib/parseBoundedInt';

/**
 * Words of the terminal area, pure and table-tested: prompt wording (as OpenSSH puts it), the status
 * line, and where a failure says the host key changed, which host:port to forget.
 */

/** Where a tab is: before the core knows it ('new', 'opening'), then the core's own states. */
export type TabPhase =
  'new' | 'opening' | 'connecting' | 'verifying' | 'authenticating' | 'open' | 'closed' | 'failed';

export type HostKeyStatus = 'pinned' | 'known' | 'new';

export interface HostPort {
  host: string;
  port: number;
}

const PHASE_LABELS: Record<TabPhase, string> = {
  new: 'Starting',
  opening: 'Starting',
  connecting: 'Connecting',
  verifying: 'Checking host key',
  authenticating: 'Authenticating',
  open: 'Open',
  closed: 'Closed',
  failed: 'Failed',
};

export const phaseLabel = (phase: TabPhase): string => PHASE_LABELS[phase];

/** A tab whose session has ended (or never started): it may be reconnected. */
export const isEnded = (phase: TabPhase): boolean => phase === 'closed' || phase === 'failed';

/** A tab whose session is being set up (the core may still prompt). */
export const isStarting = (phase: TabPhase): boolean =>
  phase === 'new' ||
  phase === 'opening' ||
  phase === 'connecting' ||
  phase === 'verifying' ||
  phase === 'authenticating';

/** "pinned ✓" — how the status line says where a hop's host key came from. */
export function hostKeyStatusText(status: HostKeyStatus): string {
  switch (status) {
    case 'pinned':
      return 'pinned ✓';
    case 'known':
      return 'known ✓';
    case 'new':
      return 'new — trusted now';
  }
}

/** "hop 2/2"; hop is 0-based as the core sends it. */
export const hopText = (hop: number, hops: number): string => `hop ${Math.min(hop + 1, hops)}/${hops}`;

/**
 * The key type as OpenSSH names it in its prompt: "ssh-ed25519" → "ED25519", "ecdsa-sha2-nistp256" →
 * "ECDSA", "sk-ssh-ed25519@openssh.com" → "ED25519-SK", certificates "…-CERT". Unknown → as sent.
 */
export function keyTypeLabel(keyType: string | null): string {
  if (!keyType) return 'Host';
  const t = keyType.toLowerCase();
  const cert = t.includes('-cert-') ? '-CERT' : '';
  const sk = t.startsWith('sk-') ? '-SK' : '';
  let base: string | null = null;
  if (t.includes('ed25519')) base = 'ED25519';
  else if (t.includes('ed448')) base = 'ED448';
  else if (t.includes('ecdsa')) base = 'ECDSA';
  else if (t.includes('rsa')) base = 'RSA';
  else if (t.includes('dss')) base = 'DSA';
  return base ? `${base}${sk}${cert}` : keyType;
}

/** OpenSSH's first line for an unknown host key, with the port always said. */
export function hostKeyQuestion(p: Pick<TerminalPrompt, 'host' | 'port'>): string {
  return `The authenticity of host '${p.host} (port ${p.port})' can't be established.`;
}

/** OpenSSH's second line: "ED25519 key fingerprint is SHA256:…." */
export function hostKeyFingerprintLine(p: Pick<TerminalPrompt, 'keyType' | 'fingerprint'>): string {
  return `${keyTypeLabel(p.keyType)} key fingerprint is ${p.fingerprint ?? '(not sent)'}.`;
}

/**
 * The visible label of a secret prompt's input. Password and passphrase prompts are labelled with the
 * bare word (the core's longer prompt is shown as the description); keyboard-interactive prompts are
 * the server's own words without the trailing colon.
 */
export function secretLabel(kind: TerminalPrompt['kind'], prompt: string, index: number): string {
  if (kind === 'password') return 'Password';
  if (kind === 'passphrase') return 'Passphrase';
  const words = prompt.trim().replace(/:\s*$/, '').trim();
  return words || `Response ${index + 1}`;
}

/** The host key changed since it was recorded: the one refusal that "forget" can resolve. */
export const isHostKeyChanged = (message: string | null): boolean =>
  message !== null && /\bhas CHANGED\b/.test(message);

const toPort = (s: string | undefined): number | null => {
  const n = Number(s);
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : null;
};

/**
 * host:port out of the core's words: "user@host:22" (a hop's connecting message), "Refused host:22: …"
 * (a refusal), "[host]:2222" (known_hosts notation) or "host key of host has CHANGED" (port 22). Null
 * when none of them is there.
 */
export function parseHostPort(text: string | null): HostPort | null {
  if (!text) return null;
  const refused = /Refused (\S+?):(\d+):\s/.exec(text);
  if (refused) {
    const port = toPort(refused[2]);
    if (port) return { host: refused[1]!, port };
  }
  const hop = /^(?:[^@\s]+@)?(\S+):(\d+)$/.exec(text.trim());
  if (hop) {
    const port = toPort(hop[2]);
    if (port) return { host: hop[1]!.replace(/^\[(.*)\]$/, '$1'), port };
  }
  const bracket = /\[([^\]\s]+)\]:(\d+)/.exec(text);
  if (bracket) {
    const port = toPort(bracket[2]);
    if (port) return { host: bracket[1]!, port };
  }
  const bare = /host key of (\S+) has CHANGED/.exec(text);
  if (bare && !bare[1]!.startsWith('[')) return { host: bare[1]!, port: 22 };
  return null;
}

/**
 * Which host:port "Forget stored key" is about: the failing hop's address as the core named it while
 * connecting, else what the failure message says, else the last prompt's (which may be another hop's).
 */
export function forgetTarget(
  hop: number,
  hopAddrs: readonly (HostPort | null)[],
  lastPrompt: HostPort | null,
  message: string | null,
): HostPort | null {
  return hopAddrs[hop] ?? parseHostPort(message) ?? lastPrompt ?? null;
}

export const hostPortText = (a: HostPort): string => `${a.host}:${a.port}`;

/** What a tab is called before the core names it. */
export function provisionalTitle(target: TerminalTarget, siteName: string | null): string {
  if (target.kind === 'node') return `${siteName ?? target.siteId} / ${target.hostname}`;
  const user = target.user ? `${target.user}@` : '';
  const port = target.port && target.port !== 22 ? `:${target.port}` : '';
  return `${user}${target.host}${port}`;
}

/** The contract's bounds for a terminal size (shared/contract.ts terminal.open / terminal.resize). */
export const COLS = { min: 10, max: 1000 } as const;
export const ROWS = { min: 3, max: 500 } as const;

const clamp = (v: number, lo: number, hi: number, fallback: number) =>
  Number.isFinite(v) && v > 0 ? Math.min(hi, Math.max(lo, Math.floor(v))) : fallback;

/** A size the contract accepts: an unmeasured (hidden) terminal counts as 80 × 24. */
export function contractSize(cols: number, rows: number): { cols: number; rows: number } {
  return { cols: clamp(cols, COLS.min, COLS.max, 80), rows: clamp(rows, ROWS.min, ROWS.max, 24) };
}

/** The contract's limit for one terminal.input call. */
export const MAX_INPUT = 65_536;

/**
 * The first piece of `data` that fits one terminal.input call, never splitting a surrogate pair;
 * returns it and the rest.
 */
export function takeChunk(data: string, max = MAX_INPUT): [string, string] {
  if (data.length <= max) return [data, ''];
  let end = max;
  const code = data.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return [data.slice(0, end), data.slice(end)];
}

/** What is wrong with a typed host target, in words; null when it can be opened. */
export function hostTargetProblem(host: string, port: string, user: string): string | null {
  if (host.trim() === '') return 'Enter a host name, address or ~/.ssh/config alias.';
  if (/\s/.test(host.trim())) return 'A host name has no spaces.';
  if (parseBoundedInt(port, 1, 65535, 22) === null) return 'The port is a whole number from 1 to 65535.';
  if (/\s/.test(user.trim())) return 'A user name has no spaces.';
  return null;
}

/** "3 of 12", "No matches", or the addon's "too many to count" (index -1). */
export function matchText(term: string, index: number, count: number): string {
  if (term === '') return '';
  if (count === 0) return 'No matches';
  if (index < 0) return `More than ${count} matches`;
  return `${index + 1} of ${count}`;
}

/** Shown on every SSH control a role without 'ssh' sees disabled. */
export const NEEDS_SSH = 'Needs the NOC operator or Admin role (SSH)';

/** The reason an SSH control is disabled, or undefined when it is not. */
export function sshWhy(canSsh: boolean, roleKnown: boolean): string | undefined {
  return canSsh ? undefined : roleKnown ? NEEDS_SSH : 'Waiting for this window’s role';
}
