import { readFile } from 'node:fs/promises';
import type { PromAuth } from '../adapters/prometheus/promClient';
import type { SiteConfig } from './sitesFile';
import type { SecretStore } from './secretStore';

export type ResolvedSite = SiteConfig & {
  telemetry: SiteConfig['telemetry'] & { resolvedAuth?: PromAuth; caPem?: string };
};

/**
 * Fills in what site profiles only name: secrets from the store, CA bundles from disk. A missing
 * secret or unreadable CA is an error naming the site and the field, before any request is sent.
 */
export async function resolveSites(
  sites: readonly SiteConfig[],
  secrets: SecretStore,
): Promise<{ ok: true; value: ResolvedSite[] } | { ok: false; message: string }> {
  const out: ResolvedSite[] = [];
  for (const [i, s] of sites.entries()) {
    const t = s.telemetry;
    if (t.kind !== 'prometheus') {
      out.push(s);
      continue;
    }
    let resolvedAuth: PromAuth | undefined;
    if (t.auth) {
      const value = await secrets.get(t.auth.secret);
      if (value === undefined)
        return {
          ok: false,
          message: `site ${s.id} (sites.${i}.telemetry.auth.secret): no secret named "${t.auth.secret}" in the secret store`,
        };
      resolvedAuth =
        t.auth.kind === 'bearer'
          ? { bearer: value }
          : { basic: { username: t.auth.username, password: value } };
    }
    let caPem: string | undefined;
    if (t.caFile) {
      try {
        caPem = await readFile(t.caFile, 'utf8');
      } catch (e) {
        return {
          ok: false,
          message: `site ${s.id} (sites.${i}.telemetry.caFile): cannot read ${t.caFile}: ${(e as Error).message}`,
        };
      }
    }
    out.push({ ...s, telemetry: { ...t, resolvedAuth, caPem } });
  }
  return { ok: true, value: out };
}
