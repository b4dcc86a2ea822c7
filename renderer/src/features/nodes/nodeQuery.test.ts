import { describe, expect, it } from 'vitest';
import { clearFilters, DEFAULT_QUERY, isFiltered, pickedOne, pickOne, queryKey, sortBy } from './nodeQuery';

describe('node query', () => {
  it('sorts a new column in its natural direction and flips the current one', () => {
    const hot = sortBy(DEFAULT_QUERY, 'maxTempC');
    expect([hot.sort, hot.desc]).toEqual(['maxTempC', true]);
    expect(sortBy(hot, 'maxTempC').desc).toBe(false);
    const host = sortBy(hot, 'hostname');
    expect([host.sort, host.desc]).toEqual(['hostname', false]);
  });

  it('keys queries by what the core filters on', () => {
    expect(queryKey({ ...DEFAULT_QUERY, text: ' GPU ' })).toBe(queryKey({ ...DEFAULT_QUERY, text: 'gpu' }));
    expect(queryKey({ ...DEFAULT_QUERY, withXid: true })).not.toBe(queryKey(DEFAULT_QUERY));
    expect(queryKey(sortBy(DEFAULT_QUERY, 'alerts'))).not.toBe(queryKey(DEFAULT_QUERY));
  });

  it('tells filters from the sort', () => {
    expect(isFiltered(DEFAULT_QUERY)).toBe(false);
    expect(isFiltered(sortBy(DEFAULT_QUERY, 'alerts'))).toBe(false);
    expect(isFiltered({ ...DEFAULT_QUERY, minTempC: 80 })).toBe(true);
    expect(isFiltered({ ...DEFAULT_QUERY, text: '  ' })).toBe(false);
    const sorted = sortBy({ ...DEFAULT_QUERY, countries: ['DE'] }, 'powerKw');
    expect(clearFilters(sorted)).toEqual({ ...DEFAULT_QUERY, sort: 'powerKw', desc: true });
  });

  it('maps a one-value picker to the list filter', () => {
    expect(pickOne('')).toEqual([]);
    expect(pickOne('DE')).toEqual(['DE']);
    expect(pickedOne([])).toBe('');
    expect(pickedOne(['FR', 'DE'])).toBe('FR');
  });
});
