import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BLOCS, EU } from '../../../../shared/jurisdictions';
import { PolicyFileSchema } from '../../../../shared/policy';
import { EXAMPLE_POLICY } from './examplePolicy';

// The renderer may not import the core's compiler (main/), so the checks it adds are repeated here:
// every place is a bloc, a group of the file or a country the platform's ISO 3166 data knows.
const regions = new Intl.DisplayNames(['en'], { type: 'region' });
const isCountry = (code: string) => /^[A-Z]{2}$/.test(code) && regions.of(code) !== code;

describe('EXAMPLE_POLICY', () => {
  const doc = parseDocument(EXAMPLE_POLICY);
  const parsed = PolicyFileSchema.safeParse(doc.toJS());

  it('is YAML that passes the policy schema', () => {
    expect(doc.errors).toEqual([]);
    expect(parsed.success).toBe(true);
  });

  it('names only known places', () => {
    const file = parsed.data!;
    const groups = new Set(Object.keys(file.groups));
    const places = [
      ...Object.values(file.groups).flat(),
      ...file.rules.flatMap((r) => [...(r.allow ?? []), ...(r.deny ?? [])]),
    ];
    for (const p of places) expect(p in BLOCS || groups.has(p) || isCountry(p), p).toBe(true);
    for (const g of groups) expect(g).toMatch(/^[A-Z][A-Z0-9_]{2,}$/);
  });

  it('shows each kind of rule the brief asks for', () => {
    const file = parsed.data!;
    const rule = (id: string) => file.rules.find((r) => r.id === id);
    expect(rule('eu-health')).toMatchObject({ dataClasses: ['health'], allow: ['EU'] });
    expect(rule('eea-personal')).toMatchObject({ dataClasses: ['personal'], allow: ['EEA'] });
    expect(rule('nordbank-nordics')).toMatchObject({ tenants: ['nordbank'], allow: ['NORDICS'] });
    expect(rule('kestrel-no-us')).toMatchObject({ tenants: ['kestrel-labs'], deny: ['US'] });
    expect(file.groups.NORDICS).toEqual(['SE', 'NO', 'DK', 'FI', 'IS']);
    expect(file.default).toBe('allow');
    for (const r of file.rules) expect(r.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
  });

  it('tells the truth about where nordbank health data may run (every binding rule must allow)', () => {
    const nordics = parsed.data!.groups.NORDICS!;
    const both = nordics.filter((c) => (EU as readonly string[]).includes(c));
    expect(both).toEqual(['SE', 'DK', 'FI']);
    expect(EXAMPLE_POLICY).toContain('may then run in SE, DK and FI');
  });

  it('explains itself in comments', () => {
    const comments = EXAMPLE_POLICY.split('\n').filter((l) => l.trim().startsWith('#'));
    expect(comments.length).toBeGreaterThanOrEqual(8);
    expect(EXAMPLE_POLICY).toMatch(/deny wins/);
  });
});
