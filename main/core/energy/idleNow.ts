import type { SiteConnection } from '../sites/siteConnection';
import type { TelemetryStore } from '../telemetry/telemetryStore';
import { UNKNOWN_MODEL, UNRESERVED, type EnergyLedger } from './energyLedger';
import type { SiteIdleNow } from './sustainabilitySummary';

/**
 * Idle draw now per site (and, with `detail`, per node, tenant and model): the GPUs the ledger holds
 * idle, with a fresh reading, at their latest measured power. `reporting` counts fresh GPUs, so a
 * site with none says "unknown", not "0 kW idle".
 */
export function idleNowOf(
  connections: readonly SiteConnection[],
  store: TelemetryStore,
  ledger: EnergyLedger,
  now: number,
  staleAfterMs: number,
  detail: boolean,
): Map<string, SiteIdleNow> {
  const { t, power } = store.latestArrays;
  const out = new Map<string, SiteIdleNow>();
  for (const c of connections) {
    const site: SiteIdleNow = {
      kw: 0,
      gpus: 0,
      reporting: 0,
      nodes: new Map(),
      tenants: new Map(),
      models: new Map(),
    };
    for (const n of c.nodes) {
      const node = { kw: 0, gpus: 0, reporting: 0, gpusTotal: n.slots.length };
      for (const slot of n.slots) {
        if (!(now - t[slot]! <= staleAfterMs)) continue;
        node.reporting++;
        if (ledger.isIdle(slot) && !Number.isNaN(power[slot]!)) {
          node.gpus++;
          node.kw += power[slot]! / 1000;
        }
      }
      site.kw += node.kw;
      site.gpus += node.gpus;
      site.reporting += node.reporting;
      if (!detail) continue;
      site.nodes.set(n.hostname, node);
      const ctx = ledger.contextOf(n.slots[0]);
      if (!ctx) continue;
      for (const [m, key] of [
        [site.tenants, ctx.tenant ?? UNRESERVED],
        [site.models, ctx.model ?? UNKNOWN_MODEL],
      ] as const) {
        const a = m.get(key) ?? { kw: 0, gpus: 0, reporting: 0 };
        a.kw += node.kw;
        a.gpus += node.gpus;
        a.reporting += node.reporting;
        m.set(key, a);
      }
    }
    out.set(c.id, site);
  }
  return out;
}
