import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../shared/audit';
import {
  EMPTY_FILTER_FORM,
  filterKey,
  isFilterEmpty,
  isFormEmpty,
  matchesAuditFilter,
  mergeNewestFirst,
  parseLocalDateTime,
  rangeProblem,
  toAuditFilter,
} from './auditFilter';

const H = 'a'.repeat(64);
const entry = (seq: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  seq,
  time: new Date(Date.UTC(2025, 2, 1, 12, 0, seq)).toISOString(),
  actor: { osUser: 'alice', profile: 'default', session: 's1' },
  role: 'operator',
  action: 'session.role',
  target: 'analyst',
  params: {},
  outcome: 'ok',
  message: null,
  prev: H,
  hash: H,
  ...over,
});

describe('parseLocalDateTime', () => {
  it('reads datetime-local values as local time, with or without seconds', () => {
    expect(parseLocalDateTime('2025-03-01T14:05')).toBe(new Date(2025, 2, 1, 14, 5).getTime());
    expect(parseLocalDateTime('2025-03-01T14:05:09')).toBe(new Date(2025, 2, 1, 14, 5, 9).getTime());
    expect(parseLocalDateTime('2025-03-01T14:05:09.5')).toBe(new Date(2025, 2, 1, 14, 5, 9, 500).getTime());
    expect(parseLocalDateTime('2025-03-01T14:05:09.05')).toBe(new Date(2025, 2, 1, 14, 5, 9, 50).getTime());
  });

  it('answers null for empty, malformed or impossible values', () => {
    for (const v of [
      '',
      'yesterday',
      '2025-03-01',
      '2025-02-30T10:00',
      '2025-13-01T10:00',
      '2025-03-01T24:00',
    ])
      expect(parseLocalDateTime(v), v).toBeNull();
  });
});

describe('toAuditFilter', () => {
  it('leaves out empty fields, so an untouched form is the empty filter', () => {
    expect(toAuditFilter(EMPTY_FILTER_FORM)).toEqual({});
    expect(isFilterEmpty(toAuditFilter({ ...EMPTY_FILTER_FORM, actor: '   ' }))).toBe(true);
  });

  it('trims text, keeps the outcome, and turns times into epoch ms', () => {
    const f = toAuditFilter({
      actor: ' alice ',
      action: 'session',
      target: 'eu-fra-1',
      outcome: 'denied',
      from: '2025-03-01T00:00',
      to: '2025-03-02T00:00',
    });
    expect(f).toEqual({
      actor: 'alice',
      action: 'session',
      target: 'eu-fra-1',
      outcome: 'denied',
      from: new Date(2025, 2, 1).getTime(),
      to: new Date(2025, 2, 2).getTime(),
    });
  });

  it('drops a half-typed time rather than sending something wrong', () => {
    expect(toAuditFilter({ ...EMPTY_FILTER_FORM, from: '2025-03-' })).toEqual({});
  });

  it('caps text at the contract limits', () => {
    const f = toAuditFilter({ ...EMPTY_FILTER_FORM, action: 'x'.repeat(500), target: 'y'.repeat(500) });
    expect(f.action).toHaveLength(80);
    expect(f.target).toHaveLength(300);
  });

  it('gives the same key for the same filter however the form was typed', () => {
    const a = toAuditFilter({ ...EMPTY_FILTER_FORM, outcome: 'ok', actor: 'bob' });
    const b = toAuditFilter({ ...EMPTY_FILTER_FORM, actor: ' bob', outcome: 'ok' });
    expect(filterKey(a)).toBe(filterKey(b));
    expect(filterKey(a)).not.toBe(filterKey(toAuditFilter(EMPTY_FILTER_FORM)));
  });
});

describe('isFormEmpty and rangeProblem', () => {
  it('knows an untouched form', () => {
    expect(isFormEmpty(EMPTY_FILTER_FORM)).toBe(true);
    expect(isFormEmpty({ ...EMPTY_FILTER_FORM, outcome: 'failed' })).toBe(false);
  });

  it('names a time range that can match nothing', () => {
    expect(rangeProblem({ from: 10, to: 10 })).toMatch(/no entry can match/);
    expect(rangeProblem({ from: 10, to: 11 })).toBeNull();
    expect(rangeProblem({ from: 10 })).toBeNull();
  });
});

describe('matchesAuditFilter (the core’s rule, for live entries)', () => {
  const e = entry(5, {
    actor: { osUser: 'Alice', profile: 'night-shift', session: 's' },
    action: 'session.role',
    target: 'admin',
    outcome: 'denied',
  });

  it('matches text case-insensitively as a substring; the actor against user and profile', () => {
    expect(matchesAuditFilter(e, {})).toBe(true);
    expect(matchesAuditFilter(e, { actor: 'alice' })).toBe(true);
    expect(matchesAuditFilter(e, { actor: 'NIGHT' })).toBe(true);
    expect(matchesAuditFilter(e, { actor: 'bob' })).toBe(false);
    expect(matchesAuditFilter(e, { action: 'ROLE' })).toBe(true);
    expect(matchesAuditFilter(e, { target: 'adm' })).toBe(true);
    expect(matchesAuditFilter(e, { target: 'site' })).toBe(false);
  });

  it('never matches a target filter against a null target', () => {
    expect(matchesAuditFilter(entry(1, { target: null }), { target: 'x' })).toBe(false);
  });

  it('checks the outcome exactly, `from` inclusive and `to` exclusive', () => {
    expect(matchesAuditFilter(e, { outcome: 'denied' })).toBe(true);
    expect(matchesAuditFilter(e, { outcome: 'ok' })).toBe(false);
    const t = Date.parse(e.time);
    expect(matchesAuditFilter(e, { from: t })).toBe(true);
    expect(matchesAuditFilter(e, { from: t + 1 })).toBe(false);
    expect(matchesAuditFilter(e, { to: t })).toBe(false);
    expect(matchesAuditFilter(e, { to: t + 1 })).toBe(true);
  });
});

describe('mergeNewestFirst', () => {
  it('puts live entries on top and older pages below, each seq once', () => {
    const page = [entry(10), entry(9), entry(8)];
    expect(mergeNewestFirst(page, [entry(11)]).map((e) => e.seq)).toEqual([11, 10, 9, 8]);
    expect(mergeNewestFirst(page, [entry(7), entry(6)]).map((e) => e.seq)).toEqual([10, 9, 8, 7, 6]);
    expect(mergeNewestFirst(page, [entry(12), entry(9)]).map((e) => e.seq)).toEqual([12, 10, 9, 8]);
  });

  it('returns the same array when nothing is new, so React state stays unchanged', () => {
    const page = [entry(2), entry(1)];
    expect(mergeNewestFirst(page, [])).toBe(page);
    expect(mergeNewestFirst(page, [entry(2)])).toBe(page);
  });
});
