import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, prometheusConfig, type ScrapeTarget } from '../integration/prometheusServer';
import type { Metric } from './metric';
import { CONSOLE_NODE_FLAGS } from '../../main/core/nodeFlags';

/**
 * Issue 10's benchmark items 1–3: ingest CPU, memory and event-loop lag of the console's core
 * scraping a simulated fleet, against a real Prometheus 2.42 (/usr/bin/prometheus) scraping the same
 * targets at the same interval.
 *
 * The simulator runs in its own process (out/main/sim.js; `npx electron-vite build` first). Then,
 * alternating so that machine drift cancels, with only one of them running beside the simulator:
 * console window, Prometheus window, console, Prometheus… Each window starts a fresh process, waits
 * until everything has been scraped once, warms up for `warmIntervals`, then measures for `windowMs`:
 *  - CPU: utime+stime from /proc/<pid>/stat, for both sides alike;
 *  - samples: the console's own count of sample lines parsed (dcgmScrapeTotals); Prometheus's
 *    prometheus_tsdb_head_samples_appended_total, less its 5 synthetic series per target (up,
 *    scrape_duration_seconds, …) — so both divide by the same dcgm samples;
 *  - RSS (VmRSS) at the window's end; event-loop delay in the console (monitorEventLoopDelay);
 *  - the reads the UI makes, timed while ingesting (in the console child: ingestChild.ts).
 * Bytes per retained sample: the telemetry store's ring bytes (typed arrays, allocated at full size
 * when a GPU is first seen) over the samples they hold once full (GPUs × capacity × 3 values:
 * utilisation, power, temperature — one sample = one value at one time, as Prometheus counts).
 */

export interface IngestCase {
  /** Names the metrics: "160k", "20k@5s". */
  label: string;
  sites: number;
  nodesPerSite: number;
  intervalMs: number;
}

export interface IngestOptions {
  cases: IngestCase[];
  /** Console+Prometheus window pairs per case. */
  pairs: number;
  /** Both by default; `--ingest-sides console` measures the console alone (while working on it). */
  sides: ('console' | 'prometheus')[];
  warmIntervals: number;
  /** Window length: this many intervals, and at least minWindowMs. */
  windowIntervals: number;
  minWindowMs: number;
}

const GPUS_PER_NODE = 8;
/** Prometheus's own series per target beside the scraped ones (up, scrape_duration_seconds, scrape_samples_scraped, scrape_samples_post_metric_relabeling, scrape_series_added). */
const SYNTHETIC_PER_TARGET = 5;
const CLK_TCK = 100; // getconf CLK_TCK on Linux x86-64
const PROMETHEUS_BYTES_PER_SAMPLE = 2.5; // issue 10: measured on this machine kind

const gpuLabel = (gpus: number) => (gpus >= 1000 ? `${Math.round(gpus / 1000)}k` : String(gpus));

/** Default: what the issue asks (160,000 GPUs at 15 s; 20,000 GPUs at 5 s). `scale` shrinks site counts for a quick run. */
export function ingestOptions(argv: readonly string[]): IngestOptions {
  const num = (flag: string, def: number) => {
    const i = argv.indexOf(flag);
    const v = i >= 0 ? Number(argv[i + 1]) : def;
    if (!Number.isFinite(v) || v <= 0) throw new Error(`${flag} wants a positive number`);
    return v;
  };
  const quick = argv.includes('--quick');
  const scale = num('--ingest-scale', quick ? 0.1 : 1);
  const mk = (sites: number, nodesPerSite: number, intervalMs: number, suffix: string): IngestCase => {
    const s = Math.max(1, Math.round(sites * scale));
    return { label: gpuLabel(s * nodesPerSite * GPUS_PER_NODE) + suffix, sites: s, nodesPerSite, intervalMs };
  };
  const all = [mk(500, 40, 15_000, ''), mk(50, 50, 5_000, '@5s')];
  const pick = argv.indexOf('--ingest-cases');
  return {
    // `--ingest-cases 2`: only the second (1-based, comma-separated).
    cases: pick >= 0 ? argv[pick + 1]!.split(',').map((i) => all[Number(i) - 1]!) : all,
    pairs: num('--ingest-pairs', quick ? 1 : 2),
    sides: argv.includes('--ingest-sides')
      ? (argv[argv.indexOf('--ingest-sides') + 1]!.split(',') as IngestOptions['sides'])
      : ['console', 'prometheus'],
    warmIntervals: num('--ingest-warm-intervals', 4),
    windowIntervals: num('--ingest-window-intervals', 4),
    minWindowMs: quick ? 30_000 : 60_000,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (m: string) => console.error(`[ingest] ${m}`);

/** utime+stime of a process, in seconds. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / CLK_TCK; // fields 14 and 15 of proc(5)
}

function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

/** Busy CPU seconds of the whole machine (all cores), from /proc/stat. */
function machineBusySeconds(): number {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
  return (total - f[3]! - f[4]!) / CLK_TCK;
}

/** A child's stdout as JSON lines, each handed to the waiters in turn. */
class JsonLines {
  private buf = '';
  private readonly waiters: { pred: (o: Record<string, unknown>) => boolean; res: (o: never) => void }[] = [];
  last: Record<string, unknown> | null = null;
  constructor(child: ChildProcess) {
    child.stdout!.on('data', (c: Buffer) => {
      this.buf += c.toString();
      let nl;
      while ((nl = this.buf.indexOf('\n')) >= 0) {
        const line = this.buf.slice(0, nl);
        this.buf = this.buf.slice(nl + 1);
        let o: Record<string, unknown>;
        try {
          o = JSON.parse(line) as Record<string, unknown>;
        } catch {
          continue;
        }
        this.last = o;
        for (const w of [...this.waiters])
          if (w.pred(o)) {
            this.waiters.splice(this.waiters.indexOf(w), 1);
            w.res(o as never);
          }
      }
    });
  }
  next<T>(pred: (o: Record<string, unknown>) => boolean, timeoutMs: number, what: string): Promise<T> {
    return new Promise<T>((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`${what}: no answer within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        pred,
        res: (o) => {
          clearTimeout(timer);
          res(o as T);
        },
      });
    });
  }
}

interface Manifest {
  sites: (Record<string, unknown> & { telemetry: { endpoints: { hostname: string; url: string }[] } })[];
}

interface Sim {
  pid: number;
  manifest: Manifest;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

function track(c: ChildProcess): ChildProcess {
  children.add(c);
  c.on('exit', () => children.delete(c));
  return c;
}

async function stopChild(c: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (c.exitCode !== null || c.signalCode !== null) return;
  const exited = new Promise((r) => c.once('exit', r));
  c.kill(signal);
  const t = setTimeout(() => c.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(t);
}

async function startSim(k: IngestCase): Promise<Sim> {
  const sim = track(
    spawn(
      process.execPath,
      ['out/main/sim.js', '--sites', String(k.sites), '--nodes-per-site', String(k.nodesPerSite)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    ),
  );
  const manifest = await new Promise<Manifest>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the simulator printed no manifest in 300 s')), 300_000);
    let out = '';
    sim.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (!out.trimEnd().endsWith('}')) return;
      try {
        const m = JSON.parse(out) as Manifest;
        clearTimeout(timer);
        resolve(m);
      } catch {
        // not all of it yet
      }
    });
    sim.on('exit', (code) => reject(new Error(`the simulator exited with ${code}`)));
  });
  return { pid: sim.pid!, manifest, stop: () => stopChild(sim) };
}

interface Window {
  side: 'console' | 'prometheus';
  cpuS: number;
  samples: number;
  wallS: number;
  rss: number;
  simCpuS: number;
  otherCores: number;
  extra: Record<string, unknown>;
}

/** CPU of the machine not spent by `pids`, in cores, over a window (other engineers, the OS). */
function backgroundMeter(pids: number[]) {
  const t0 = Date.now();
  const m0 = machineBusySeconds();
  const p0 = pids.map(cpuSeconds);
  return () => {
    const own = pids.map(cpuSeconds).reduce((a, b, i) => a + b - p0[i]!, 0);
    return Math.max(0, (machineBusySeconds() - m0 - own) / ((Date.now() - t0) / 1000));
  };
}

async function consoleWindow(k: IngestCase, sim: Sim, configDir: string, o: IngestOptions): Promise<Window> {
  const gpus = k.sites * k.nodesPerSite * GPUS_PER_NODE;
  const child = track(
    spawn(
      process.execPath,
      [
        // For profiling and experiments: INGEST_CPU_PROF=DIR, INGEST_NODE_FLAGS="--max-semi-space-size=32".
        ...(process.env.INGEST_CPU_PROF
          ? ['--cpu-prof', `--cpu-prof-dir=${process.env.INGEST_CPU_PROF}`]
          : []),
        // The console as shipped (npm run serve, the Electron shell) runs with a larger young generation.
        ...(process.env.INGEST_NODE_FLAGS ?? CONSOLE_NODE_FLAGS).split(' ').filter(Boolean),
        '--import',
        'tsx',
        'test/bench/ingestChild.ts',
        '--config',
        configDir,
        '--interval-ms',
        String(k.intervalMs),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    ),
  );
  const lines = new JsonLines(child);
  const cmd = (c: string) => child.stdin!.write(c + '\n');
  try {
    // Every GPU seen once (whether the console then keeps up is what the window measures).
    await lines.next(
      (x) => x.kind === 'status' && x.gpus === gpus,
      Math.max(300_000, k.intervalMs * 6),
      `the console never saw all ${gpus} GPUs`,
    );
    log(`console: all ${gpus} GPUs seen; warming up`);
    await sleep(o.warmIntervals * k.intervalMs);
    const windowMs = Math.max(o.windowIntervals * k.intervalMs, o.minWindowMs);
    const bg = backgroundMeter([child.pid!, sim.pid]);
    const sim0 = cpuSeconds(sim.pid);
    const cpu0 = cpuSeconds(child.pid!);
    const t0 = Date.now();
    cmd('mark');
    const mark = await lines.next<{ samples: number }>((x) => x.kind === 'mark', 30_000, 'mark');
    await sleep(windowMs);
    const cpu1 = cpuSeconds(child.pid!);
    const rss = rssBytes(child.pid!);
    const wallS = (Date.now() - t0) / 1000;
    const simCpuS = cpuSeconds(sim.pid) - sim0;
    const otherCores = bg();
    cmd('report');
    const report = await lines.next<{
      samples: number;
      scrapes: number;
      lag: { p50: number; p99: number; max: number };
      queries: Record<string, { n: number; p50: number; max: number }>;
      queryErrors: number;
      tickMs: { n: number; max: number; mean: number };
      gpusReporting: number;
      mem: NodeJS.MemoryUsage;
    }>((x) => x.kind === 'report', 30_000, 'report');
    cmd('inspect');
    const inspect = await lines.next<{
      gpuSlots: number;
      capacity: number;
      ringBytes: number;
      retainedPoints: number;
    }>((x) => x.kind === 'inspect', 120_000, 'inspect');
    return {
      side: 'console',
      cpuS: cpu1 - cpu0,
      samples: report.samples - mark.samples,
      wallS,
      rss,
      simCpuS,
      otherCores,
      extra: {
        lag: report.lag,
        queries: report.queries,
        queryErrors: report.queryErrors,
        tickMs: report.tickMs,
        gpusReporting: report.gpusReporting,
        heapUsed: report.mem.heapUsed,
        arrayBuffers: report.mem.arrayBuffers,
        ...inspect,
      },
    };
  } finally {
    cmd('stop');
    const t = setTimeout(() => child.kill('SIGTERM'), 30_000);
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    clearTimeout(t);
  }
}

async function promQuery(url: string, q: string): Promise<number> {
  const r = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(q)}`);
  const body = (await r.json()) as { data?: { result?: { value: [number, string] }[] } };
  const v = body.data?.result?.[0]?.value[1];
  return v === undefined ? NaN : Number(v);
}

/** Sums a metric (over its label sets) on Prometheus's own /metrics: it does not scrape itself here. */
async function promSelf(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  let sum = 0;
  let found = false;
  for (const line of text.split('\n'))
    if (line.startsWith(name) && (line[name.length] === ' ' || line[name.length] === '{')) {
      sum += Number(line.slice(line.lastIndexOf(' ') + 1));
      found = true;
    }
  return found ? sum : NaN;
}

async function promTimed(url: string, q: string): Promise<number> {
  const t0 = performance.now();
  const r = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(q)}`);
  await r.arrayBuffer();
  return performance.now() - t0;
}

async function prometheusWindow(
  k: IngestCase,
  sim: Sim,
  targets: ScrapeTarget[],
  o: IngestOptions,
): Promise<Window> {
  const dir = mkdtempSync(join(tmpdir(), 'fc-bench-prom-'));
  writeFileSync(join(dir, 'prometheus.yml'), prometheusConfig(targets, k.intervalMs / 1000));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = track(
    spawn(
      'prometheus',
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    ),
  );
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  try {
    const deadline = Date.now() + Math.max(600_000, k.intervalMs * 6);
    for (;;) {
      if (child.exitCode !== null) throw new Error(`prometheus exited (${child.exitCode}): ${stderr}`);
      if (Date.now() > deadline) throw new Error(`prometheus never scraped all ${targets.length} targets`);
      const up = await promQuery(url, 'count(up)').catch(() => NaN);
      // Every target scraped once (its first scrape creates all its series: minutes at 160,000 GPUs).
      if (up === targets.length) break;
      await sleep(1000);
    }
    log(`prometheus: all ${targets.length} targets scraped; warming up`);
    await sleep(o.warmIntervals * k.intervalMs);
    const windowMs = Math.max(o.windowIntervals * k.intervalMs, o.minWindowMs);
    const appended = 'prometheus_tsdb_head_samples_appended_total';
    const bg = backgroundMeter([child.pid!, sim.pid]);
    const sim0 = cpuSeconds(sim.pid);
    const cpu0 = cpuSeconds(child.pid!);
    const t0 = Date.now();
    const a0 = await promSelf(url, appended);
    await sleep(windowMs);
    const cpu1 = cpuSeconds(child.pid!);
    const rss = rssBytes(child.pid!);
    const wallS = (Date.now() - t0) / 1000;
    const simCpuS = cpuSeconds(sim.pid) - sim0;
    const otherCores = bg();
    const a1 = await promSelf(url, appended);
    const scraped = await promQuery(url, 'sum(scrape_samples_scraped)');
    const up = await promQuery(url, 'count(up == 1)');
    const targetsNow = await promQuery(url, 'count(up)'); // down ones append their 5 synthetic samples too
    const series = await promSelf(url, 'prometheus_tsdb_head_series');
    // The reads a dashboard would make, timed like the console's (after the window: not in its CPU).
    const host = targets[0]!.labels.instance!;
    const queries = {
      nodeTemp5m: await promTimed(url, `DCGM_FI_DEV_GPU_TEMP{Hostname="${host}"}[5m]`),
      topk200Temp: await promTimed(url, 'topk(200, max by (Hostname) (DCGM_FI_DEV_GPU_TEMP))'),
    };
    const dcgmShare = scraped / (scraped + SYNTHETIC_PER_TARGET * targetsNow);
    return {
      side: 'prometheus',
      cpuS: cpu1 - cpu0,
      samples: (a1 - a0) * dcgmShare,
      wallS,
      rss,
      simCpuS,
      otherCores,
      extra: { appended: a1 - a0, dcgmShare, series, targetsUp: up, queries },
    };
  } finally {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function metric(
  name: string,
  value: number,
  unit: string,
  target: string,
  met: boolean,
  anchor?: { name: string; value: number },
): Metric {
  return {
    name,
    value: round(value),
    unit,
    anchor: anchor?.name ?? null,
    anchorValue: anchor ? round(anchor.value) : null,
    ratio: anchor ? round(value / anchor.value) : null,
    target,
    met,
  };
}

async function runCase(k: IngestCase, o: IngestOptions): Promise<Metric[]> {
  const gpus = k.sites * k.nodesPerSite * GPUS_PER_NODE;
  log(
    `${k.label}: ${k.sites} sites × ${k.nodesPerSite} nodes × 8 GPUs = ${gpus} GPUs every ${k.intervalMs / 1000} s`,
  );
  const sim = await startSim(k);
  const configDir = mkdtempSync(join(tmpdir(), 'fc-bench-ingest-'));
  const windows: Window[] = [];
  try {
    // Telemetry only, as uiFrames does: the simulated schedulers' tokens live in the simulator.
    const sites = sim.manifest.sites.map(({ scheduler: _s, bastion: _b, ...site }) => site);
    writeFileSync(join(configDir, 'sites.json'), JSON.stringify({ sites }));
    const targets: ScrapeTarget[] = sim.manifest.sites.flatMap((s) =>
      s.telemetry.endpoints.map((e) => {
        const u = new URL(e.url);
        // Each node its own instance, as in a real deployment (the simulated nodes of a site share a listener).
        return { address: u.host, metricsPath: u.pathname, labels: { instance: e.hostname } };
      }),
    );
    for (let p = 0; p < o.pairs; p++) {
      for (const side of o.sides) {
        const w =
          side === 'console'
            ? await consoleWindow(k, sim, configDir, o)
            : await prometheusWindow(k, sim, targets, o);
        windows.push(w);
        log(
          `${k.label} ${side} window ${p + 1}: ${round(w.cpuS)} CPU-s for ${round(w.samples / 1e6, 3)} M samples in ${round(w.wallS, 1)} s` +
            ` = ${round((w.cpuS / w.samples) * 1e6)} CPU-s/M; RSS ${round(w.rss / 2 ** 20, 0)} MB; simulator ${round(w.simCpuS / w.wallS)} cores;` +
            ` other load ${round(w.otherCores)} cores; ${JSON.stringify(w.extra)}`,
        );
      }
    }
  } finally {
    await sim.stop();
    rmSync(configDir, { recursive: true, force: true });
  }
  const side = (s: Window['side']) => windows.filter((w) => w.side === s);
  const cons = side('console');
  const prom = side('prometheus');
  const perM = (ws: Window[]) => mean(ws.map((w) => (w.cpuS / w.samples) * 1e6));
  const rate = (ws: Window[]) => mean(ws.map((w) => w.samples / w.wallS));
  const expectedRate = (gpus * 24) / (k.intervalMs / 1000);
  const lag = (key: 'p50' | 'p99' | 'max') =>
    Math.max(...cons.map((w) => (w.extra.lag as Record<string, number>)[key]!));
  const last = cons.at(-1)!.extra as {
    ringBytes: number;
    gpuSlots: number;
    capacity: number;
    retainedPoints: number;
  };
  const bytesPerSample = last.ringBytes / (last.gpuSlots * last.capacity * 3);
  const queries = cons.map((w) => w.extra.queries as Record<string, { n: number; max: number; p50: number }>);
  const queryMax = (n: string) => Math.max(...queries.map((q) => q[n]?.max ?? NaN));
  const queryErrors = cons.reduce((a, w) => a + (w.extra.queryErrors as number), 0);
  const answered = queries.every((q) =>
    ['fleet.snapshot', 'nodes.list', 'node.detail'].every((n) => (q[n]?.n ?? 0) > 0),
  );
  const cpuRatio = perM(cons) / perM(prom);
  const promAnchor = (value: number) => ({ name: 'Prometheus 2.42 (same run, alternating)', value });
  const L = k.label;
  log(
    `${L}: bytes per retained sample now ${round(last.ringBytes / (last.retainedPoints * 3))} B ` +
      `(${last.retainedPoints} points retained of ${last.gpuSlots * last.capacity}; the rings fill in ${round((last.capacity * k.intervalMs) / 60_000, 1)} min)`,
  );
  return [
    metric(
      `ingest.cpuPerMillion.${L}`,
      perM(cons),
      'CPU-s/M samples',
      '≤ 1.0× Prometheus (goal ≤ 0.5×)',
      cpuRatio <= 1,
      promAnchor(perM(prom)),
    ),
    metric(
      `ingest.samplesPerSecond.${L}`,
      rate(cons),
      'samples/s',
      `keeps up with the fleet (${Math.round(expectedRate)}/s)`,
      rate(cons) >= 0.95 * expectedRate,
      promAnchor(rate(prom)),
    ),
    metric(
      `memory.rss.${L}`,
      mean(cons.map((w) => w.rss)) / 2 ** 20,
      'MB',
      '≤ 0.3× Prometheus',
      mean(cons.map((w) => w.rss)) <= 0.3 * mean(prom.map((w) => w.rss)),
      promAnchor(mean(prom.map((w) => w.rss)) / 2 ** 20),
    ),
    metric(
      `memory.bytesPerSample.${L}`,
      bytesPerSample,
      'B/sample',
      '≤ 2 B (goal ≤ 1.5 B)',
      bytesPerSample <= 2,
      { name: "Prometheus's compressed chunks (issue 10's figure)", value: PROMETHEUS_BYTES_PER_SAMPLE },
    ),
    metric(`eventLoop.lagP50.${L}`, lag('p50'), 'ms', '< 50 ms (p99 is the target)', lag('p50') < 50),
    metric(`eventLoop.lagP99.${L}`, lag('p99'), 'ms', '< 50 ms', lag('p99') < 50),
    metric(`eventLoop.lagMax.${L}`, lag('max'), 'ms', 'informational', true),
    metric(
      `query.nodesList.max.${L}`,
      queryMax('nodes.list'),
      'ms',
      'answers while ingesting (informational: worst of a 200-row page sorted by temperature)',
      answered && queryErrors === 0,
    ),
    metric(
      `query.nodeDetail.max.${L}`,
      queryMax('node.detail'),
      'ms',
      'answers while ingesting (informational)',
      answered && queryErrors === 0,
    ),
    metric(
      `ingest.backgroundLoad.${L}`,
      mean(windows.map((w) => w.otherCores)),
      'cores',
      'informational: CPU used by neither side nor the simulator (other work on the machine)',
      true,
    ),
  ];
}

export async function ingestBench(argv: readonly string[] = process.argv): Promise<Metric[]> {
  const o = ingestOptions(argv);
  const metrics: Metric[] = [];
  for (const k of o.cases) {
    try {
      metrics.push(...(await runCase(k, o)));
    } catch (e) {
      // Reported, not thrown: the other cases still run, and a failure to measure is a result too.
      const message = (e as Error).message.split('\n')[0]!;
      log(`${k.label}: not measured: ${message}`);
      metrics.push(
        metric(`ingest.cpuPerMillion.${k.label}`, -1, `not measured: ${message}`, '≤ 1.0× Prometheus', false),
      );
    }
  }
  return metrics;
}
