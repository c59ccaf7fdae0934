// What the workspace asks an agent to check on a bill, in Chromium through the browser host: a
// text PDF read beside its (sidebar) labels asks nothing; an account number picked over a
// Customer ID says which and why; a scan's and a photo's unsure words say they may be misread.
// One quiet mark and the reason, on the fields concerned only.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/host';
import { dropFile, expectAccessible, screen } from './support/ui';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');

test.describe.configure({ timeout: 180_000 });

/** Drops the bill on the desk, creates its case, and waits for the workspace's checks. */
async function openCase(page: Page, file: string, type: string, prefilled?: string): Promise<void> {
  await dropFile(page, '.dropzone', path.basename(file), fs.readFileSync(file), type);
  await expect(page.getByRole('heading', { name: 'New case from a bill' })).toBeVisible({ timeout: 120_000 });
  if (prefilled) await screen(page, prefilled);
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/#\/cases\/\d+$/, { timeout: 60_000 });
  await expect(page.getByTestId('checks-table')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.found-fields')).toBeVisible({ timeout: 60_000 });
}

const foundRow = (page: Page, label: string) =>
  page.locator('.found-fields').getByRole('row', { name: new RegExp(`^${label}`) });

test('a text PDF with its labels in a sidebar asks nothing to be checked', async ({ page, host }) => {
  await host.open(page);
  await dropFile(
    page,
    '.dropzone',
    'fx-001.pdf',
    fs.readFileSync(path.join(FIXTURES, 'bills', 'fx-001.pdf')),
    'application/pdf',
  );
  await expect(page.getByRole('heading', { name: 'New case from a bill' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('bill-doubt')).toHaveCount(0);
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByTestId('checks-table')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.found-fields')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('tr[data-field="accountNumber"]')).toHaveAttribute('data-verdict', 'match');
  await expect(page.getByTestId('bill-doubt')).toHaveCount(0);
  await expect(page.getByText(/low confidence/i)).toHaveCount(0);
  await screen(page, 'doubts-text-bill');
});

test('an account number picked over a Customer ID says which, in the fields and the checks', async ({
  page,
  host,
}) => {
  await host.open(page);
  await openCase(page, path.join(FIXTURES, 'business', 'bh-001.pdf'), 'application/pdf', 'doubts-new-case');
  const why =
    /Two account numbers on this bill; picked the one labelled “Account Number” over 3834637 \(“Customer ID”\)/;
  await expect(foundRow(page, 'Account number').getByTestId('bill-doubt')).toContainText(why);
  // beside the found fields the checks column only marks it; the reason is its tooltip
  await expect(page.locator('tr[data-field="accountNumber"]').getByTestId('bill-doubt')).toHaveAttribute(
    'title',
    why,
  );
  await expect(page.locator('tr[data-field="btn"]').getByTestId('bill-doubt')).toHaveCount(0);
  // the other fields were read beside their labels
  await expect(foundRow(page, 'BTN').getByTestId('bill-doubt')).toHaveCount(0);
  await expect(foundRow(page, 'Service address').getByTestId('bill-doubt')).toHaveCount(0);
  await screen(page, 'doubts-two-account-numbers');
  await expectAccessible(page, 'workspace with a doubted account number');
});

test('a scanned bill: the account number OCR read unsurely may be misread', async ({ page, host }) => {
  await host.open(page);
  await openCase(page, path.join(FIXTURES, 'bills', 'fx-036.pdf'), 'application/pdf');
  await expect(foundRow(page, 'Account number').getByTestId('bill-doubt')).toContainText(
    /Read from a scan or photo, and “.+” was hard to make out \(\d+% sure\): it may be misread/,
  );
  await expect(foundRow(page, 'Bill date').getByTestId('bill-doubt')).toHaveCount(0);
  await screen(page, 'doubts-scan-bill');
});

test('a phone photo: the misread name is marked, the clean fields are not', async ({ page, host }) => {
  await host.open(page);
  await openCase(page, path.join(FIXTURES, 'bills', 'fx-049.jpg'), 'image/jpeg');
  await expect(foundRow(page, 'Account name').getByTestId('bill-doubt')).toContainText(/may be misread/);
  await expect(foundRow(page, 'Bill date').getByTestId('bill-doubt')).toHaveCount(0);
  await expect(foundRow(page, 'BTN').getByTestId('bill-doubt')).toHaveCount(0);
  await screen(page, 'doubts-photo-bill');
  await expectAccessible(page, 'workspace with a photographed bill');
});
