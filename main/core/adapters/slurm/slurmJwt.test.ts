import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mintSlurmJwt, verifySlurmJwt } from './slurmJwt';

describe('Slurm JWT', () => {
  const key = Buffer.from('0123456789abcdef0123456789abcdef');
  const now = Date.UTC(2026, 10, 29, 12);

  it('mints HS256 over the raw key with exp, iat, sun — the claims slurmctld reads', () => {
    const t = mintSlurmJwt(key, 'root', 600, now);
    const [h, p, s] = t.split('.');
    expect(JSON.parse(Buffer.from(h!, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(p!, 'base64url').toString())).toEqual({
      exp: now / 1000 + 600,
      iat: now / 1000,
      sun: 'root',
    });
    expect(s).toBe(createHmac('sha256', key).update(`${h}.${p}`).digest('base64url'));
  });

  it('verifies signature, expiry and user', () => {
    const t = mintSlurmJwt(key, 'root', 600, now);
    expect(verifySlurmJwt(key, t, 'root', now)).toMatchObject({ ok: true, claims: { sun: 'root' } });
    expect(verifySlurmJwt(key, t, 'alice', now)).toEqual({
      ok: false,
      why: 'token is for "root", not "alice"',
    });
    expect(verifySlurmJwt(key, t, 'root', now + 601_000)).toEqual({ ok: false, why: 'expired' });
    expect(verifySlurmJwt(Buffer.alloc(32), t, 'root', now)).toEqual({ ok: false, why: 'bad signature' });
    expect(verifySlurmJwt(key, 'x.y', 'root', now)).toEqual({ ok: false, why: 'not a JWT' });
    expect(verifySlurmJwt(key, '', 'root', now)).toEqual({ ok: false, why: 'not a JWT' });
  });
});
