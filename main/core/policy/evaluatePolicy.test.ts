import { describe, expect, it } from 'vitest';
import { PolicyFileSchema, type PolicyFileInput } from '../../../shared/policy';
import { compilePolicy, evaluatePolicy, type Place } from './compilePolicy';
import { parsePolicyYaml } from './policyFile';

const compile = (f: PolicyFileInput) => {
  const c = compilePolicy(PolicyFileSchema.parse(f));
  if (!c.ok) throw new Error(c.error.message);
  return c.value;
};

const POLICY = compile({
  groups: { NORDICS: ['SE', 'NO', 'DK', 'FI', 'IS'], DACH: ['DE', 'AT', 'CH'] },
  rules: [
    { id: 'eu-health', dataClasses: ['health'], allow: ['EU'] },
    { id: 'eea-personal', dataClasses: ['personal'], allow: ['EEA'] },
    { id: 'nordbank', tenants: ['nordbank'], allow: ['NORDICS'] },
    { id: 'no-bavaria', tenants: ['helios-health'], deny: ['DE-BY'] },
    { id: 'civic-gb', tenants: ['civic-data'], allow: ['UK'] },
    { id: 'greek-only', tenants: ['orbital-media'], dataClasses: ['financial'], allow: ['EL'] },
    { id: 'never-us', tenants: ['acme-ai'], deny: ['US'] },
    { id: 'acme-dach', tenants: ['acme-ai'], allow: ['DACH', 'US'] },
  ],
  default: 'allow',
});

const at = (country: string, subdivision?: string): Place => ({ country, subdivision });

describe('evaluatePolicy', () => {
  it.each([
    ['EU health data in Germany', 'kestrel-labs', 'health', at('DE'), true, 'eu-health'],
    ['EU health data in Norway (EEA, not EU)', 'kestrel-labs', 'health', at('NO'), false, 'eu-health'],
    [
      'EU health data in Switzerland (neither EU nor EEA)',
      'kestrel-labs',
      'health',
      at('CH'),
      false,
      'eu-health',
    ],
    ['EEA personal data in Norway', 'kestrel-labs', 'personal', at('NO'), true, 'eea-personal'],
    ['EEA personal data in Switzerland', 'kestrel-labs', 'personal', at('CH'), false, 'eea-personal'],
    ['EEA personal data in Iceland', 'kestrel-labs', 'personal', at('IS'), true, 'eea-personal'],
    [
      'Greece written EL in the policy, GR at the site',
      'orbital-media',
      'financial',
      at('GR'),
      true,
      'greek-only',
    ],
    [
      'a site written EL matches a policy of GR codes too',
      'kestrel-labs',
      'health',
      at('EL'),
      true,
      'eu-health',
    ],
    ['UK in the policy is GB at the site', 'civic-data', 'public', at('GB'), true, 'civic-gb'],
    ['a user group (NORDICS)', 'nordbank', 'internal', at('FI'), true, 'nordbank'],
    ['outside a user group', 'nordbank', 'internal', at('DE'), false, 'nordbank'],
    ['a denied subdivision', 'helios-health', 'public', at('DE', 'DE-BY'), false, 'no-bavaria'],
    [
      'another subdivision of the same country',
      'helios-health',
      'public',
      at('DE', 'DE-HE'),
      true,
      'no-bavaria',
    ],
    [
      'deny beats allow (US allowed by one rule, denied by another)',
      'acme-ai',
      'public',
      at('US'),
      false,
      'never-us',
    ],
    [
      'every binding rule must allow (health data of a tenant confined to NORDICS, in DE)',
      'nordbank',
      'health',
      at('DE'),
      false,
      'nordbank',
    ],
    ['every binding rule allows', 'nordbank', 'health', at('SE'), true, 'eu-health'],
    ['no binding rule: the default allows', 'kestrel-labs', 'public', at('US'), true, 'default'],
  ])('%s', (_, tenant, dataClass, place, allowed, ruleId) => {
    const v = evaluatePolicy(POLICY, tenant, dataClass, place);
    expect(v).toMatchObject({ allowed, ruleId });
    expect(v.reason.length).toBeGreaterThan(10);
  });

  it('a deny-by-default file refuses what no rule binds', () => {
    const p = compile({ rules: [{ id: 'eu', tenants: ['a'], allow: ['EU'] }], default: 'deny' });
    expect(evaluatePolicy(p, 'b', 'public', at('DE'))).toMatchObject({ allowed: false, ruleId: 'default' });
  });

  it('explains a refusal in words a person can act on', () => {
    expect(evaluatePolicy(POLICY, 'kestrel-labs', 'health', at('US')).reason).toBe(
      'eu-health allows EU only; US is outside',
    );
  });
});

describe('compilePolicy', () => {
  it.each([
    [{ rules: [{ id: 'x', allow: ['DX'] }] }, /rules\[0\] \(x\)\.allow: "DX" is not an ISO 3166-1/],
    [{ rules: [{ id: 'x', allow: ['NORDIC'] }] }, /"NORDIC" is neither a country, a bloc/],
    [{ groups: { AAA: ['BBB'], BBB: ['AAA'] }, rules: [] }, /contains itself/],
    [{ rules: [{ id: 'x', deny: ['XK-01'] }] }, /not in a known country/],
  ])('refuses %j', (f, message) => {
    const c = compilePolicy(PolicyFileSchema.parse(f));
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.error.message).toMatch(message);
  });

  it('the schema refuses a rule with neither list, a repeated id, and a group named like a bloc', () => {
    expect(PolicyFileSchema.safeParse({ rules: [{ id: 'x' }] }).success).toBe(false);
    expect(
      PolicyFileSchema.safeParse({
        rules: [
          { id: 'x', allow: ['DE'] },
          { id: 'x', deny: ['US'] },
        ],
      }).success,
    ).toBe(false);
    expect(PolicyFileSchema.safeParse({ groups: { EEA: ['DE'] } }).success).toBe(false);
  });
});

describe('parsePolicyYaml', () => {
  it('names the line and field of a bad value, and hashes a good file', () => {
    const bad = parsePolicyYaml(
      'rules:\n  - id: eu-health\n    allow: [EU]\n  - id: Bad Id\n    deny: [US]\n',
    );
    expect(bad).toEqual({ ok: false, errors: [expect.stringMatching(/^line 4, rules\[1\]\.id: /)] });
    const good = parsePolicyYaml('rules:\n  - id: eu-health\n    dataClasses: [health]\n    allow: [EU]\n');
    expect(good.ok && good.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
