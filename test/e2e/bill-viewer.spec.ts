// The bill viewer on a photographed bill, through the browser host in Chromium: a phone photo of a
// bill taken upside down is read (the OCR turns it), shown upright, and the account number's
// outline lies on the account number in the picture. Image boxes are in points, not pixels;
// before this, every box on a photo landed elsewhere.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts, degrees, rgb } from 'pdf-lib';
import sharp from 'sharp';
import type { Locator } from '@playwright/test';
import { test, expect } from './support/host';
import { SCREENS_DIR, createCaseViaUi } from './support/ui';

const ACCOUNT = '4471-902-336';
const PAGE = { width: 612, height: 792 };
const SIZE = 13;

/** A clean one-page bill; returns it and where the account number's value sits (points, top-left). */
async function bill(): Promise<{
  pdf: Uint8Array;
  value: { x0: number; y0: number; x1: number; y1: number };
}> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([PAGE.width, PAGE.height]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let y = 740;
  let value = { x0: 0, y0: 0, x1: 0, y1: 0 };
  const line = (text: string, size = SIZE, f = font) => {
    page.drawText(text, { x: 60, y, size, font: f, color: rgb(0, 0, 0) });
    if (text.endsWith(ACCOUNT)) {
      const x0 = 60 + f.widthOfTextAtSize(text.slice(0, -ACCOUNT.length), size);
      const top = PAGE.height - y;
      value = { x0, y0: top - size * 0.75, x1: x0 + f.widthOfTextAtSize(ACCOUNT, size), y1: top };
    }
    y -= size + 12;
  };
  line('Granite State Telephone', 20, bold);
  line('Bill Date: March 4, 2025');
  line(`Account Number: ${ACCOUNT}`);
  line('Account Name: Birchwood Bakery LLC');
  line('Billing Telephone Number: (603) 555-0142');
  line('Service Address:');
  line('88 Maple Street');
  line('Concord, NH 03301');
  y -= 10;
  line('Lines on this account', 14, bold);
  line('(603) 555-0142    Business Line    $42.10');
  line('(603) 555-0177    Business Line    $42.10');
  return { pdf: await doc.save(), value };
}

/** The bill as a phone photo taken upside down: 150 dpi, turned half a turn, JPEG. */
async function upsideDownPhoto(pdf: Uint8Array): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bill-photo-'));
  try {
    fs.writeFileSync(path.join(dir, 'bill.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '150', '-jpeg', '-singlefile', 'bill.pdf', 'page'], { cwd: dir });
    return await sharp(path.join(dir, 'page.jpg')).rotate(180).jpeg({ quality: 85 }).toBuffer();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

type Rect = { x: number; y: number; width: number; height: number };
function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Where the value lies on a page shown at `shown`, `k` screen pixels a point, the page offset (dx, dy) points. */
function valueOnScreen(
  shown: Rect,
  value: { x0: number; y0: number; x1: number; y1: number },
  k: number,
  dx = 0,
  dy = 0,
): Rect {
  return {
    x: shown.x + (value.x0 + dx) * k,
    y: shown.y + (value.y0 + dy) * k,
    width: (value.x1 - value.x0) * k,
    height: (value.y1 - value.y0) * k,
  };
}

/** The outline's box, once it covers most of where the value lies. */
async function outlineOver(box: Locator, want: Rect): Promise<Rect> {
  const got = (await box.boundingBox())!;
  expect(
    overlap(want, got) / (want.width * want.height),
    `box ${JSON.stringify(got)} vs ${JSON.stringify(want)}`,
  ).toBeGreaterThan(0.6);
  return got;
}

/** Share of dark pixels in a screenshot: print where text is, ~0 on blank paper. */
async function ink(png: Buffer): Promise<number> {
  const px = await sharp(png).grayscale().extractChannel(0).raw().toBuffer();
  return px.reduce((n, v) => n + (v < 128 ? 1 : 0), 0) / px.length;
}

test('a photo taken upside down is shown upright with the account number outlined on it', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  const { pdf, value } = await bill();
  const photo = await upsideDownPhoto(pdf);
  await host.open(page);
  await createCaseViaUi(page, 'Birchwood Bakery LLC', '6035550142');
  await page.getByTestId('bill-file-input').setInputFiles({
    name: 'phone-photo.jpg',
    mimeType: 'image/jpeg',
    buffer: photo,
  });
  const img = page.locator('.bill-page img');
  await expect(img).toBeVisible({ timeout: 60_000 });
  const box = page.locator('.field-box[data-field="accountNumber"]');
  await expect(box).toBeVisible();
  await page
    .locator('.found-fields')
    .getByRole('button', { name: new RegExp(ACCOUNT) })
    .click();
  await expect(box).toHaveClass(/focused/);

  // Where the value should be on the displayed picture: points times displayed width per point.
  const shown = (await img.boundingBox())!;
  const k = shown.width / PAGE.width;
  expect(shown.height / k).toBeCloseTo(PAGE.height, -1);
  const want = valueOnScreen(shown, value, k);
  const got = await outlineOver(box, want);
  const common = overlap(want, got);
  expect(common / (got.width * got.height)).toBeGreaterThan(0.4);

  // The picture itself is upright: in the served page, the value's place holds print and the
  // place it would have in an upside-down picture is blank paper.
  const src = (await img.getAttribute('src'))!;
  const picture = Buffer.from(src.slice(src.indexOf(',') + 1), 'base64');
  const { width: pw } = await sharp(picture).metadata();
  const s = pw / PAGE.width;
  const region = (x0: number, y0: number) => ({
    left: Math.round(x0 * s),
    top: Math.round(y0 * s),
    width: Math.round((value.x1 - value.x0) * s),
    height: Math.round((value.y1 - value.y0) * s),
  });
  const inkAt = async (r: ReturnType<typeof region>) => ink(await sharp(picture).extract(r).png().toBuffer());
  expect(await inkAt(region(value.x0, value.y0))).toBeGreaterThan(0.05);
  expect(await inkAt(region(PAGE.width - value.x1, PAGE.height - value.y1))).toBeLessThan(0.01);

  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  await page.locator('.bill-preview').screenshot({ path: path.join(SCREENS_DIR, 'bill-viewer-photo.png') });
});

test('a sheet photographed on a table keeps its outlines on its print', async ({ page, host }) => {
  test.setTimeout(120_000);
  const { pdf, value } = await bill();
  // Upright this time, on a dark table: a wide border left and above the sheet. The sheet is
  // found but not cut out, so boxes must be placed from the picture's corner, not the sheet's.
  const upright = await sharp(await upsideDownPhoto(pdf))
    .rotate(180)
    .toBuffer();
  const border = { left: 160, top: 120, right: 40, bottom: 40 };
  const photo = await sharp(upright)
    .extend({ ...border, background: { r: 70, g: 62, b: 55 } })
    .jpeg({ quality: 85 })
    .toBuffer();
  await host.open(page);
  await createCaseViaUi(page, 'Birchwood Bakery LLC', '6035550142');
  await page
    .getByTestId('bill-file-input')
    .setInputFiles({ name: 'on-table.jpg', mimeType: 'image/jpeg', buffer: photo });
  const img = page.locator('.bill-page img');
  await expect(img).toBeVisible({ timeout: 60_000 });
  const box = page.locator('.field-box[data-field="accountNumber"]');
  await expect(box).toBeVisible();
  // 150 dpi: the border is border/150 inches, i.e. *72/150 points, before the sheet starts.
  const shown = (await img.boundingBox())!;
  const { width: pxWide } = await sharp(photo).metadata();
  const k = shown.width / ((pxWide * 72) / 150);
  const dx = (border.left * 72) / 150;
  const dy = (border.top * 72) / 150;
  await outlineOver(box, valueOnScreen(shown, value, k, dx, dy));
  await page
    .locator('.bill-preview')
    .screenshot({ path: path.join(SCREENS_DIR, 'bill-viewer-on-table.png') });
});

/** The bill's page drawn a quarter turn inside a landscape box, with no /Rotate (text-turn.ts). */
async function turnedInItsBox(pdf: Uint8Array): Promise<Uint8Array> {
  const src = await PDFDocument.load(pdf);
  const out = await PDFDocument.create();
  const form = await out.embedPage(src.getPage(0));
  out.addPage([PAGE.height, PAGE.width]).drawPage(form, { x: PAGE.height, y: 0, rotate: degrees(90) });
  return out.save();
}

test('a text page drawn turned in its box is shown upright with its outlines on its values', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  const { pdf, value } = await bill();
  await host.open(page);
  await createCaseViaUi(page, 'Birchwood Bakery LLC', '6035550142');
  await page.getByTestId('bill-file-input').setInputFiles({
    name: 'turned.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(await turnedInItsBox(pdf)),
  });
  const canvas = page.locator('.bill-page canvas');
  await expect(page.locator('.bill-page')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
  const box = page.locator('.field-box[data-field="accountNumber"]');
  await expect(box).toBeVisible();
  // shown as the bill reads: portrait, the account number's outline on its print
  const shown = (await canvas.boundingBox())!;
  expect(shown.height).toBeGreaterThan(shown.width);
  const k = shown.width / PAGE.width;
  const want = valueOnScreen(shown, value, k);
  await outlineOver(box, want);
  // and the print is there: the outline's place on the canvas holds ink
  const shot = await page.screenshot({ clip: want });
  expect(await ink(shot)).toBeGreaterThan(0.05);
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  await page
    .locator('.bill-preview')
    .screenshot({ path: path.join(SCREENS_DIR, 'bill-viewer-turned-text.png') });
});
