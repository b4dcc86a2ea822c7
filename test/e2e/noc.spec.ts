import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_FLEET } from '../../main/core/createCore';
import { SimFleet } from '../../main/core/sim/simFleet';
import { startSimServers, type RunningSim } from '../../main/core/sim/simServer';
import { startServe } from './serveProcess';

/**
 * Issue 4 as a NOC operator uses it, on the demo fleet's layout (seed 42, 24 sites) served by a
 * simulator this test holds, so it can inject a fault: the hottest nodes, a node page with charts,
 * an XID 79 turning into an alert that leads to the node, and the command palette.
 */
let sim: SimFleet;
let servers: RunningSim;
let serve: Awaited<ReturnType<typeof startServe>>;

test.beforeAll(async () => {
  sim = new SimFleet(DEMO_FLEET);
  servers = await startSimServers(sim);
  const configDir = mkdtempSync(join(tmpdir(), 'fc-e2e-noc-'));
  writeFileSync(join(configDir, 'sites.json'), JSON.stringify({ sites: servers.manifest.sites }));
  serve = await startServe({ configDir });
});
test.afterAll(async () => {
  await serve?.stop();
  await servers?.stop();
});

test('the hottest nodes first; one opens with its GPUs and live charts', async ({ page }) => {
  await page.goto(serve.url);
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Nodes' }).click();
  const grid = page.getByRole('grid', { name: 'Nodes' });
  const total = sim.sites.reduce((n, s) => n + s.nodes.length, 0);
  await expect(page.getByTestId('node-count')).toContainText(`${total} of ${total} nodes`);
  await grid.getByRole('button', { name: 'Max temp' }).click();
  await expect(grid.getByRole('columnheader', { name: /Max temp/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await page.getByLabel('Hot only').check();
  const rows = page.getByTestId('node-row');
  await expect(rows.first()).toBeVisible();
  // The hottest node in the table is the simulator's hottest (the hot nodes run 15 °C above their peers).
  const hottest = await rows.first().getAttribute('data-hostname');
  const hot = sim.sites.flatMap((s) => s.nodes.filter((n) => n.hot).map((n) => n.hostname));
  expect(hot).toContain(hottest);
  await rows.first().getByRole('link').click();
  const nodePage = page.getByTestId('node-page');
  await expect(nodePage).toHaveAttribute('data-hostname', hottest!);
  await expect(page.getByTestId('gpu-card')).toHaveCount(8);
  await expect(page.getByTestId('node-chart')).toHaveCount(3);
  // Charts show data: each draws one line per GPU.
  await expect(page.getByTestId('node-chart').first().locator('.recharts-line path').first()).toHaveAttribute(
    'd',
    /M.+L/,
  );
  await expect(page.getByTestId('node-timeline')).toBeVisible();
});

test('an injected XID 79 becomes a critical alert within a tick, and the alert leads to the node', async ({
  page,
}) => {
  await page.goto(serve.url);
  await expect(page.getByTestId('alert-badge')).toBeVisible();
  const site = sim.sites[5]!;
  const node = site.nodes[1]!;
  sim.injectXid(node.hostname, 3, 79);
  await page
    .getByRole('navigation', { name: 'Areas' })
    .getByRole('button', { name: 'Alerts', exact: true })
    .click();
  const alert = page.locator(`[data-testid="alert-row"][data-kind="xid"][data-hostname="${node.hostname}"]`);
  // One tick is a second here; the scrape, the tick and the push each take part of it.
  await expect(alert).toBeVisible({ timeout: 3000 });
  await expect(alert).toHaveAttribute('data-severity', 'critical');
  await expect(alert).toContainText('XID 79');
  await alert.getByRole('button', { name: `Open node ${node.hostname}` }).click();
  await expect(page.getByTestId('node-page')).toHaveAttribute('data-hostname', node.hostname);
  // The GPU card says what XID 79 means, from NVIDIA's catalogue.
  await expect(page.locator('[data-testid="gpu-card"][data-gpu="3"]')).toContainText(/fallen off the bus/i);
  await expect(page.getByTestId('node-timeline')).toContainText(/XID 79/);
  sim.injectXid(node.hostname, 3, 0);
});

test('the command palette finds a site and opens it', async ({ page }) => {
  await page.goto(serve.url);
  await expect(page.getByTestId('alert-badge')).toBeVisible();
  await page.keyboard.press('Control+k');
  const palette = page.getByTestId('command-palette');
  await expect(palette).toBeVisible();
  await page.getByLabel('Command palette').fill('tokyo');
  const option = palette.getByRole('option', { name: /Go to site Tokyo 1/ });
  await expect(option).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByTestId('site-panel')).toHaveAttribute('aria-label', 'Site Tokyo 1');
});
