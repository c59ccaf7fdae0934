// Cases → Import… in Chromium: a reseller's CSV is previewed as the cases it makes and the rows it
// cannot use, a wrong column guess is corrected, and nothing is written until "Create".
import { test, expect } from './support/host';
import { expectAccessible, screen } from './support/ui';

const CSV = [
  'Location,TN,BTN,Acct #,Service Address,Suite,City,State,Zip,Ref',
  'Store 1,212-555-0142,212-555-0100,8842-1197,12 Main St,Suite 200,New York,NY,10001,A-1',
  'Store 1,212-555-0143,212-555-0100,8842-1197,12 Main St,Suite 200,New York,NY,10001,A-2',
  'Store 2,212-555-0150,212-555-0100,8842-1197,40 Broad St,,New York,NY,10004,A-3',
  'Depot,555-1234,973-555-0110,,1 Oak Ave,,Newark,NJ,07102,B-1',
  'Depot,973-555-0111,973-555-0110,,1 Oak Ave,,Newark,NJ,07102,B-2',
].join('\n');

test('a request spreadsheet is previewed, its mapping corrected, then imported', async ({ page, host }) => {
  await host.open(page);
  await page.goto(`${host.origin}/#/cases`);
  await page.getByRole('link', { name: 'Import…' }).click();
  await page
    .getByTestId('import-file-input')
    .setInputFiles({ name: 'locations.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await expect(page.getByRole('heading', { name: /2 cases, 4 numbers, from 5 rows/ })).toBeVisible();
  await expect(page.getByTestId('import-rejected')).toContainText('555-1234');
  // "Location" is the store's name: the agent maps it to the account name.
  await page.getByLabel('Field for column Location').selectOption('accountName');
  await expect(page.getByTestId('import-cases')).toContainText('Store 1');
  expect((await host.invoke<{ total: number }>('cases:list', {})).total).toBe(0);
  await screen(page, 'import-preview');
  await expectAccessible(page, 'import preview');
  await page.getByRole('button', { name: 'Create 2 cases' }).click();
  await expect(page).toHaveURL(/#\/cases$/);
  await expect.poll(async () => (await host.invoke<{ total: number }>('cases:list', {})).total).toBe(2);
});
