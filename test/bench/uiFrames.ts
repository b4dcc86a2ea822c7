import { chromium, type Page } from '@playwright/test';
import { startFleetProcesses } from '../fleetProcesses';
import type { Metric } from './metric';

/**
 * Issue 4's benchmark: the served console on a 500-site, 20,000-node, 160,000-GPU simulated fleet in
 * Debian's Chromium. For each view, 30 s of live updates: frame-time p95, the worst frame, frames
 * over 25 ms and the longest task (PerformanceObserver "longtask"). The simulator runs in its own
 * process; it shares the machine's two cores with the console and the browser.
 */
const SITES = 500;
const NODES = 40;
const WINDOW_MS = 30_000;
/** Issue 10's interval for 160,000 GPUs (Prometheus would need 1.4 of this machine's 2 cores for it). */
const INTERVAL_MS = 15_000;

const metric = (name: string, value: number, unit: string, target: string, met: boolean): Metric => ({
  name,
  value: Math.round(value * 10) / 10,
  unit,
  anchor: null,
  anchorValue: null,
  ratio: null,
  target,
  met,
});

const PROBE = `(() => {
  const w = window;
  w.__frames = []; w.__tasks = []; w.__stop = false;
  let last = performance.now();
  const loop = (t) => { w.__frames.push(t - last); last = t; if (!w.__stop) requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__tasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: false });
})()`;

async function measure(page: Page, name: string): Promise<Metric[]> {
  // Frames first, with nothing attached: a DevTools session watching the network costs the page work.
  await page.evaluate(PROBE);
  await page.waitForTimeout(WINDOW_MS);
  const r = (await page.evaluate(
    '(() => { window.__stop = true; return { frames: window.__frames.slice(1), tasks: window.__tasks }; })()',
  )) as { frames: number[]; tasks: number[] };
  const sorted = [...r.frames].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? NaN;
  const worst = sorted.at(-1) ?? NaN;
  const over25 = r.frames.filter((f) => f > 25).length;
  const longest = Math.max(0, ...r.tasks);
  // Then a second window: main-thread work (Chrome's TaskDuration) and the bytes the WebSocket brings.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Network.enable');
  let wsBytes = 0;
  cdp.on('Network.webSocketFrameReceived', (e: { response: { payloadData: string } }) => {
    wsBytes += Buffer.byteLength(e.response.payloadData);
  });
  const taskS = async () =>
    (
      (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }
    ).metrics.find((x) => x.name === 'TaskDuration')!.value;
  const task0 = await taskS();
  await page.waitForTimeout(WINDOW_MS);
  const workMsPerS = (((await taskS()) - task0) * 1000) / (WINDOW_MS / 1000);
  await cdp.detach();
  const m = (key: string, value: number, unit: string, target: string, met: boolean) =>
    metric(`ui.${name}.${key}`, value, unit, target, met);
  return [
    m('frameP95', p95, 'ms', '≤ 25 ms', p95 <= 25),
    m('worstFrame', worst, 'ms', '≤ 25 ms in steady state', worst <= 25),
    m('framesOver25ms', over25, 'frames', '0', over25 === 0),
    m('longestTask', longest, 'ms', '≤ 50 ms', longest <= 50),
    m('mainThreadWorkPerSecond', workMsPerS, 'ms/s', '≤ 50 ms per 1 s tick', workMsPerS <= 50),
    m('transportBytesPerSecond', wsBytes / (WINDOW_MS / 1000), 'B/s', 'reported', true),
  ];
}

export async function uiFrames(): Promise<Metric[]> {
  const serve = await startFleetProcesses({
    sites: SITES,
    nodesPerSite: NODES,
    intervalMs: INTERVAL_MS,
    fromSource: false,
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const t0 = Date.now();
    await page.goto(serve.url, { timeout: 180_000 });
    // First meaningful paint: the map's markers and the fleet totals of 500 sites.
    await page
      .locator('[data-testid="site-marker"], [data-testid="site-cluster"]')
      .first()
      .waitFor({ timeout: 180_000 });
    const firstPaint = Date.now() - t0;
    // Wait for every site to report once before measuring steady state.
    await page
      .getByRole('status', { name: 'Fleet status' })
      .getByText(new RegExp(`Sites up\\s*${SITES}\\s*/\\s*${SITES}`))
      .waitFor({ timeout: 240_000 })
      .catch(() => undefined);
    const metrics: Metric[] = [
      metric('ui.firstPaint', firstPaint, 'ms', '< 1500 ms', firstPaint < 1500),
      ...(await measure(page, 'map')),
    ];
    console.error(metrics.map((x) => `${x.name} ${x.value} ${x.unit}`).join('\n'));
    try {
      await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Nodes' }).click();
      const t1 = Date.now();
      await page.getByTestId('node-row').first().waitFor({ timeout: 120_000 });
      metrics.push(
        metric('ui.nodesTable.firstRows', Date.now() - t1, 'ms', '< 1500 ms', Date.now() - t1 < 1500),
      );
      await page.getByRole('grid', { name: 'Nodes' }).getByRole('button', { name: 'Max temp' }).click();
      metrics.push(...(await measure(page, 'nodesTable')));
    } catch (e) {
      // Reported, not thrown: the map's figures stand, and the miss is a result too.
      metrics.push(
        metric(
          'ui.nodesTable.firstRows',
          -1,
          `not measured: ${(e as Error).message.split('\n')[0]}`,
          '< 1500 ms',
          false,
        ),
      );
    }
    return metrics;
  } finally {
    await browser.close();
    serve.stop();
  }
}
