// Issue 5's agent workflows in Chromium through the browser host: a bill dropped on the desk
// becomes a case, a mismatch is fixed with "use the bill's value", 60 numbers are pasted, the FOC
// picker refuses a Saturday and a holiday, comments and status survive a reload, and bad input
// (pasted garbage, an unsupported file, a conflicting edit) gets a clear message with nothing lost.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './support/host';
import { createCaseViaUi, dropFile, expectAccessible, screen } from './support/ui';

// The repo's own text bill (test/fixtures/bills), so the main flow runs wherever the repo does.
const BILL = path.resolve(import.meta.dirname, '..', 'fixtures', 'bills', 'fx-001.pdf');

test.describe.configure({ timeout: 180_000 });

test('a bill dropped on the desk becomes a case; a mismatch is fixed with the bill value', async ({
  page,
  host,
}) => {
  await host.open(page);
  await screen(page, 'desk-home-empty');
  await dropFile(page, '.dropzone', 'fx-001.pdf', fs.readFileSync(BILL), 'application/pdf');
  await expect(page.getByRole('heading', { name: 'New case from a bill' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel('Account name')).toHaveValue('Haverford Machine Works LLP');
  await expect(page.getByTestId('number-row').first()).toBeVisible();
  await screen(page, 'new-case-from-bill');
  await expectAccessible(page, 'new case from a bill');
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/#\/cases\/\d+$/, { timeout: 60_000 });
  const id = Number(/#\/cases\/(\d+)/.exec(page.url())![1]);
  await expect(page.locator('.bill-page canvas')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('checks-table')).toBeVisible();
  await expect(page.locator('tr[data-field="accountNumber"]')).toHaveAttribute('data-verdict', 'match');

  // Introduce a mismatch: a wrong account number, saved.
  await page.getByLabel('Account number', { exact: true }).fill('121944999');
  await page.getByRole('button', { name: 'Save case' }).click();
  await expect(page.locator('tr[data-field="accountNumber"]')).toHaveAttribute('data-verdict', 'mismatch');
  await page
    .locator('.found-fields')
    .getByRole('button', { name: /121944777/ })
    .click();
  await expect(page.locator('.field-box.focused').first()).toBeVisible();
  await screen(page, 'case-bill-mismatch');
  await expectAccessible(page, 'case with bill and checks');
  await page.getByRole('button', { name: "Use the bill's value for Account number" }).click();
  await expect(page.locator('tr[data-field="accountNumber"]')).toHaveAttribute('data-verdict', 'match');
  await expect(page.getByLabel('Account number', { exact: true })).toHaveValue('121944777');

  // A number the bill does not list: the 31 numbers show as a count, with the stray one first
  // and marked, not as two columns of 31 numbers each.
  await page.getByLabel('Add numbers').fill('(207) 555-0199');
  await page.getByRole('button', { name: 'Add numbers' }).click();
  await page.getByRole('button', { name: 'Save case' }).click();
  const numbersRow = page.locator('tr[data-field="numbersOnBill"]');
  await expect(numbersRow).toHaveAttribute('data-verdict', 'mismatch');
  await expect(numbersRow.locator('.num-missing')).toHaveText('207-555-0199');
  await expect(numbersRow).toContainText('31 numbers');
  await expect(numbersRow).toContainText('and 25 more');

  // The full checks tab and the audit trail.
  await page.getByRole('link', { name: 'Checks' }).click();
  await expect(page.getByRole('heading', { name: 'Rules' })).toBeVisible();
  await screen(page, 'case-checks');
  await expectAccessible(page, 'checks tab');
  await page.getByRole('link', { name: 'Documents' }).click();
  await expect(page.getByTestId('documents-table')).toContainText('fx-001.pdf');
  await page.getByRole('link', { name: 'Timeline' }).click();
  await expect(page.getByTestId('timeline')).toContainText("Used the bill's value");
  expect(id).toBeGreaterThan(0);
});

// "Today" pinned, in the desk (its clock) and in the page (Playwright's clock), to a Monday whose
// FOC window holds a Saturday, a weekday holiday (Thanksgiving) and the first valid day all in one
// month: both refusals and the click on a day run on whatever day the suite runs.
const PINNED = '2025-11-17T15:00:00Z'; // 10:00 in New York, the same date in UTC
const SATURDAY = '2025-11-22';
const HOLIDAY = '2025-11-27';
const FIRST_VALID = '2025-11-21';

test.describe('with today pinned to 2025-11-17', () => {
  test.use({ hostEnv: { PORTING_DESK_TEST_NOW: PINNED } });

  test('paste 60 numbers with garbage; the FOC picker refuses a Saturday and a holiday', async ({
    page,
    host,
  }) => {
    await page.clock.setFixedTime(new Date(PINNED));
    await host.open(page);
    await page.getByRole('link', { name: 'New case' }).first().click();
    await page.getByLabel('Account name').fill('Sixty Lines Co');
    // 60 numbers in mixed spreadsheet formats, several per line, plus duplicates and garbage.
    const nums = Array.from({ length: 60 }, (_, i) => `303555${String(1000 + i).padStart(4, '0')}`);
    const lines: string[] = ['Number\tLocation'];
    for (let i = 0; i < 60; i += 3) {
      const [a, b, c] = [nums[i]!, nums[i + 1]!, nums[i + 2]!];
      lines.push(
        `(${a.slice(0, 3)}) ${a.slice(3, 6)}-${a.slice(6)}\t${b.slice(0, 3)}.${b.slice(3, 6)}.${b.slice(6)}, +1 ${c}`,
      );
    }
    lines.push('(303) 555-1000', 'call me maybe', '555-12', '123-456-7890');
    await page.getByLabel('Add numbers').fill(lines.join('\n'));
    await page.getByRole('button', { name: 'Add numbers' }).click();
    await expect(page.getByText('Added 60 numbers.')).toBeVisible();
    await expect(page.getByText('1 already in the list, skipped.', { exact: false })).toBeVisible();
    await expect(page.getByTestId('number-row')).toHaveCount(60);
    await expect(page.getByRole('alert').filter({ hasText: 'were not added' })).toContainText(
      'call me maybe',
    );
    // What could not be read stays in the box to fix, nothing is silently dropped.
    await expect(page.getByLabel('Add numbers')).toHaveValue(/call me maybe/);
    await expect(page.getByLabel('Add numbers')).toHaveValue(/123-456-7890/);
    await screen(page, 'numbers-pasted');

    // FOC: the desk's own calendar for the pinned day names the days tried below.
    const cal = await host.invoke<{
      days: { date: string; selectable: boolean; holiday: string | null; weekend: boolean }[];
      suggestions: string[];
    }>('foc:calendar', { from: PINNED.slice(0, 10), to: '2025-12-31', numbersCount: 60 });
    const day = (iso: string) => cal.days.find((d) => d.date === iso)!;
    expect(day(SATURDAY)).toMatchObject({ weekend: true, selectable: false });
    expect(day(HOLIDAY)).toMatchObject({
      weekend: false,
      selectable: false,
      holiday: expect.stringMatching(/Thanksgiving/),
    });
    expect(cal.suggestions[0]).toBe(FIRST_VALID);
    const dateInput = page.getByTestId('foc-date-input');
    await dateInput.fill(SATURDAY);
    await dateInput.press('Enter');
    await expect(page.getByTestId('foc-refused')).toContainText('cannot be the FOC date');
    await expect(page.getByTestId('foc-refused')).toContainText(/Saturday/i);
    await dateInput.fill(HOLIDAY);
    await dateInput.press('Enter');
    await expect(page.getByTestId('foc-refused')).toContainText(day(HOLIDAY).holiday!);
    await screen(page, 'foc-holiday-refused');
    // The month on show is the holiday's, which holds the first valid day: it is clicked, not typed.
    await page.locator(`[data-day="${FIRST_VALID}"]`).click();
    await expect(page.getByTestId('foc-selected')).toContainText('a valid port date');
    await page.getByRole('button', { name: 'Create case' }).click();
    await expect(page).toHaveURL(/#\/cases\/\d+$/);
    await page.reload();
    await expect(page.getByTestId('foc-date-input')).toHaveValue(FIRST_VALID);
    await expect(page.getByTestId('number-row')).toHaveCount(60);
  });
});

test('comment, change status, reload: everything is still there', async ({ page, host }) => {
  await host.open(page);
  const id = await createCaseViaUi(page, 'Timeline Test LLC', '3035550142');
  await page.getByRole('link', { name: 'Timeline' }).click();
  await page.getByLabel('Add a comment').fill('Called Frontier, port-out PIN confirmed.');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByTestId('timeline')).toContainText('port-out PIN confirmed');
  await page.getByTestId('status-select').selectOption('canceled');
  await page.getByRole('button', { name: 'Change status' }).click();
  await expect(page.locator('h1 .badge')).toHaveText('Canceled');
  await page.reload();
  await expect(page).toHaveURL(new RegExp(`#/cases/${id}/timeline$`));
  await expect(page.getByTestId('timeline')).toContainText('port-out PIN confirmed');
  await expect(page.getByTestId('timeline')).toContainText('Draft → Canceled');
  await expect(page.locator('h1 .badge')).toHaveText('Canceled');
  await screen(page, 'timeline-after-reload');
});

test('bad input: an unsupported file and a conflicting edit get clear messages; nothing typed is lost', async ({
  page,
  host,
  browser,
}) => {
  await host.open(page);
  // A text file, then a ".pdf" that is really not a PDF.
  await dropFile(page, '.dropzone', 'notes.txt', Buffer.from('hello'), 'text/plain');
  await expect(page.getByTestId('intake-job').filter({ hasText: 'not a bill format' })).toBeVisible();
  await dropFile(
    page,
    '.dropzone',
    'bill.pdf',
    Buffer.from('PK\u0003\u0004 this is a zip, not a pdf'),
    'application/pdf',
  );
  await expect(page.getByTestId('intake-job').filter({ hasText: 'bill.pdf' }).getByRole('alert')).toBeVisible(
    { timeout: 30_000 },
  );
  await screen(page, 'bad-file');

  // Conflicting edit: two windows on the same case.
  const id = await createCaseViaUi(page, 'Conflict Corp', '3035550142');
  const other = await browser.newPage();
  await other.goto(host.url);
  await other.goto(`${host.origin}/#/cases/${id}`);
  await other.getByLabel('Account number').fill('FROM-OTHER-WINDOW');
  await other.getByRole('button', { name: 'Save case' }).click();
  await expect(other.getByText('Case saved.')).toBeVisible();

  await page.getByLabel('Title').fill('Office manager');
  await page.getByLabel('Account number').fill('MINE-123');
  await page.getByRole('button', { name: 'Save case' }).click();
  await expect(page.getByTestId('conflict-banner')).toBeVisible();
  await expect(page.getByLabel('Account number')).toHaveValue('MINE-123');
  await expect(page.getByLabel('Title')).toHaveValue('Office manager');
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByTestId('conflict-banner')).toContainText('FROM-OTHER-WINDOW');
  await screen(page, 'conflict');
  await expectAccessible(page, 'conflict banner');
  await page.getByRole('button', { name: 'Save mine over theirs' }).click();
  await expect(page.getByText('Case saved.')).toBeVisible();
  await other.close();
  const saved = await host.invoke<{ customer: { accountNumber: string }; authorized: { title: string } }>(
    'cases:get',
    { id },
  );
  expect(saved.customer.accountNumber).toBe('MINE-123');
  expect(saved.authorized.title).toBe('Office manager');
});

test('main screens: list, settings and dark theme pass axe', async ({ page, host }) => {
  await host.open(page);
  for (let i = 0; i < 3; i++) await createCaseViaUi(page, `Screen Co ${i}`, `30355501${40 + i}`);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  await expect(page.getByTestId('case-total')).toContainText('3 cases');
  await page.getByTestId('case-grid').focus();
  await page.keyboard.press('ArrowDown');
  await screen(page, 'case-list');
  await expectAccessible(page, 'case list');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Desk' }).click();
  await expect(page.getByRole('heading', { name: 'Cases by status' })).toBeVisible();
  await screen(page, 'desk-home');
  await expectAccessible(page, 'desk home');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(
    page
      .getByRole('heading', { name: 'Desk profile (LOA letterhead)' })
      .or(page.getByText('Desk profile (LOA letterhead)')),
  ).toBeVisible();
  await page.getByLabel('Porting inbox (where packets go)').fill('not-an-email');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('is not a valid email address').first()).toBeVisible();
  await screen(page, 'settings');
  await expectAccessible(page, 'settings');
  await page.getByLabel('Dark').check();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Desk' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await screen(page, 'desk-home-dark');
  await expectAccessible(page, 'desk home, dark');
  await page.goto(`${host.origin}/#/cases/1`);
  await expect(page.getByRole('heading', { name: /Screen Co 0/ })).toBeVisible();
  await screen(page, 'case-dark');
  await expectAccessible(page, 'case page, dark');
});
