import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deepJsonText,
  hostileText,
  hostileValue,
  mutatedJson,
  mutatedJsonText,
  prototypePolluted,
} from '../../../test/fuzzArbitraries';
import { fuzzParams, fuzzTimeoutMs, withinDeadline } from '../../../test/fuzzRuns';
import { parseSitesFile, type ParsedSites } from './sitesFile';

/**
 * Properties of the sites.json reader: the sites, or one message that names the file and, for a
 * schema error, the field path; never a throw or a hang, whatever the file holds.
 */

const FILE = '/cfg/sites.json';
const VALID = {
  sites: [
    {
      id: 'eu-fra-1',
      name: 'Frankfurt 1',
      country: 'DE',
      subdivision: 'DE-HE',
      lat: 50.1,
      lon: 8.7,
      timeZone: 'Europe/Berlin',
      tariff: { currency: 'EUR', perKwh: 0.21 },
      labels: { tier: 'gold' },
      reservations: [{ tenant: 'acme', nodes: 'gpu-[01-04]' }],
      telemetry: { kind: 'dcgm', endpoints: [{ hostname: 'n1', url: 'http://10.0.0.1:9400/metrics' }] },
      bastion: { host: 'b.example', user: 'ops', auth: { kind: 'password', secret: 'fra1/bastion' } },
    },
    {
      id: 'us-ore-2',
      name: 'Oregon 2',
      country: 'US',
      lat: 45.6,
      lon: -121.2,
      telemetry: { kind: 'prometheus', url: 'https://prom.example:9090', mode: 'per-node' },
      scheduler: { kind: 'slurm', url: 'http://slurm.example:6820', user: 'ops', tokenSecret: 'ore2/slurm' },
    },
  ],
};

function checkShape(r: ParsedSites) {
  if (r.ok) {
    expect(Array.isArray(r.value.sites)).toBe(true);
    return;
  }
  expect(r.message.startsWith(`${FILE}`), r.message).toBe(true);
  expect(r.message.length).toBeGreaterThan(FILE.length + 2);
  // A schema error names where: "sites.0.lat: …" or "(root): …".
  if (!r.message.includes('is not valid JSON'))
    expect(r.message.slice(FILE.length + 2)).toMatch(/^(\(root\)|sites)[^]*?: \S/);
}

describe('fuzz: sites.json', () => {
  it(
    'never throws or hangs on hostile text or JSON, and a failure names the file and the field',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            hostileText([
              '{',
              '}',
              '[',
              ']',
              '"sites"',
              ':',
              ',',
              '"id"',
              '"eu-1"',
              'null',
              '1e999',
              '"__proto__"',
            ]),
            hostileValue.map((v) => JSON.stringify(v) ?? ''),
            fc.integer({ min: 1000, max: 20_000 }).map(deepJsonText),
            fc.integer({ min: 1, max: 20_000 }).map((d) => '['.repeat(d) + ']'.repeat(d)),
          ),
          (text) => {
            checkShape(withinDeadline(() => parseSitesFile(text, FILE)));
            expect(prototypePolluted()).toBe(false);
          },
        ),
        fuzzParams(),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    'a valid file with fields corrupted parses or names the field that is wrong',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            mutatedJsonText(VALID),
            mutatedJson(VALID).map((v) => JSON.stringify(v) ?? ''),
          ),
          (text) => {
            checkShape(withinDeadline(() => parseSitesFile(text, FILE)));
            expect(prototypePolluted()).toBe(false);
          },
        ),
        fuzzParams(),
      );
    },
    fuzzTimeoutMs(),
  );
});
