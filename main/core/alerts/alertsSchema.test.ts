import { describe, expect, it } from 'vitest';
import {
  AlertRuleSchema,
  AlertRulesFileSchema,
  AlertSchema,
  DEFAULT_ALERT_RULES,
  alertKey,
  ruleHoldMs,
  xidMeaning,
  xidSeverity,
} from '../../../shared/alerts';
import { formatAge } from './alertText';
import { isSchedulerDown } from './schedulerDown';

describe('rules file', () => {
  it('the default rules are a valid rules file, unchanged by parsing', () => {
    expect(AlertRulesFileSchema.parse({ rules: DEFAULT_ALERT_RULES })).toEqual({
      rules: DEFAULT_ALERT_RULES,
    });
  });

  it('fills the optional fields a person may leave out', () => {
    expect(AlertRuleSchema.parse({ id: 'xid', kind: 'xid', severity: 'warning' })).toEqual({
      id: 'xid',
      kind: 'xid',
      severity: 'warning',
      enabled: true,
      threshold: null,
      forS: 0,
      clearS: 0,
    });
  });

  const base = { id: 'r', kind: 'gpu-temp', severity: 'critical', threshold: 85 };
  it.each([
    ['an id that is not kebab-case', { ...base, id: 'GPU_Temp' }, 'id', 'lower-case words'],
    ['a kind outside the list', { ...base, kind: 'fan-speed' }, 'kind', ''],
    [
      'a temperature rule without a threshold',
      { ...base, threshold: null },
      'threshold',
      'needs a threshold',
    ],
    ['a temperature above any GPU', { ...base, threshold: 400 }, 'threshold', '1 to 150 °C'],
    ['a power threshold above 200 %', { ...base, kind: 'gpu-power', threshold: 250 }, 'threshold', '200'],
    ['a threshold on an XID rule', { ...base, kind: 'xid' }, 'threshold', 'has no threshold'],
    ['forIntervals on a GPU rule', { ...base, forIntervals: 2 }, 'forIntervals', 'use forS'],
    [
      'both forS and forIntervals',
      { ...base, kind: 'site-unreachable', threshold: null, forS: 10, forIntervals: 2 },
      'forS',
      'not both',
    ],
    [
      'a data-stale rule without an age',
      { ...base, kind: 'data-stale', threshold: null },
      'forIntervals',
      'age',
    ],
    ['a negative hold', { ...base, forS: -1 }, 'forS', ''],
    ['a field the engine does not know', { ...base, for: '1m' }, '', ''],
  ])('rejects %s, naming the field', (_n, input, path, words) => {
    const r = AlertRuleSchema.safeParse(input);
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0]!;
    expect(issue.path.join('.')).toBe(path);
    expect(issue.message).toContain(words);
  });

  it('a repeated id is reported at the repeating rule, naming the first', () => {
    const r = AlertRulesFileSchema.safeParse({
      rules: [DEFAULT_ALERT_RULES[0], DEFAULT_ALERT_RULES[1], DEFAULT_ALERT_RULES[0]],
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues).toMatchObject([
      {
        path: ['rules', 2, 'id'],
        message: 'rule 2 repeats the id "gpu-temp-high" of rule 0: give each rule its own id',
      },
    ]);
  });

  it.each([
    [{ forS: 60 }, 5000, 60_000],
    [{ forS: 0, forIntervals: 2 }, 5000, 10_000],
    [{ forS: 0, forIntervals: 2 }, 30_000, 60_000],
  ])('hold of %o at a %i ms interval is %i ms', (r, intervalMs, want) => {
    expect(ruleHoldMs(r, intervalMs)).toBe(want);
  });
});

describe('alerts', () => {
  it.each([
    ['gpu-temp-high', 'eu-fra-1', 'gpu-a01', 3, 'gpu-temp-high|eu-fra-1|gpu-a01|3'],
    ['node-down', 'eu-fra-1', 'gpu-a01', null, 'node-down|eu-fra-1|gpu-a01|'],
    ['site-unreachable', 'eu-fra-1', null, null, 'site-unreachable|eu-fra-1||'],
    ['gpu-xid', 'eu-fra-1', 'gpu-a01', 0, 'gpu-xid|eu-fra-1|gpu-a01|0'], // GPU 0 is not "no GPU"
  ])('key of %s on %s %s GPU %s', (rule, site, host, gpu, want) => {
    expect(alertKey(rule, site, host, gpu)).toBe(want);
  });

  it('an alert with no GPU and no value validates with nulls, not zeros', () => {
    const a = {
      key: 'site-unreachable|eu-fra-1||',
      ruleId: 'site-unreachable',
      kind: 'site-unreachable',
      severity: 'critical',
      siteId: 'eu-fra-1',
      hostname: null,
      gpu: null,
      title: 'Site eu-fra-1 unreachable',
      detail: '…',
      value: null,
      state: 'firing',
      firstSeen: 1,
      lastSeen: 2,
      resolvedAt: null,
      acknowledgedBy: null,
      acknowledgedAt: null,
      silencedUntil: null,
      silencedBy: null,
    };
    expect(AlertSchema.parse(a)).toEqual(a);
  });
});

describe('XID catalogue', () => {
  it.each([
    [79, 'XID 79: GPU has fallen off the bus — drain the node and reseat/replace the GPU', 'critical'],
    [48, 'XID 48: Double-bit ECC error (DBE)', 'critical'],
    [13, 'XID 13: Graphics engine exception', 'warning'],
    [64, 'XID 64: ECC page retirement / row remapping failure', 'warning'],
    [119, 'XID 119: GSP', 'warning'],
    [12345, "XID 12345: see NVIDIA's XID catalogue", 'warning'],
  ])('XID %i', (code, meaning, severity) => {
    expect(xidMeaning(code).startsWith(meaning)).toBe(true);
    expect(xidSeverity(code)).toBe(severity);
  });
});

describe('scheduler state text', () => {
  it.each([
    ['DOWN', true],
    ['DOWN*', true],
    ['down', true],
    ['down~', true], // failed to resume from power saving: still down
    ['DOWN+DRAIN', true],
    ['NOT_RESPONDING', true],
    ['IDLE+NOT_RESPONDING', true],
    ['idle+not_responding', true],
    ['idle*', true],
    ['drained*', true],
    ['IDLE', false],
    ['MIXED', false],
    ['ALLOCATED+DRAIN', false],
    ['IDLE+POWERED_DOWN', false], // power saving, not a failure: whole words only
    ['POWER_DOWN', false],
    ['idle~', false],
    ['', false],
    [null, null], // no scheduler: no evidence
  ])('%s → %s', (state, want) => {
    expect(isSchedulerDown(state)).toBe(want);
  });
});

describe('formatAge', () => {
  it.each([
    [0, '0 s'],
    [16_000, '16 s'],
    [119_000, '119 s'],
    [180_000, '3 min'],
    [7_200_000, '2 h'],
    [7_500_000, '2 h 5 min'],
  ])('%i ms → %s', (ms, want) => {
    expect(formatAge(ms)).toBe(want);
  });
});
