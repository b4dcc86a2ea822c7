import { createHash, timingSafeEqual } from 'node:crypto';
import { utils, type AuthContext, type AuthenticationType, type ParsedKey } from 'ssh2';
import { err, ok, type Result } from '../../../../shared/result';

/**
 * Who may log in to the simulated bastions and nodes: any user name, with a key from the
 * configured authorized keys or with the configured password (offered as `password` and as
 * `keyboard-interactive`, so the console's prompt path is exercised too).
 */
export interface AuthPolicy {
  keys: readonly ParsedKey[];
  password: string | null;
}

/** OpenSSH `authorized_keys` lines (blank lines and `#` comments skipped; no per-key options). */
export function parseAuthorizedKeys(lines: readonly string[]): Result<ParsedKey[]> {
  const keys: ParsedKey[] = [];
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const parsed = utils.parseKey(line);
    if (parsed instanceof Error)
      return err(
        'CONFIG_INVALID',
        `authorized key ${i + 1} of the simulator could not be read: ${parsed.message}`,
      );
    keys.push(...(Array.isArray(parsed) ? parsed : [parsed]));
  }
  return ok(keys);
}

export function authMethods(policy: AuthPolicy): AuthenticationType[] {
  const m: AuthenticationType[] = [];
  if (policy.keys.length) m.push('publickey');
  if (policy.password !== null) m.push('password', 'keyboard-interactive');
  return m;
}

/** Constant-time over the hashes, so a wrong password takes as long however much of it matched. */
function samePassword(a: string, b: string): boolean {
  const h = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(h(a), h(b));
}

export function handleAuth(ctx: AuthContext, policy: AuthPolicy): void {
  const methods = authMethods(policy);
  switch (ctx.method) {
    case 'publickey': {
      const key = policy.keys.find((k) => k.getPublicSSH().equals(ctx.key.data));
      if (!key) return ctx.reject(methods);
      // Without a signature the client only asks whether this key would do (SSH_MSG_USERAUTH_PK_OK).
      if (!ctx.signature || !ctx.blob) return ctx.accept();
      return key.verify(ctx.blob, ctx.signature, ctx.hashAlgo) === true ? ctx.accept() : ctx.reject(methods);
    }
    case 'password':
      return policy.password !== null && samePassword(ctx.password, policy.password)
        ? ctx.accept()
        : ctx.reject(methods);
    case 'keyboard-interactive':
      if (policy.password === null) return ctx.reject(methods);
      return ctx.prompt([{ prompt: 'Password: ', echo: false }], (answers) =>
        answers.length === 1 && samePassword(answers[0] ?? '', policy.password!)
          ? ctx.accept()
          : ctx.reject(methods),
      );
    default:
      return ctx.reject(methods);
  }
}
