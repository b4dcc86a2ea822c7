import { describe, expect, it } from 'vitest';
import type { AuditVerdict } from '../../../../shared/audit';
import { countOf, formatAuditTime, formatParams, shortHash, verdictSummary } from './auditFormat';

const hash = '3fa9c1d2e4b5' + '0'.repeat(52);
const intact: AuditVerdict = {
  ok: true,
  entries: 1204,
  files: 2,
  brokenAtSeq: null,
  where: null,
  reason: null,
  lastHash: hash,
};

describe('formatAuditTime', () => {
  it('shows an ISO time as local wall-clock time with the date', () => {
    const iso = new Date(2025, 2, 1, 14, 5, 9).toISOString();
    expect(formatAuditTime(iso)).toBe('2025-03-01 14:05:09');
  });

  it('shows a value it cannot read as it is', () => {
    expect(formatAuditTime('not a time')).toBe('not a time');
  });
});

describe('shortHash and countOf', () => {
  it('keeps the first 12 hex digits; no hash is a dash', () => {
    expect(shortHash(hash)).toBe('3fa9c1d2e4b5…');
    expect(shortHash('abc')).toBe('abc');
    expect(shortHash(null)).toBe('—');
  });

  it('counts in words', () => {
    expect(countOf(1, 'entry', 'entries')).toBe('1 entry');
    expect(countOf(0, 'entry', 'entries')).toBe('0 entries');
    expect(countOf(1204, 'entry', 'entries')).toBe('1,204 entries');
  });
});

describe('verdictSummary', () => {
  it('says an intact chain in one sentence', () => {
    expect(verdictSummary(intact)).toEqual({
      ok: true,
      text: 'Intact: 1,204 entries in 2 files, last hash 3fa9c1d2e4b5…',
    });
    expect(verdictSummary({ ...intact, entries: 1, files: 1 }).text).toBe(
      'Intact: 1 entry in 1 file, last hash 3fa9c1d2e4b5…',
    );
    expect(verdictSummary({ ...intact, entries: 0, files: 0, lastHash: null }).text).toBe(
      'Intact: 0 entries in 0 files',
    );
  });

  it('says where and why a chain broke', () => {
    const broken: AuditVerdict = {
      ...intact,
      ok: false,
      brokenAtSeq: 17,
      where: 'audit-000001.jsonl:17',
      reason: 'entry 17 was altered: its content no longer matches its hash',
    };
    expect(verdictSummary(broken)).toEqual({
      ok: false,
      text: 'Broken at audit-000001.jsonl:17 (entry 17): entry 17 was altered: its content no longer matches its hash',
    });
    expect(verdictSummary({ ...broken, brokenAtSeq: null, where: 'head', reason: 'mismatch' }).text).toBe(
      'Broken at head: mismatch',
    );
  });
});

describe('formatParams', () => {
  it('is indented JSON', () => {
    expect(formatParams({})).toBe('{}');
    expect(formatParams({ from: 'operator', to: 'admin' })).toBe(
      '{\n  "from": "operator",\n  "to": "admin"\n}',
    );
  });
});
