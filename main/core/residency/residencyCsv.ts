import type { PolicyStatus, ResidencyAnswer } from '../../../shared/residency';
import { csvCell } from '../audit/auditCsv';

const iso = (t: number | null) => (t === null ? '' : new Date(t).toISOString());

/**
 * The evidence report as one CSV: a header block naming the period, the scope and the policy in force
 * (with its SHA-256), then residency per tenant and jurisdiction, then every violation and how it
 * ended. Cells are defused for spreadsheets (site-provided names end up in them).
 */
export function residencyCsv(a: ResidencyAnswer, policy: PolicyStatus, generatedAt: number): string {
  const row = (cells: (string | number)[]) => cells.map((c) => csvCell(String(c))).join(',');
  const q = a.query;
  const lines = [
    row(['# Fleet Console sovereignty report']),
    row(['generated', iso(generatedAt)]),
    row(['period_from', iso(q.from)]),
    row(['period_to', iso(q.to)]),
    row(['scope', q.tenant ? `tenant ${q.tenant}` : 'fleet']),
    row(['data_class', q.dataClass ?? 'all']),
    row(['policy_sha256', policy.sha256 ?? 'none (no policies.yaml: everything allowed)']),
    row(['policy_rules', policy.rules]),
    row(['policy_default', policy.default]),
    '',
    row(['section', 'tenant', 'data_class', 'country', 'seconds']),
    ...a.byJurisdiction.map((r) =>
      row(['residency', r.tenant, r.dataClass, r.country, Math.round(r.seconds)]),
    ),
    '',
    row([
      'section',
      'workload',
      'tenant',
      'data_class',
      'site',
      'country',
      'rule',
      'reason',
      'from',
      'to',
      'ended_by',
    ]),
    ...a.violations.map((v) =>
      row([
        'violation',
        v.workload,
        v.tenant,
        v.dataClass,
        v.siteId,
        v.country,
        v.ruleId,
        v.reason,
        iso(v.from),
        iso(v.to),
        v.endedBy ?? 'ongoing',
      ]),
    ),
  ];
  return lines.join('\r\n') + '\r\n';
}
