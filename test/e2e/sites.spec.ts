import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { SimFleet } from '../../main/core/sim/simFleet';
import { startSimServers, type RunningSim } from '../../main/core/sim/simServer';
import { startPrometheus, type RunningPrometheus } from '../integration/prometheusServer';
import { becomeAdmin } from './admin';
import { startServe } from './serveProcess';

/**
 * Issue 3 as a new user does it: a console of its own (fresh config), a real Prometheus scraping a
 * simulated site, the site added through the Sites page — and its GPUs on the map. Then the audit
 * trail of it (issue 9): the entry is there and the log verifies.
 */
let serve: Awaited<ReturnType<typeof startServe>>;
let sim: RunningSim;
let prom: RunningPrometheus;
const fleet = new SimFleet({ seed: 77, sites: 1, nodesPerSite: 3 });

test.beforeAll(async () => {
  sim = await startSimServers(fleet);
  const site = sim.manifest.sites[0]!;
  if (site.telemetry.kind !== 'dcgm') throw new Error('the simulator serves dcgm endpoints');
  prom = await startPrometheus(
    site.telemetry.endpoints.map((e) => {
      const u = new URL(e.url);
      return { address: u.host, metricsPath: u.pathname, labels: { site: 'lis-prom', instance: e.hostname } };
    }),
  );
  serve = await startServe();
});
test.afterAll(async () => {
  await serve?.stop();
  await prom?.stop();
  await sim?.stop();
});

test('an admin adds a Prometheus site in the UI; its GPUs appear on the map; the audit log records it', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(serve.url);
  await becomeAdmin(page);
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Sites' }).click();
  await expect(page.getByText('simulated demo fleet')).toBeVisible();
  await page.getByTestId('site-add').click();
  const form = page.getByTestId('site-form');
  await form.getByLabel('Site id').fill('eu-lis-prom-1');
  await form.getByLabel('Name', { exact: true }).fill('Lisbon Prometheus');
  await form.getByLabel('City').fill('Lisbon');
  await form.getByLabel('Country').fill('PT');
  await form.getByLabel('Latitude').fill('38.72');
  await form.getByLabel('Longitude').fill('-9.14');
  await form.getByRole('radio', { name: 'Prometheus' }).check();
  await form.getByLabel('Prometheus URL').fill(prom.url);
  await form.getByLabel('Selector').fill('site="lis-prom"');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByTestId('site-test-results')).toContainText('3 node(s), 24 GPU(s) answered');
  expect(
    (await new AxeBuilder({ page }).include('[data-testid="site-form"]').analyze()).violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    ),
  ).toEqual([]);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();

  await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Fleet' }).click();
  const marker = page.locator('[data-testid="site-marker"][aria-label^="Lisbon Prometheus,"]');
  await expect(marker).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('site-marker')).toHaveCount(1); // the demo fleet is gone
  await expect(page.getByRole('status', { name: 'Fleet status' })).toContainText(
    /GPUs reporting\s*24\s*\/\s*24/,
    { timeout: 20_000 },
  );

  await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Audit' }).click();
  await expect(page.getByTestId('audit-row').filter({ hasText: 'site.add' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Verify log' }).click();
  await expect(page.getByTestId('audit-verdict')).toContainText('Intact');
});
