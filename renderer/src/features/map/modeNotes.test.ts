import { describe, expect, it } from 'vitest';
import { alertList } from '../alerts/testAlerts';
import { modeNote, residencyUnknownWhy } from './modeNotes';
import { residencyNow } from './testMapData';

const failed = { code: 'UNAVAILABLE' as const, message: 'the core is restarting' };

describe('residencyUnknownWhy', () => {
  it('says why nothing is known, until an answer is in', () => {
    expect(residencyUnknownWhy({ now: null, error: null })).toBe('not checked yet');
    expect(residencyUnknownWhy({ now: null, error: failed })).toBe(
      'the residency check failed: the core is restarting',
    );
    expect(residencyUnknownWhy({ now: residencyNow([]), error: failed })).toBeNull();
  });
});

describe('modeNote', () => {
  it('numeric modes have none', () => {
    expect(modeNote('util', { now: null, error: null }, null)).toBeNull();
  });

  it('alerts: only while the list has not arrived', () => {
    expect(modeNote('alerts', { now: null, error: null }, null)).toMatch(/Waiting for the alert list/);
    expect(modeNote('alerts', { now: null, error: null }, alertList([]))).toBeNull();
  });

  it('jurisdiction: loading, failure, a policy that allows everything or did not load', () => {
    expect(modeNote('jurisdiction', { now: null, error: null }, null)).toMatch(/^Checking residency/);
    expect(modeNote('jurisdiction', { now: null, error: failed }, null)).toMatch(/failed.*unknown/);
    const now = residencyNow([]);
    expect(modeNote('jurisdiction', { now, error: null }, null)).toBeNull();
    expect(modeNote('jurisdiction', { now, error: failed }, null)).toMatch(/Marks are from \d\d:\d\d:\d\d/);
    const empty = { ...now, policy: { ...now.policy, rules: 0 } };
    expect(modeNote('jurisdiction', { now: empty, error: null }, null)).toMatch(/every placement is allowed/);
    const broken = { ...now, policy: { ...now.policy, errors: ['line 3: unknown field'] } };
    expect(modeNote('jurisdiction', { now: broken, error: null }, null)).toMatch(/last good policy/);
  });
});
