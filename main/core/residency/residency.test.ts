import { describe, expect, it } from 'vitest';
import { PolicyFileSchema } from '../../../shared/policy';
import { compilePolicy, evaluatePolicy } from '../policy/compilePolicy';
import { residencyQuery } from './residencyQuery';
import { ResidencyTracker, type Judge, type Observation } from './residencyTracker';
import { workloadOf } from './workloadOf';

const policy = compilePolicy(
  PolicyFileSchema.parse({ rules: [{ id: 'eu-health', dataClasses: ['health'], allow: ['EU'] }] }),
);
if (!policy.ok) throw new Error(policy.error.message);
const judge: Judge = (tenant, dataClass, place) => evaluatePolicy(policy.value, tenant, dataClass, place);

const at = (siteId: string, country: string, o: Partial<Observation> = {}): Observation => ({
  workload: 'wl-1',
  tenant: 'helios-health',
  dataClass: 'health',
  siteId,
  country,
  subdivision: null,
  hostname: `${siteId}-gpu-001`,
  gpus: 2,
  ...o,
});
const ALL = new Set(['eu-fra-1', 'na-ash-1']);

describe('workloadOf', () => {
  it.each([
    [
      { id: 7, account: 'acme', comment: 'data-class=health workload=wl-9' },
      { workload: 'wl-9', tenant: 'acme', dataClass: 'health' },
    ],
    [
      { id: 7, account: null, comment: null },
      { workload: 's#7', tenant: '(no account)', dataClass: 'unclassified' },
    ],
    [
      { id: 8, account: 'b', comment: 'data-class=public;owner=x' },
      { workload: 's#8', tenant: 'b', dataClass: 'public' },
    ],
  ])('%j', (job, want) => expect(workloadOf('s', job)).toEqual(want));
});

describe('ResidencyTracker', () => {
  it('records a start, a move across a border with the violation it causes, and how the violation ended', () => {
    const t = new ResidencyTracker();
    expect(t.observe(1000, [at('eu-fra-1', 'DE')], ALL, judge).map((e) => e.event)).toEqual(['start']);
    const moved = t.observe(2000, [at('na-ash-1', 'US')], ALL, judge);
    expect(moved.map((e) => e.event)).toEqual(['move', 'violation-start']);
    expect(moved[1]).toMatchObject({
      ruleId: 'eu-health',
      country: 'US',
      reason: 'eu-health allows EU only; US is outside',
    });
    expect(t.placements.get('wl-1')).toMatchObject({ since: 2000, violationSince: 2000 });
    const back = t.observe(3000, [at('eu-fra-1', 'DE')], ALL, judge);
    expect(back.map((e) => [e.event, e.endedBy ?? null])).toEqual([
      ['violation-end', 'moved'],
      ['move', null],
    ]);
  });

  it('a workload ends only after its site answered twice without it; a silent site ends nothing', () => {
    const t = new ResidencyTracker();
    t.observe(1000, [at('na-ash-1', 'US')], ALL, judge);
    expect(t.observe(2000, [], new Set(), judge)).toEqual([]);
    expect(t.observe(3000, [], ALL, judge)).toEqual([]);
    expect(t.observe(4000, [], ALL, judge).map((e) => [e.event, e.endedBy ?? null])).toEqual([
      ['violation-end', 'ended'],
      ['end', null],
    ]);
  });
});

describe('residencyQuery', () => {
  const t = new ResidencyTracker();
  const events = [
    ...t.observe(0, [at('eu-fra-1', 'DE')], ALL, judge),
    ...t.observe(600_000, [at('na-ash-1', 'US')], ALL, judge),
    ...t.observe(900_000, [at('eu-fra-1', 'DE')], ALL, judge),
    ...t.observe(
      1_000_000,
      [at('eu-fra-1', 'DE', { workload: 'wl-2', tenant: 'acme', dataClass: 'public' })],
      ALL,
      judge,
    ),
  ];

  it('answers where tenant T’s data-class D ran between t0 and t1, with durations per jurisdiction and the violations', () => {
    const a = residencyQuery(
      events,
      { from: 300_000, to: 1_200_000, tenant: 'helios-health', dataClass: 'health' },
      1_200_000,
    );
    expect(a.byJurisdiction).toEqual([
      { tenant: 'helios-health', dataClass: 'health', country: 'DE', seconds: 300 + 300 },
      { tenant: 'helios-health', dataClass: 'health', country: 'US', seconds: 300 },
    ]);
    expect(a.workloads.map((w) => w.stays.map((s) => s.country))).toEqual([['DE', 'US', 'DE']]);
    expect(a.violations).toEqual([
      expect.objectContaining({
        workload: 'wl-1',
        country: 'US',
        from: 600_000,
        to: 900_000,
        endedBy: 'moved',
      }),
    ]);
  });

  it('a period before the move has no violation; another tenant is not in the answer', () => {
    const a = residencyQuery(events, { from: 0, to: 500_000 }, 1_200_000);
    expect(a.violations).toEqual([]);
    expect(a.workloads.map((w) => w.workload)).toEqual(['wl-1']);
  });
});
