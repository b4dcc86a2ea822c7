import { describe, expect, it } from 'vitest';
import type { ResidencyNow, WorkloadNow } from '../../../../shared/residency';
import { groupByTenant, nowCounts, violationsByAge } from './tenantGroups';

const w = (workload: string, over: Partial<WorkloadNow> = {}): WorkloadNow => ({
  workload,
  tenant: 'acme-ai',
  dataClass: 'public',
  siteId: 'eu-fra-1',
  siteName: 'Frankfurt 1',
  country: 'DE',
  subdivision: null,
  hostname: 'gpu-01',
  gpus: 8,
  since: 1000,
  allowed: true,
  ruleId: 'default',
  reason: '',
  violationSince: null,
  ...over,
});

const bad = (workload: string, over: Partial<WorkloadNow> = {}) =>
  w(workload, { allowed: false, ruleId: 'eu-health', violationSince: 2000, ...over });

describe('groupByTenant', () => {
  const list = [
    w('a1'),
    w('a2', { siteId: 'eu-fra-2', siteName: 'Frankfurt 2' }),
    bad('a3', { siteId: 'us-1', siteName: 'Ashburn', country: 'US' }),
    w('b1', { tenant: 'beta' }),
    bad('b2', { tenant: 'beta', siteId: 'down-1', siteName: 'Down', country: 'US' }),
    w('b3', { tenant: 'beta', siteId: 'down-1', siteName: 'Down', country: 'US' }),
  ];

  it('groups by tenant, then country (most workloads first), counting violations', () => {
    const [acme, beta] = groupByTenant(list, ['down-1']);
    expect(acme).toMatchObject({ tenant: 'acme-ai', known: 3, violations: 1, unknown: [] });
    expect(acme!.countries.map((c) => [c.country, c.workloads.length, c.violations, c.sites])).toEqual([
      ['DE', 2, 0, ['Frankfurt 1', 'Frankfurt 2']],
      ['US', 1, 1, ['Ashburn']],
    ]);
    expect(beta!.tenant).toBe('beta');
  });

  it('puts workloads at sites that did not answer apart, never among the compliant', () => {
    const beta = groupByTenant(list, ['down-1'])[1]!;
    expect(beta.known).toBe(1);
    expect(beta.violations).toBe(0);
    expect(beta.unknown.map((x) => x.workload)).toEqual(['b2', 'b3']);
    expect(beta.countries.map((c) => c.country)).toEqual(['DE']);
  });

  it('is empty for no workloads', () => {
    expect(groupByTenant([], [])).toEqual([]);
  });
});

describe('nowCounts', () => {
  it('counts known and unknown apart', () => {
    const workloads = [
      w('a1'),
      bad('a2', { country: 'US' }),
      bad('b1', { tenant: 'beta', siteId: 'down-1' }),
    ];
    const now: ResidencyNow = {
      at: 5000,
      policy: { text: '', sha256: null, rules: 0, default: 'allow', errors: [] },
      workloads,
      violations: workloads.filter((x) => !x.allowed),
      unknownSites: ['down-1'],
    };
    expect(nowCounts(now)).toEqual({
      running: 2,
      unknown: 1,
      violations: 1,
      violationsUnknown: 1,
      tenants: 2,
      jurisdictions: 2,
    });
  });
});

describe('violationsByAge', () => {
  it('puts the longest-running first', () => {
    const list = [
      bad('x', { violationSince: 300 }),
      bad('y', { violationSince: 100 }),
      bad('z', { violationSince: 200 }),
    ];
    expect(violationsByAge(list).map((v) => v.workload)).toEqual(['y', 'z', 'x']);
  });
});
