import { describe, expect, it } from 'vitest';
import {
  canResume,
  canStop,
  capRows,
  formatCo2PerDay,
  formatKwFreed,
  goalText,
  moveShortText,
  runCounts,
  shortByText,
  shortfallGpus,
  shortfallHeadline,
  stepsText,
  whereText,
} from './planText';
import { moveOf, planOf, runOf, stepOf } from './testPlans';

describe('goalText', () => {
  it('words every goal', () => {
    expect(goalText({ kind: 'consolidate' })).toBe('Consolidate: free whole nodes');
    expect(goalText({ kind: 'relieve', nodes: [{ siteId: 'a', hostname: 'x' }] })).toBe(
      'Relieve 1 node: a/x',
    );
    expect(
      goalText({
        kind: 'relieve',
        nodes: ['w', 'x', 'y', 'z'].map((h) => ({ siteId: 's', hostname: h })),
      }),
    ).toBe('Relieve 4 nodes: s/w, s/x, s/y and 1 more');
    expect(goalText({ kind: 'evacuate', scope: { node: { siteId: 'a', hostname: 'x' } } })).toBe(
      'Evacuate node a/x',
    );
    expect(goalText({ kind: 'evacuate', scope: { countries: ['DE', 'FR'] } })).toBe('Evacuate region DE, FR');
  });

  it('names a site by its name when known, with its id', () => {
    const goal = { kind: 'evacuate', scope: { site: 'eu-fra-1' } } as const;
    expect(goalText(goal)).toBe('Evacuate site eu-fra-1');
    expect(goalText(goal, (id) => (id === 'eu-fra-1' ? 'Frankfurt' : undefined))).toBe(
      'Evacuate site Frankfurt (eu-fra-1)',
    );
  });
});

describe('figures', () => {
  it('writes kW freed with one decimal and no grouping', () => {
    expect(formatKwFreed(1.234)).toBe('1.2 kW');
    expect(formatKwFreed(0)).toBe('0.0 kW');
    expect(formatKwFreed(1234.56)).toBe('1234.6 kW');
  });

  it('says unknown CO2 in words, never 0', () => {
    expect(formatCo2PerDay(null)).toBe('unknown');
    expect(formatCo2PerDay(11.2)).toBe('11.2 kg CO2e');
    expect(formatCo2PerDay(0)).toBe('0 kg CO2e');
  });

  it('writes a move short: the site once within a site, both across', () => {
    expect(moveShortText(moveOf())).toBe('eu-fra-1: gpu-a-01 → gpu-a-02');
    expect(
      moveShortText(
        moveOf({ to: { siteId: 'us-east-2', hostname: 'gpu-07', country: 'US' }, crossSite: true }),
      ),
    ).toBe('eu-fra-1/gpu-a-01 → us-east-2/gpu-07');
  });

  it('writes where a move goes', () => {
    expect(whereText({ siteId: 'eu-fra-1', hostname: 'gpu-a-01', country: 'DE' })).toBe(
      'eu-fra-1/gpu-a-01 (DE)',
    );
  });
});

describe('shortfall', () => {
  const shortfall = [
    { model: 'H100', country: 'DE', gpus: 8 },
    { model: 'A100', country: 'FR', gpus: 1 },
  ];

  it('adds up the GPUs short', () => {
    expect(shortfallGpus({ shortfall })).toBe(9);
    expect(shortByText(8)).toBe('short by 8 GPUs');
    expect(shortByText(1)).toBe('short by 1 GPU');
  });

  it('calls a failover short of compliant capacity', () => {
    expect(shortfallHeadline({ shortfall, goal: { kind: 'evacuate', scope: { site: 's' } } })).toMatch(
      /^Compliant capacity is short by 9 GPUs/,
    );
    expect(shortfallHeadline({ shortfall, goal: { kind: 'consolidate' } })).toMatch(
      /^Capacity is short by 9 GPUs/,
    );
  });
});

describe('capRows', () => {
  it('keeps all up to the cap, then says how many more', () => {
    expect(capRows([1, 2, 3], 3)).toEqual({ shown: [1, 2, 3], more: 0 });
    expect(capRows([1, 2, 3, 4, 5], 3)).toEqual({ shown: [1, 2, 3], more: 2 });
  });
});

describe('runs', () => {
  it('counts steps by state', () => {
    const plan = planOf();
    const run = runOf(
      {
        steps: [stepOf('done'), stepOf('done'), stepOf('failed', 'no'), stepOf('started'), stepOf('pending')],
      },
      plan,
    );
    const c = runCounts(run);
    expect(c).toEqual({ total: 5, done: 2, failed: 1, started: 1, cancelled: 0, pending: 1 });
    expect(stepsText(c)).toBe('2 / 5');
  });

  it('stops running and interrupted runs; resumes only interrupted ones', () => {
    expect(canStop({ state: 'running' })).toBe(true);
    expect(canStop({ state: 'interrupted' })).toBe(true);
    expect(canStop({ state: 'done' })).toBe(false);
    expect(canResume({ state: 'interrupted' })).toBe(true);
    expect(canResume({ state: 'running' })).toBe(false);
  });
});
