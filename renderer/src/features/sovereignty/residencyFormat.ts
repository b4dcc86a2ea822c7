import type { ResidencyAnswer, ResidencyQuery } from '../../../../shared/residency';
import { countryName } from '../../lib/country';
import { NO_DATA } from '../../lib/format';

/**
 * How the Sovereignty area writes durations, instants, places and scopes. Unknown figures are "—"
 * (STYLE.md rule 9), never a zero. Fixed locale, as in lib/format.ts.
 */

const LOCALE = 'en-US';
const isNumber = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
const pad2 = (n: number) => String(n).padStart(2, '0');

/** Seconds as h:mm:ss, hours unbounded (an auditor adds them up): 3725 → "1:02:05", 180000 → "50:00:00". */
export function formatDuration(seconds: number | null | undefined): string {
  if (!isNumber(seconds) || seconds < 0) return NO_DATA;
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h}:${pad2(m)}:${pad2(s % 60)}`;
}

const share1 = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A fraction as a percentage with one decimal; a sliver above zero never reads as "0.0 %". */
export function formatShare(fraction: number | null | undefined): string {
  if (!isNumber(fraction)) return NO_DATA;
  if (fraction > 0 && fraction < 0.0005) return '<0.1 %';
  return `${share1.format(fraction * 100)} %`;
}

/** Local "YYYY-MM-DD HH:MM:SS" (what an auditor copies into a finding); null → "—". */
export function dateTime(t: number | null | undefined): string {
  if (!isNumber(t)) return NO_DATA;
  const d = new Date(t);
  return (
    `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ` +
    `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`
  );
}

/** "DE" → "Germany (DE)". */
export const countryLabel = (code: string): string => {
  const name = countryName(code);
  return name === code ? code : `${name} (${code})`;
};

export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${new Intl.NumberFormat(LOCALE).format(n)} ${n === 1 ? one : many}`;
}

/** How a violation in a period ended; "unknown" when the history closed it without saying how. */
export type ViolationEnd = 'moved' | 'ended' | 'policy' | 'ongoing' | 'unknown';

export const VIOLATION_END_WORDS: Record<ViolationEnd, string> = {
  moved: 'moved',
  ended: 'ended',
  policy: 'policy',
  ongoing: 'ongoing',
  unknown: 'closed (how not recorded)',
};

export const VIOLATION_END_TITLES: Record<ViolationEnd, string> = {
  moved: 'The workload moved to a site the policy allows',
  ended: 'The workload ended',
  policy: 'A new policy allows the workload where it runs',
  ongoing: 'Still in violation at the end of the history',
  unknown: 'The history closed the violation without saying how',
};

export function violationEnd(v: ResidencyAnswer['violations'][number]): ViolationEnd {
  if (v.to === null) return 'ongoing';
  return v.endedBy ?? 'unknown';
}

/** The scope of a query in words: "tenant acme-ai · data class health" or "the whole fleet". */
export function scopeText(q: Pick<ResidencyQuery, 'tenant' | 'dataClass' | 'workload'>): string {
  const parts = [
    q.tenant ? `tenant ${q.tenant}` : null,
    q.dataClass ? `data class ${q.dataClass}` : null,
    q.workload ? `workload ${q.workload}` : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join(' · ') : 'the whole fleet, every data class';
}

/**
 * A value from the report CSV's header block (`key,value` lines before the first blank line), e.g.
 * the policy SHA-256 the core wrote into it; null when absent. Undoes CSV quoting.
 */
export function csvHeaderValue(csv: string, key: string): string | null {
  for (const line of csv.split(/\r?\n/)) {
    if (line === '') return null;
    const comma = line.indexOf(',');
    if (comma < 0) continue;
    const unquote = (c: string) =>
      c.startsWith('"') && c.endsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c;
    if (unquote(line.slice(0, comma)) === key) return unquote(line.slice(comma + 1));
  }
  return null;
}

/** The first 12 hex digits, for headers; the full hash goes in titles and the report. */
export const shortSha = (sha: string | null): string => (sha ? sha.slice(0, 12) : NO_DATA);

type JurisdictionRow = ResidencyAnswer['byJurisdiction'][number];

/**
 * Each row's share of its tenant's time with that data class across every jurisdiction ("62.5 % of
 * acme-ai's health time ran in DE"); null when that total is zero (nothing to share out).
 */
export function withShares<R extends JurisdictionRow>(rows: readonly R[]): (R & { share: number | null })[] {
  const key = (r: JurisdictionRow) => `${r.tenant}\u0000${r.dataClass}`;
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(key(r), (totals.get(key(r)) ?? 0) + r.seconds);
  return rows.map((r) => {
    const total = totals.get(key(r)) ?? 0;
    return { ...r, share: total > 0 ? r.seconds / total : null };
  });
}
