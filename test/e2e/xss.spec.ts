import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { utils } from 'ssh2';
import { SimFleet } from '../../main/core/sim/simFleet';
import { startSimServers, type RunningSim } from '../../main/core/sim/simServer';
import { simSlurmOverlay } from '../../main/core/sim/simSlurmOverlay';
import { startSimSsh, type RunningSimSsh } from '../../main/core/sim/ssh/simSshServer';
import { startServe } from './serveProcess';

/**
 * Issue 11: hostile text from the fleet is shown, never run, and never breaks the page. A simulator
 * this test holds feeds markup, `javascript:` targets, bidi overrides, zero-width characters and 100 KB
 * strings through every way text reaches the console — site names (sites.json), node names (the
 * profiles' dcgm endpoints), dcgm labels (a proxy in front of one node's exporter), Slurm job names and
 * accounts (jobs submitted to the simulated Slurm), alert text (an XID on a hostile-named node) and an
 * SSH banner (the simulated node's MOTD, with an OSC 8 link). Each view they reach is visited: nothing
 * runs, the CSP reports nothing, the page does not scroll sideways and still answers a click at once.
 */
const IMG = '<img src=x onerror=window.__xss=1>';
const SCRIPT = '<script>window.__xss=1</script>';
const JS = 'javascript:window.__xss=1';
/** RLO … PDF, and each isolate (LRI, RLI, FSI … PDI). */
const BIDI = '\u202Eevil\u202C\u2066lri\u2069\u2067rli\u2069\u2068fsi\u2069';
const ZW = 'z\u200Bw\u200C\u200D\uFEFFj';
/** 100 KB without a single break opportunity. */
const BIG = `${IMG}${'W'.repeat(100 * 1024)}`;
const BIG_ACCOUNT = `${SCRIPT}${'A'.repeat(100 * 1024)}`;

let sim: SimFleet;
let servers: RunningSim;
let ssh: RunningSimSsh;
let proxy: Server;
let serve: Awaited<ReturnType<typeof startServe>>;
/** Site ids, and the node names the console knows (profiles) vs the simulator's own. */
let hostileSite: string;
let jobSite: string;
let bidiSite: string;
const NODE_IMG = IMG;
const NODE_JS = JS;
const NODE_LONG = `${ZW}${BIDI}${'h'.repeat(253 - ZW.length - BIDI.length)}`;
let shellNode: string;
let imgRealHost: string;

/** Exposition-format label escaping. */
const escLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

test.beforeAll(async () => {
  sim = new SimFleet({ seed: 42, sites: 3, nodesPerSite: 4 });
  servers = await startSimServers(sim);
  const configDir = mkdtempSync(join(tmpdir(), 'fc-e2e-xss-'));

  // The console's key for the simulated nodes; the nodes greet with a hostile banner.
  const pair = utils.generateKeyPairSync('ed25519');
  const keyFile = join(configDir, 'sim_ed25519');
  writeFileSync(keyFile, pair.private, { mode: 0o600 });
  const banner =
    `${'B'.repeat(100 * 1024)}\n` +
    `${IMG}\n${SCRIPT}\n${BIDI} ${ZW}\n` +
    `\x1b]8;;${JS}\x07click-me-js\x1b]8;;\x07\n`;
  const started = await startSimSsh(sim, { authorizedKeys: [pair.public], motd: () => banner });
  if (!started.ok) throw new Error(started.error.message);
  ssh = started.value;

  // One node's exporter behind a proxy that puts hostile text in its dcgm labels.
  const site0 = sim.sites[0]!;
  imgRealHost = site0.nodes[0]!.hostname;
  const realUrl =
    servers.manifest.sites[0]!.telemetry.kind === 'dcgm'
      ? servers.manifest.sites[0]!.telemetry.endpoints[0]!.url
      : '';
  proxy = createServer((_req, res) => {
    void fetch(realUrl)
      .then((r) => r.text())
      .then((text) => {
        const out = text
          // The first sample only: the console reads a GPU's labels from its first sample, and 100 KB
          // on each of the ~100 lines would make a 10 MB scrape.
          .replace(/modelName="[^"]*"/, `modelName="${escLabel(BIG)}"`)
          .replace(/DCGM_FI_DRIVER_VERSION="[^"]*"/g, `DCGM_FI_DRIVER_VERSION="${escLabel(SCRIPT)}"`);
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(out);
      })
      .catch(() => res.writeHead(502).end());
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/metrics`;

  const secrets: Record<string, string> = {};
  const sites = servers.manifest.sites.map((s, i) => {
    if (s.telemetry.kind !== 'dcgm') throw new Error('dcgm expected');
    const b = ssh.sites.find((x) => x.siteId === s.id)!;
    const bastion = {
      host: b.host,
      port: b.port,
      user: 'ops',
      auth: { kind: 'key' as const, keyFile },
      hostKeys: [b.bastionFingerprint, ...Object.values(b.nodeFingerprints)],
    };
    if (i === 0) {
      // Markup and bidi in the name, a script in the city, a javascript: label; hostile node names.
      const renamed = [NODE_IMG, NODE_JS, NODE_LONG];
      return {
        ...s,
        name: `${IMG} ${BIDI}`,
        city: SCRIPT,
        labels: { link: JS, [ZW]: BIDI },
        telemetry: {
          kind: 'dcgm' as const,
          endpoints: s.telemetry.endpoints.map((e, j) => ({
            hostname: renamed[j] ?? e.hostname,
            url: j === 0 ? proxyUrl : e.url,
          })),
        },
        bastion,
      };
    }
    if (i === 1) {
      // The longest name a profile allows, without a break opportunity; Slurm carries the jobs.
      const sched = servers.manifest.schedulers.find((x) => x.siteId === s.id)!;
      secrets[`${s.id}/slurm-token`] = sched.token;
      return {
        ...s,
        name: `${SCRIPT}${ZW}${'S'.repeat(120 - SCRIPT.length - ZW.length)}`,
        scheduler: { kind: 'slurm', url: sched.url, user: sched.user, tokenSecret: `${s.id}/slurm-token` },
        bastion,
      };
    }
    return { ...s, name: `${BIDI}${ZW}${JS}`, bastion };
  });
  hostileSite = sites[0]!.id;
  jobSite = sites[1]!.id;
  bidiSite = sites[2]!.id;
  shellNode = sim.sites[0]!.nodes[3]!.hostname;
  writeFileSync(join(configDir, 'sites.json'), JSON.stringify({ sites }));
  writeFileSync(join(configDir, 'secrets.json'), JSON.stringify(secrets), { mode: 0o600 });

  // Jobs with hostile names and accounts on the Slurm site, as users submit them.
  const overlay = simSlurmOverlay(sim, jobSite)!;
  const tSec = Math.floor(sim.now() / 1000);
  for (const job of [
    { name: BIG, account: `${SCRIPT}${BIDI}`, comment: `data-class=${ZW} workload=${JS}` },
    { name: `${IMG}${BIDI}`, account: BIG_ACCOUNT, comment: `data-class=<svg/onload=window.__xss=1>` },
  ]) {
    const r = overlay.submit(
      {
        ...job,
        script: '#!/bin/sh\nsleep infinity\n',
        user: 'sim',
        gpus: 1,
        gpuType: null,
        timeLimitMin: 600,
      },
      tSec,
    );
    if ('error' in r) throw new Error(r.error);
  }
  overlay.settle(tSec);
  // XIDs on the markup-named and the longest-named node: the alerts name them.
  sim.injectXid(imgRealHost, 2, 79);
  sim.injectXid(sim.sites[0]!.nodes[2]!.hostname, 1, 48);

  serve = await startServe({ configDir });
});
test.afterAll(async () => {
  await serve?.stop();
  await ssh?.stop();
  await servers?.stop();
  await new Promise((r) => (proxy ? proxy.close(r) : r(undefined)));
});

interface Watch {
  dialogs: string[];
  pages: string[];
  errors: string[];
  requests: string[];
}

/** Everything that would show hostile text being run: dialogs, new pages, errors, a fetch of `x`. */
async function watch(page: Page): Promise<Watch> {
  const w: Watch = { dialogs: [], pages: [], errors: [], requests: [] };
  page.on('dialog', (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  page.context().on('page', (p) => w.pages.push(p.url()));
  page.on('pageerror', (e) => w.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') w.errors.push(m.text());
  });
  page.on('request', (r) => {
    if (/\/x(\?|$)/.test(r.url())) w.requests.push(r.url());
  });
  // A string, as the other specs' page scripts: this file is type-checked without the DOM library.
  await page.addInitScript(
    "window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => " +
      "window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sample));",
  );
  return w;
}

/**
 * Where hostile text breaks the layout: the page, or a scrolling area of it, scrolls sideways (tables
 * excepted: they scroll in their own box by design when narrower than their columns); a long string is
 * wider than the box that scrolls it, cut without an ellipsis, or wraps into a block taller than a few
 * lines (a 100 KB name must not push a panel's content thousands of lines down).
 */
const LAYOUT_PROBLEMS = `() => {
  const LONG = /W{40}|A{40}|S{40}|h{40}/;
  const MAX_TEXT_HEIGHT = 120;
  const problems = [];
  const name = (el) =>
    el.tagName.toLowerCase() + [...el.classList].map((c) => '.' + c).join('') +
    (el.getAttribute('data-testid') ? '[' + el.getAttribute('data-testid') + ']' : '');
  const vw = window.innerWidth;
  const doc = document.documentElement;
  const overflowX = (el) => getComputedStyle(el).overflowX;
  const scrolls = (el) => ['auto', 'scroll'].includes(overflowX(el));
  if (doc.scrollWidth > vw + 1) problems.push('the page scrolls sideways: ' + doc.scrollWidth + ' > ' + vw);
  for (const el of document.querySelectorAll('body *'))
    if (scrolls(el) && !el.matches('.table-wrap') && !el.closest('.xterm') && el.scrollWidth > el.clientWidth + 1)
      problems.push(name(el) + ' scrolls sideways: ' + el.scrollWidth + ' > ' + el.clientWidth);

  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || !LONG.test(n.nodeValue || '')) continue;
    if (el.closest('.visually-hidden, option, .xterm, script, style, template')) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const r = range.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const what = name(el) + ' "' + (n.nodeValue || '').slice(0, 24) + '…"';
    if (r.height > MAX_TEXT_HEIGHT)
      problems.push(what + ' wraps ' + Math.round(r.height) + ' px tall');
    let clip = el;
    while (clip !== doc && overflowX(clip) === 'visible') clip = clip.parentElement || doc;
    let scroller = clip;
    while (scroller !== doc && !scrolls(scroller)) scroller = scroller.parentElement || doc;
    const viewWidth = scroller === doc ? vw : scroller.clientWidth;
    if (clip !== scroller) {
      const box = clip.getBoundingClientRect();
      if (r.width <= box.width + 1) continue;
      if (getComputedStyle(clip).textOverflow !== 'ellipsis')
        problems.push(what + ' is cut without an ellipsis by ' + name(clip));
      else if (box.width > viewWidth + 1)
        problems.push(what + ': ' + name(clip) + ' is ' + Math.round(box.width) + ' px wide, its view ' + viewWidth);
    } else if (r.width > viewWidth + 1)
      problems.push(what + ' is ' + Math.round(r.width) + ' px wide in ' + name(scroller) + ' of ' + viewWidth);
  }
  return problems;
}`;

/** What a page script reads of the page: the marker, CSP reports, injected markup. */
const PAGE_STATE = `({
  xss: window.__xss,
  csp: window.__csp,
  // Injected markup would be elements: an <img src=x>, an inline script, an on… attribute.
  injected: [...document.querySelectorAll('body *')].flatMap((el) =>
    (el.tagName === 'IMG' && el.getAttribute('src') === 'x') ||
    (el.tagName === 'SCRIPT' && !el.hasAttribute('src')) ||
    [...el.attributes].some((a) => /^on/i.test(a.name))
      ? [el.outerHTML.slice(0, 80)]
      : [],
  ),
})`;

/** Milliseconds until the page paints a frame and runs a task after it. */
const FRAME_MS = `new Promise((resolve) => {
  const t0 = performance.now();
  requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
})`;

/** Nothing ran, the CSP saw nothing, the layout holds, and the page answers at once. */
async function holds(page: Page, w: Watch, where: string) {
  const state = (await page.evaluate(PAGE_STATE)) as { xss: unknown; csp: string[]; injected: string[] };
  expect(state.xss, `${where}: window.__xss`).toBeUndefined();
  expect(state.injected, `${where}: injected elements`).toEqual([]);
  expect(state.csp, `${where}: CSP violations`).toEqual([]);
  expect.soft(await page.evaluate(`(${LAYOUT_PROBLEMS})()`), `${where}: layout`).toEqual([]);
  expect(w.dialogs, `${where}: dialogs`).toEqual([]);
  expect(w.pages, `${where}: new pages`).toEqual([]);
  expect(w.requests, `${where}: requests for the injected <img>`).toEqual([]);
  expect(w.errors, `${where}: console errors`).toEqual([]);
  // Responsive: a frame comes within a second.
  const ms = (await page.evaluate(FRAME_MS)) as number;
  expect(ms, `${where}: frame time`).toBeLessThan(1000);
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name, exact: true });

/** Clicks a nav button and times until its area shows (the page is not frozen by 100 KB strings). */
async function go(page: Page, name: string) {
  const t0 = Date.now();
  await nav(page, name).click();
  await expect(nav(page, name)).toHaveAttribute('aria-current', 'page', { timeout: 1000 });
  expect(Date.now() - t0, `opening ${name}`).toBeLessThan(1000);
}

test('hostile text from sites, nodes, jobs, alerts and SSH is shown inert and the layout holds', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const w = await watch(page);
  await page.goto(serve.url);

  // Overview: map + site list.
  const siteRows = page.getByTestId('site-row');
  await expect(siteRows).toHaveCount(3);
  await expect(page.locator(`[data-testid="site-row"][data-site-id="${hostileSite}"]`)).toContainText(IMG);
  await expect(page.locator(`[data-testid="site-row"][data-site-id="${jobSite}"]`)).toContainText(SCRIPT);
  await expect(page.locator(`[data-testid="site-row"][data-site-id="${bidiSite}"]`)).toContainText(JS);
  await holds(page, w, 'overview');
  // The map: the three sites are one cluster at this zoom; its card lists their names.
  const cluster = page.getByTestId('site-cluster').first();
  if (await cluster.isVisible()) {
    await cluster.hover();
    await expect(page.getByRole('tooltip')).toContainText(SCRIPT);
    await holds(page, w, 'map cluster card');
    await cluster.focus();
    await page.keyboard.press('Enter');
  }
  const marker = page.locator(`[data-testid="site-marker"][aria-label^="${SCRIPT}"]`);
  await marker.hover();
  await expect(page.getByRole('tooltip')).toContainText(SCRIPT);
  await holds(page, w, 'map site card');

  // Site panel of the markup-named site, then of the Slurm site (hostile job names).
  await page.locator(`[data-testid="site-row"][data-site-id="${hostileSite}"]`).click();
  const panel = page.getByTestId('site-panel');
  await expect(panel).toBeVisible();
  await expect(panel.locator('[data-testid="node-row"]').first()).toBeVisible();
  await holds(page, w, 'site panel (hostile site)');
  await page.locator(`[data-testid="site-row"][data-site-id="${jobSite}"]`).click();
  await expect(panel.getByTestId('job-row').filter({ hasText: IMG })).toHaveCount(2, { timeout: 10_000 });
  await holds(page, w, 'site panel (jobs)');

  // Nodes table, and the pages of the javascript:-named, the longest-named and the markup-named node
  // (whose model name is 100 KB).
  await go(page, 'Nodes');
  await expect(page.locator(`[data-testid="node-row"][data-hostname="${NODE_IMG}"]`)).toBeVisible();
  await holds(page, w, 'nodes table');
  const jsLink = page.locator(`[data-testid="node-row"][data-hostname="${NODE_JS}"]`).getByRole('link');
  await expect(jsLink).toHaveAttribute('href', /^#\/nodes\//);
  await jsLink.click();
  await expect(page.getByTestId('node-page')).toHaveAttribute('data-hostname', NODE_JS);
  await holds(page, w, 'node page (javascript: name)');
  await page.goBack();
  await page.locator(`[data-testid="node-row"][data-hostname="${NODE_LONG}"]`).getByRole('link').click();
  await expect(page.getByTestId('node-page')).toHaveAttribute('data-hostname', NODE_LONG);
  await holds(page, w, 'node page (253-character name)');
  await go(page, 'Nodes');
  await page.locator(`[data-testid="node-row"][data-hostname="${NODE_IMG}"]`).getByRole('link').click();
  await expect(page.getByTestId('node-page')).toHaveAttribute('data-hostname', NODE_IMG);
  await expect(page.getByTestId('node-page')).toContainText(`${IMG}WWWW`);
  await holds(page, w, 'node page (100 KB model)');

  // Alerts: the XIDs on the markup-named and the longest-named node.
  await go(page, 'Alerts');
  const xid = page.locator(`[data-testid="alert-row"][data-kind="xid"]`);
  await expect(xid.and(page.locator(`[data-hostname="${NODE_IMG}"]`))).toBeVisible({ timeout: 5000 });
  await expect(xid.and(page.locator(`[data-hostname="${NODE_LONG}"]`))).toBeVisible();
  await holds(page, w, 'alerts');

  // A shell on the longest-named node: the bastion refuses it, in words that carry the name.
  await page.getByRole('button', { name: `Open shell on ${NODE_LONG}`, exact: true }).click();
  await expect(page.getByTestId('terminal-tab')).toHaveCount(1);
  await expect(page.getByTestId('terminal-status')).toContainText(/failed|closed/i, { timeout: 20_000 });
  await holds(page, w, 'terminal (refused)');

  // The Sites area: the same list, with each site's status reason and Edit / Remove.
  await go(page, 'Sites');
  await expect(page.getByTestId('site-row')).toHaveCount(3);
  await holds(page, w, 'sites area');

  // Sovereignty: tenants are the jobs' accounts (one 100 KB), and their history.
  await go(page, 'Sovereignty');
  await expect(page.getByTestId('tenant-card').filter({ hasText: SCRIPT })).toHaveCount(2, {
    timeout: 10_000,
  });
  await holds(page, w, 'sovereignty now');
  await page.getByRole('tab', { name: 'History' }).click();
  await page.getByRole('button', { name: 'Last hour' }).click();
  await expect(page.getByTestId('residency-row').filter({ hasText: `${SCRIPT}AAAA` })).toBeVisible({
    timeout: 10_000,
  });
  await holds(page, w, 'sovereignty history');

  // Terminal: a shell whose banner is hostile (markup, an OSC 8 javascript: link, 100 KB line).
  await go(page, 'Fleet');
  await page.locator(`[data-testid="site-row"][data-site-id="${hostileSite}"]`).click();
  await panel.getByRole('button', { name: `Open shell on ${shellNode}` }).click();
  const status = page.getByTestId('terminal-status');
  await expect(status).toContainText(/open/i, { timeout: 20_000 });
  const rows = page.getByTestId('terminal-screen').locator('.xterm-rows');
  await expect.poll(() => rows.innerText(), { timeout: 10_000 }).toContain(`${shellNode}:~$`);
  expect(await rows.innerText()).toContain(IMG);
  await holds(page, w, 'terminal');
  // The banner's OSC 8 link to javascript: is not a link (xterm opens http(s) only); clicking it does nothing.
  const link = page.getByTestId('terminal-screen').locator('.xterm-rows span', { hasText: 'click-me-js' });
  await link.last().hover();
  await link.last().click();
  await page.waitForTimeout(300);
  await holds(page, w, 'terminal (link clicked)');
});
