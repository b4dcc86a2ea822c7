/**
 * The console side of issue 10's ingest benchmark, in its own process (started by ingestBench.ts as
 * `node --import tsx test/bench/ingestChild.ts --config DIR --interval-ms N`, so its PID is the node
 * process itself and /proc/<pid>/stat measures it like Prometheus). It builds the whole core exactly
 * as `npm run serve` does (createCore: the fleet's scrape loops, the tick with alerts, residency,
 * availability and the energy ledger) without the web server, and answers the parent on stdin/stdout
 * in JSON lines:
 *  - every second, unasked: {kind:'status', gpus, gpusReporting, scrapes, samples}
 *  - "mark": restarts the event-loop histogram and the query timings; answers {kind:'mark', ...}
 *  - "report": {kind:'report', lag (ms, resolution subtracted), queries (ms), counters}
 *  - "inspect": the telemetry store's bytes and retained samples (walks every GPU: asked after the
 *    measured window, as it is work the window must not include).
 * While running it makes the reads the UI makes every 10 s (fleet snapshot, a page of the node
 * table sorted by temperature, one node's detail), timing each: "queries still answering".
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../../main/core/createCore';
import { dcgmScrapeTotals } from '../../main/core/adapters/dcgm/dcgmScrapeSource';

const RESOLUTION_MS = 10;
const QUERY_EVERY_MS = 10_000;

const send = (o: object) => process.stdout.write(JSON.stringify(o) + '\n');

function percentile(sorted: number[], p: number): number | null {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : null;
}

async function main() {
  const { values } = parseArgs({
    options: { config: { type: 'string' }, 'interval-ms': { type: 'string' } },
  });
  const intervalMs = Number(values['interval-ms']);
  const core = await createCore({
    shell: 'served',
    version: 'bench',
    configDir: values.config!,
    intervalMs,
    resourcesDir: resolve('resources'),
    // INGEST_SCRAPE_WORKER=0 scrapes on the core's thread, for comparing the two designs.
    ...(process.env.INGEST_SCRAPE_WORKER === '0' ? {} : { scrapeWorker: resolve('main/scrapeWorker.ts') }),
    log: (m) => console.error(`[ingest child] ${m}`),
  });
  if (!core.ok) {
    console.error(`createCore: ${core.error.message}`);
    process.exit(2);
  }
  const { fleet, dispatch } = core.value;
  const ctx = { session: core.value.newSession('bench') };
  const lag = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  lag.enable();
  // The tick (rollups, alerts, residency over every GPU) is synchronous: timed, as a cause of lag.
  let ticks: number[] = [];
  const tick = fleet.tick.bind(fleet);
  fleet.tick = () => {
    const t0 = performance.now();
    try {
      return tick();
    } finally {
      ticks.push(performance.now() - t0);
    }
  };
  let queries: Record<string, number[]> = {};
  let queryErrors = 0;

  const timed = async (name: string, call: string, payload: unknown) => {
    const t0 = performance.now();
    const r = await dispatch(call, payload, ctx);
    (queries[name] ??= []).push(performance.now() - t0);
    if (!r.ok) queryErrors++;
  };
  let q = 0;
  const queryTimer = setInterval(() => {
    const sites = fleet.siteConnections;
    const site = sites[q++ % sites.length];
    const node = site?.nodes[q % Math.max(1, site.nodes.length)];
    void (async () => {
      await timed('fleet.snapshot', 'fleet.snapshot', {});
      await timed('nodes.list', 'nodes.list', { query: { sort: 'maxTempC', desc: true }, limit: 200 });
      if (site && node)
        await timed('node.detail', 'node.detail', { siteId: site.id, hostname: node.hostname });
    })();
  }, QUERY_EVERY_MS);

  const counters = () => {
    const { totals } = fleet.snapshot();
    return {
      gpus: totals.gpus,
      gpusReporting: totals.gpusReporting,
      scrapes: dcgmScrapeTotals.scrapes,
      samples: dcgmScrapeTotals.samples,
      cpu: process.cpuUsage(),
      mem: process.memoryUsage(),
    };
  };
  const statusTimer = setInterval(() => send({ kind: 'status', ...counters() }), 1000);

  const ms = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  createInterface({ input: process.stdin }).on('line', (line) => {
    const cmd = line.trim();
    if (cmd === 'mark') {
      lag.reset();
      queries = {};
      queryErrors = 0;
      ticks = [];
      send({ kind: 'mark', ...counters() });
    } else if (cmd === 'report') {
      const summary: Record<string, { n: number; p50: number | null; max: number | null }> = {};
      for (const [name, xs] of Object.entries(queries)) {
        const s = [...xs].sort((a, b) => a - b);
        summary[name] = { n: s.length, p50: percentile(s, 0.5), max: s.at(-1) ?? null };
      }
      send({
        kind: 'report',
        ...counters(),
        lag: { p50: ms(lag.percentile(50)), p99: ms(lag.percentile(99)), max: ms(lag.max), n: lag.count },
        queries: summary,
        tickMs: {
          n: ticks.length,
          max: Math.max(0, ...ticks),
          mean: ticks.reduce((a, b) => a + b, 0) / (ticks.length || 1),
        },
        queryErrors,
      });
    } else if (cmd === 'inspect') {
      const store = fleet.store;
      let retainedPoints = 0;
      for (let slot = 0; slot < store.gpuCount; slot++) retainedPoints += store.series(slot).t.length;
      send({
        kind: 'inspect',
        gpuSlots: store.gpuCount,
        capacity: store.capacity,
        ringBytes: store.ringBytes,
        retainedPoints,
      });
    } else if (cmd === 'stop') {
      clearInterval(queryTimer);
      clearInterval(statusTimer);
      void core.value.stop().then(() => process.exit(0));
    }
  });
}

void main();
