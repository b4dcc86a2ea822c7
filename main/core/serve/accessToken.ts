import { randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'fc_session';

export const newAccessToken = (): string => randomBytes(24).toString('base64url');

/** Constant-time comparison, so a wrong token leaks nothing through timing. */
export function tokenMatches(candidate: string | null | undefined, token: string): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The console's own origins: what a page it served sends as Origin, and what Host may say.
 * Checking Host as well as Origin stops DNS rebinding (a foreign name resolving to 127.0.0.1).
 */
export function ownOrigins(boundHost: string, port: number): Set<string> {
  const hosts = LOOPBACK_HOSTS.has(boundHost) || boundHost === '::1' ? [...LOOPBACK_HOSTS] : [boundHost];
  return new Set(hosts.map((h) => `http://${h}:${port}`));
}
