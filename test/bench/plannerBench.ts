import { performance } from 'node:perf_hooks';
import highsLoader from 'highs';
import { planPlacement } from '../../main/core/placement/planPlacement';
import type { PlanInput } from '../../main/core/placement/planTypes';
import type { Metric } from './metric';
import { plannerInstance, workloadValue } from './plannerInstances';

/**
 * Issue 6's planner benchmark. (1) The objective gap to the optimum: on generated evacuations of up
 * to 300 workloads, the planner's priority-weighted GPUs placed vs the optimum of the same problem
 * as a mixed-integer program solved by HiGHS (every constraint the planner checks: capacity per
 * node, GPU model, residency policy; each workload on at most one node). (2) The time to plan the
 * evacuation of a 3,200-GPU site into a 160,000-GPU fleet (500 sites × 40 nodes × 8 GPUs).
 */
const GAP_SIZES = [50, 100, 200, 300];

/** The evacuation as a MIP in CPLEX LP format: maximise value placed. */
export function evacuationLp(input: PlanInput, relaxed = false): { lp: string; cols: number } {
  const sites = new Map(input.sites.map((s) => [s.id, s]));
  const targets = input.nodes.filter((n) => n.siteId !== 's0' && n.state === 'up' && n.freeGpus > 0);
  const obj: string[] = [];
  const perWorkload: string[] = [];
  const perNode = new Map<string, string[]>();
  const binaries: string[] = [];
  input.workloads.forEach((w, i) => {
    const terms: string[] = [];
    targets.forEach((n, j) => {
      if (w.model !== null && n.model !== w.model) return;
      if (n.freeGpus < w.gpus) return;
      const site = sites.get(n.siteId)!;
      if (!input.judge(w.tenant, w.dataClass, site).allowed) return;
      const x = `x${i}_${j}`;
      binaries.push(x);
      terms.push(x);
      obj.push(`+ ${workloadValue(w)} ${x}`);
      const list = perNode.get(n.hostname) ?? [];
      list.push(`+ ${w.gpus} ${x}`);
      perNode.set(n.hostname, list);
    });
    if (terms.length) perWorkload.push(` w${i}: ${terms.join(' + ')} <= 1`);
  });
  const nodeRows = targets
    .filter((n) => perNode.has(n.hostname))
    .map((n, j) => ` n${j}: ${perNode.get(n.hostname)!.join(' ')} <= ${n.freeGpus}`);
  const lp = [
    'Maximize',
    ` obj: ${obj.join(' ') || '0 x'}`,
    'Subject To',
    ...perWorkload,
    ...nodeRows,
    // The LP relaxation (0 ≤ x ≤ 1) bounds the optimum from above when the MIP hits its time limit.
    ...(relaxed
      ? ['Bounds', ...binaries.map((b) => ` ${b} <= 1`)]
      : ['Binary', ...binaries.map((b) => ` ${b}`)]),
    'End',
  ].join('\n');
  return { lp, cols: binaries.length };
}

export async function plannerBench(): Promise<Metric[]> {
  const highs = await highsLoader();
  const metrics: Metric[] = [];
  let worstGap = 0;
  for (const size of GAP_SIZES) {
    // A source site big enough for `size` workloads (~2.7 per node), a fleet around it with less
    // free room than the evacuation needs.
    const input = plannerInstance({
      seed: 1000 + size,
      sites: 12,
      nodesPerSite: Math.ceil(size / 12),
      sourceNodes: Math.ceil(size / 2.7),
      freeShare: 0.45,
    });
    (input.workloads as PlanInput['workloads'][number][]).splice(size);
    const plan = planPlacement(input);
    const byId = new Map(input.workloads.map((w) => [w.id, w]));
    const planned = plan.moves.reduce((v, m) => v + workloadValue(byId.get(m.unit)!), 0);
    const { lp, cols } = evacuationLp(input);
    const t0 = performance.now();
    const sol = highs.solve(lp, { time_limit: 180, mip_rel_gap: 1e-6 });
    const solveMs = performance.now() - t0;
    const proven = sol.Status === 'Optimal';
    // Not proven optimal in the time allowed: measure against the LP relaxation's bound instead, which
    // can only overstate the gap.
    const optimum = proven ? sol.ObjectiveValue : highs.solve(evacuationLp(input, true).lp).ObjectiveValue;
    const gap = optimum > 0 ? (optimum - planned) / optimum : 0;
    worstGap = Math.max(worstGap, gap);
    console.error(
      `planner gap, ${input.workloads.length} workloads (${cols} MIP columns): planner ${planned}, HiGHS ${proven ? 'optimum' : `best ${sol.ObjectiveValue}, LP bound`} ${optimum} (${sol.Status}, ${Math.round(solveMs)} ms): gap ${(gap * 100).toFixed(2)} %`,
    );
    metrics.push({
      name: `planner.gap.${input.workloads.length}`,
      value: round(gap * 100, 2),
      unit: '%',
      anchor: `${proven ? 'HiGHS optimum' : 'HiGHS LP bound (MIP not proven in 180 s)'}; the planner's: ${planned}`,
      anchorValue: optimum,
      anchorUnit: 'objective',
      ratio: optimum > 0 ? round(planned / optimum, 4) : null,
      target: '≤ 2 %',
      met: gap <= 0.02,
    });
  }

  // 500 sites × 40 nodes × 8 GPUs = 160,000 GPUs, one of them a 400-node (3,200-GPU) site to empty.
  const fleet = plannerInstance({ seed: 7, sites: 491, nodesPerSite: 40, sourceNodes: 400, freeShare: 0.3 });
  const gpus = fleet.nodes.reduce((n, x) => n + x.gpus, 0);
  const times: number[] = [];
  let moved = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const plan = planPlacement(fleet);
    times.push(performance.now() - t0);
    moved = plan.effects.gpusMoved;
  }
  times.sort((a, b) => a - b);
  const median = times[2]!;
  console.error(
    `evacuate a 3,200-GPU site in a ${gpus}-GPU fleet (${fleet.workloads.length} workloads, ${moved} GPUs placed): median ${Math.round(median)} ms of 5`,
  );
  metrics.push({
    name: 'planner.evacuateSite3200in160k',
    value: Math.round(median),
    unit: 'ms',
    anchor: null,
    anchorValue: null,
    ratio: null,
    target: '< 1000 ms',
    met: median < 1000,
  });
  console.error(`worst planner gap: ${(worstGap * 100).toFixed(2)} %`);
  return metrics;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
