// A customer's email dropped on the desk, in Chromium through the browser host: the new case is
// prefilled from the email's text and its attached bill, each value says where it came from, the
// bill is shown beside the form with its fields outlined, and the account number the customer
// typed (one digit off the bill's) is flagged. Creating the case keeps the email in its documents.
import { test, expect } from './support/host';
import { dropFile, expectAccessible, screen } from './support/ui';
import { makeEml } from '../support/mail-fixtures';
import { fixtureBill, fixtureRequest, fixtureTruth, requestBody } from '../support/request-bodies';

test.describe.configure({ timeout: 180_000 });

test('an .eml dropped on the desk prefills a case from its text and its bill, with the mismatch flagged', async ({
  page,
  host,
}) => {
  const r = fixtureRequest('fx-050'); // its account number has one digit off the bill's
  const { truth, expected } = fixtureTruth('fx-050');
  expect(expected.discrepancy).toBe('account-number-digit');
  const bill = fixtureBill('fx-050');
  const eml = await makeEml({
    fromName: 'Dana Whitfield',
    from: 'dana@haverford.example',
    subject: 'Porting our lines',
    // Sent on the request's day, so the bill is as fresh as the fixture's verdicts expect.
    date: new Date(`${r.asOf}T15:00:00Z`),
    ...requestBody(r, 'labelled'),
    attachments: [{ filename: 'january-bill.pdf', content: bill.bytes }],
  });
  await host.open(page);
  await dropFile(page, '.drop-root', 'Porting our lines.eml', eml, 'message/rfc822');

  await expect(page.getByRole('heading', { name: 'New case from an email' })).toBeVisible({
    timeout: 60_000,
  });
  // From the email: the customer's account number and the person who signs.
  await expect(page.getByLabel('Account number')).toHaveValue(r.accountNumber);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Dana Whitfield');
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue('dana@haverford.example');
  const acct = page.locator('.field', { has: page.getByLabel('Account number') });
  await expect(acct.locator('.source-tag')).toHaveText('From the email');
  await expect(acct.locator('.source-mismatch')).toContainText(`The bill says ${truth.accountNumber}`);
  // From the bill: the carrier the email never named.
  const carrier = page.locator('.field', { has: page.getByLabel('Losing carrier') });
  await expect(page.getByLabel('Losing carrier')).toHaveValue(truth.carrier);
  await expect(carrier.locator('.source-tag')).toHaveText('From the bill');
  // The check engine's verdict on the email against the bill.
  await expect(page.getByTestId('email-mismatch')).toContainText('Account number');
  await expect(page.getByTestId('email-checks').locator('tr[data-field="accountNumber"]')).toHaveAttribute(
    'data-verdict',
    'mismatch',
  );
  await expect(page.getByTestId('email-checks').locator('tr[data-field="btn"]')).toHaveAttribute(
    'data-verdict',
    'match',
  );
  // The bill beside the form, its fields outlined.
  await expect(page.locator('.bill-side canvas')).toBeVisible();
  await expect(page.locator('.bill-side .field-box[data-field="accountNumber"]')).toHaveCount(1);
  await expect(page.getByTestId('email-attachments')).toContainText('january-bill.pdf');
  await screen(page, 'new-case-from-email');
  await expectAccessible(page, 'new case from an email');

  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/#\/cases\/\d+$/, { timeout: 60_000 });
  const id = Number(/#\/cases\/(\d+)/.exec(page.url())![1]);
  await expect
    .poll(
      async () =>
        (
          await host.invoke<{ filename: string; kind: string; mime: string }[]>('intake:listDocuments', {
            caseId: id,
          })
        ).map((d) => [d.kind, d.mime]),
      { timeout: 60_000 },
    )
    .toEqual([
      ['bill', 'application/pdf'],
      ['other', 'message/rfc822'],
    ]);
  await page.goto(`${host.origin}/#/cases/${id}/documents`);
  await expect(page.getByTestId('documents-table')).toContainText('Customer email');
});
