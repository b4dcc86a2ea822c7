import { describe, expect, it } from 'vitest';
import { parseLatLon, sitesWithinBudget } from './latencyBudget';

const FRA = { id: 'eu-fra-1', name: 'Frankfurt', lat: 50.11, lon: 8.68 };
const PAR = { id: 'eu-par-1', name: 'Paris', lat: 48.86, lon: 2.35 };
const SYD = { id: 'oc-syd-1', name: 'Sydney', lat: -33.87, lon: 151.21 };

describe('sitesWithinBudget', () => {
  it('users in Frankfurt, 10 ms: Frankfurt (2 ms overhead) and Paris (~4.8 + 2 ms), not Sydney; nearest first', () => {
    const rows = sitesWithinBudget({ lat: 50.11, lon: 8.68 }, 10, [SYD, PAR, FRA]);
    expect(rows.map((r) => [r.id, r.within])).toEqual([
      ['eu-fra-1', true],
      ['eu-par-1', true],
      ['oc-syd-1', false],
    ]);
    expect(rows[0]!.rttMs).toBeCloseTo(2, 5);
    expect(rows[1]!.rttMs).toBeCloseTo(6.8, 0);
    expect(rows[2]!.rttMs).toBeGreaterThan(160);
  });

  it('a budget below the site overhead leaves no site within it', () => {
    expect(sitesWithinBudget({ lat: 50.11, lon: 8.68 }, 1, [FRA]).every((r) => !r.within)).toBe(true);
  });
});

describe('parseLatLon', () => {
  it.each([
    ['50.11, 8.68', { lat: 50.11, lon: 8.68 }],
    ['-33.87 151.21', { lat: -33.87, lon: 151.21 }],
    ['0;0', { lat: 0, lon: 0 }],
  ])('%s', (text, place) => expect(parseLatLon(text)).toEqual(place));
  it.each(['', 'Frankfurt', '91, 0', '0, 181', '50.1'])('%s is not a place', (text) =>
    expect(parseLatLon(text)).toBeNull(),
  );
});
