import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/**
 * Issue 5 as an operator does it on the demo fleet: open a shell on a node from its site panel (through
 * the site's simulated bastion; host keys pinned), run nvidia-smi and see its table, resize the window
 * and watch `stty size` follow; then broadcast a query across a site and read the grouped answer.
 */
const url = () => process.env.FC_URL!;

async function type(page: Page, text: string) {
  await page.getByTestId('terminal-screen').click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}
const screenText = (page: Page) => page.getByTestId('terminal-screen').locator('.xterm-rows').innerText();

test('a shell on a demo node: nvidia-smi, and stty size follows the window', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url());
  await page.locator('[data-testid="site-marker"][aria-label^="Oslo 1,"]').click();
  const panel = page.getByTestId('site-panel');
  const shellButton = panel.getByRole('button', { name: /^Open shell on / }).first();
  const hostname = (await shellButton.getAttribute('aria-label'))!.replace('Open shell on ', '');
  await shellButton.click();

  await expect(page.getByTestId('terminal-tab')).toHaveCount(1);
  const status = page.getByTestId('terminal-status');
  await expect(status).toContainText(/open/i, { timeout: 20_000 });
  await expect(status).toContainText(/pinned/);
  await expect.poll(() => screenText(page), { timeout: 10_000 }).toContain(`${hostname}:~$`);

  await type(page, 'nvidia-smi');
  await expect.poll(() => screenText(page), { timeout: 10_000 }).toMatch(/NVIDIA-SMI \d+\.\d+/);
  expect(await screenText(page)).toMatch(/GPU\s+Name/);

  await type(page, 'clear; stty size');
  await expect.poll(() => screenText(page)).toMatch(/^\s*\d+ \d+\s*$/m);
  const before = /^\s*(\d+) (\d+)\s*$/m
    .exec(await screenText(page))!
    .slice(1)
    .join(' ');
  await page.setViewportSize({ width: 1100, height: 700 });
  await page.waitForTimeout(500);
  await type(page, 'clear; stty size');
  await expect
    .poll(
      async () =>
        /^\s*(\d+) (\d+)\s*$/m
          .exec(await screenText(page))
          ?.slice(1)
          .join(' '),
      { timeout: 10_000 },
    )
    .not.toBe(before);

  const axe = await new AxeBuilder({ page }).exclude('.xterm').analyze();
  expect(
    axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([]);
  expect(errors).toEqual([]);
});

test('broadcast nvidia-smi --query-gpu across a demo site groups identical answers', async ({ page }) => {
  await page.goto(url());
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Broadcast' }).click();
  const site = page.getByLabel(/^Site/).first();
  await site.selectOption({ label: await site.locator('option').nth(1).innerText() });
  await page.getByLabel('Command').fill('nvidia-smi --query-gpu=driver_version --format=csv,noheader');
  const run = page.getByRole('button', { name: /^Run on \d+ node/ });
  await run.click();
  const groups = page.getByTestId('broadcast-group');
  await expect(groups.first()).toBeVisible({ timeout: 30_000 });
  await expect(groups.first()).toContainText(/\d{3}\.\d+(\.\d+)?/);
});
