import { describe, expect, it } from 'vitest';
import { importSummary, splitImportErrors } from './siteImport';

describe('splitImportErrors', () => {
  it('gives one problem a line, as the core words them', () => {
    const message =
      'The YAML was not imported: line 4, sites[0].country: use the ISO 3166-1 alpha-2 code in capitals (e.g. DE); ' +
      'line 9, sites[1].telemetry.url: an http:// or https:// URL; file, sites: duplicate site id "a"';
    expect(splitImportErrors(message)).toEqual({
      lead: 'The YAML was not imported.',
      problems: [
        'line 4, sites[0].country: use the ISO 3166-1 alpha-2 code in capitals (e.g. DE)',
        'line 9, sites[1].telemetry.url: an http:// or https:// URL',
        'file, sites: duplicate site id "a"',
      ],
    });
  });

  it('handles syntax errors with a column, and keeps a semicolon inside a problem', () => {
    expect(
      splitImportErrors('The YAML was not imported: line 2, column 5: Map keys must be unique; "id" repeats'),
    ).toEqual({
      lead: 'The YAML was not imported.',
      problems: ['line 2, column 5: Map keys must be unique; "id" repeats'],
    });
  });

  it('leaves any other message whole', () => {
    expect(
      splitImportErrors('site x (sites.0.telemetry.auth.secret): no secret named "y". Nothing was saved.'),
    ).toEqual({
      lead: 'site x (sites.0.telemetry.auth.secret): no secret named "y". Nothing was saved.',
      problems: [],
    });
  });
});

it('importSummary', () => {
  expect(importSummary({ added: 2, updated: 1, removed: 0 })).toBe(
    'Imported: 2 added, 1 updated, 0 removed.',
  );
});
