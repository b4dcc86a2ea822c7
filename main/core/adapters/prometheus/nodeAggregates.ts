import type { NodeReport } from '../../sites/telemetrySource';
import type { GpuReading } from '../../telemetry/dcgm';
import { emptyReading, isDcgmBlank } from '../../telemetry/dcgm';
import { promValue, type Vector } from './promClient';

/**
 * Per-node aggregates asked of the site's own Prometheus, for sites too large to pull every GPU's
 * series. Grouping by both host label spellings covers old and new dcgm-exporters.
 */
export function aggregateQueries(sel: string): Record<'count' | 'util' | 'power' | 'temp' | 'xid', string> {
  const by = 'by (Hostname, hostname, modelName)';
  const m = (name: string) => `${name}${sel}`;
  return {
    count: `count ${by} (${m('DCGM_FI_DEV_GPU_UTIL')})`,
    util: `avg ${by} (${m('DCGM_FI_DEV_GPU_UTIL')})`,
    power: `sum ${by} (${m('DCGM_FI_DEV_POWER_USAGE')})`,
    temp: `max ${by} (${m('DCGM_FI_DEV_GPU_TEMP')})`,
    xid: `max ${by} (${m('DCGM_FI_DEV_XID_ERRORS')})`,
  };
}

/** More GPUs than any one node holds: a count above it is a broken answer, not a node. */
export const MAX_GPUS_PER_NODE = 4096;

const key = (metric: Record<string, string>) => metric.Hostname || metric.hostname || 'unknown';

/**
 * Rebuilds node reports from the aggregates: each node gets `count` GPU entries that share the
 * node's mean utilisation, an equal share of its power and its hottest temperature, so site and
 * fleet rollups (mean utilisation, summed power, max temperature, GPU count) come out exact.
 * Per-GPU detail is fetched for the node on screen only.
 */
export function reportsFromAggregates(
  v: Record<'count' | 'util' | 'power' | 'temp' | 'xid', Vector>,
): NodeReport[] {
  const index = (vec: Vector) => new Map(vec.map((s) => [key(s.metric), s]));
  const util = index(v.util);
  const power = index(v.power);
  const temp = index(v.temp);
  const xid = index(v.xid);
  const num = (s: Vector[number] | undefined) => {
    if (!s) return null;
    const x = promValue(s.value[1]);
    return isDcgmBlank(x) ? null : x;
  };
  return v.count.map((c) => {
    const host = key(c.metric);
    const t = Math.round(c.value[0] * 1000);
    const n = promValue(c.value[1]);
    // A count is what `new Array` gets: a fraction, a negative or 1e300 must not reach it.
    if (!Number.isSafeInteger(n) || n < 0 || n > MAX_GPUS_PER_NODE)
      return {
        hostname: host,
        outcome: {
          kind: 'bad-response' as const,
          message: `Prometheus counted "${c.value[1].slice(0, 40)}" GPUs on this node: not a GPU count`,
        },
        readings: [],
        t,
      };
    const p = num(power.get(host));
    const readings: GpuReading[] = Array.from({ length: n }, (_, i) => ({
      ...emptyReading(`${host}#agg${i}`),
      gpuIndex: i,
      hostname: host,
      model: c.metric.modelName ?? null,
      utilPct: num(util.get(host)),
      powerW: p === null ? null : p / n,
      tempC: num(temp.get(host)),
      xid: num(xid.get(host)),
    }));
    return { hostname: host, outcome: { kind: 'ok' as const }, readings, t };
  });
}
