import { AUDIT_OUTCOMES, type AuditEntry, type AuditFilter } from '../../../../shared/audit';

/** What the filter inputs hold, as typed: free text, an outcome or '' (any), datetime-local strings. */
export interface AuditFilterForm {
  actor: string;
  action: string;
  target: string;
  outcome: '' | AuditEntry['outcome'];
  from: string;
  to: string;
}

export const EMPTY_FILTER_FORM: AuditFilterForm = {
  actor: '',
  action: '',
  target: '',
  outcome: '',
  from: '',
  to: '',
};

/** Text filters are applied this long after the last keystroke. */
export const FILTER_DEBOUNCE_MS = 250;

/** The contract's length limits (shared/audit.ts), so a long paste never becomes INVALID_REQUEST. */
export const FILTER_MAX_LENGTH = { actor: 120, action: 80, target: 300 } as const;

export const isOutcome = (v: string): v is AuditEntry['outcome'] =>
  (AUDIT_OUTCOMES as readonly string[]).includes(v);

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * A datetime-local value ("2025-03-01T14:05", seconds optional) → epoch ms in the local time zone;
 * empty or impossible (Feb 30, 25:00) → null. Parsed by hand: `Date.parse` of such strings has varied.
 */
export function parseLocalDateTime(value: string): number | null {
  const m = LOCAL_DATE_TIME.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((x) => (x === undefined ? 0 : Number(x))) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'));
  if (h > 23 || mi > 59 || s > 59) return null;
  const date = new Date(y, mo - 1, d, h, mi, s, ms);
  // A roll-over (month 13, day 31 of a 30-day month) means the input named no real day.
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return date.getTime();
}

/**
 * The form as the contract's filter: trimmed text, empty fields left out, times as epoch ms. Keys come in
 * one fixed order, so `JSON.stringify` of the result is a stable key for "did the filter change".
 */
export function toAuditFilter(form: AuditFilterForm): AuditFilter {
  const f: AuditFilter = {};
  const actor = form.actor.trim().slice(0, FILTER_MAX_LENGTH.actor);
  const action = form.action.trim().slice(0, FILTER_MAX_LENGTH.action);
  const target = form.target.trim().slice(0, FILTER_MAX_LENGTH.target);
  if (actor) f.actor = actor;
  if (action) f.action = action;
  if (target) f.target = target;
  if (isOutcome(form.outcome)) f.outcome = form.outcome;
  const from = parseLocalDateTime(form.from);
  const to = parseLocalDateTime(form.to);
  if (from !== null) f.from = from;
  if (to !== null) f.to = to;
  return f;
}

export const filterKey = (f: AuditFilter): string => JSON.stringify(f);

export const isFilterEmpty = (f: AuditFilter): boolean => Object.keys(f).length === 0;

export const isFormEmpty = (form: AuditFilterForm): boolean =>
  (Object.keys(EMPTY_FILTER_FORM) as (keyof AuditFilterForm)[]).every(
    (k) => form[k] === EMPTY_FILTER_FORM[k],
  );

/** A filter that can match nothing because of its time range, in words; otherwise null. */
export function rangeProblem(f: AuditFilter): string | null {
  if (f.from !== undefined && f.to !== undefined && f.from >= f.to)
    return '“From” is not before “Until”, so no entry can match.';
  return null;
}

/** The core's own filter rule, shared so live entries are filtered exactly as `audit.list` does. */
export { matchesAuditFilter } from '../../../../shared/audit';

/**
 * Two newest-first lists as one, newest first, each seq once (a live entry may also arrive in a page).
 * Returns `a` itself when `b` adds nothing, so a no-op keeps React's state unchanged.
 */
export function mergeNewestFirst(a: readonly AuditEntry[], b: readonly AuditEntry[]): AuditEntry[] {
  if (b.length === 0) return a as AuditEntry[];
  const seen = new Set(a.map((e) => e.seq));
  const fresh = b.filter((e) => !seen.has(e.seq));
  if (fresh.length === 0) return a as AuditEntry[];
  return [...a, ...fresh].sort((x, y) => y.seq - x.seq);
}
