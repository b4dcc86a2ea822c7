import type { SiteSummary } from '../../../../shared/domain';
import type { WorkloadNow } from '../../../../shared/residency';
import { countryName } from '../../lib/country';
import type { MapColorMode } from './colorModes';
import {
  BLOC_SHORT,
  BLOCS,
  blocOf,
  siteViolations,
  sitesResidency,
  sitesResidencyWords,
  violationWords,
  type Bloc,
  type ResidencyIndex,
} from './jurisdiction';
import {
  ALERT_LEVEL_COLORS,
  alertLines,
  alertWords,
  mergeAlerts,
  siteAlerts,
  type AlertIndex,
  type SiteAlerts,
} from './siteAlerts';

/**
 * What a marker carries beyond its fill in the Alerts and Jurisdiction modes: a small badge at its
 * upper right, words appended to its accessible name, and rows for its tooltip. Pure, so a tick only
 * changes plain props and the memoised markers whose marks did not change stay put.
 */
export interface MapMarkData {
  /** Null: the alert list has not arrived (every site's alerts unknown). */
  alerts: AlertIndex | null;
  /** Null: no `residency.now` answer for this showing of the mode (every site unknown). */
  residency: ResidencyIndex | null;
  /** Why `residency` is null, for the tooltip ("not checked yet", the call's error). */
  residencyNote: string | null;
}

export type BadgeKind = 'violation' | 'unknown' | 'critical' | 'warning' | 'info';

export interface BadgeStyle {
  fill: string;
  stroke: string;
  text: string;
  dash?: string;
  label: string;
}

/**
 * Violations are the one loud thing: a solid red disc. Alert counts are a dark disc ringed in the
 * severity's colour (the fill already says how bad); "unknown" is a dashed grey "?".
 */
export const BADGES: Record<BadgeKind, BadgeStyle> = {
  violation: { fill: '#da3633', stroke: '#0d1117', text: '#ffffff', label: 'Residency violations (count)' },
  unknown: {
    fill: '#161b22',
    stroke: '#9aa5b1',
    text: '#9aa5b1',
    dash: '2 1.5',
    label: 'Violations unknown (scheduler did not answer)',
  },
  critical: { fill: '#161b22', stroke: ALERT_LEVEL_COLORS.critical, text: '#e6edf3', label: 'Critical' },
  warning: { fill: '#161b22', stroke: ALERT_LEVEL_COLORS.warning, text: '#e6edf3', label: 'Warning' },
  info: { fill: '#161b22', stroke: ALERT_LEVEL_COLORS.info, text: '#e6edf3', label: 'Info' },
};

export interface Mark {
  badge: BadgeKind | null;
  /** The badge's text: a count ("9+" above nine) or "?". */
  badgeText: string;
  /** Appended to the accessible name; null in the numeric modes. */
  words: string | null;
}

const NO_MARK: Mark = { badge: null, badgeText: '', words: null };

/** A count small enough for a 10 px badge. */
export function badgeCount(n: number): string {
  return n > 9 ? '9+' : String(n);
}

/** A marker's accessible name with its mode's words after the usual ones. */
export function withWords(name: string, words: string | null): string {
  return words ? `${name}, ${words}` : name;
}

function alertBadge(c: Pick<SiteAlerts, 'firing' | 'worst'> | null): Pick<Mark, 'badge' | 'badgeText'> {
  if (c === null || c.worst === null || c.firing === 0) return { badge: null, badgeText: '' };
  return { badge: c.worst, badgeText: badgeCount(c.firing) };
}

export function siteMark(mode: MapColorMode, data: MapMarkData, site: SiteSummary): Mark {
  if (mode === 'jurisdiction') {
    const n = siteViolations(data.residency, site.id);
    const words = `${BLOC_SHORT[blocOf(site.country)]}, ${violationWords(n)}`;
    if (n === null) return { badge: 'unknown', badgeText: '?', words };
    return n > 0 ? { badge: 'violation', badgeText: badgeCount(n), words } : { ...NO_MARK, words };
  }
  if (mode === 'alerts') {
    const c = siteAlerts(data.alerts, site.id);
    return { ...alertBadge(c), words: alertWords(c) };
  }
  return NO_MARK;
}

const BLOC_COUNTED: Record<Bloc, string> = {
  eu: 'in the EU',
  eea: 'in the EEA only',
  other: 'outside the EEA',
};

/** How many of the sites are in each bloc: "2 in the EU, 1 outside the EEA". */
export function blocBreakdown(sites: readonly SiteSummary[]): string {
  const n: Record<Bloc, number> = { eu: 0, eea: 0, other: 0 };
  for (const s of sites) n[blocOf(s.country)]++;
  return BLOCS.filter((b) => n[b] > 0)
    .map((b) => `${n[b]} ${BLOC_COUNTED[b]}`)
    .join(', ');
}

export function clusterAlerts(data: MapMarkData, sites: readonly SiteSummary[]) {
  return mergeAlerts(sites.map((s) => siteAlerts(data.alerts, s.id)));
}

/** A cluster's mark: the count of violating sites (issue 7), or the worst alert and the total firing. */
export function clusterMark(mode: MapColorMode, data: MapMarkData, sites: readonly SiteSummary[]): Mark {
  if (mode === 'jurisdiction') {
    const r = sitesResidency(
      sites.map((s) => s.id),
      data.residency,
    );
    const words = sitesResidencyWords(r);
    if (r.violatingSites > 0) return { badge: 'violation', badgeText: badgeCount(r.violatingSites), words };
    if (r.unknownSites > 0) return { badge: 'unknown', badgeText: '?', words };
    return { ...NO_MARK, words };
  }
  if (mode === 'alerts') {
    const c = clusterAlerts(data, sites);
    return { ...alertBadge(c), words: alertWords(c) };
  }
  return NO_MARK;
}

/** A tooltip row: a term, its value, and a few lines under it. */
export interface Fact {
  term: string;
  value: string;
  lines?: string[];
  tone?: 'bad' | 'unknown';
}

const LISTED = 3;
const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function listed(items: readonly string[]): string[] {
  const more = items.length - LISTED;
  return more > 0 ? [...items.slice(0, LISTED), `and ${more} more`] : [...items];
}

/**
 * A site's violations a line per tenant, data class and reason, the largest first ("12 × acme-ai,
 * health: eu-health allows EU only; US is outside"): one workload id each would fill the card.
 */
export function violationLines(violations: readonly WorkloadNow[]): string[] {
  const groups = new Map<string, { text: string; n: number }>();
  for (const w of violations) {
    const key = `${w.tenant}\u0000${w.dataClass}\u0000${w.reason}`;
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { text: `${w.tenant}, ${w.dataClass}: ${w.reason}`, n: 1 });
  }
  return [...groups.values()].sort((a, b) => b.n - a.n).map((g) => `${g.n} × ${g.text}`);
}

/** The mode's rows in a site's tooltip. */
export function siteFacts(mode: MapColorMode, data: MapMarkData, site: SiteSummary): Fact[] {
  if (mode === 'jurisdiction') {
    const n = siteViolations(data.residency, site.id);
    const entry = data.residency?.bySite.get(site.id);
    const juris: Fact = {
      term: 'Jurisdiction',
      value: `${countryName(site.country)}, ${BLOC_SHORT[blocOf(site.country)]}`,
    };
    if (n === null) {
      const why =
        data.residency === null
          ? (data.residencyNote ?? 'not checked yet')
          : 'the site’s scheduler did not answer';
      return [
        juris,
        { term: 'Residency', value: upper(violationWords(null)), lines: [why], tone: 'unknown' },
      ];
    }
    const workloads = entry?.workloads ?? 0;
    const running =
      workloads === 0
        ? 'no running workloads seen'
        : `${workloads} running workload${workloads === 1 ? '' : 's'} judged`;
    const lines = violationLines(entry?.violations ?? []);
    return [
      juris,
      {
        term: 'Residency',
        value: upper(violationWords(n)),
        lines: n > 0 ? listed(lines) : [running],
        tone: n > 0 ? 'bad' : undefined,
      },
    ];
  }
  if (mode === 'alerts') {
    const c = siteAlerts(data.alerts, site.id);
    if (c === null)
      return [
        { term: 'Alerts', value: 'Unknown', lines: ['the alert list has not arrived'], tone: 'unknown' },
      ];
    return [{ term: 'Alerts', value: upper(alertWords(c)), lines: listed(alertLines(c.alerts)) }];
  }
  return [];
}

/** The mode's rows in a cluster's tooltip. */
export function clusterFacts(mode: MapColorMode, data: MapMarkData, sites: readonly SiteSummary[]): Fact[] {
  if (mode === 'jurisdiction') {
    const r = sitesResidency(
      sites.map((s) => s.id),
      data.residency,
    );
    return [
      { term: 'Jurisdiction', value: blocBreakdown(sites) },
      {
        term: 'Residency',
        value: upper(sitesResidencyWords(r)),
        tone: r.violatingSites > 0 ? 'bad' : r.unknownSites > 0 ? 'unknown' : undefined,
      },
    ];
  }
  if (mode === 'alerts') {
    const c = clusterAlerts(data, sites);
    return [{ term: 'Alerts', value: upper(alertWords(c)), tone: c === null ? 'unknown' : undefined }];
  }
  return [];
}
