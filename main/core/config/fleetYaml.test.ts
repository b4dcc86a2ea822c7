import { describe, expect, it } from 'vitest';
import type { SiteProfile } from '../../../shared/siteProfile';
import { exportFleetYaml, parseFleetYaml } from './fleetYaml';

const site = (i: number): SiteProfile => ({
  id: `eu-s${i}-1`,
  name: `Site ${i}`,
  city: 'Frankfurt',
  country: 'DE',
  lat: 50 + i / 100,
  lon: 8.6,
  tariff: { currency: 'EUR', perKwh: 0.21 },
  pue: 1.3,
  telemetry: {
    kind: 'prometheus',
    url: 'https://prom.example:9090',
    auth: { kind: 'bearer', secret: `s${i}/prom` },
  },
});

describe('fleet YAML', () => {
  it('round-trips hundreds of sites', () => {
    const sites = Array.from({ length: 300 }, (_, i) => site(i));
    const r = parseFleetYaml(exportFleetYaml(sites));
    expect(r).toEqual({ ok: true, value: { sites } });
  });

  it('names the line and field of a schema error', () => {
    const text = exportFleetYaml([site(1), site(2)]).replace('country: DE', 'country: Germany');
    const r = parseFleetYaml(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const line = text.split('\n').findIndex((l) => l.includes('country: Germany')) + 1;
    expect(r.errors[0]).toBe(
      `line ${line}, sites[0].country: use the ISO 3166-1 alpha-2 code in capitals (e.g. DE)`,
    );
  });

  it('names the line of a YAML syntax error and of a duplicate site', () => {
    const bad = parseFleetYaml('sites:\n  - id: a\n    name: [unclosed\n');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatch(/^line \d+, column \d+: /);
    const dup = parseFleetYaml(exportFleetYaml([site(1), site(1)]));
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.errors[0]).toMatch(/^line \d+, sites\[1\]\.id: duplicate site id "eu-s1-1"/);
  });

  it('reports a missing field at its site', () => {
    const r = parseFleetYaml('sites:\n  - id: x-1\n    name: X\n    country: FR\n    lat: 1\n    lon: 2\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^line 2, sites\[0\]\.telemetry: /);
  });
});
