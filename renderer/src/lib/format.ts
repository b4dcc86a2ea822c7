/**
 * Display formatting for metrics. Every metric may be null ("no data", STYLE.md rule 9): it is shown as
 * an em dash, never as a zero. Numbers use a fixed locale so a wall screen reads the same everywhere.
 */

export const NO_DATA = '—';
export const NO_DATA_TITLE = 'no data';

const LOCALE = 'en-US';
const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const isNumber = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** 63.24 → "63%", with `digits` decimals when asked; null → "—". */
export function formatPct(v: number | null | undefined, digits = 0): string {
  if (!isNumber(v)) return NO_DATA;
  return `${v.toFixed(digits)}%`;
}

/** Power in kW: one decimal below 100 kW, whole kW with grouping above; null → "—". */
export function formatKw(v: number | null | undefined): string {
  if (!isNumber(v)) return NO_DATA;
  return `${Math.abs(v) < 100 ? oneDecimal.format(v) : integer.format(v)} kW`;
}

/** A number without its unit, for big readouts where the unit is set apart: 412.66 → "413". */
export function formatKwValue(v: number | null | undefined): string {
  if (!isNumber(v)) return NO_DATA;
  return Math.abs(v) < 100 ? oneDecimal.format(v) : integer.format(v);
}

export function formatPctValue(v: number | null | undefined): string {
  if (!isNumber(v)) return NO_DATA;
  return v.toFixed(0);
}

/** 1056 → "1,056"; null → "—". */
export function formatCount(v: number | null | undefined): string {
  if (!isNumber(v)) return NO_DATA;
  return integer.format(v);
}

/** Degrees Celsius, whole degrees. */
export function formatTempC(v: number | null | undefined): string {
  if (!isNumber(v)) return NO_DATA;
  return `${v.toFixed(0)} °C`;
}

/** How long ago, from a duration in ms: "12 s ago", "4 min ago", "3 h ago", "2 d ago"; null → "—". */
export function formatAge(ms: number | null | undefined): string {
  if (!isNumber(ms)) return NO_DATA;
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s ago`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.floor(h / 24)} d ago`;
}

/** Age of `then` as seen at `reference` (both epoch ms); null when either is unknown. */
export function ageMs(reference: number | null | undefined, then: number | null | undefined): number | null {
  if (!isNumber(reference) || !isNumber(then)) return null;
  return Math.max(0, reference - then);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Local wall-clock time "HH:MM" of an epoch-ms instant, for chart axes. */
export function formatClock(t: number): string {
  const d = new Date(t);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** Local wall-clock time "HH:MM:SS" of an epoch-ms instant; null → "—". */
export function formatClockSeconds(t: number | null | undefined): string {
  if (!isNumber(t)) return NO_DATA;
  const d = new Date(t);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

/** 50.1109, 8.6821 → "50.11° N, 8.68° E". */
export function formatLatLon(lat: number, lon: number): string {
  const ns = lat >= 0 ? 'N' : 'S';
  const ew = lon >= 0 ? 'E' : 'W';
  return `${Math.abs(lat).toFixed(2)}° ${ns}, ${Math.abs(lon).toFixed(2)}° ${ew}`;
}

/** "1,024 / 1,056" — reporting out of total. */
export function formatRatio(part: number, whole: number): string {
  return `${integer.format(part)} / ${integer.format(whole)}`;
}

const STATUS_WORDS: Record<string, string> = {
  ok: 'OK',
  connecting: 'Connecting',
  degraded: 'Degraded',
  stale: 'Stale',
  unreachable: 'Unreachable',
  'auth-failed': 'Auth failed',
  misconfigured: 'Misconfigured',
  'no-data': 'No data',
  error: 'Error',
};

/** A status enum value in words: "auth-failed" → "Auth failed". Unknown values are shown as they are. */
export function formatStatus(status: string): string {
  return STATUS_WORDS[status] ?? status;
}

/** Compact axis label for kW: 750 → "750", 2500 → "2.5k", 10000 → "10k". */
export function formatKwTick(v: number): string {
  if (Math.abs(v) >= 1000) return `${Number((v / 1000).toFixed(1))}k`;
  return String(Math.round(v));
}
