/**
 * ISO 3166-1 alpha-2 → English country name via the platform's own CLDR data (no table to ship).
 * Falls back to the code itself for anything the platform does not know.
 */
let names: Intl.DisplayNames | null = null;
const cache = new Map<string, string>();

export function countryName(code: string): string {
  const hit = cache.get(code);
  if (hit !== undefined) return hit;
  let name = code;
  try {
    names ??= new Intl.DisplayNames(['en'], { type: 'region' });
    name = names.of(code.toUpperCase()) ?? code;
  } catch {
    name = code;
  }
  cache.set(code, name);
  return name;
}
