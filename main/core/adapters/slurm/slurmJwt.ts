import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Slurm's auth/jwt tokens: HS256 over the raw bytes of the cluster's `jwt_key` file, claims `exp`,
 * `iat` and `sun` (the Slurm user name) — the same token `scontrol token` prints
 * (https://slurm.schedmd.com/jwt.html). Minting here lets tests and the simulator hold a cluster's
 * key without shelling out to scontrol.
 */
export interface SlurmJwtClaims {
  sun: string;
  iat: number;
  exp: number;
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');
const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export function mintSlurmJwt(key: Buffer, user: string, lifetimeS: number, nowMs = Date.now()): string {
  const iat = Math.floor(nowMs / 1000);
  const payload = b64url(JSON.stringify({ exp: iat + lifetimeS, iat, sun: user }));
  const sig = createHmac('sha256', key).update(`${HEADER}.${payload}`).digest('base64url');
  return `${HEADER}.${payload}.${sig}`;
}

export type JwtCheck = { ok: true; claims: SlurmJwtClaims } | { ok: false; why: string };

/** What slurmctld checks: signature, expiry, and that the claimed user is the one named in the request. */
export function verifySlurmJwt(key: Buffer, token: string, user: string, nowMs = Date.now()): JwtCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, why: 'not a JWT' };
  const [h, p, s] = parts as [string, string, string];
  const want = createHmac('sha256', key).update(`${h}.${p}`).digest();
  const got = Buffer.from(s, 'base64url');
  if (got.length !== want.length || !timingSafeEqual(got, want)) return { ok: false, why: 'bad signature' };
  let claims: Partial<SlurmJwtClaims>;
  try {
    claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Partial<SlurmJwtClaims>;
  } catch {
    return { ok: false, why: 'unreadable claims' };
  }
  if (typeof claims.exp !== 'number' || typeof claims.sun !== 'string')
    return { ok: false, why: 'missing exp or sun' };
  if (claims.exp * 1000 <= nowMs) return { ok: false, why: 'expired' };
  if (claims.sun !== user) return { ok: false, why: `token is for "${claims.sun}", not "${user}"` };
  return { ok: true, claims: claims as SlurmJwtClaims };
}
