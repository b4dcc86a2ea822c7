/**
 * A whole number typed into a field, within [min, max]; blank means the default. Returns null when
 * it is not one (the field shows the problem).
 */
export function parseBoundedInt(text: string, min: number, max: number, fallback: number): number | null {
  const s = text.trim();
  if (s === '') return fallback;
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
}
