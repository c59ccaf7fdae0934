// The watched folder in Chromium: set in Settings, a customer's email saved into it appears in the
// Inbox on the desk home once read, and "New case" opens the case prefilled from it.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './support/host';
import { expectAccessible, screen } from './support/ui';
import { makeEml } from '../support/mail-fixtures';
import { fixtureBill, fixtureRequest, requestBody } from '../support/request-bodies';

test.describe.configure({ timeout: 180_000 });

test('an email saved into the watched folder waits in the Inbox and becomes a case', async ({
  page,
  host,
}) => {
  const folder = path.join(host.dataDir, 'scans');
  fs.mkdirSync(folder);
  await host.open(page);
  await page.goto(`${host.origin}/#/settings`);
  await page.getByLabel('Folder to watch').fill(folder);
  await page.getByRole('button', { name: 'Watch' }).click();
  await expect(page.getByText(`Watching ${folder}.`)).toBeVisible();
  await screen(page, 'settings-watched-folder');

  const r = fixtureRequest('fx-001');
  const bill = fixtureBill('fx-001');
  const eml = await makeEml({
    fromName: 'Dana Whitfield',
    from: 'dana@customer.example',
    subject: 'Port our shop lines',
    ...requestBody(r, 'short-forms'),
    attachments: [{ filename: 'bill.pdf', content: bill.bytes }],
  });
  fs.writeFileSync(path.join(folder, 'Port our shop lines.eml'), eml);
  await page.goto(`${host.origin}/#/`);
  const inbox = page.getByTestId('inbox');
  await expect(inbox.locator('li[data-status="ready"]')).toContainText('From Dana Whitfield', {
    timeout: 60_000,
  });
  await screen(page, 'desk-home-inbox');
  await expectAccessible(page, 'desk home with the inbox');
  await inbox.getByRole('button', { name: 'New case' }).click();
  await expect(page.getByRole('heading', { name: 'New case from an email' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByLabel('Account number')).toHaveValue(r.accountNumber);
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/#\/cases\/\d+$/, { timeout: 60_000 });
  await expect
    .poll(async () => (await host.invoke<{ items: unknown[] }>('inbox:list', {})).items.length)
    .toBe(0);
  expect(fs.readdirSync(folder)).toEqual(['Port our shop lines.eml']);
});
