import { SustainabilitySettingsSchema, type SustainabilitySettings } from '../../../../shared/sustainability';

/** What the idle-rule form holds: text, as typed. */
export interface IdleRuleFormValues {
  thresholdPct: string;
  windowMin: string;
  windowSec: string;
}

export type IdleRuleField = keyof IdleRuleFormValues;

export type IdleRuleParse =
  | { ok: true; settings: SustainabilitySettings }
  | { ok: false; errors: Partial<Record<IdleRuleField, string>> };

/** The form opened on the current rule: 900 s → 15 min 0 s. */
export function formFromSettings(s: SustainabilitySettings): IdleRuleFormValues {
  return {
    thresholdPct: String(s.idleThresholdPct),
    windowMin: String(Math.floor(s.idleWindowS / 60)),
    windowSec: String(s.idleWindowS % 60),
  };
}

const DECIMAL = /^\d+(\.\d+)?$/;
const WHOLE = /^\d+$/;

/**
 * The form's text as settings, or a message per field a person can act on. The contract's schema has
 * the last word (its messages are shown as they are), so the form never accepts what the core refuses.
 */
export function parseIdleRuleForm(v: IdleRuleFormValues): IdleRuleParse {
  const errors: Partial<Record<IdleRuleField, string>> = {};
  const t = v.thresholdPct.trim().replace(',', '.');
  const m = v.windowMin.trim() || '0';
  const s = v.windowSec.trim() || '0';
  if (!DECIMAL.test(t)) errors.thresholdPct = 'Enter the threshold as a number, e.g. 5';
  if (!WHOLE.test(m)) errors.windowMin = 'Whole minutes, e.g. 15';
  if (!WHOLE.test(s)) errors.windowSec = 'Whole seconds, 0–59';
  else if (Number(s) > 59 && m !== '0') errors.windowSec = 'Seconds are 0–59 (or leave minutes at 0)';
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const parsed = SustainabilitySettingsSchema.safeParse({
    idleThresholdPct: Number(t),
    idleWindowS: Number(m) * 60 + Number(s),
  });
  if (parsed.success) return { ok: true, settings: parsed.data };
  for (const issue of parsed.error.issues) {
    const field: IdleRuleField = issue.path[0] === 'idleThresholdPct' ? 'thresholdPct' : 'windowMin';
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
