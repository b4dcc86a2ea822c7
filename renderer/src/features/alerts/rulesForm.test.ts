import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES } from '../../../../shared/alerts';
import { checkDrafts, toDrafts } from './rulesForm';

describe('rules form', () => {
  it('round-trips the default rules', () => {
    const r = checkDrafts(toDrafts(DEFAULT_ALERT_RULES));
    expect(r).toEqual({ ok: true, rules: DEFAULT_ALERT_RULES });
  });

  it('names each problem under its row and field', () => {
    const drafts = toDrafts(DEFAULT_ALERT_RULES);
    drafts[0] = { ...drafts[0]!, threshold: '200' };
    drafts[3] = { ...drafts[3]!, forS: 'soon' };
    const r = checkDrafts(drafts);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]?.threshold).toMatch(/1 to 150/);
    expect(r.errors[3]?.forS).toBe('enter a number');
    expect(r.summary).toMatch(/gpu-temp-high: threshold/);
  });

  it('needs a threshold for a threshold rule and refuses one elsewhere', () => {
    const drafts = toDrafts(DEFAULT_ALERT_RULES);
    drafts[0] = { ...drafts[0]!, threshold: '' };
    drafts[1] = { ...drafts[1]!, threshold: '3' };
    const r = checkDrafts(drafts);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]?.threshold).toMatch(/needs a threshold/);
    expect(r.errors[1]?.threshold).toMatch(/has no threshold/);
  });

  it('holds interval rules in poll intervals', () => {
    const drafts = toDrafts(DEFAULT_ALERT_RULES);
    const i = drafts.findIndex((d) => d.kind === 'data-stale');
    drafts[i] = { ...drafts[i]!, forIntervals: '', forS: '' };
    const r = checkDrafts(drafts);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[i]?.forIntervals).toMatch(/needs an age/);
  });
});
