/**
 * Grid carbon intensity by country (resources/carbon-intensity.csv: Ember 2024 annual averages via
 * CO2.js, CC BY-SA 4.0 — attribution in resources/README.md). Pure parsing; the caller reads the file.
 */
export interface CarbonTable {
  byCountry: Map<string, number>;
  year: number | null;
  source: string;
}

export function parseCarbonCsv(
  text: string,
): { ok: true; value: CarbonTable } | { ok: false; message: string } {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  const header = lines[0]?.split(',') ?? [];
  const col = (name: string) => header.indexOf(name);
  const [a2, year, g] = [col('iso_alpha2'), col('year'), col('gco2e_per_kwh')];
  if (a2 < 0 || g < 0)
    return { ok: false, message: 'carbon table: header needs iso_alpha2 and gco2e_per_kwh' };
  const byCountry = new Map<string, number>();
  let y: number | null = null;
  for (const [i, line] of lines.slice(1).entries()) {
    const f = line.split(',');
    const v = Number(f[g]);
    if (!/^[A-Z]{2}$/.test(f[a2] ?? '') && f[a2] !== 'EU' && f[a2] !== 'WORLD') continue;
    if (!Number.isFinite(v) || v < 0)
      return { ok: false, message: `carbon table line ${i + 2}: "${f[g]}" is not an intensity` };
    byCountry.set(f[a2]!, v);
    // Ember's latest year differs by country: the table's year is the newest it holds.
    if (year >= 0 && Number(f[year])) y = Math.max(y ?? 0, Number(f[year]));
  }
  return {
    ok: true,
    value: { byCountry, year: y, source: 'Ember (yearly electricity data) via CO2.js, CC BY-SA 4.0' },
  };
}

/** The site's override wins; else its country; else null (shown as "no data", never a made-up world average). */
export function carbonFor(table: CarbonTable, country: string, override?: number): number | null {
  if (override !== undefined) return override;
  return table.byCountry.get(country) ?? null;
}
