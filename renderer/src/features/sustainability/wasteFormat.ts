import type { Money, Period, SiteWasteRow, SustainabilitySettings } from '../../../../shared/sustainability';

/**
 * How the sustainability page writes its figures. Every figure may be unknown (STYLE.md rule 9): the
 * callers show "—" (or words such as "no grid data") for null, never a zero. Fixed locale, as in
 * lib/format.ts, so a wall screen reads the same everywhere.
 */

const LOCALE = 'en-US';

export const PERIOD_LABELS: Record<Period, string> = {
  hour: 'Last hour',
  day: '24 h',
  week: '7 days',
  month: '30 days',
};

/** The period in a sentence: "the last 24 hours". */
export const PERIOD_WORDS: Record<Period, string> = {
  hour: 'the last hour',
  day: 'the last 24 hours',
  week: 'the last 7 days',
  month: 'the last 30 days',
};

/** Coverage below this is flagged: the figures undercount what was really spent. */
export const COVERAGE_WARN_BELOW = 0.95;

const isNumber = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

const fixed = (digits: number) =>
  new Intl.NumberFormat(LOCALE, { minimumFractionDigits: digits, maximumFractionDigits: digits });
const DIGITS = [fixed(0), fixed(1), fixed(2)] as const;

const SMALL = new Intl.NumberFormat(LOCALE, { minimumSignificantDigits: 2, maximumSignificantDigits: 2 });

/**
 * About three significant figures, grouping above a thousand: 0.0421 → "0.042", 3.456 → "3.46",
 * 12.34 → "12.3", 4210.7 → "4,211". Small amounts keep two significant digits so a measured
 * 0.004 kWh never reads as a zero.
 */
export function formatQuantity(v: number): string {
  const a = Math.abs(v);
  if (a === 0) return '0';
  return (a < 1 ? SMALL : a < 10 ? DIGITS[2] : a < 1000 ? DIGITS[1] : DIGITS[0]).format(v);
}

/** Energy: "12.3 kWh"; null → "—". */
export function formatKwh(v: number | null | undefined): string {
  return isNumber(v) ? `${formatQuantity(v)} kWh` : '—';
}

/** Carbon: "4.21 kg CO2e"; null → "—". */
export function formatKgCo2(v: number | null | undefined): string {
  return isNumber(v) ? `${formatQuantity(v)} kg CO2e` : '—';
}

/** Power now: "3.42 kW"; null → "—". */
export function formatIdleKw(v: number | null | undefined): string {
  return isNumber(v) ? `${formatQuantity(v)} kW` : '—';
}

/** A 0–1 share as a percentage: 0.4231 → "42.3%", 1 → "100%", 0.004 → "0.4%"; null → "—". */
export function formatShare(v: number | null | undefined): string {
  if (!isNumber(v)) return '—';
  const pct = v * 100;
  if (pct === 0 || pct === 100) return `${pct}%`;
  // Never round a part to all or nothing: 99.97 % is not 100 %, 0.03 % is not 0 %.
  const s = pct.toFixed(1);
  return s === '100.0' ? '99.9%' : s === '0.0' ? '<0.1%' : `${s}%`;
}

const moneyFormats = new Map<string, Intl.NumberFormat | null>();

function moneyFormat(currency: string, whole: boolean): Intl.NumberFormat | null {
  const key = `${currency}|${whole}`;
  if (moneyFormats.has(key)) return moneyFormats.get(key)!;
  let f: Intl.NumberFormat | null = null;
  try {
    f = new Intl.NumberFormat(LOCALE, {
      style: 'currency',
      currency,
      ...(whole ? { maximumFractionDigits: 0, minimumFractionDigits: 0 } : {}),
    });
  } catch {
    f = null; // not an ISO 4217 code the platform knows: written out by hand below
  }
  moneyFormats.set(key, f);
  return f;
}

/**
 * One amount in its currency: "€12.40", "$3.10", "¥512"; whole units from 1,000 up. An amount
 * too small for the currency's smallest unit is "<€0.01", not "€0.00".
 */
export function formatMoney(m: Money): string {
  const whole = Math.abs(m.amount) >= 1000;
  const f = moneyFormat(m.currency, whole);
  const digits = f ? (f.resolvedOptions().maximumFractionDigits ?? 2) : 2;
  const unit = 10 ** -digits;
  const tiny = m.amount > 0 && m.amount < unit / 2;
  const amount = tiny ? unit : m.amount;
  const text = f ? f.format(amount) : `${(whole ? DIGITS[0] : DIGITS[2]).format(amount)} ${m.currency}`;
  return tiny ? `<${text}` : text;
}

/**
 * One amount per currency, in the order given: "€12.40 · $3.10 · £1.20". Never summed across
 * currencies (there is no exchange rate to trust). An empty list is "" — the caller says why.
 */
export function formatMoneyList(list: readonly Money[]): string {
  return list.map(formatMoney).join(' · ');
}

/** 900 → "15 min", 90 → "1 min 30 s", 5400 → "1 h 30 min", 45 → "45 s", 0 → "0 s". */
export function formatWindow(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const min = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const parts = [h ? `${h} h` : '', min ? `${min} min` : '', sec ? `${sec} s` : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : '0 s';
}

/** A threshold in words: 5 → "5 %", 2.5 → "2.5 %". */
export const formatThreshold = (pct: number): string => `${Number(pct.toFixed(2))} %`;

/** The idle rule in words: "Idle = below 5 % utilisation for 15 min". */
export function idleRuleText(s: SustainabilitySettings): string {
  const below = `Idle = below ${formatThreshold(s.idleThresholdPct)} utilisation`;
  return s.idleWindowS > 0 ? `${below} for ${formatWindow(s.idleWindowS)}` : `${below} (any duration)`;
}

/** "0.20 EUR/kWh"; null → "no tariff". */
export function formatTariff(t: SiteWasteRow['tariff']): string {
  if (!t) return 'no tariff';
  // Cents for small tariffs (0.20 EUR), as given for big ones (160 KRW), never more than 4 decimals.
  const given = decimalsOf(t.perKwh);
  const digits = Math.abs(t.perKwh) >= 10 ? Math.min(given, 2) : Math.max(2, given);
  return `${t.perKwh.toFixed(Math.min(digits, 4))} ${t.currency}/kWh`;
}

const decimalsOf = (v: number): number => {
  const s = String(v);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
};

/** Grid intensity: "412 g/kWh"; null → "no data". */
export function formatCarbonIntensity(g: number | null): string {
  return isNumber(g) ? `${Math.round(g)} g/kWh` : 'no data';
}

/** PUE: "1.35"; null → "—". */
export function formatPue(pue: number | null): string {
  return isNumber(pue) ? pue.toFixed(2) : '—';
}

const pad2 = (n: number) => String(n).padStart(2, '0');
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Local "HH:MM". */
export function clock(t: number): string {
  const d = new Date(t);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** Local "12 Mar". */
export function dayMonth(t: number): string {
  const d = new Date(t);
  return `${d.getDate()} ${MONTHS[d.getMonth()]}`;
}

/** Local "2025-03-12 14:05". */
export function dateTime(t: number): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${clock(t)}`;
}

/**
 * When the ledger's readings began, as seen at `at`: "measured since 14:05" the same day,
 * "measured since 12 Mar 14:05" before; null → "no readings yet".
 */
export function measuredSince(observedFrom: number | null, at: number): string {
  if (!isNumber(observedFrom)) return 'no readings yet';
  const sameDay = new Date(observedFrom).toDateString() === new Date(at).toDateString();
  return `measured since ${sameDay ? '' : `${dayMonth(observedFrom)} `}${clock(observedFrom)}`;
}

/** "3 GPUs", "1 GPU". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${new Intl.NumberFormat(LOCALE).format(n)} ${n === 1 ? one : many}`;
}
