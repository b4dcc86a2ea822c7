import { describe, expect, it } from 'vitest';
import {
  BLOC_COLORS,
  blocOf,
  EEA_ONLY,
  EU_MEMBERS,
  indexResidency,
  jurisdictionColor,
  siteViolations,
  sitesResidency,
  sitesResidencyWords,
  violationWords,
} from './jurisdiction';
import { residencyNow, workload } from './testMapData';

describe('blocOf', () => {
  it('has the 27 EU member states and the three EEA-only ones', () => {
    expect(new Set(EU_MEMBERS).size).toBe(27);
    expect([...EEA_ONLY]).toEqual(['IS', 'LI', 'NO']);
    for (const c of EU_MEMBERS) expect(blocOf(c)).toBe('eu');
  });

  it.each([
    ['DE', 'eu'],
    ['de', 'eu'],
    [' FR ', 'eu'],
    ['GR', 'eu'],
    ['EL', 'eu'], // EU usage for Greece
    ['HR', 'eu'],
    ['NO', 'eea'],
    ['IS', 'eea'],
    ['LI', 'eea'],
    ['CH', 'other'], // EFTA, not EEA
    ['GB', 'other'],
    ['UK', 'other'],
    ['US', 'other'],
    ['EU', 'other'], // a bloc is not a country
    ['', 'other'],
  ] as const)('%s → %s', (country, bloc) => {
    expect(blocOf(country)).toBe(bloc);
  });
});

describe('jurisdictionColor', () => {
  it('gives each bloc its own colour', () => {
    expect(jurisdictionColor('SE')).toBe(BLOC_COLORS.eu);
    expect(jurisdictionColor('NO')).toBe(BLOC_COLORS.eea);
    expect(jurisdictionColor('JP')).toBe(BLOC_COLORS.other);
    expect(new Set(Object.values(BLOC_COLORS)).size).toBe(3);
  });
});

describe('siteViolations', () => {
  const index = indexResidency(
    residencyNow(
      [
        workload({ workload: 'a', siteId: 'us-1', allowed: false }),
        workload({ workload: 'b', siteId: 'us-1', allowed: false }),
        workload({ workload: 'c', siteId: 'us-1' }),
        workload({ workload: 'd', siteId: 'de-1' }),
        // A placement the core still remembers for a site whose scheduler went quiet.
        workload({ workload: 'e', siteId: 'ch-1', allowed: false }),
      ],
      ['ch-1'],
    ),
  );

  it('counts each site’s violating workloads', () => {
    expect(siteViolations(index, 'us-1')).toBe(2);
    expect(siteViolations(index, 'de-1')).toBe(0);
    expect(index.bySite.get('us-1')?.workloads).toBe(3);
  });

  it('a site with nothing running has none', () => {
    expect(siteViolations(index, 'fi-1')).toBe(0);
  });

  it('unknown when the scheduler did not answer, even with a remembered violation', () => {
    expect(siteViolations(index, 'ch-1')).toBeNull();
  });

  it('unknown for every site before the first answer', () => {
    expect(siteViolations(null, 'de-1')).toBeNull();
  });
});

describe('violationWords', () => {
  it.each([
    [null, 'residency violations unknown'],
    [0, 'no residency violations'],
    [1, '1 residency violation'],
    [3, '3 residency violations'],
  ])('%s → %s', (n, words) => {
    expect(violationWords(n)).toBe(words);
  });
});

describe('sitesResidency (clusters)', () => {
  const index = indexResidency(
    residencyNow(
      [
        workload({ workload: 'a', siteId: 'x', allowed: false }),
        workload({ workload: 'b', siteId: 'x', allowed: false }),
        workload({ workload: 'c', siteId: 'y', allowed: false }),
        workload({ workload: 'd', siteId: 'z' }),
      ],
      ['q'],
    ),
  );

  it('counts violating sites, their violations and unknown sites', () => {
    expect(sitesResidency(['x', 'y', 'z', 'q'], index)).toEqual({
      sites: 4,
      violatingSites: 2,
      violations: 3,
      unknownSites: 1,
    });
  });

  it('before any answer every member is unknown', () => {
    expect(sitesResidency(['x', 'y'], null)).toEqual({
      sites: 2,
      violatingSites: 0,
      violations: 0,
      unknownSites: 2,
    });
  });

  it.each([
    [['x', 'y', 'z', 'q'], '2 sites with residency violations (3 violations), violations unknown at 1 site'],
    [['y', 'z'], '1 site with residency violations'],
    [['x'], '1 site with residency violations (2 violations)'],
    [['z', 'w'], 'no residency violations'],
    [['z', 'q'], 'no residency violations, violations unknown at 1 site'],
    [['q'], 'residency violations unknown'],
  ])('%j → %s', (ids, words) => {
    expect(sitesResidencyWords(sitesResidency(ids, index))).toBe(words);
  });
});
