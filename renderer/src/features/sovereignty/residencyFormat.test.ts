import { describe, expect, it } from 'vitest';
import { NO_DATA } from '../../lib/format';
import {
  countryLabel,
  csvHeaderValue,
  formatDuration,
  formatShare,
  scopeText,
  shortSha,
  violationEnd,
  withShares,
} from './residencyFormat';

describe('formatDuration', () => {
  it.each([
    [0, '0:00:00'],
    [59.4, '0:00:59'],
    [59.6, '0:01:00'],
    [3725, '1:02:05'],
    [86_400, '24:00:00'],
    [180_000, '50:00:00'],
  ])('%s s → %s', (s, text) => expect(formatDuration(s)).toBe(text));

  it('unknown or impossible → dash, never 0:00:00', () => {
    expect(formatDuration(null)).toBe(NO_DATA);
    expect(formatDuration(Number.NaN)).toBe(NO_DATA);
    expect(formatDuration(-1)).toBe(NO_DATA);
  });
});

describe('formatShare', () => {
  it('one decimal; a sliver is not zero', () => {
    expect(formatShare(0.625)).toBe('62.5 %');
    expect(formatShare(1)).toBe('100.0 %');
    expect(formatShare(0)).toBe('0.0 %');
    expect(formatShare(0.0001)).toBe('<0.1 %');
    expect(formatShare(null)).toBe(NO_DATA);
  });
});

describe('places, scopes and hashes', () => {
  it('names countries with their code', () => {
    expect(countryLabel('DE')).toBe('Germany (DE)');
    expect(countryLabel('QQ')).toBe('QQ');
  });

  it('says the scope in words', () => {
    expect(scopeText({})).toBe('the whole fleet, every data class');
    expect(scopeText({ tenant: 'acme-ai', dataClass: 'health' })).toBe('tenant acme-ai · data class health');
    expect(scopeText({ workload: 'w-1' })).toBe('workload w-1');
  });

  it('shortens a hash, dash when none', () => {
    expect(shortSha('0123456789abcdef')).toBe('0123456789ab');
    expect(shortSha(null)).toBe(NO_DATA);
  });
});

describe('violationEnd', () => {
  const v = {
    workload: 'w',
    tenant: 't',
    dataClass: 'd',
    siteId: 's',
    country: 'US',
    ruleId: 'r',
    reason: '',
    from: 0,
  };
  it('open → ongoing; closed → how, or unknown', () => {
    expect(violationEnd({ ...v, to: null, endedBy: null })).toBe('ongoing');
    expect(violationEnd({ ...v, to: 5, endedBy: 'moved' })).toBe('moved');
    expect(violationEnd({ ...v, to: 5, endedBy: 'policy' })).toBe('policy');
    expect(violationEnd({ ...v, to: 5, endedBy: null })).toBe('unknown');
  });
});

describe('csvHeaderValue', () => {
  const csv = [
    '# Fleet Console sovereignty report',
    'generated,2024-05-01T10:00:00.000Z',
    'policy_sha256,"none (no policies.yaml: everything allowed, ""as is"")"',
    'policy_rules,3',
    '',
    'section,tenant,data_class,country,seconds',
    'policy_rules,99',
  ].join('\r\n');

  it('reads the header block, unquoting', () => {
    expect(csvHeaderValue(csv, 'generated')).toBe('2024-05-01T10:00:00.000Z');
    expect(csvHeaderValue(csv, 'policy_sha256')).toBe('none (no policies.yaml: everything allowed, "as is")');
    expect(csvHeaderValue(csv, 'policy_rules')).toBe('3');
  });

  it('stops at the first blank line', () => {
    expect(csvHeaderValue(csv, 'section')).toBeNull();
    expect(csvHeaderValue('', 'generated')).toBeNull();
  });
});

describe('withShares', () => {
  it('shares out each tenant and data class apart', () => {
    const rows = [
      { tenant: 'a', dataClass: 'health', country: 'DE', seconds: 300 },
      { tenant: 'a', dataClass: 'health', country: 'US', seconds: 100 },
      { tenant: 'a', dataClass: 'public', country: 'US', seconds: 50 },
      { tenant: 'b', dataClass: 'health', country: 'FR', seconds: 0 },
    ];
    expect(withShares(rows).map((r) => r.share)).toEqual([0.75, 0.25, 1, null]);
  });
});
