import type { PlanRunView, PlanView } from '../../../shared/placement';
import type { JournalLine, StepState } from './planExecutor';

/**
 * The record of approved plans (`placement/plans.jsonl`): one line when a plan is approved (the
 * plan as previewed, who approved it) and one when its run ends. A plan approved with no end line
 * is a run the console did not see finish: interrupted. Step states come from the journal.
 */
export type PlanRecordLine =
  | { kind: 'approved'; plan: PlanView; at: number; by: string }
  | { kind: 'ended'; planId: string; state: 'done' | 'failed' | 'cancelled'; at: number };

export type RunSteps = PlanRunView['steps'];

/** Each step's last journalled state, its message and how many attempts it took (pure). */
export function stepViews(lines: readonly JournalLine[], planId: string, steps: number): RunSteps {
  const out: RunSteps = Array.from({ length: steps }, () => ({
    state: 'pending',
    message: null,
    attempts: 0,
  }));
  for (const l of lines) {
    if (l.planId !== planId || l.step < 0 || l.step >= steps) continue;
    const s = out[l.step]!;
    s.state = l.state;
    s.attempts = Math.max(s.attempts, l.attempt);
    if (l.state !== 'started') s.message = l.message ?? null;
  }
  return out;
}

/** How a finished run ended, from its steps: any failure is a failure; a stop leaves steps cancelled. */
export function endState(states: readonly StepState[]): 'done' | 'failed' | 'cancelled' {
  if (states.includes('failed')) return 'failed';
  if (states.some((s) => s !== 'done')) return 'cancelled';
  return 'done';
}

/** The runs the record and journal describe, oldest first; `running` names the plan running now. */
export function runsFrom(
  records: readonly PlanRecordLine[],
  journal: readonly JournalLine[],
  running: string | null,
): PlanRunView[] {
  const ended = new Map<string, Extract<PlanRecordLine, { kind: 'ended' }>>();
  for (const r of records) if (r.kind === 'ended') ended.set(r.planId, r);
  const byPlan = new Map<string, JournalLine[]>();
  for (const l of journal) {
    const list = byPlan.get(l.planId);
    if (list) list.push(l);
    else byPlan.set(l.planId, [l]);
  }
  const runs: PlanRunView[] = [];
  for (const r of records) {
    if (r.kind !== 'approved') continue;
    const end = ended.get(r.plan.id);
    runs.push({
      plan: r.plan,
      approvedAt: r.at,
      approvedBy: r.by,
      state: end ? end.state : r.plan.id === running ? 'running' : 'interrupted',
      endedAt: end?.at ?? null,
      steps: stepViews(byPlan.get(r.plan.id) ?? [], r.plan.id, r.plan.moves.length),
    });
  }
  return runs;
}
