import type { ResidencyQuery } from '../../../../shared/residency';

/**
 * The History form as the inputs hold it (strings; '' = all), and its translation to the contract's
 * query. `from`/`to` are <input type="datetime-local"> values, read in the browser's time zone.
 */
export interface HistoryForm {
  tenant: string;
  dataClass: string;
  workload: string;
  from: string;
  to: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const QUICK_RANGES = [
  { id: 'hour', label: 'Last hour', ms: HOUR },
  { id: 'day', label: '24 h', ms: 24 * HOUR },
  { id: 'week', label: '7 days', ms: 7 * 24 * HOUR },
] as const;
export type QuickRangeId = (typeof QUICK_RANGES)[number]['id'];

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Epoch ms → "YYYY-MM-DDTHH:MM" in local time (the datetime-local format, minute precision). */
export function toLocalInput(t: number): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}T${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** A datetime-local value → epoch ms; null for an empty or malformed value. */
export function fromLocalInput(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as number[];
  const date = new Date(y!, mo! - 1, d!, h!, mi!, sec!);
  // new Date rolls 2024-02-31 over into March: refuse instead of answering for another day.
  if (date.getMonth() !== mo! - 1 || date.getDate() !== d!) return null;
  return date.getTime();
}

/**
 * The last `ms` up to now. "to" is rounded up to the next whole minute so the running minute is
 * inside the period (the core counts open stays only up to its own clock, never past it).
 */
export function rangeEndingNow(now: number, ms: number): Pick<HistoryForm, 'from' | 'to'> {
  const to = Math.ceil(now / MINUTE) * MINUTE;
  return { from: toLocalInput(to - ms), to: toLocalInput(to) };
}

export const defaultForm = (now: number): HistoryForm => ({
  tenant: '',
  dataClass: '',
  workload: '',
  ...rangeEndingNow(now, 24 * HOUR),
});

export type FormCheck =
  { ok: true; query: ResidencyQuery } | { ok: false; field: 'from' | 'to'; error: string };

/** The form as a query, or what is wrong with it (in words, naming the field). */
export function formToQuery(f: HistoryForm): FormCheck {
  const from = fromLocalInput(f.from);
  if (from === null) return { ok: false, field: 'from', error: '"From" needs a date and a time.' };
  const to = fromLocalInput(f.to);
  if (to === null) return { ok: false, field: 'to', error: '"To" needs a date and a time.' };
  if (to <= from) return { ok: false, field: 'to', error: '"To" must be after "From".' };
  const query: ResidencyQuery = { from, to };
  if (f.tenant) query.tenant = f.tenant;
  if (f.dataClass) query.dataClass = f.dataClass;
  const workload = f.workload.trim();
  if (workload) query.workload = workload;
  return { ok: true, query };
}

/** A stable key for a query, to tell whether a report already made answers the same question. */
export const queryKey = (q: ResidencyQuery): string =>
  JSON.stringify([q.from, q.to, q.tenant ?? null, q.dataClass ?? null, q.workload ?? null]);

/** Sorted, de-duplicated names with `keep` (the current selection) always among them. */
export function optionList(names: Iterable<string>, keep = ''): string[] {
  const set = new Set(names);
  if (keep) set.add(keep);
  return [...set].sort((a, b) => a.localeCompare(b));
}
