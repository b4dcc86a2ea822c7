import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/**
 * The fleet overview as a person uses it: the served console on the demo fleet, in Debian's Chromium.
 */
const url = () => {
  const u = process.env.FC_URL;
  if (!u) throw new Error('FC_URL is not set: globalSetup did not start the console');
  return u;
};

/**
 * Sites the map shows: single markers plus the sites inside cluster markers (nearby sites merge
 * where their markers would overlap, issue 4).
 */
const sitesOnMap = (page: Page) =>
  page.evaluate(
    `[...document.querySelectorAll('[data-testid="site-marker"]')].length + [...document.querySelectorAll('[data-testid="site-cluster"]')].reduce((n, c) => n + Number(c.getAttribute('data-count')), 0)`,
  ) as Promise<number>;

/** A site's marker on the map (its accessible name starts with the site's name). */
const marker = (page: Page, site: string) =>
  page.locator(`[data-testid="site-marker"][aria-label^="${site},"]`);

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

test('the map shows 24 site markers, live charts, and a site panel on click — with no console errors', async ({
  page,
}) => {
  const errors = collectErrors(page);
  // CSP violations are not console messages Playwright sees: collect them from the page itself.
  await page.addInitScript({
    content:
      "window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));",
  });
  await page.goto(url());
  // The token leaves the address bar once traded for the session cookie.
  await expect(page).not.toHaveURL(/token=/);

  await expect.poll(() => sitesOnMap(page)).toBe(24);
  await expect(marker(page, 'Frankfurt 1')).toBeVisible();

  // Every site reports, and the status bar says so.
  await expect(page.getByRole('status', { name: 'Fleet status' })).toContainText(/Sites up\s*24\s*\/\s*24/, {
    timeout: 20_000,
  });

  // Live: the utilisation chart's line changes between two looks.
  const line = page.getByTestId('chart-util').locator('path.recharts-curve').first();
  await expect(line).toHaveAttribute('d', /\d/);
  const first = await line.getAttribute('d');
  await expect.poll(async () => line.getAttribute('d'), { timeout: 12_000 }).not.toBe(first);
  const powerLine = page.getByTestId('chart-power').locator('path.recharts-curve').first();
  await expect(powerLine).toHaveAttribute('d', /\d/);

  // Click a marker: its panel opens with its own charts and its nodes.
  await marker(page, 'Tokyo 1').click();
  const panel = page.getByTestId('site-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toHaveAttribute('aria-label', 'Site Tokyo 1');
  await expect(panel.getByTestId('node-row').first()).toBeVisible();
  await expect(panel.locator('path.recharts-curve').first()).toHaveAttribute('d', /\d/);
  await page.getByRole('button', { name: 'Close site panel' }).click();
  await expect(panel).toBeHidden();

  expect(errors).toEqual([]);
  expect(await page.evaluate('window.__csp')).toEqual([]);
});

test('a site opens from the keyboard, and the site list sorts', async ({ page }) => {
  await page.goto(url());
  await marker(page, 'Sydney 1').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('site-panel')).toHaveAttribute('aria-label', 'Site Sydney 1');
  await page.keyboard.press('Escape');

  const rows = page.getByTestId('site-row');
  await expect(rows).toHaveCount(24);
  const table = page.getByTestId('site-table');
  const names = () => rows.locator('th').allTextContents();
  const byName = [...(await names())].sort((a, b) => a.localeCompare(b));
  await table.getByRole('button', { name: /^Site/ }).click();
  await expect.poll(names).toEqual([...byName].reverse());
  // GPUs is the second data cell of a row (after Country).
  await table.getByRole('button', { name: /^GPUs/ }).click();
  const gpus = (await rows.locator('td:nth-of-type(2)').allTextContents()).map((t) =>
    Number(t.replace(/\D/g, '')),
  );
  const asc = [...gpus].sort((a, b) => a - b);
  expect([asc.join(), [...asc].reverse().join()]).toContain(gpus.join());
});

test('axe-core finds no serious or critical accessibility violation; the screenshot for the README', async ({
  page,
}) => {
  await page.goto(url());
  await expect.poll(() => sitesOnMap(page)).toBe(24);
  await expect(page.getByRole('status', { name: 'Fleet status' })).toContainText(/Sites up\s*24\s*\/\s*24/, {
    timeout: 20_000,
  });
  await page.waitForTimeout(3000); // a few ticks of history in the charts
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0]?.target})`)).toEqual([]);
  await page.screenshot({ path: 'docs/screenshot.png' });
});

test('the URL without the token answers 401', async ({ browser }) => {
  const context = await browser.newContext(); // no cookie from earlier tests
  const bare = new URL(url());
  bare.search = '';
  const res = await context.request.get(bare.toString());
  expect(res.status()).toBe(401);
  expect(await res.text()).toContain('access token');
  await context.close();
});

test('a page from another origin cannot open the console’s WebSocket', async ({ page }) => {
  // A real foreign page, served from another loopback port, tries to connect.
  const foreign: Server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<title>x</title>'),
  );
  await new Promise<void>((r) => foreign.listen(0, '127.0.0.1', r));
  try {
    await page.goto(url()); // holds the session cookie, as a logged-in operator's browser would
    await page.goto(`http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`);
    const target = new URL(url());
    const outcome = await page.evaluate(
      (wsUrl) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(wsUrl);
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('refused');
          setTimeout(() => resolve('timeout'), 5000);
        }),
      `ws://${target.host}/ws`,
    );
    expect(outcome).toBe('refused');
  } finally {
    foreign.close();
  }
});
