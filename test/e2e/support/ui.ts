// Helpers for the renderer's e2e specs: screenshots of each main screen (looked at by a person,
// kept as test artifacts) and the axe accessibility gate.
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
export const SCREENS_DIR = path.join(root, 'test-results', 'screens');

export async function screen(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  // A bill's page is drawn after the screen shows (pdf.js renders it): on a loaded machine a
  // screenshot caught the viewer white. Wait for it, but a page that will not draw still gets
  // its picture taken (that is what the screenshot is for).
  await page
    .locator('.bill-page[aria-busy="true"]')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  // Let toasts and fetches settle so the picture shows the screen, not a transition.
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage: true });
}

/** No serious or critical axe violation on the current page. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const text = bad
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join('\n  ')}`,
    )
    .join('\n');
  expect(bad, `${label}: axe found\n${text}`).toEqual([]);
}

/** Fills the minimal new-case form through the UI and saves it; returns the new case id. */
export async function createCaseViaUi(page: Page, name: string, numbers: string): Promise<number> {
  await page.getByRole('link', { name: 'New case' }).first().click();
  await page.getByLabel('Account name').fill(name);
  await page.getByLabel('Account number').fill('ACC-1001');
  await page.getByLabel('BTN (billing telephone number)').fill('(303) 555-0142');
  await page.getByLabel('Losing carrier').fill('Frontier');
  await page.getByLabel('Street').first().fill('1779 W Franklin Ln');
  await page.getByLabel('City').first().fill('Fort Collins');
  await page.getByLabel('State').first().fill('CO');
  await page.getByLabel('ZIP').first().fill('80537');
  await page.getByLabel('Add numbers').fill(numbers);
  await page.getByRole('button', { name: 'Add numbers' }).click();
  await page.getByRole('button', { name: 'Create case' }).click();
  await expect(page).toHaveURL(/#\/cases\/\d+$/);
  return Number(/#\/cases\/(\d+)/.exec(page.url())![1]);
}

/**
 * A real drop event carrying the file, as a desktop drag would deliver it. The target is waited
 * for first: host.open returns before the app has rendered its drop zone.
 */
export async function dropFile(
  page: Page,
  selector: string,
  name: string,
  bytes: Buffer,
  type: string,
): Promise<void> {
  await page.locator(selector).first().waitFor({ state: 'attached' });
  await page.evaluate(
    ({ selector, name, b64, type }) => {
      const bin = atob(b64);
      const arr = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) arr[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([arr], name, { type }));
      const target = document.querySelector(selector)!;
      for (const kind of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(new DragEvent(kind, { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { selector, name, b64: bytes.toString('base64'), type },
  );
}
