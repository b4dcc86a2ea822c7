import { describe, expect, it } from 'vitest';
import { priorityOf, usersOf, workloadOf } from './workloadOf';

describe('workloadOf and usersOf: what a job comment says', () => {
  it('reads tenant, data class and workload; users and round-trip budget when both are given', () => {
    const comment = 'data-class=health workload=triage users=50.11:8.68 rtt-ms=30';
    expect(workloadOf('fra', { id: 7, account: 'clinic', comment })).toEqual({
      workload: 'triage',
      tenant: 'clinic',
      dataClass: 'health',
    });
    expect(usersOf(comment)).toEqual({ lat: 50.11, lon: 8.68, rttBudgetMs: 30 });
  });

  it.each([
    ['no tags', null],
    ['users without a budget', 'users=50.1:8.6'],
    ['a budget without users', 'rtt-ms=30'],
    ['a latitude off the globe', 'users=95:8 rtt-ms=30'],
    ['a longitude off the globe', 'users=50:181 rtt-ms=30'],
    ['a zero budget', 'users=50:8 rtt-ms=0'],
    ['words instead of numbers', 'users=frankfurt rtt-ms=fast'],
  ])('%s: no users', (_what, comment) => {
    expect(usersOf(comment)).toBeNull();
  });
});

describe('priorityOf', () => {
  it.each([
    ['priority=5 data-class=x', 5],
    ['priority=250', 100],
    ['priority=high', 0],
    ['priority=-1', 0],
    [null, 0],
  ])('%s → %d', (comment, p) => expect(priorityOf(comment)).toBe(p));
});
