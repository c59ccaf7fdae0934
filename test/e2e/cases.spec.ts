// Issue 2's path through the real UI in Chromium: create a case, edit it, change its status,
// search for it, restart the host and find it unchanged. Every screen passes axe.
import { test, expect } from './support/host';
import { createCaseViaUi, expectAccessible, screen } from './support/ui';

test('create, edit, change status, search, restart: the case survives unchanged', async ({ page, host }) => {
  test.setTimeout(180_000);
  await host.open(page);
  await expect(page.getByRole('heading', { name: 'Desk' })).toBeVisible();
  await expectAccessible(page, 'desk home (empty)');

  // Create: a validation message first, then a real case.
  await page.getByRole('link', { name: 'New case' }).first().click();
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByText('Enter the account name as it appears on the bill')).toBeVisible();
  await page.getByLabel('BTN (billing telephone number)').fill('123');
  await page.getByLabel('Account name').focus();
  await expect(page.getByText(/BTN must be a 10-digit number/)).toBeVisible();
  await screen(page, 'new-case-validation');
  await expectAccessible(page, 'new case form');
  await page.getByLabel('BTN (billing telephone number)').fill('');

  const id = await createCaseViaUi(page, 'Fort Collins Dental LLC', '(303) 555-0142\n303.555.0143');
  await expect(page.getByRole('heading', { name: /Fort Collins Dental LLC/ })).toBeVisible();
  await expect(page.getByTestId('number-row')).toHaveCount(2);

  // Edit and save.
  await page.getByLabel('Account number').fill('ACC-2002');
  await page.getByRole('button', { name: 'Save case' }).click();
  await expect(page.getByText('Case saved.')).toBeVisible();
  await screen(page, 'case-details');
  await expectAccessible(page, 'case page');

  // Status: Draft -> Waiting for Signature.
  await page.getByTestId('status-select').selectOption('waiting_signature');
  await page.getByRole('button', { name: 'Change status' }).click();
  await expect(page.getByText('Status changed to Waiting for Signature.')).toBeVisible();
  await expect(page.locator('h1 .badge')).toHaveText('Waiting for Signature');

  // Timeline shows the edit and the status change.
  await page.getByRole('link', { name: 'Timeline' }).click();
  await expect(page.getByTestId('timeline')).toContainText('Draft → Waiting for Signature');
  await screen(page, 'case-timeline');
  await expectAccessible(page, 'case timeline');

  // Search from the list.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search')).toBeFocused();
  await page.keyboard.type('Collins');
  await expect(page.getByTestId('case-total')).toContainText('1 case matching');
  await expect(page.getByRole('row', { name: /Fort Collins Dental/ })).toBeVisible();
  await screen(page, 'case-list-search');
  await expectAccessible(page, 'case list');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/cases/${id}$`));

  // Restart the host on the same data: everything is still there.
  await host.restart();
  await host.open(page);
  await page.goto(`${host.origin}/#/cases/${id}`);
  await expect(page.getByRole('heading', { name: /Fort Collins Dental LLC/ })).toBeVisible();
  await expect(page.locator('h1 .badge')).toHaveText('Waiting for Signature');
  await expect(page.getByLabel('Account number')).toHaveValue('ACC-2002');
  await expect(page.getByTestId('number-row')).toHaveCount(2);
});
