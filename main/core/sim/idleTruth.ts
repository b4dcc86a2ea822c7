import type { IdleRule } from '../energy/energyLedger';
import type { SimNode, SimSite } from './fleetLayout';
import { jobsAt, readingAt } from './gpuPhysics';

/**
 * The simulator's own record of a node's energy between two seconds, second by second from its
 * physics (each second adds that second's power to the energy counter), with idle runs judged by the
 * rule the console's ledger applies: a run of seconds below the threshold counts whole once it has
 * lasted the window; the run in progress at `fromS` starts there (nothing before was observed).
 * Tests compare the console's figures with this.
 */
export function simEnergyTruth(
  site: SimSite,
  node: SimNode,
  fromS: number,
  toS: number,
  rule: IdleRule,
  /** Only seconds in [countFromS, countToS) add up (runs are still judged over the whole span). */
  countFromS = fromS + 1,
  countToS = toS + 1,
): { idleKwh: number; totalKwh: number } {
  const n = node.gpus.length;
  const runStart = new Float64Array(n).fill(NaN);
  const pendingJ = new Float64Array(n);
  const qualified = new Uint8Array(n);
  let idleJ = 0;
  let totalJ = 0;
  for (let s = fromS; s <= toS; s++) {
    const jobs = jobsAt(site, node, s);
    for (let g = 0; g < n; g++) {
      const r = readingAt(site, node, g, s, jobs);
      const low = r.utilPct < rule.thresholdPct;
      // The first second is the baseline reading; outside the counting range nothing adds up.
      const counted = s > fromS && s >= countFromS && s < countToS;
      if (counted) totalJ += r.powerW;
      if (!low) {
        runStart[g] = NaN;
        pendingJ[g] = 0;
        qualified[g] = 0;
        continue;
      }
      if (Number.isNaN(runStart[g]!)) {
        runStart[g] = s;
        continue; // a run's first low reading closes a busy interval
      }
      if (qualified[g]) idleJ += counted ? r.powerW : 0;
      else {
        pendingJ[g]! += counted ? r.powerW : 0;
        if (s - runStart[g]! >= rule.windowS) {
          qualified[g] = 1;
          idleJ += pendingJ[g]!;
          pendingJ[g] = 0;
        }
      }
    }
  }
  return { idleKwh: idleJ / 3.6e6, totalKwh: totalJ / 3.6e6 };
}
