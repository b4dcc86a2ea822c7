import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SiteProfile } from '../../../shared/siteProfile';
import {
  anyText,
  edgeNumber,
  hostileText,
  nastyToken,
  prototypePolluted,
} from '../../../test/fuzzArbitraries';
import { fuzzParams, fuzzRuns, fuzzTimeoutMs, withinDeadline } from '../../../test/fuzzRuns';
import { exportFleetYaml, parseFleetYaml, type FleetYamlResult } from './fleetYaml';

/**
 * Properties of the fleet YAML import (parseYaml.ts under it) on files a person edited, or broke:
 * every result is the sites or a list of errors that each name a line (or the file) and what is
 * wrong; never a throw, a hang or an alias bomb going off.
 */

const SITES: SiteProfile[] = [
  {
    id: 'eu-fra-1',
    name: 'Frankfurt 1',
    city: 'Frankfurt',
    country: 'DE',
    subdivision: 'DE-HE',
    lat: 50.11,
    lon: 8.68,
    timeZone: 'Europe/Berlin',
    tariff: { currency: 'EUR', perKwh: 0.21 },
    powerCapacityKw: 1200,
    pue: 1.3,
    carbonGPerKwh: 350,
    labels: { tier: 'gold', owner: 'ml-platform' },
    reservations: [{ tenant: 'acme', nodes: 'gpu-[01-04],gpu-9' }],
    telemetry: {
      kind: 'dcgm',
      endpoints: [{ hostname: 'gpu-01', url: 'http://10.0.0.1:9400/metrics' }],
      discover: { port: 9400, path: '/metrics', scheme: 'http' },
    },
    scheduler: {
      kind: 'slurm',
      url: 'https://slurm.fra1.example:6820',
      user: 'ops',
      tokenSecret: 'fra1/slurm',
      scontrol: { via: 'ssh', host: 'ctl.fra1.example', user: 'root' },
    },
    bastion: {
      host: 'bastion.fra1.example',
      port: 22,
      user: 'ops',
      auth: { kind: 'key', keyFile: '/home/ops/.ssh/id_ed25519' },
      nodePort: 22,
      hostKeys: ['SHA256:' + 'A'.repeat(43)],
    },
  },
  {
    id: 'us-ore-2',
    name: 'Oregon 2',
    city: '',
    country: 'US',
    lat: 45.6,
    lon: -121.2,
    telemetry: {
      kind: 'prometheus',
      url: 'https://prom.ore2.example:9090',
      selector: 'job="dcgm"',
      auth: { kind: 'basic', username: 'reader', secret: 'ore2/prom' },
      mode: 'auto',
    },
  },
];
const BASE = exportFleetYaml(SITES, new Date(0));
const BASE_LINES = BASE.split('\n');
/** Lines holding one scalar value: `  key: value` or `  - key: value`. */
const VALUE_LINES = BASE_LINES.flatMap((l, i) => (/^\s*(- )?[A-Za-z]+: \S/.test(l) ? [i] : []));

const VOCABULARY = [
  ...BASE_LINES.slice(0, 30).map((l) => `${l}\n`),
  'sites:',
  '\n',
  '  - ',
  'id: ',
  ': ',
  '- ',
  '  ',
  '\t',
  '&a ',
  '*a',
  '*b',
  '!!binary ',
  '!!set ',
  '!!omap ',
  '!!timestamp ',
  '!foo ',
  '? ',
  '<<: ',
  '---\n',
  '...\n',
  '%YAML 1.1\n',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '|',
  '>-',
  '#',
  '__proto__: ',
];

const LINE_ERROR = /^(line (\d+)(, column \d+)?|file)[,:] \S/;

function checkShape(text: string, r: FleetYamlResult) {
  if (r.ok) {
    expect(Array.isArray(r.value.sites)).toBe(true);
    return;
  }
  expect(r.errors.length).toBeGreaterThan(0);
  expect(r.errors.length).toBeLessThanOrEqual(20);
  const lines = text.split('\n').length + 1;
  for (const e of r.errors) {
    const m = LINE_ERROR.exec(e);
    expect(m, e).not.toBeNull();
    if (m![2] !== undefined) expect(Number(m![2]), e).toBeLessThanOrEqual(lines);
  }
}

/** A chain of anchors each aliasing the one before `width` times: width^depth nodes once expanded. */
const aliasBomb = fc
  .tuple(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 12 }))
  .map(([width, depth]) => {
    let y = 'l0: &l0 [x, x]\n';
    for (let d = 1; d <= depth; d++)
      y += `l${d}: &l${d} [${Array(width)
        .fill(`*l${d - 1}`)
        .join(', ')}]\n`;
    return `${y}sites: []\n`;
  });

const structural = fc.oneof(
  aliasBomb,
  fc.constantFrom(
    'sites: *nowhere\n',
    'sites: [*a]\na: &a 1\n',
    'sites: &s [*s]\n',
    'a: &a {b: *a}\nsites: []\n',
  ),
  fc.integer({ min: 1, max: 3000 }).map((d) => `sites: ${'['.repeat(d)}${']'.repeat(d)}\n`),
  fc.integer({ min: 1, max: 3000 }).map((d) => `sites: ${'{a: '.repeat(d)}1${'}'.repeat(d)}\n`),
  fc
    .integer({ min: 1, max: 400 })
    .map((d) => `sites:\n${Array.from({ length: d }, (_, i) => `${' '.repeat(2 * i + 2)}- `).join('\n')}x\n`),
  fc.constantFrom(
    'sites: []\nsites: []\n',
    'sites: []\n__proto__: {sites: 5}\n',
    BASE.replace('tier: gold', '__proto__: gold'),
    BASE.replace('tier: gold', 'tier: gold\n      tier: silver'),
    'sites: !!binary aGVsbG8=\n',
    'sites: !!set {a, b}\n',
    'sites: !!omap [a: 1, a: 2]\n',
    'sites: !!timestamp 2001-12-14\n',
    'sites: []\n---\nsites: []\n',
    '\ufeffsites: []\n',
    'sites:\n\t- id: x\n',
    'sites: [{? [a, b] : c}]\n',
  ),
);

describe('fuzz: fleet YAML import', () => {
  it(
    'never throws or hangs on hostile text; errors name a line (or the file) and what is wrong',
    () => {
      fc.assert(
        fc.property(fc.oneof(hostileText(VOCABULARY, 20), structural), (text) => {
          checkShape(
            text,
            withinDeadline(() => parseFleetYaml(text)),
          );
          expect(prototypePolluted()).toBe(false);
        }),
        fuzzParams(),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    'nesting deeper than any config needs is refused by line before the composer recurses into it',
    () => {
      // The YAML composer recurses per level and catches its own stack overflow, but V8 can abort
      // the process outright ("RegExpCompiler Allocation failed") when a regular expression is
      // compiled near the stack's end: such input must never reach it. The input is a depth, a
      // shape and a position, so a thirteenth of the usual cases (154 in CI) cover it.
      fc.assert(
        fc.property(
          fc.integer({ min: 65, max: 5000 }),
          fc.constantFrom('[', '{a: ', '- '),
          fc.nat(5),
          (depth, open, line) => {
            // Flow collections nest on the line of `sites:`, block sequences on the next one.
            const body = open === '- ' ? `\n  ${open.repeat(depth)}1` : ` ${open.repeat(depth)}1`;
            const text = `${'# note\n'.repeat(line)}sites:${body}\n`;
            const r = withinDeadline(() => parseFleetYaml(text));
            const at = open === '- ' ? line + 2 : line + 1;
            expect(r).toEqual({ ok: false, errors: [`line ${at}: collections nest more than 64 deep`] });
          },
        ),
        fuzzParams({ numRuns: Math.ceil(fuzzRuns() / 13) }),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    'a `__proto__` key anywhere is refused at its line, never silently dropped',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...VALUE_LINES), (k) => {
          const lines = [...BASE_LINES];
          lines[k] = lines[k]!.replace(/^(\s*(- )?)[A-Za-z]+:/, '$1__proto__:');
          const r = withinDeadline(() => parseFleetYaml(lines.join('\n')));
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.errors[0]).toMatch(new RegExp(`^line ${k + 1}, column \\d+: "__proto__"`));
          expect(prototypePolluted()).toBe(false);
        }),
        fuzzParams({ numRuns: Math.min(fuzzRuns(), VALUE_LINES.length * 4) }),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    'an exported fleet with one value replaced either imports or fails naming that line',
    () => {
      const value = fc.oneof(
        fc.oneof(nastyToken, anyText).map((s) => JSON.stringify(s)),
        edgeNumber.filter(Number.isFinite).map(String),
        fc.constantFrom('null', 'true', '[]', '{}', '~', '""', "''", '-1', '1e999', '.nan', '.inf', '0x10'),
      );
      fc.assert(
        fc.property(fc.constantFrom(...VALUE_LINES), value, (k, v) => {
          const lines = [...BASE_LINES];
          lines[k] = lines[k]!.replace(/^(\s*(- )?[A-Za-z]+: ).*$/, `$1${v}`);
          const text = lines.join('\n');
          const r = withinDeadline(() => parseFleetYaml(text));
          checkShape(text, r);
          if (!r.ok)
            expect(
              r.errors.some((e) => e.startsWith(`line ${k + 1},`)),
              r.errors.join('\n'),
            ).toBe(true);
        }),
        fuzzParams(),
      );
    },
    fuzzTimeoutMs(),
  );
});
