import { describe, expect, it } from 'vitest';
import { formFromSettings, parseIdleRuleForm } from './idleRuleForm';

describe('idle rule form', () => {
  it('opens on the current rule in minutes and seconds', () => {
    expect(formFromSettings({ idleThresholdPct: 5, idleWindowS: 930 })).toEqual({
      thresholdPct: '5',
      windowMin: '15',
      windowSec: '30',
    });
  });

  it('reads minutes and seconds, or seconds alone', () => {
    expect(parseIdleRuleForm({ thresholdPct: '2.5', windowMin: '15', windowSec: '30' })).toEqual({
      ok: true,
      settings: { idleThresholdPct: 2.5, idleWindowS: 930 },
    });
    expect(parseIdleRuleForm({ thresholdPct: '5', windowMin: '', windowSec: '900' })).toEqual({
      ok: true,
      settings: { idleThresholdPct: 5, idleWindowS: 900 },
    });
    expect(parseIdleRuleForm({ thresholdPct: '7,5', windowMin: '1', windowSec: '' })).toEqual({
      ok: true,
      settings: { idleThresholdPct: 7.5, idleWindowS: 60 },
    });
  });

  it('says what is wrong, per field', () => {
    const r = parseIdleRuleForm({ thresholdPct: 'five', windowMin: '1.5', windowSec: '-3' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(['thresholdPct', 'windowMin', 'windowSec']);
    const s = parseIdleRuleForm({ thresholdPct: '5', windowMin: '2', windowSec: '75' });
    expect(s.ok || s.errors.windowSec).toMatch(/0–59/);
  });

  it('refuses what the core would refuse, with the contract’s own words', () => {
    const low = parseIdleRuleForm({ thresholdPct: '0.1', windowMin: '15', windowSec: '0' });
    expect(low).toEqual({ ok: false, errors: { thresholdPct: 'the idle threshold is 0.5–100 %' } });
    const long = parseIdleRuleForm({ thresholdPct: '5', windowMin: '1441', windowSec: '0' });
    expect(long).toEqual({
      ok: false,
      errors: { windowMin: 'the idle window is at most a day (86400 s)' },
    });
  });
});
