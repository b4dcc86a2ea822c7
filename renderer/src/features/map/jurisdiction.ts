import { EEA_ONLY, EU as EU_MEMBERS, normalisePlace } from '../../../../shared/jurisdictions';
import type { ResidencyNow, WorkloadNow } from '../../../../shared/residency';

/**
 * The map's Jurisdiction mode (issue 7): each site coloured by the bloc of its country (the lists the
 * core's policy evaluation uses), with the residency violations `residency.now` reports for it.
 */
export { EEA_ONLY, EU_MEMBERS };

export type Bloc = 'eu' | 'eea' | 'other';
export const BLOCS: readonly Bloc[] = ['eu', 'eea', 'other'];

/**
 * Okabe–Ito's sky blue and bluish green, toned down for the dark map, and a muted sand: three hues
 * that stay apart with the common colour-vision deficiencies and leave red to the violation badge.
 */
export const BLOC_COLORS: Record<Bloc, string> = {
  eu: '#4a9fd8',
  eea: '#2fa98a',
  other: '#b59f74',
};
export const BLOC_LABELS: Record<Bloc, string> = {
  eu: 'EU member',
  eea: 'EEA, not EU (IS, LI, NO)',
  other: 'Outside the EEA',
};
/** The bloc in a sentence ("Germany, EU member"). */
export const BLOC_SHORT: Record<Bloc, string> = {
  eu: 'EU member',
  eea: 'EEA, not EU',
  other: 'outside the EEA',
};

const EU_SET: ReadonlySet<string> = new Set(EU_MEMBERS);
const EEA_ONLY_SET: ReadonlySet<string> = new Set(EEA_ONLY);
/** The bloc of an ISO 3166-1 alpha-2 code (any case; EL and UK accepted); anything unknown is "other". */
export function blocOf(country: string): Bloc {
  const iso = normalisePlace(country);
  if (EU_SET.has(iso)) return 'eu';
  if (EEA_ONLY_SET.has(iso)) return 'eea';
  return 'other';
}

export function jurisdictionColor(country: string): string {
  return BLOC_COLORS[blocOf(country)];
}

/** What one `residency.now` answer says about one site. */
export interface SiteResidencyEntry {
  /** Its violating workloads, in the order the core sent them. */
  violations: WorkloadNow[];
  /** Running workloads judged there, violations included. */
  workloads: number;
}

/** `residency.now` regrouped by site, built once per answer. */
export interface ResidencyIndex {
  at: number;
  bySite: ReadonlyMap<string, SiteResidencyEntry>;
  /** Sites whose scheduler did not answer: nothing is known about them now. */
  unknown: ReadonlySet<string>;
}

export function indexResidency(now: ResidencyNow): ResidencyIndex {
  const bySite = new Map<string, SiteResidencyEntry>();
  const entry = (id: string) => {
    let e = bySite.get(id);
    if (!e) bySite.set(id, (e = { violations: [], workloads: 0 }));
    return e;
  };
  for (const w of now.workloads) entry(w.siteId).workloads++;
  for (const v of now.violations) entry(v.siteId).violations.push(v);
  return { at: now.at, bySite, unknown: new Set(now.unknownSites) };
}

/**
 * A site's violations now: a count, or null when they are not known (no answer yet, the call failed,
 * or the site's scheduler did not answer) — never a 0 that only means "not asked".
 */
export function siteViolations(index: ResidencyIndex | null, siteId: string): number | null {
  if (index === null || index.unknown.has(siteId)) return null;
  return index.bySite.get(siteId)?.violations.length ?? 0;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2 residency violations", "no residency violations", "residency violations unknown". */
export function violationWords(n: number | null): string {
  if (n === null) return 'residency violations unknown';
  return n === 0 ? 'no residency violations' : count(n, 'residency violation');
}

/** The residency of a set of sites (a cluster's members). */
export interface SitesResidency {
  sites: number;
  /** Sites with at least one violation. */
  violatingSites: number;
  violations: number;
  /** Sites whose violations are not known. */
  unknownSites: number;
}

export function sitesResidency(ids: readonly string[], index: ResidencyIndex | null): SitesResidency {
  const out: SitesResidency = { sites: ids.length, violatingSites: 0, violations: 0, unknownSites: 0 };
  for (const id of ids) {
    const n = siteViolations(index, id);
    if (n === null) out.unknownSites++;
    else if (n > 0) {
      out.violatingSites++;
      out.violations += n;
    }
  }
  return out;
}

/**
 * A cluster's residency in words: "2 sites with residency violations (5 violations), violations unknown
 * at 1 site"; "no residency violations"; "residency violations unknown" when no member is known.
 */
export function sitesResidencyWords(r: SitesResidency): string {
  if (r.sites > 0 && r.unknownSites === r.sites) return 'residency violations unknown';
  const unknown = r.unknownSites > 0 ? `, violations unknown at ${count(r.unknownSites, 'site')}` : '';
  if (r.violatingSites === 0) return `no residency violations${unknown}`;
  const head = `${count(r.violatingSites, 'site')} with residency violations`;
  const total = r.violations > r.violatingSites ? ` (${count(r.violations, 'violation')})` : '';
  return `${head}${total}${unknown}`;
}
