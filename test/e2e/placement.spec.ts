import { expect, test, type Page } from '@playwright/test';
import { becomeAdmin } from './admin';
import { startServe } from './serveProcess';

/**
 * Issue 6 as the NOC does it, on a small demo fleet (6 sites × 8 nodes, its simulated Slurm driven
 * through slurmrestd and scontrol over SSH like a real site): consolidate — the preview shows the kW
 * it frees, the operator approves, every step ends done and the emptied nodes hold no job, drained;
 * then a site failover as admin — typed confirmation, the run, the history.
 */
let serve: Awaited<ReturnType<typeof startServe>>;

test.beforeAll(async () => {
  serve = await startServe({ args: ['--demo-sites', '6', '--demo-nodes', '8'] });
});
test.afterAll(async () => {
  await serve?.stop();
});

async function openPlacement(page: Page) {
  await page.goto(serve.url);
  await page.getByTestId('nav-placement').click();
  await expect(page.getByTestId('placement-page')).toBeVisible();
}

/** "site/host (CC)" → host */
const hostOf = (where: string) => where.split('/')[1]!.split(' ')[0]!;

test('consolidate: the preview shows kW saved; approved, the emptied nodes hold no job and are drained', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openPlacement(page);
  await page.getByTestId('placement-goal').selectOption('consolidate');
  await page.getByTestId('placement-preview').click();
  const kw = page.getByTestId('plan-kw-freed');
  await expect(kw).toHaveText(/^\d+\.\d kW$/);
  expect(Number(await kw.getAttribute('data-value'))).toBeGreaterThan(0);
  const rows = page.getByTestId('plan-move-row');
  const moves = await rows.count();
  expect(moves).toBeGreaterThan(0);
  await expect(page.getByTestId('plan-arc').or(page.getByTestId('plan-ring')).first()).toBeVisible();
  // The nodes the plan empties: sources that are never a target.
  const from = new Set<string>();
  const to = new Set<string>();
  for (let i = 0; i < moves; i++) {
    const cells = rows.nth(i).locator('td');
    from.add(await cells.nth(6).innerText());
    to.add(await cells.nth(7).innerText());
    await expect(rows.nth(i)).toHaveAttribute('data-cross-site', 'false');
  }
  const emptied = [...from].filter((f) => !to.has(f)).map(hostOf);
  expect(emptied.length).toBeGreaterThan(0);

  await page.getByTestId('plan-approve').click();
  const drawer = page.getByTestId('run-drawer');
  await expect(drawer).toBeVisible();
  await expect(page.getByTestId('run-state')).toHaveText(/done|failed/, { timeout: 150_000 });
  // A failed run names its steps' reasons in the failure, not just "failed".
  const failed = await drawer.locator('[data-testid="run-step"][data-state="failed"]').allInnerTexts();
  expect(failed, failed.join('\n')).toEqual([]);
  await expect(page.getByTestId('run-state')).toHaveText(/done/);
  await expect(page.getByTestId('run-progress')).toHaveText(`${moves} / ${moves}`);
  await expect(drawer.locator('[data-testid="run-step"][data-state="failed"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="run-row"]').first()).toHaveAttribute('data-state', 'done');

  // The Nodes table, as the scheduler reports it: each emptied node idle and drained.
  await page.getByTestId('nav-nodes').click();
  for (const host of emptied) {
    await page.getByLabel('Search nodes').fill(host);
    const row = page.locator(`[data-testid="node-row"][data-hostname="${host}"]`);
    await expect(row).toContainText(/IDLE\+DRAIN/i, { timeout: 15_000 });
  }
});

test('failover (admin): the approve button waits for the typed site id; the site empties', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openPlacement(page);
  // An operator may not plan a failover: the option says who may.
  await expect(page.getByTestId('placement-goal').locator('option[value="evacuate-site"]')).toBeDisabled();
  await becomeAdmin(page);
  await page.getByTestId('placement-goal').selectOption('evacuate-site');
  const siteSelect = page.getByTestId('placement-scope-site');
  const site = (await siteSelect.locator('option').nth(1).getAttribute('value'))!;
  await siteSelect.selectOption(site);
  await page.getByTestId('placement-preview').click();
  await expect(page.getByTestId('plan-preview')).toBeVisible();
  const moves = await page.getByTestId('plan-move-row').count();
  expect(moves).toBeGreaterThan(0);
  await expect(page.getByTestId('plan-move-row').first()).toHaveAttribute('data-cross-site', 'true');
  await expect(page.getByTestId('plan-blast-jurisdictions')).not.toBeEmpty();
  const approve = page.getByTestId('plan-approve');
  await expect(approve).toBeDisabled();
  await page.getByTestId('plan-confirm').fill(`${site}x`);
  await expect(approve).toBeDisabled();
  await page.getByTestId('plan-confirm').fill(site);
  await expect(approve).toBeEnabled();
  await approve.click();
  await expect(page.getByTestId('run-state')).toHaveText(/done/, { timeout: 150_000 });
  await expect(page.getByTestId('run-progress')).toHaveText(`${moves} / ${moves}`);
  const row = page.locator('[data-testid="run-row"]').first();
  await expect(row).toHaveAttribute('data-state', 'done');
  await expect(row).toContainText(site);
  // Every node of the site is drained and holds no job (the scheduler's view, in the Nodes table).
  await page.getByTestId('nav-nodes').click();
  await page.getByLabel('Search nodes').fill(site);
  const nodes = page.locator(`[data-testid="node-row"][data-site-id="${site}"]`);
  await expect(nodes.first()).toBeVisible();
  for (const r of await nodes.all()) await expect(r).toContainText(/IDLE\+DRAIN/i, { timeout: 15_000 });
});

test('the map shows which sites are within a round-trip budget of users', async ({ page }) => {
  await openPlacement(page);
  const check = page.getByTestId('latency-check');
  const near = check.getByTestId('latency-near');
  const site = (await near.locator('option').nth(1).getAttribute('value'))!;
  await near.selectOption(site);
  await check.getByTestId('latency-budget').fill('3');
  // Only the users' own site is within 3 ms (its 2 ms overhead); the list starts with it.
  await expect(check.getByTestId('latency-summary')).toContainText(/^1 site of \d+ within 3 ms/);
  await expect(check.getByTestId('latency-site').first()).toHaveAttribute('data-site', site);
  await expect(check.getByTestId('latency-site').first()).toHaveAttribute('data-within', 'true');
  await check.getByTestId('latency-budget').fill('100000');
  await expect(check.getByTestId('latency-budget')).toHaveAttribute('aria-invalid', 'true');
  await check.getByTestId('latency-budget').fill('400');
  await expect(check.locator('[data-testid="latency-site"][data-within="false"]')).toHaveCount(0);
});
