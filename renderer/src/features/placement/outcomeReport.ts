import type { PlanRunView } from '../../../../shared/placement';
import { goalText } from './planText';

const cell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  // Quoted when it must be; a leading = + - @ is defused so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * A run's outcome as CSV — what a failover's owner files afterwards: the plan, who approved it and
 * when, how it ended, and each move with its step's state, attempts and message (pure).
 */
export function outcomeCsv(
  run: PlanRunView,
  nameOf: (siteId: string) => string | undefined = () => undefined,
): string {
  const head = [
    ['plan', run.plan.id],
    ['goal', goalText(run.plan.goal, nameOf)],
    ['approved by', run.approvedBy],
    ['approved at', new Date(run.approvedAt).toISOString()],
    ['state', run.state],
    ['ended at', run.endedAt === null ? '' : new Date(run.endedAt).toISOString()],
    ['unplaced', String(run.plan.unplaced.length)],
  ].map((r) => r.map(cell).join(','));
  const cols = [
    'step',
    'workload',
    'job',
    'tenant',
    'data class',
    'gpus',
    'from',
    'to',
    'cross-site',
    'state',
    'attempts',
    'message',
  ];
  const rows = run.plan.moves.map((m, i) => {
    const s = run.steps[i];
    return [
      i + 1,
      m.workload,
      m.jobId,
      m.tenant,
      m.dataClass,
      m.gpus,
      `${m.from.siteId}/${m.from.hostname}`,
      `${m.to.siteId}/${m.to.hostname}`,
      m.crossSite ? 'yes' : 'no',
      s?.state ?? 'pending',
      s?.attempts ?? 0,
      s?.message ?? null,
    ]
      .map(cell)
      .join(',');
  });
  const unplaced = run.plan.unplaced.map((u) =>
    ['unplaced', u.workload, '', u.tenant, u.dataClass, u.gpus, '', '', '', 'not moved', '', u.reason]
      .map(cell)
      .join(','),
  );
  return [...head, '', cols.join(','), ...rows, ...unplaced].join('\n') + '\n';
}
