// A two-up sheet as OCR read it (make-bills seed 11018 fa-030, a Halyard bill scanned two pages
// per sheet): its second page is short, a table of a few rows at the top of the right half.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageWords } from '../../../shared/domain';
import { extractBill } from '../../../shared/extract';
import { splitTwoUp } from '../../../shared/extract/two-up';

const sheet = JSON.parse(
  fs.readFileSync(
    path.resolve(__dirname, '../../fixtures/two-up/halyard-short-second-page.words.json'),
    'utf8',
  ),
) as PageWords[];

describe('a two-up sheet whose second page is short', () => {
  it('is cut into its two pages, the short one too', () => {
    const split = splitTwoUp(sheet);
    expect(split?.pages).toHaveLength(2);
    const text = (p: PageWords) => p.words.map((w) => w.text).join(' ');
    expect(text(split!.pages[0]!)).toMatch(/Bill To/);
    expect(text(split!.pages[1]!)).toMatch(/Phone Numbers/);
    expect(text(split!.pages[0]!)).not.toMatch(/Phone Numbers/);
  });

  it('reads the account from its own page, never the sheet’s other half', () => {
    const f = extractBill(sheet).fields;
    expect(f.accountNumber).toBe('HC-65790-8515');
    expect(f.btn).toBe('2075550195');
    expect(f.numbers).toHaveLength(5);
  });
});
