// The reading's warnings in the app, through the browser host in Chromium: a PDF whose text is
// glyph ids (fonts without a character map) is read from its glyphs by what OCR of the page says
// they draw, and the desk says so above the values read from it, in place and for as long as the bill is shown, after a reload too. Before,
// only the CLI said it; the app's upload showed the values as if read from text.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './support/host';
import { SCREENS_DIR, createCaseViaUi, expectAccessible, screen } from './support/ui';

// The repo's one-page cid bill (test/fixtures/regressions/README.md): the cheapest input that warns.
const BILL = path.resolve(
  import.meta.dirname,
  '..',
  'fixtures',
  'regressions',
  'redwood-cid-11368-cd007.pdf',
);

test('a bill whose text cannot be copied says so above its values, and still does when the case is reopened', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await host.open(page);
  await createCaseViaUi(page, 'Elena Dubois', '5095550122');
  await page.getByTestId('bill-file-input').setInputFiles({
    name: 'redwood-bill.pdf',
    mimeType: 'application/pdf',
    buffer: fs.readFileSync(BILL),
  });
  const found = page.locator('.found-fields');
  const warning = found.getByRole('status');
  await expect(warning).toContainText('cannot be copied as characters', { timeout: 90_000 });
  await expect(warning).toContainText('read by matching its glyphs');
  await expect(warning).toContainText("check them as you would a scan's");
  // in place above the values, covering none of them: the first value's button still takes a click
  const value = found.getByRole('button', { name: '(509) 555-0122' });
  const w = (await warning.boundingBox())!;
  const v = (await value.boundingBox())!;
  expect(w.y + w.height).toBeLessThanOrEqual(v.y);
  await value.click();
  await expect(page.locator('.field-box.focused').first()).toBeVisible();
  await screen(page, 'case-bill-reading-warning');
  await found.screenshot({ path: path.join(SCREENS_DIR, 'bill-reading-warning.png') });
  await expectAccessible(page, 'case with a bill whose text cannot be copied');

  // Reopened: the warning was stored with the bill's reading, not kept in this window.
  await page.reload();
  await expect(page.locator('.found-fields').getByRole('status')).toContainText(
    'cannot be copied as characters',
    { timeout: 30_000 },
  );
});
