import { estimateRttMs } from '../../../../shared/latency';

/** A site as the within-budget view needs it. */
export interface BudgetSite {
  id: string;
  name: string;
  lat: number;
  lon: number;
}

export interface BudgetRow extends BudgetSite {
  rttMs: number;
  within: boolean;
}

/**
 * Which sites are within a round-trip budget of users at a place, nearest first — the same estimate
 * the planner holds an inference workload to (shared/latency.ts), so the map shows what the planner
 * would allow.
 */
export function sitesWithinBudget(
  users: { lat: number; lon: number },
  budgetMs: number,
  sites: readonly BudgetSite[],
): BudgetRow[] {
  return sites
    .map((s) => {
      const rttMs = estimateRttMs(users, s);
      return { ...s, rttMs, within: rttMs <= budgetMs };
    })
    .sort((a, b) => a.rttMs - b.rttMs || a.id.localeCompare(b.id));
}

/** "50.11, 8.68" → a place; null when it is not a latitude and longitude on the globe. */
export function parseLatLon(text: string): { lat: number; lon: number } | null {
  const m = /^\s*(-?\d{1,2}(?:\.\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(text);
  if (!m) return null;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null;
}
