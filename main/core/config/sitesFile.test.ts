import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSites, resolveConfigDir } from './loadSites';
import { parseSitesFile } from './sitesFile';

const site = {
  id: 'eu-fra-1',
  name: 'Frankfurt 1',
  country: 'DE',
  lat: 50.1,
  lon: 8.7,
  telemetry: { kind: 'dcgm', endpoints: [{ hostname: 'n1', url: 'http://10.0.0.1:9400/metrics' }] },
};

describe('sites.json', () => {
  it('accepts a valid file and fills defaults', () => {
    const r = parseSitesFile(JSON.stringify({ sites: [site] }), 'sites.json');
    expect(r).toMatchObject({ ok: true, value: { sites: [{ id: 'eu-fra-1', city: '' }] } });
  });
  it.each([
    ['{ "sites": [', 'not valid JSON'],
    [JSON.stringify({ sites: [{ ...site, country: 'Germany' }] }), 'sites.0.country'],
    [JSON.stringify({ sites: [{ ...site, lat: 123 }] }), 'sites.0.lat'],
    [JSON.stringify({ sites: [site, site] }), 'duplicate site id "eu-fra-1"'],
    [
      JSON.stringify({
        sites: [{ ...site, telemetry: { kind: 'dcgm', endpoints: [{ hostname: 'n', url: 'ftp://x' }] } }],
      }),
      'sites.0.telemetry.endpoints.0.url',
    ],
    [JSON.stringify({ sites: [{ ...site, id: 'Has Spaces' }] }), 'sites.0.id'],
  ])('rejects bad input naming where: %#', (text, words) => {
    const r = parseSitesFile(text, '/cfg/sites.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('/cfg/sites.json');
      expect(r.message).toContain(words);
    }
  });

  it('means the demo fleet when absent, and an error — not the demo — when broken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fc-cfg-'));
    expect(await loadSites(dir)).toEqual({ kind: 'demo' });
    writeFileSync(join(dir, 'sites.json'), '{"sites": 3}');
    expect(await loadSites(dir)).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('sites'),
    });
  });

  it('finds the config directory from the flag, then XDG_CONFIG_HOME', () => {
    expect(resolveConfigDir('/x', {})).toBe('/x');
    expect(resolveConfigDir(undefined, { XDG_CONFIG_HOME: '/xdg' })).toBe('/xdg/fleet-console');
  });
});
