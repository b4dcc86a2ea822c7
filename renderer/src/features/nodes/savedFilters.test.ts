import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY } from './nodeQuery';
import {
  filterNameProblem,
  loadSavedFilters,
  MAX_SAVED_FILTERS,
  parseSavedFilters,
  removeFilter,
  serializeSavedFilters,
  storeSavedFilters,
  upsertFilter,
} from './savedFilters';

const hot = { ...DEFAULT_QUERY, minTempC: 80, sort: 'maxTempC' as const, desc: true };

describe('saved filters', () => {
  it('round-trips through the stored text', () => {
    const filters = [{ name: 'Hot', query: hot }];
    expect(parseSavedFilters(serializeSavedFilters(filters))).toEqual(filters);
  });

  it.each([
    ['nothing', null],
    ['empty', ''],
    ['not JSON', '{oops'],
    ['not a list', '{"name":"x"}'],
    ['a number', '42'],
  ])('reads %s as no filters', (_, text) => {
    expect(parseSavedFilters(text)).toEqual([]);
  });

  it('drops entries that break the schema and keeps the rest', () => {
    const text = JSON.stringify([
      { name: 'ok', query: { withXid: true } },
      { name: '', query: {} },
      { name: 'bad sort', query: { sort: 'nope' } },
      { name: 'unknown field', query: { colour: 'red' } },
      { name: 'no query' },
      'junk',
      null,
      { name: 'ok', query: { withAlerts: true } },
    ]);
    const read = parseSavedFilters(text);
    expect(read.map((f) => f.name)).toEqual(['ok']);
    expect(read[0]!.query).toEqual({ ...DEFAULT_QUERY, withXid: true });
  });

  it('caps how many are read back', () => {
    const many = Array.from({ length: MAX_SAVED_FILTERS + 5 }, (_, i) => ({ name: `f${i}`, query: {} }));
    expect(parseSavedFilters(JSON.stringify(many))).toHaveLength(MAX_SAVED_FILTERS);
  });

  it('replaces a filter of the same name in place and puts new ones first', () => {
    const a = upsertFilter([], ' A ', DEFAULT_QUERY);
    const ab = upsertFilter(a, 'B', hot);
    expect(ab.map((f) => f.name)).toEqual(['B', 'A']);
    const replaced = upsertFilter(ab, 'A', hot);
    expect(replaced.map((f) => f.name)).toEqual(['B', 'A']);
    expect(replaced[1]!.query).toBe(hot);
    expect(removeFilter(replaced, 'B').map((f) => f.name)).toEqual(['A']);
  });

  it('checks the name', () => {
    expect(filterNameProblem('  ')).toMatch(/Name/);
    expect(filterNameProblem('x'.repeat(61))).toMatch(/60/);
    expect(filterNameProblem('Hot in DE')).toBeNull();
  });

  it('survives storage that throws', () => {
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(loadSavedFilters(throwing)).toEqual([]);
    expect(storeSavedFilters([], throwing)).toBe(false);
    expect(loadSavedFilters(undefined)).toEqual([]);
  });
});
