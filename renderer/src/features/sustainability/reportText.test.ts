import { describe, expect, it } from 'vitest';
import { reportMethodNotes } from './reportText';
import { summaryOf } from './testSummary';

describe('reportMethodNotes', () => {
  it('states the rule, the energy source, gaps, PUE, grid data with its licence and money', () => {
    const notes = reportMethodNotes(summaryOf()).join('\n');
    expect(notes).toContain('below 5 % for at least 15 min');
    expect(notes).toContain('DCGM energy counter');
    expect(notes).toContain('Gaps are reported as coverage, not filled: coverage 97.0%');
    expect(notes).toContain('Facility energy = IT energy × the site’s PUE.');
    expect(notes).toContain('CC BY-SA 4.0, Ember');
    expect(notes).toContain(', 2024;');
    expect(notes).toContain('never converted or summed');
    expect(notes).toContain('No energy counter resets seen.');
  });

  it('names the sites missing a PUE, tariff or grid figure, and passes on the core’s notes', () => {
    const base = summaryOf();
    const notes = reportMethodNotes({
      ...base,
      method: {
        ...base.method,
        sitesWithoutPue: ['eu-fra-1', 'gone-1'],
        sitesWithoutTariff: ['us-nyc-1'],
        sitesWithoutCarbon: ['eu-fra-1'],
        counterResets: 2,
        notes: ['the energy ledger could not be saved: disk full'],
      },
    });
    expect(notes).toContain(
      'Facility energy = IT energy × the site’s PUE. 2 sites without a PUE (Frankfurt and gone-1) counted at PUE 1.0: a lower bound.',
    );
    expect(notes).toContain('Without a tariff, not priced: New York (1 site).');
    expect(notes).toContain('Without grid intensity, not in CO2e: Frankfurt (1 site).');
    expect(notes.some((n) => n.startsWith('2 energy counter resets seen'))).toBe(true);
    expect(notes.at(-1)).toBe('Note: the energy ledger could not be saved: disk full');
  });
});
