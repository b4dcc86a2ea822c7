import { expandHostlist } from '../adapters/slurm/hostlist';
import type { ResolvedSite } from '../config/resolveSites';
import type { ReadingSink } from '../sites/siteConnection';
import type { EnergyLedger } from './energyLedger';

/** Books each reading in the ledger with its node's tenant (from the profile's reservations). */
export function ledgerSink(ledger: EnergyLedger, s: ResolvedSite): ReadingSink {
  const tenants = new Map<string, string>();
  for (const r of s.reservations ?? []) {
    const hosts = expandHostlist(r.nodes);
    if (hosts.ok) for (const h of hosts.value) if (!tenants.has(h)) tenants.set(h, r.tenant);
  }
  return (slot, node, t, g) =>
    ledger.observe(
      slot,
      { siteId: s.id, hostname: node.hostname, model: g.model, tenant: tenants.get(node.hostname) ?? null },
      t,
      g,
    );
}
