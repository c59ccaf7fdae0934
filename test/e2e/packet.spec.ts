// The packet export button through the UI: a case missing what the LOA needs gets every missing
// field at once; once complete, the unsigned packet downloads and the case waits for signature.
import { test, expect } from './support/host';
import { createCaseViaUi, expectAccessible, screen } from './support/ui';

test('export the LOA packet: missing fields listed at once, then an unsigned packet to download', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await host.open(page);
  await createCaseViaUi(page, 'Packet Test LLC', '3035550142\n3035550143');
  await page.getByRole('button', { name: 'Export packet…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the LOA packet' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('Authorized person name is required');
  await screen(page, 'packet-missing-fields');
  await expectAccessible(page, 'packet dialog');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.getByLabel('Name', { exact: true }).fill('Dana Whitfield');
  await page.getByRole('button', { name: 'Save case' }).click();
  await expect(page.getByText('Case saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Export packet…' }).click();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByTestId('packet-result')).toBeVisible({ timeout: 60_000 });
  const zip = dialog.getByRole('link', { name: 'Packet .zip' });
  await expect(zip).toHaveAttribute('href', /\/api\/download\//);
  const [download] = await Promise.all([page.waitForEvent('download'), zip.click()]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  await screen(page, 'packet-exported');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('h1 .badge')).toHaveText('Waiting for Signature');
});
