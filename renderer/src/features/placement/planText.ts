import type { MoveView, PlanGoalView, PlanRunView, PlanView } from '../../../../shared/placement';
import { countOf, formatKgCo2 } from '../sustainability/wasteFormat';

/**
 * How the Placement page words plans and runs. Unknown figures say so ("unknown"), never a zero
 * (STYLE.md rule 9). Energy, money and dates come from the sustainability page's formatters, so a
 * plan's savings read the same on both pages.
 */

type Where = MoveView['from'];

/** "eu-fra-1/gpu-a-01 (DE)". */
export const whereText = (w: Where): string => `${w.siteId}/${w.hostname} (${w.country})`;

/**
 * A move in a narrow column: "eu-fra-1: gpu-a-01 → gpu-a-02" within a site (the site once),
 * "eu-fra-1/gpu-a-01 → us-east-2/gpu-07" across sites.
 */
export function moveShortText(m: Pick<MoveView, 'from' | 'to'>): string {
  return m.from.siteId === m.to.siteId
    ? `${m.from.siteId}: ${m.from.hostname} → ${m.to.hostname}`
    : `${m.from.siteId}/${m.from.hostname} → ${m.to.siteId}/${m.to.hostname}`;
}

/** "1 node: eu-fra-1/gpu-a-01", "3 nodes: a/x, b/y, c/z", "12 nodes: a/x, b/y, c/z and 9 more". */
function nodesWords(nodes: readonly { siteId: string; hostname: string }[]): string {
  const shown = nodes.slice(0, 3).map((n) => `${n.siteId}/${n.hostname}`);
  const more = nodes.length - shown.length;
  return `${countOf(nodes.length, 'node')}: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** The goal in words, for headers and the history: "Evacuate site Frankfurt (eu-fra-1)". */
export function goalText(goal: PlanGoalView, siteName: (id: string) => string | undefined = () => undefined) {
  switch (goal.kind) {
    case 'consolidate':
      return 'Consolidate: free whole nodes';
    case 'relieve':
      return `Relieve ${nodesWords(goal.nodes)}`;
    case 'evacuate': {
      const s = goal.scope;
      if ('node' in s) return `Evacuate node ${s.node.siteId}/${s.node.hostname}`;
      if ('site' in s) {
        const name = siteName(s.site);
        return `Evacuate site ${name && name !== s.site ? `${name} (${s.site})` : s.site}`;
      }
      return `Evacuate region ${s.countries.join(', ')}`;
    }
  }
}

/** kW freed as the tile shows it: one decimal and the unit, "12.3 kW" (no grouping: a plain number). */
export const formatKwFreed = (kw: number): string => `${kw.toFixed(1)} kW`;

/** kg CO2e a day; null (no grid intensity for some site) → "unknown", never 0. */
export const formatCo2PerDay = (kg: number | null): string => (kg === null ? 'unknown' : formatKgCo2(kg));

/** The whole shortfall, in GPUs. */
export const shortfallGpus = (plan: Pick<PlanView, 'shortfall'>): number =>
  plan.shortfall.reduce((n, s) => n + s.gpus, 0);

/**
 * The shortfall's headline. A failover (evacuate) may only land where residency allows, so its
 * shortfall is of compliant capacity, said before anything runs.
 */
export function shortfallHeadline(plan: Pick<PlanView, 'shortfall' | 'goal'>): string {
  const gpus = countOf(shortfallGpus(plan), 'GPU');
  return plan.goal.kind === 'evacuate'
    ? `Compliant capacity is short by ${gpus}: these workloads have nowhere they may go.`
    : `Capacity is short by ${gpus}: these workloads stay where they are.`;
}

/** "short by 8 GPUs". */
export const shortByText = (gpus: number): string => `short by ${countOf(gpus, 'GPU')}`;

/** Rows rendered before "+N more": a plan's tables stay light on a wall screen; the map shows all. */
export const ROWS_SHOWN = 500;

/** The first `cap` items and how many are left out, for tables that stop at a few hundred rows. */
export function capRows<T>(items: readonly T[], cap: number): { shown: readonly T[]; more: number } {
  return items.length <= cap
    ? { shown: items, more: 0 }
    : { shown: items.slice(0, cap), more: items.length - cap };
}

export interface RunCounts {
  total: number;
  done: number;
  failed: number;
  started: number;
  cancelled: number;
  pending: number;
}

export function runCounts(run: Pick<PlanRunView, 'steps'>): RunCounts {
  const c: RunCounts = { total: run.steps.length, done: 0, failed: 0, started: 0, cancelled: 0, pending: 0 };
  for (const s of run.steps) c[s.state]++;
  return c;
}

/** "12 / 40". */
export const stepsText = (c: RunCounts): string => `${c.done} / ${c.total}`;

/** What the operator may still do with a run: stop it while it runs or sits interrupted; resume only the latter. */
export const canStop = (run: Pick<PlanRunView, 'state'>): boolean =>
  run.state === 'running' || run.state === 'interrupted';
export const canResume = (run: Pick<PlanRunView, 'state'>): boolean => run.state === 'interrupted';
