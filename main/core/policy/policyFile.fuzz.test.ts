import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { hostileText, nastyToken, prototypePolluted } from '../../../test/fuzzArbitraries';
import { fuzzParams, fuzzRuns, fuzzTimeoutMs, withinDeadline } from '../../../test/fuzzRuns';
import type { PolicyFile } from '../../../shared/policy';
import { compilePolicy, evaluatePolicy, MAX_GROUP_DEPTH } from './compilePolicy';
import { parsePolicyYaml } from './policyFile';

/**
 * Properties of policies.yaml: parsed against the schema (errors by line and field), then compiled
 * (errors by group or rule). Whatever the file says, the result is a policy that answers every
 * question with a reason, or errors that say where the file is wrong; never a throw or a hang.
 */

const GROUPS = ['NORDICS', 'DACH', 'ABC', 'A_1', 'XYZ'];
const PLACES = [
  'DE',
  'FR',
  'US',
  'GB',
  'UK',
  'EL',
  'GR',
  'se',
  ' de ',
  'XX',
  'ZZ',
  'DE-BY',
  'US-CA',
  'XX-1',
  'EU',
  'EEA',
  'eu',
  ...GROUPS,
  'NOPE',
  'ab',
  '__proto__',
  'CONSTRUCTOR',
];
const place = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...PLACES) },
  { weight: 1, arbitrary: nastyToken },
);
const groupName = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...GROUPS) },
  { weight: 1, arbitrary: fc.constantFrom('ab', 'EU', 'EEA', 'constructor', 'TOOLONG'.repeat(6)) },
  { weight: 1, arbitrary: nastyToken },
);
const names = fc.array(fc.oneof(fc.constantFrom('acme', 'nordbank', 'health', 'personal'), nastyToken), {
  maxLength: 3,
});
const policy = fc.record(
  {
    groups: fc.dictionary(groupName, fc.array(place, { maxLength: 4 }), { maxKeys: 5 }),
    rules: fc.array(
      fc.record(
        {
          id: fc.oneof(
            fc.constantFrom('eu-health', 'never-us', 'r1', 'r1'),
            fc.stringMatching(/^[a-z0-9-]{0,8}$/),
          ),
          description: fc.string(),
          tenants: names,
          dataClasses: names,
          allow: fc.array(place, { maxLength: 4 }),
          deny: fc.array(place, { maxLength: 4 }),
        },
        { requiredKeys: ['id'] },
      ),
      { maxLength: 5 },
    ),
    default: fc.constantFrom('allow', 'deny', 'maybe'),
  },
  { requiredKeys: [] },
);

const ERROR =
  /^(line \d+(, column \d+)?[,:] |file[,:] |groups\.\S+: |rules\[\d+\] \([^)]*\)\.(allow|deny): )\S/;

type Parsed = ReturnType<typeof parsePolicyYaml>;
function checkShape(r: Parsed) {
  if (r.ok) {
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    return;
  }
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) expect(e, e).toMatch(ERROR);
}

describe('fuzz: policies.yaml', () => {
  it(
    'never throws or hangs on hostile text; errors name a line, a group or a rule',
    () => {
      fc.assert(
        fc.property(
          hostileText(
            ['groups:\n', 'rules:\n', '  - id: r1\n', '    allow: [DE]\n', 'default: deny\n', ': ', '- '],
            20,
          ),
          (text) => checkShape(withinDeadline(() => parsePolicyYaml(text))),
        ),
        fuzzParams(),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    'any policy of known and unknown places, cycles and duplicate ids compiles into one that answers every question, or says where it is wrong',
    () => {
      fc.assert(
        fc.property(
          policy,
          fc.array(
            fc.tuple(fc.constantFrom('acme', 'nordbank', 'x'), fc.constantFrom('health', 'personal'), place),
            {
              maxLength: 4,
            },
          ),
          (p, questions) => {
            const r = withinDeadline(() => parsePolicyYaml(stringify(p)));
            checkShape(r);
            if (!r.ok) return;
            const ids = new Set(['default', ...r.value.rules.map((c) => c.rule.id)]);
            for (const [tenant, dataClass, country] of questions) {
              const v = evaluatePolicy(r.value, tenant, dataClass, { country, subdivision: null });
              expect(typeof v.allowed).toBe('boolean');
              expect(v.reason.length).toBeGreaterThan(0);
              expect(ids.has(v.ruleId) || v.ruleId.split(', ').every((id) => ids.has(id))).toBe(true);
            }
            expect(prototypePolluted()).toBe(false);
          },
        ),
        fuzzParams(),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    'groups nested tens of thousands deep, in any order, are an error naming a group, not a stack overflow',
    () => {
      // Straight to the compiler (the YAML of 30,000 groups takes a second to parse); the input is
      // one number and an order, so a twentieth of the usual cases (100 in CI) cover it.
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 20_000 }), fc.boolean(), (depth, reversed) => {
          const names = Array.from({ length: depth }, (_, i) => `G${i}X`);
          const entries = names.map((n, i): [string, string[]] => [
            n,
            [i + 1 < depth ? names[i + 1]! : 'DE'],
          ]);
          const file: PolicyFile = {
            groups: Object.fromEntries(reversed ? entries.reverse() : entries),
            rules: [{ id: 'r', allow: ['G0X'] }],
            default: 'allow',
          };
          const r = withinDeadline(() => compilePolicy(file));
          if (depth <= MAX_GROUP_DEPTH) expect(r.ok).toBe(true);
          if (!r.ok) expect(r.error.message).toMatch(/^groups\.G\d+X: /);
        }),
        fuzzParams({ numRuns: Math.ceil(fuzzRuns() / 20) }),
      );
    },
    fuzzTimeoutMs(),
  );
});
