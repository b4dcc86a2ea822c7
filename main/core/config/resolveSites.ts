import { readFile } from 'node:fs/promises';
import type { PromAuth } from '../adapters/prometheus/promClient';
import type { SiteConfig } from './sitesFile';
import type { SecretStore } from './secretStore';

export type ResolvedSite = SiteConfig & {
  telemetry: SiteConfig['telemetry'] & { resolvedAuth?: PromAuth; caPem?: string };
  /** The scheduler's token, read from the secret store. */
  schedulerToken?: string;
  /** Why the profile cannot be used as it stands (a missing secret, an unreadable CA file). */
  unresolved?: string;
};

/**
 * Fills in what site profiles only name: secrets from the store, CA bundles from disk. A site whose
 * secret or CA is missing is kept, marked `unresolved` with a message naming the site and the field,
 * so the console still starts and shows that site as misconfigured — it never drops it.
 */
export async function resolveSites(
  sites: readonly SiteConfig[],
  secrets: SecretStore,
): Promise<ResolvedSite[]> {
  return Promise.all(sites.map((s, i) => resolveSite(s, i, secrets)));
}

async function resolveSite(s: SiteConfig, i: number, secrets: SecretStore): Promise<ResolvedSite> {
  let schedulerToken: string | undefined;
  if (s.scheduler) {
    schedulerToken = await secrets.get(s.scheduler.tokenSecret);
    if (schedulerToken === undefined)
      return {
        ...s,
        unresolved: `site ${s.id} (sites.${i}.scheduler.tokenSecret): no secret named "${s.scheduler.tokenSecret}" in the secret store`,
      };
  }
  const t = s.telemetry;
  if (t.kind !== 'prometheus') return { ...s, schedulerToken };
  let resolvedAuth: PromAuth | undefined;
  if (t.auth) {
    const value = await secrets.get(t.auth.secret);
    if (value === undefined)
      return {
        ...s,
        unresolved: `site ${s.id} (sites.${i}.telemetry.auth.secret): no secret named "${t.auth.secret}" in the secret store`,
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
        ...s,
        unresolved: `site ${s.id} (sites.${i}.telemetry.caFile): cannot read ${t.caFile}: ${(e as Error).message}`,
      };
    }
  }
  return { ...s, schedulerToken, telemetry: { ...t, resolvedAuth, caPem } };
}
