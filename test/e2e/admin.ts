import { expect, type Page } from '@playwright/test';

/** Becomes admin through the header's role control; sets the passphrase when none is set yet. */
export async function becomeAdmin(page: Page, passphrase = 'correct horse battery'): Promise<void> {
  await page.getByTestId('role-select').selectOption('admin');
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  const first = page.getByLabel('New passphrase');
  if (await first.isVisible({ timeout: 3000 }).catch(() => false)) {
    await first.fill(passphrase);
    await page.getByLabel('Confirm passphrase').fill(passphrase);
    await page.getByRole('button', { name: 'Set passphrase and become admin' }).click();
  } else {
    await page.getByLabel('Admin passphrase').fill(passphrase);
    await page.getByRole('button', { name: 'Become admin' }).click();
  }
  await expect(page.getByTestId('role-select')).toHaveValue('admin');
}
