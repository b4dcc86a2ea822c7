import type { FleetService } from '../fleet/fleetService';
import { defaultPowerLimitW } from '../telemetry/boardPower';
import { schedulerWord } from '../sites/schedulerState';
import type { AlertFacts, GpuFacts, NodeFacts, SiteFacts } from './alertFacts';

const UNREACHABLE = new Set(['unreachable', 'auth-failed', 'misconfigured']);
const nul = (v: number) => (Number.isNaN(v) ? null : v);

/**
 * A node's GPU facts change only when the node is scraped (its slots and sample time are set then),
 * so they are rebuilt only for nodes scraped since the last tick: at 160,000 GPUs on a 15 s interval
 * that is the nodes of one round instead of every GPU's object every tick (issue 10, tick time).
 */
const gpuFactsCache = new WeakMap<
  object,
  { at: number | null; slots: readonly number[]; gpus: GpuFacts[] }
>();

/** The fleet's state as the alert engine reads it: plain data from the store's latest arrays. */
export function buildAlertFacts(
  fleet: FleetService,
  violations: ReadonlyMap<string, NonNullable<NodeFacts['violations']>> = new Map(),
): AlertFacts {
  const at = fleet.clock();
  const { t, power, temp } = fleet.store.latestArrays;
  const sites: SiteFacts[] = [];
  const nodes: NodeFacts[] = [];
  for (const c of fleet.siteConnections) {
    const st = c.status(at, fleet.staleMs);
    sites.push({ siteId: c.id, reachable: !UNREACHABLE.has(st.status), statusReason: st.reason });
    for (const n of c.nodes) {
      const sn = c.scheduler.nodes.get(n.hostname);
      const cached = gpuFactsCache.get(n);
      const gpus: GpuFacts[] =
        cached && cached.at === n.lastSuccessAt && cached.slots === n.slots
          ? cached.gpus
          : n.slots.map((slot, i) => {
              const store = fleet.store;
              const meta = store.meta(slot);
              return {
                index: meta?.gpuIndex ?? i,
                tempC: nul(temp[slot]!),
                powerW: nul(power[slot]!),
                powerLimitW: store.detailOf(slot, 'powerLimitW') ?? defaultPowerLimitW(meta?.model ?? null),
                xid: store.xidOf(slot),
                rowRemapFailure: store.detailOf(slot, 'rowRemapFailure'),
                sampleAt: nul(t[slot]!),
              };
            });
      gpuFactsCache.set(n, { at: n.lastSuccessAt, slots: n.slots, gpus });
      nodes.push({
        siteId: c.id,
        hostname: n.hostname,
        lastSuccessAt: n.lastSuccessAt,
        schedulerState: schedulerWord(sn),
        schedulerReason: sn?.reason ?? null,
        gpus,
        // Known only where a scheduler answers: elsewhere "no violation" would be a guess.
        ...(c.slurm && c.scheduler.outcome?.kind === 'ok'
          ? { violations: violations.get(`${c.id}/${n.hostname}`) ?? [] }
          : {}),
      });
    }
  }
  return { at, intervalMs: fleet.intervalMs, sites, nodes };
}
