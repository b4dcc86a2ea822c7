/**
 * The part of ~/.ssh/config (ssh_config(5)) a console needs to reach a host the way the operator's
 * own `ssh` would: Host blocks with patterns, HostName (with %h), User, Port, IdentityFile (~ and %d,
 * %u, %h expanded) and ProxyJump (a comma-separated chain of [user@]host[:port]). First value wins, as
 * in ssh. Match blocks and Include are not followed; they are reported so nothing is silently ignored.
 */
export interface SshConfigBlock {
  patterns: string[];
  options: Map<string, string[]>;
}

export interface ResolvedHost {
  alias: string;
  host: string;
  port: number;
  user: string | null;
  identityFiles: string[];
  jumps: { host: string; port: number; user: string | null }[];
}

export function parseSshConfig(text: string): { blocks: SshConfigBlock[]; ignored: string[] } {
  const blocks: SshConfigBlock[] = [{ patterns: ['*'], options: new Map() }];
  const ignored: string[] = [];
  let skipping = false;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = /^(\S+?)(?:\s*=\s*|\s+)(.+)$/.exec(line);
    if (!m) return;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim().replace(/^"(.*)"$/, '$1');
    if (key === 'host') {
      skipping = false;
      blocks.push({ patterns: value.split(/\s+/), options: new Map() });
      return;
    }
    if (key === 'match' || key === 'include') {
      ignored.push(`line ${i + 1}: ${m[1]} is not supported by Fleet Console`);
      skipping = key === 'match';
      return;
    }
    if (skipping) return;
    const block = blocks[blocks.length - 1]!;
    const list = block.options.get(key) ?? [];
    list.push(value);
    block.options.set(key, list);
  });
  return { blocks, ignored };
}

const glob = (p: string, s: string) =>
  new RegExp(
    `^${p
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  ).test(s);

function blockMatches(b: SshConfigBlock, alias: string): boolean {
  let hit = false;
  for (const p of b.patterns) {
    if (p.startsWith('!')) {
      if (glob(p.slice(1), alias)) return false;
    } else if (glob(p, alias)) hit = true;
  }
  return hit;
}

export function parseHostSpec(spec: string): { host: string; port: number; user: string | null } {
  const at = spec.lastIndexOf('@');
  const user = at >= 0 ? spec.slice(0, at) : null;
  const rest = at >= 0 ? spec.slice(at + 1) : spec;
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(rest);
  if (bracket) return { host: bracket[1]!, port: bracket[2] ? Number(bracket[2]) : 22, user };
  const colon = rest.lastIndexOf(':');
  if (colon > 0 && /^\d+$/.test(rest.slice(colon + 1)))
    return { host: rest.slice(0, colon), port: Number(rest.slice(colon + 1)), user };
  return { host: rest, port: 22, user };
}

export function resolveSshHost(
  config: { blocks: SshConfigBlock[] },
  alias: string,
  env: { home: string; localUser: string },
): ResolvedHost {
  const first = (key: string): string | undefined => {
    for (const b of config.blocks)
      if (blockMatches(b, alias) && b.options.has(key)) return b.options.get(key)![0];
    return undefined;
  };
  const all = (key: string): string[] =>
    config.blocks.filter((b) => blockMatches(b, alias)).flatMap((b) => b.options.get(key) ?? []);
  const host = (first('hostname') ?? alias).replace(/%h/g, alias);
  const user = first('user') ?? null;
  const expand = (p: string) =>
    p
      .replace(/^~(?=\/|$)/, env.home)
      .replace(/%d/g, env.home)
      .replace(/%u/g, env.localUser)
      .replace(/%r/g, user ?? env.localUser)
      .replace(/%h/g, host);
  const jump = first('proxyjump');
  return {
    alias,
    host,
    port: Number(first('port') ?? 22),
    user,
    identityFiles: all('identityfile').map(expand),
    jumps: !jump || jump.toLowerCase() === 'none' ? [] : jump.split(',').map((j) => parseHostSpec(j.trim())),
  };
}
