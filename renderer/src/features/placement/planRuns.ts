import type { PlanRunView } from '../../../../shared/placement';

/**
 * The run list as the page keeps it: 'placement.runs' answers and 'placement.run' events folded
 * into one list, newest approval first. Pure, so the ordering and the merge rules are tested.
 */

type StepState = PlanRunView['steps'][number]['state'];

const STEP_RANK: Record<StepState, number> = { pending: 0, started: 1, done: 2, failed: 2, cancelled: 2 };

/**
 * How far along a run is: steps only move forward and an end is final. A list answer asked before
 * an event can arrive after it; comparing stages keeps the newer view of each run.
 */
export function runStage(run: PlanRunView): number {
  let n = run.endedAt === null ? 0 : 1_000_000;
  for (const s of run.steps) n += STEP_RANK[s.state];
  return n;
}

const newestFirst = (a: PlanRunView, b: PlanRunView) => b.approvedAt - a.approvedAt;

/** `incoming` unless `current` is further along (then it is the older view). */
const fresher = (current: PlanRunView | undefined, incoming: PlanRunView): PlanRunView =>
  current && runStage(current) > runStage(incoming) ? current : incoming;

/** One run (an event, or an action's answer) into the list. */
export function upsertRun(list: readonly PlanRunView[], run: PlanRunView): PlanRunView[] {
  const i = list.findIndex((r) => r.plan.id === run.plan.id);
  if (i < 0) return [...list, run].sort(newestFirst);
  const next = fresher(list[i], run);
  if (next === list[i]) return list as PlanRunView[];
  const out = list.slice();
  out[i] = next;
  return out;
}

/**
 * A 'placement.runs' answer over the list held: the answer names the runs (the journal is the
 * truth), each kept at its furthest stage; a run only held here (just approved, not yet in the
 * answer's window) stays.
 */
export function mergeRunLists(
  held: readonly PlanRunView[] | null,
  answer: readonly PlanRunView[],
): PlanRunView[] {
  const byId = new Map((held ?? []).map((r) => [r.plan.id, r]));
  const out = answer.map((r) => fresher(byId.get(r.plan.id), r));
  const named = new Set(answer.map((r) => r.plan.id));
  for (const r of held ?? []) if (!named.has(r.plan.id) && r.endedAt === null) out.push(r);
  return out.sort(newestFirst);
}

export const interruptedRuns = (list: readonly PlanRunView[]): PlanRunView[] =>
  list.filter((r) => r.state === 'interrupted');

const STEP_ATTENTION: ReadonlySet<StepState> = new Set(['started', 'failed']);

/**
 * Which step indexes the drawer lists: all of them, or only those in flight or failed when
 * `attentionOnly`; past `cap`, every step in flight or failed (the ones that need eyes) first, then
 * the rest in order up to the cap. Shown in step order.
 */
export function stepsShown(
  steps: readonly { state: StepState }[],
  cap: number,
  attentionOnly = false,
): number[] {
  const pick = new Set<number>();
  steps.forEach((s, i) => {
    if (pick.size < cap && STEP_ATTENTION.has(s.state)) pick.add(i);
  });
  if (!attentionOnly) for (let i = 0; i < steps.length && pick.size < cap; i++) pick.add(i);
  return [...pick].sort((a, b) => a - b);
}
