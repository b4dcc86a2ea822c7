import type { SiteSummary } from '../../../../shared/domain';
import { formatCount, formatKw, formatPct } from '../../lib/format';
import { statusGroup } from './siteStyle';

/** What a cluster marker stands for: its sites by status group, and their summed numbers. */
export interface SitesSummary {
  sites: number;
  ok: number;
  degraded: number;
  down: number;
  gpus: number;
  gpusReporting: number;
  /** GPU-weighted mean over the sites that report it; null when none does (never a 0). */
  utilPct: number | null;
  /** Sum over the sites that report it; null when none does. */
  powerKw: number | null;
  /** How many sites the power sum covers (less than `sites` = a partial sum, said so in words). */
  powerSites: number;
  idleKw: number | null;
  idleSites: number;
  idleGpus: number;
}

/** Totals of a set of sites (a cluster's members). Missing metrics are left out, and counted as missing. */
export function summariseSites(sites: readonly SiteSummary[]): SitesSummary {
  const out: SitesSummary = {
    sites: sites.length,
    ok: 0,
    degraded: 0,
    down: 0,
    gpus: 0,
    gpusReporting: 0,
    utilPct: null,
    powerKw: null,
    powerSites: 0,
    idleKw: null,
    idleSites: 0,
    idleGpus: 0,
  };
  let utilWeighted = 0;
  let utilWeight = 0;
  let utilPlain = 0;
  let utilSites = 0;
  for (const s of sites) {
    out[statusGroup(s.status)]++;
    out.gpus += s.gpus;
    out.gpusReporting += s.gpusReporting;
    out.idleGpus += s.idleGpus;
    if (s.utilPct !== null && Number.isFinite(s.utilPct)) {
      utilWeighted += s.utilPct * s.gpusReporting;
      utilWeight += s.gpusReporting;
      utilPlain += s.utilPct;
      utilSites++;
    }
    if (s.powerKw !== null && Number.isFinite(s.powerKw)) {
      out.powerKw = (out.powerKw ?? 0) + s.powerKw;
      out.powerSites++;
    }
    if (s.idleKw !== null && Number.isFinite(s.idleKw)) {
      out.idleKw = (out.idleKw ?? 0) + s.idleKw;
      out.idleSites++;
    }
  }
  // Weighted by reporting GPUs; a plain mean only if every reporting site claims zero reporting GPUs.
  if (utilWeight > 0) out.utilPct = utilWeighted / utilWeight;
  else if (utilSites > 0) out.utilPct = utilPlain / utilSites;
  return out;
}

const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** A summed kW in words: "12.5 kW", "12.5 kW from 2 of 3 sites", or "no data". */
export function partialKw(value: number | null, reporting: number, total: number): string {
  if (value === null) return 'no data';
  return reporting < total ? `${formatKw(value)} from ${reporting} of ${total} sites` : formatKw(value);
}

/**
 * The accessible name (and tooltip heading) of a cluster marker. It starts with "Cluster of", never
 * with a site name, so a site's own marker is the only thing found by `aria-label^="<site name>,"`.
 */
export function clusterAccessibleName(s: SitesSummary): string {
  const status = `${formatCount(s.ok)} OK, ${formatCount(s.degraded)} degraded, ${formatCount(s.down)} down`;
  const util = s.utilPct === null ? 'utilisation no data' : `${formatPct(s.utilPct)} utilisation`;
  const power = `power ${partialKw(s.powerKw, s.powerSites, s.sites)}`;
  return `Cluster of ${plural(s.sites, 'site')} (${status}): ${plural(s.gpus, 'GPU')}, ${util}, ${power}`;
}
