import type { ResidencyNow, WorkloadNow } from '../../../../shared/residency';

/**
 * The Now section's figures and per-tenant view (pure). A workload last seen at a site whose
 * scheduler did not answer this tick is "unknown now": it is counted apart, never as compliant.
 */

export interface CountryGroup {
  country: string;
  workloads: WorkloadNow[];
  violations: number;
  /** Site names, in order of first appearance. */
  sites: string[];
}

export interface TenantGroup {
  tenant: string;
  /** Workloads at sites that answered. */
  known: number;
  violations: number;
  countries: CountryGroup[];
  /** Workloads last seen at a site that did not answer: where they run now is not known. */
  unknown: WorkloadNow[];
}

export const isUnknownNow = (w: WorkloadNow, unknownSites: ReadonlySet<string>): boolean =>
  unknownSites.has(w.siteId);

/** Tenants by name; within each, countries by workload count (most first), then code. */
export function groupByTenant(
  workloads: readonly WorkloadNow[],
  unknownSites: readonly string[],
): TenantGroup[] {
  const unknown = new Set(unknownSites);
  const tenants = new Map<string, TenantGroup & { byCountry: Map<string, CountryGroup> }>();
  for (const w of workloads) {
    let t = tenants.get(w.tenant);
    if (!t) {
      t = { tenant: w.tenant, known: 0, violations: 0, countries: [], unknown: [], byCountry: new Map() };
      tenants.set(w.tenant, t);
    }
    if (isUnknownNow(w, unknown)) {
      t.unknown.push(w);
      continue;
    }
    t.known++;
    let c = t.byCountry.get(w.country);
    if (!c) {
      c = { country: w.country, workloads: [], violations: 0, sites: [] };
      t.byCountry.set(w.country, c);
    }
    c.workloads.push(w);
    if (!c.sites.includes(w.siteName)) c.sites.push(w.siteName);
    if (!w.allowed) {
      c.violations++;
      t.violations++;
    }
  }
  return [...tenants.values()]
    .sort((a, b) => a.tenant.localeCompare(b.tenant))
    .map(({ byCountry, ...t }) => ({
      ...t,
      countries: [...byCountry.values()].sort(
        (a, b) => b.workloads.length - a.workloads.length || a.country.localeCompare(b.country),
      ),
    }));
}

export interface NowCounts {
  /** Running at sites that answered. */
  running: number;
  /** Last seen at sites that did not answer. */
  unknown: number;
  /** Violations at sites that answered. */
  violations: number;
  /** Violations last seen at sites that did not answer (still shown: nothing says they ended). */
  violationsUnknown: number;
  tenants: number;
  jurisdictions: number;
}

export function nowCounts(now: ResidencyNow): NowCounts {
  const unknown = new Set(now.unknownSites);
  const known = now.workloads.filter((w) => !isUnknownNow(w, unknown));
  const violationsKnown = now.violations.filter((w) => !isUnknownNow(w, unknown)).length;
  return {
    running: known.length,
    unknown: now.workloads.length - known.length,
    violations: violationsKnown,
    violationsUnknown: now.violations.length - violationsKnown,
    tenants: new Set(now.workloads.map((w) => w.tenant)).size,
    jurisdictions: new Set(known.map((w) => w.country)).size,
  };
}

/** Violations, longest-running first (the one that has gone on longest is the first to act on). */
export const violationsByAge = (violations: readonly WorkloadNow[]): WorkloadNow[] =>
  [...violations].sort(
    (a, b) =>
      (a.violationSince ?? a.since) - (b.violationSince ?? b.since) || a.workload.localeCompare(b.workload),
  );
