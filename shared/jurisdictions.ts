/**
 * Jurisdictions and blocs, shared by the core's policy evaluation and the map's Jurisdiction mode. EU: the 27 member states (since 2020-02-01); EEA: the EU plus Iceland,
 * Liechtenstein and Norway — not Switzerland, which is in EFTA but not the EEA.
 */
export const EU = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
] as const;
export const EEA = [...EU, 'IS', 'LI', 'NO'] as const;

export const BLOCS: Readonly<Record<string, readonly string[]>> = { EU, EEA };

/** EU institutions write Greece as EL and the UK as UK; ISO 3166 says GR and GB. */
const ALIASES: Readonly<Record<string, string>> = { EL: 'GR', UK: 'GB' };

/** Normalises a country or subdivision code: upper case, EL → GR, UK → GB (also as a subdivision prefix). */
export function normalisePlace(code: string): string {
  const c = code.trim().toUpperCase();
  const [country, sub] = c.split('-', 2) as [string, string | undefined];
  const iso = ALIASES[country] ?? country;
  return sub === undefined ? iso : `${iso}-${sub}`;
}

/** EEA members outside the EU. */
export const EEA_ONLY = ['IS', 'LI', 'NO'] as const;
