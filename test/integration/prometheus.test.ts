import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrometheusSource } from '../../main/core/adapters/prometheus/prometheusSource';
import { PromClient } from '../../main/core/adapters/prometheus/promClient';
import { FleetService } from '../../main/core/fleet/fleetService';
import { SimFleet } from '../../main/core/sim/simFleet';
import { startSimServers, type RunningSim } from '../../main/core/sim/simServer';
import { haveBinary } from './needBinary';
import { startPrometheus, TEST_BASIC_AUTH, type RunningPrometheus } from './prometheusServer';

/**
 * The Prometheus adapter against a real Prometheus 2.42 scraping the simulator's dcgm-exporter
 * endpoints: what the console shows must equal the simulator's ground truth.
 */
/** Polls until `ok` holds (or 15 s pass), returning the last answer for the assertions to read. */
async function pollUntil(
  source: PrometheusSource,
  ok: (r: Awaited<ReturnType<PrometheusSource['poll']>>) => boolean,
) {
  const end = Date.now() + 15_000;
  for (;;) {
    const r = await source.poll(Date.now);
    if (ok(r) || Date.now() > end) return r;
    await new Promise((res) => setTimeout(res, 250));
  }
}

const AUTH = { basic: { username: TEST_BASIC_AUTH.username, password: TEST_BASIC_AUTH.password } };
const enabled = haveBinary('prometheus', 'apt-get install prometheus');

describe.runIf(enabled)('Prometheus adapter against a real Prometheus', () => {
  let sim: SimFleet;
  let servers: RunningSim;
  let prom: RunningPrometheus;

  beforeAll(async () => {
    sim = new SimFleet({ seed: 21, sites: 2, nodesPerSite: 3 });
    servers = await startSimServers(sim);
    const targets = servers.manifest.sites.flatMap((s) =>
      s.telemetry.kind === 'dcgm'
        ? s.telemetry.endpoints.map((e) => {
            const u = new URL(e.url);
            return { address: u.host, metricsPath: u.pathname, labels: { site: s.id, instance: e.hostname } };
          })
        : [],
    );
    prom = await startPrometheus(targets, { basicAuth: true });
  }, 60_000);
  afterAll(async () => {
    await prom?.stop();
    await servers?.stop();
  });

  it('shows the same GPUs and utilisation as the simulator', async () => {
    const site = sim.sites[0]!;
    const source = new PrometheusSource(
      { kind: 'prometheus', url: prom.url, selector: `site="${site.id}"`, resolvedAuth: AUTH },
      { timeoutMs: 5000, maxBytes: 1e8 },
    );
    const { reports, siteOutcome } = await source.poll(Date.now);
    expect(siteOutcome).toBeNull();
    expect(reports.map((r) => r.hostname).sort()).toEqual(site.nodes.map((n) => n.hostname).sort());
    for (const r of reports) {
      const node = site.nodes.find((n) => n.hostname === r.hostname)!;
      expect(r.readings.map((g) => g.uuid).sort()).toEqual(node.gpus.map((g) => g.uuid).sort());
      // Prometheus's sample time is when it scraped; the simulator served that second's values.
      const sec = Math.floor(r.t / 1000);
      const truths = [sec - 1, sec, sec + 1].map((s) => sim.frames(site, node, s));
      for (const g of r.readings) {
        const candidates = truths.map((f) => f[g.gpuIndex!]!);
        expect(candidates.some((c) => c.utilPct === g.utilPct)).toBe(true);
        expect(candidates.some((c) => Math.abs(c.powerW - g.powerW!) < 0.01)).toBe(true);
      }
    }
  });

  it('drives a whole site through FleetService: ok, right GPU count, utilisation from ground truth', async () => {
    const fleet = new FleetService(
      sim.sites.map((s) => ({
        ...servers.manifest.sites.find((m) => m.id === s.id)!,
        telemetry: {
          kind: 'prometheus' as const,
          url: prom.url,
          selector: `site="${s.id}"`,
          resolvedAuth: AUTH,
        },
      })),
      { intervalMs: 1000 },
    );
    await fleet.scrapeAll();
    const { sites } = fleet.summarise();
    for (const s of sites) {
      expect(s.status).toBe('ok');
      expect(s.gpus).toBe(sim.site(s.id)!.nodes.length * 8);
      expect(s.gpusReporting).toBe(s.gpus);
      expect(s.utilPct).not.toBeNull();
    }
  });

  it('per-node aggregates give the same site totals as per-GPU series', async () => {
    const site = sim.sites[0]!;
    const cfg = {
      kind: 'prometheus' as const,
      url: prom.url,
      selector: `site="${site.id}"`,
      resolvedAuth: AUTH,
    };
    // Both modes evaluated at the same Prometheus time, so they read the same samples.
    const at = Date.now() / 1000 - 1;
    const o = { timeoutMs: 5000, maxBytes: 1e8, evalAt: () => at };
    const perGpu = await new PrometheusSource({ ...cfg, mode: 'per-gpu' }, o).poll(Date.now);
    const perNode = await new PrometheusSource({ ...cfg, mode: 'per-node' }, o).poll(Date.now);
    const sum = (r: typeof perGpu, f: (g: (typeof r.reports)[number]['readings'][number]) => number | null) =>
      r.reports.flatMap((x) => x.readings).reduce((n, g) => n + (f(g) ?? 0), 0);
    expect(perNode.reports.map((r) => r.hostname).sort()).toEqual(
      perGpu.reports.map((r) => r.hostname).sort(),
    );
    expect(perNode.reports.flatMap((r) => r.readings)).toHaveLength(site.nodes.length * 8);
    expect(sum(perNode, (g) => g.utilPct)).toBeCloseTo(
      sum(perGpu, (g) => g.utilPct),
      6,
    );
    expect(sum(perNode, (g) => g.powerW)).toBeCloseTo(
      sum(perGpu, (g) => g.powerW),
      3,
    );
  });

  it('maps Prometheus errors to messages a person can act on', async () => {
    const c = new PromClient(prom.url, { timeoutMs: 5000, maxBytes: 1e6, auth: AUTH });
    const bad = await c.query('sum(');
    expect(bad).toMatchObject({
      ok: false,
      outcome: {
        kind: 'bad-response',
        message: expect.stringMatching(/Prometheus 400 bad_data: .*parse error/),
      },
    });
    const wrongPath = new PromClient(`${prom.url}/nope`, { timeoutMs: 5000, maxBytes: 1e6, auth: AUTH });
    expect(await wrongPath.query('up')).toMatchObject({ ok: false, outcome: { kind: 'bad-response' } });
    const range = await c.queryRange(
      'DCGM_FI_DEV_GPU_UTIL',
      Date.now() / 1000 - 30 * 86_400,
      Date.now() / 1000,
      1,
    );
    expect(range.ok).toBe(true); // a step that fits under 11,000 points was chosen
  });

  it('reports a stopped exporter, a wrong password, a hung (SIGSTOP) and a dead Prometheus, and recovers', async () => {
    const site = sim.sites[1]!;
    const source = new PrometheusSource(
      { kind: 'prometheus', url: prom.url, selector: `site="${site.id}"`, resolvedAuth: AUTH },
      { timeoutMs: 3000, maxBytes: 1e8 },
    );
    expect((await source.poll(Date.now)).reports.every((r) => r.outcome.kind === 'ok')).toBe(true);
    sim.setFault(site.id, 'down');
    // Prometheus marks the series stale at its next failed scrape (1 s here); a loaded machine may be slower.
    const after = await pollUntil(
      source,
      (r) => r.reports.length > 0 && r.reports.every((x) => x.outcome.kind === 'unreachable'),
    );
    expect(after.reports.map((r) => r.outcome)).toEqual(
      site.nodes.map(() => ({
        kind: 'unreachable',
        message: "no longer in Prometheus's answer (its exporter is down or gone)",
      })),
    );
    sim.setFault(site.id, 'none');

    // A wrong password: Prometheus answers 401, the console says the site refused its credentials.
    const wrong = new PrometheusSource(
      { kind: 'prometheus', url: prom.url, resolvedAuth: { basic: { username: 'fleet', password: 'nope' } } },
      { timeoutMs: 3000, maxBytes: 1e8 },
    );
    expect((await wrong.poll(Date.now)).siteOutcome).toMatchObject({
      kind: 'auth',
      message: expect.stringContaining('401'),
    });

    // SIGSTOP: a hung Prometheus times out as unreachable, and recovers on SIGCONT.
    process.kill(prom.pid, 'SIGSTOP');
    const hung = await source.poll(Date.now);
    expect(hung.siteOutcome).toMatchObject({ kind: 'unreachable', message: 'no answer within 3000 ms' });
    process.kill(prom.pid, 'SIGCONT');
    const back = await pollUntil(
      source,
      (r) =>
        r.siteOutcome === null && r.reports.length > 0 && r.reports.every((x) => x.outcome.kind === 'ok'),
    );
    expect(back.siteOutcome).toBeNull();
    expect(back.reports.every((r) => r.outcome.kind === 'ok')).toBe(true);

    await prom.stop();
    const dead = await source.poll(Date.now);
    // A pooled keep-alive socket sees the server go as a reset; a fresh one as a refusal: both mean dead.
    expect(dead.siteOutcome).toMatchObject({
      kind: 'unreachable',
      message: expect.stringMatching(/^connection (refused|closed by the site)$/),
    });
  });
});
