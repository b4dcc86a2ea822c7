import {
  AlertRulesFileSchema,
  type AlertKind,
  type AlertRule,
  type AlertRuleInput,
  type AlertSeverity,
} from '../../../../shared/alerts';

/**
 * The rules editor's form: each rule's numbers as typed (strings), turned back into rules and checked
 * with the contract's own schema, so the editor shows the same words the core would answer with.
 */
export interface RuleDraft {
  id: string;
  kind: AlertKind;
  enabled: boolean;
  severity: AlertSeverity;
  threshold: string;
  forS: string;
  clearS: string;
  /** Only for the kinds counted in poll intervals (site-unreachable, data-stale). */
  forIntervals: string;
}

export const THRESHOLD_UNITS: Partial<Record<AlertKind, string>> = {
  'gpu-temp': '°C',
  'gpu-power': '% of limit',
};
export const usesIntervals = (kind: AlertKind): boolean =>
  kind === 'site-unreachable' || kind === 'data-stale';

const str = (v: number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

export function toDrafts(rules: readonly AlertRule[]): RuleDraft[] {
  return rules.map((r) => ({
    id: r.id,
    kind: r.kind,
    enabled: r.enabled,
    severity: r.severity,
    threshold: str(r.threshold),
    forS: str(r.forS),
    clearS: str(r.clearS),
    forIntervals: str(r.forIntervals),
  }));
}

/** A typed number: '' is "not given" (null), anything unreadable stays NaN so the schema names it. */
const num = (s: string): number | null => (s.trim() === '' ? null : Number(s.trim()));

export function fromDraft(d: RuleDraft): AlertRuleInput {
  const interval = usesIntervals(d.kind) && d.forIntervals.trim() !== '';
  const rule: AlertRuleInput = {
    id: d.id,
    kind: d.kind,
    enabled: d.enabled,
    severity: d.severity,
    threshold: num(d.threshold),
    forS: interval ? 0 : (num(d.forS) ?? 0),
    clearS: num(d.clearS) ?? 0,
  };
  if (interval) rule.forIntervals = num(d.forIntervals) as number;
  return rule;
}

export type RuleErrors = Record<number, Partial<Record<string, string>>>;

export type CheckedRules =
  { ok: true; rules: AlertRule[] } | { ok: false; errors: RuleErrors; summary: string };

/** The drafts as rules, or each problem under its row and field ("threshold", "forS", …). */
export function checkDrafts(drafts: readonly RuleDraft[]): CheckedRules {
  const parsed = AlertRulesFileSchema.safeParse({ rules: drafts.map(fromDraft) });
  if (parsed.success) return { ok: true, rules: parsed.data.rules };
  const errors: RuleErrors = {};
  const lines: string[] = [];
  for (const issue of parsed.error.issues) {
    const [, row, field] = issue.path;
    const message = issue.code === 'invalid_type' ? 'enter a number' : issue.message;
    if (typeof row === 'number') {
      const f = typeof field === 'string' ? field : 'id';
      (errors[row] ??= {})[f] ??= message;
      lines.push(`${drafts[row]?.id ?? `rule ${row + 1}`}: ${f} — ${message}`);
    } else lines.push(message);
  }
  return { ok: false, errors, summary: lines.slice(0, 5).join('; ') };
}
