// Learning a carrier from Correct, as an agent does it in Chromium through the browser host: a
// bill's account number is corrected, the carrier's next bill shows the fields read where the
// correction taught ("learned"), and Settings lists what was learned, from which bill, and forgets it.
import fs from 'node:fs';
import { test, expect } from './support/host';
import { createCaseViaUi, expectAccessible, screen } from './support/ui';
import { textByTemplate } from '../integration/learn/fixtures';

const [bills] = [...textByTemplate().values()].filter((bs) => bs.length >= 2);

test('a correction teaches the carrier; Settings lists it and forgets it', async ({ page, host }) => {
  test.setTimeout(180_000);
  const [first, second] = [bills![0]!, bills![1]!];
  await host.open(page);
  await createCaseViaUi(page, first.truth.accountName, first.truth.btn);
  const upload = async (file: string, name: string) => {
    await page.getByTestId('bill-file-input').setInputFiles({
      name,
      mimeType: 'application/pdf',
      buffer: fs.readFileSync(file),
    });
    await expect(page.locator('.found-fields')).toBeVisible({ timeout: 60_000 });
  };
  await upload(first.file, `${first.id}.pdf`);
  const found = page.locator('.found-fields');
  await found.getByRole('button', { name: 'Correct Account number' }).click();
  await found.getByRole('textbox', { name: 'Correct Account number' }).fill(first.truth.accountNumber);
  await found.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/the desk learns where this carrier prints it/)).toBeVisible();

  await upload(second.file, `${second.id}.pdf`);
  const acctRow = found.getByRole('row', { name: /Account number/ });
  await expect(acctRow.getByText('learned', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(acctRow).toContainText(second.truth.accountNumber.replace(/[^A-Z0-9]/gi, '').slice(-4));
  await screen(page, 'bill-learned-badge');

  await page.getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Learned carriers' });
  // the carrier as the desk read it from the bill (the agent corrected the account number only)
  const carrier = section.getByRole('row').nth(1).getByRole('cell').first();
  await expect(carrier).toHaveText(new RegExp(`^${first.truth.carrier.split(' ')[0]}`));
  const name = (await carrier.textContent())!;
  await expect(section).toContainText('carrier, account number');
  await expect(section.getByRole('link', { name: `${first.id}.pdf` })).toBeVisible();
  // the toasts of the bill page would cover the table in the picture
  const dismiss = page.getByRole('button', { name: 'Dismiss message' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
  await section.scrollIntoViewIfNeeded();
  await screen(page, 'settings-learned-carriers');
  await expectAccessible(page, 'settings with learned carriers');

  page.once('dialog', (d) => void d.accept());
  await section.getByRole('button', { name: `Forget ${name}` }).click();
  await expect(section.getByText('Nothing learned yet.')).toBeVisible();
  const list = await host.invoke<unknown[]>('learn:list', {});
  expect(list).toEqual([]);
});
