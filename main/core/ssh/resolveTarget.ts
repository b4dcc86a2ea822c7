import { join } from 'node:path';
import { err, ok, type Result } from '../../../shared/result';
import type { SiteProfile } from '../../../shared/siteProfile';
import type { TerminalTarget } from '../../../shared/terminal';
import type { AuthCandidate } from './authPlan';
import type { Hop } from './sshChain';
import { parseSshConfig, resolveSshHost } from './sshConfig';
import type { ResolvedTarget } from './terminalService';

export interface TargetEnv {
  home: string;
  localUser: string;
  /** SSH_AUTH_SOCK, when an agent runs. */
  agentSocket?: string;
  sshConfigText: string;
}

/** What ssh tries when nothing says otherwise: the agent, the default identity files, then prompts. */
export function defaultAuth(env: TargetEnv, identityFiles: readonly string[] = []): AuthCandidate[] {
  const files = [
    ...identityFiles,
    ...['id_ed25519', 'id_ecdsa', 'id_rsa'].map((f) => join(env.home, '.ssh', f)),
  ];
  return [
    ...(env.agentSocket ? [{ kind: 'agent' as const, socket: env.agentSocket }] : []),
    ...[...new Set(files)].map((path) => ({ kind: 'key' as const, path })),
    { kind: 'keyboard-interactive' },
    { kind: 'password' },
  ];
}

function bastionAuth(b: NonNullable<SiteProfile['bastion']>, env: TargetEnv): Result<AuthCandidate[]> {
  switch (b.auth.kind) {
    case 'agent':
      return env.agentSocket
        ? ok([{ kind: 'agent', socket: env.agentSocket }])
        : err(
            'CONFIG_INVALID',
            'The site bastion uses the SSH agent, but SSH_AUTH_SOCK is not set for the console.',
          );
    case 'key':
      return ok([{ kind: 'key', path: b.auth.keyFile }]);
    case 'password':
      return ok([{ kind: 'password' }, { kind: 'keyboard-interactive' }]);
  }
}

/**
 * Turns a terminal target into a jump chain. A node goes through its site's bastion (same user and
 * credentials on both hops, the site's pinned host keys trusted); a host follows ~/.ssh/config.
 */
export function resolveTerminalTarget(
  target: TerminalTarget,
  sites: readonly SiteProfile[],
  env: TargetEnv,
): Result<ResolvedTarget> {
  if (target.kind === 'node') {
    const site = sites.find((s) => s.id === target.siteId);
    if (!site) return err('NOT_FOUND', `No site with id "${target.siteId}".`);
    const b = site.bastion;
    if (!b) {
      const r = resolveSshHost(parseSshConfig(env.sshConfigText), target.hostname, env);
      return ok(chainFor(r, env, `${site.name} / ${target.hostname}`, `${site.id}/${target.hostname}`));
    }
    const auth = bastionAuth(b, env);
    if (!auth.ok) return auth;
    const hop = (host: string, port: number): Hop => ({
      host,
      port,
      user: b.user,
      auth: auth.value,
      pinned: b.hostKeys,
    });
    return ok({
      title: `${site.name} / ${target.hostname} (${b.user})`,
      target: `${site.id}/${target.hostname}`,
      hops: [hop(b.host, b.port), hop(target.hostname, b.nodePort)],
    });
  }
  const r = resolveSshHost(parseSshConfig(env.sshConfigText), target.host, env);
  const merged = { ...r, port: target.port ?? r.port, user: target.user ?? r.user };
  return ok(chainFor(merged, env, target.host, `${merged.host}:${merged.port}`));
}

function chainFor(
  r: ReturnType<typeof resolveSshHost>,
  env: TargetEnv,
  title: string,
  target: string,
): ResolvedTarget {
  const auth = defaultAuth(env, r.identityFiles);
  const hops: Hop[] = [
    ...r.jumps.map((j) => ({ host: j.host, port: j.port, user: j.user ?? env.localUser, auth, pinned: [] })),
    { host: r.host, port: r.port, user: r.user ?? env.localUser, auth, pinned: [] },
  ];
  return { title: `${title} (${hops.at(-1)!.user})`, target, hops };
}
