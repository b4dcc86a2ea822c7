import type { Move, Plan, PlanSite, PlanWorkload, Unplaced } from './planTypes';

/** What a plan touches and what it saves (pure; the planner's last step). */

export function blastRadius(
  moves: Move[],
  unplaced: Unplaced[],
  workloads: readonly PlanWorkload[],
  sites: Map<string, PlanSite>,
): Plan['blastRadius'] {
  const ids = new Set([...moves.map((m) => m.unit), ...unplaced.map((u) => u.unit)]);
  const touched = workloads.filter((w) => ids.has(w.id));
  const places = new Set([
    ...moves.flatMap((m) => [m.from.country, m.to.country]),
    ...touched.map((w) => sites.get(w.siteId)?.country ?? '??'),
  ]);
  return {
    tenants: [...new Set(touched.map((w) => w.tenant))].sort(),
    dataClasses: [...new Set(touched.map((w) => w.dataClass))].sort(),
    jurisdictions: [...places].sort(),
  };
}

export function effects(
  moves: Move[],
  nodesFreed: number,
  kwFreed: number,
  freedBySite: Map<string, number>,
  sites: Map<string, PlanSite>,
): Plan['effects'] {
  let kwh = 0;
  let kg = 0;
  let kgKnown = false;
  const money = new Map<string, number>();
  for (const [siteId, kw] of freedBySite) {
    const s = sites.get(siteId)!;
    const facility = kw * 24 * s.pue;
    kwh += facility;
    if (s.carbonGPerKwh !== null) {
      kg += (facility * s.carbonGPerKwh) / 1000;
      kgKnown = true;
    }
    if (s.tariff)
      money.set(s.tariff.currency, (money.get(s.tariff.currency) ?? 0) + facility * s.tariff.perKwh);
  }
  return {
    gpusMoved: moves.reduce((k, m) => k + m.gpus, 0),
    nodesFreed,
    kwFreed,
    kwhPerDay: kwh,
    moneyPerDay: [...money]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, amount]) => ({ currency, amount })),
    kgCO2PerDay: kgKnown ? kg : null,
  };
}

export function shortfall(
  unplaced: Unplaced[],
  workloads: readonly PlanWorkload[],
  sites: Map<string, PlanSite>,
): Plan['shortfall'] {
  const m = new Map<string, { model: string; country: string; gpus: number }>();
  const byId = new Map(workloads.map((w) => [w.id, w]));
  for (const u of unplaced) {
    const w = byId.get(u.unit)!;
    const country = sites.get(w.siteId)?.country ?? '??';
    const model = w.model ?? 'any';
    const k = `${model}|${country}`;
    const cur = m.get(k) ?? { model, country, gpus: 0 };
    cur.gpus += u.gpus;
    m.set(k, cur);
  }
  return [...m.values()].sort((a, b) => b.gpus - a.gpus || a.model.localeCompare(b.model));
}
