// Text PDFs as other billing systems write their text layer: every glyph placed on its own with
// no space characters (glyph-pdf), strings drawn out of reading order (shuffled-pdf), a word
// processor's typographic Unicode (typeset-pdf). The page looks like any text bill; the reader
// must give the same words. Built with the generator's producers (scripts/make-bills/producers.ts);
// the typeset page needs the Liberation fonts, so it is committed (fixtures/producers/make-typeset.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { pdfTextWords } from '../../../electron/desk/intake/pdf-text';
import {
  GLYPH_MODES,
  glyphProducer,
  shuffledProducer,
  type Producer,
} from '../../../scripts/make-bills/producers';
import { Rng } from '../../../scripts/make-bills/rng';
import { textLines } from './text-lines';

const LINES: Array<[string, number, number]> = [
  ['Account Number:', 50, 690],
  ['8370 1862 59', 200, 690],
  ['Billing Telephone Number:', 50, 674],
  ['(315) 555-0186', 200, 674],
  ['Bill Date:', 50, 658],
  ['April 11, 2024', 200, 658],
];

async function page(producer: Producer): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const p = doc.addPage([612, 792]);
  for (const [s, x, y] of LINES) producer.text({ page: p, s, x, y, size: 9, font, color: rgb(0, 0, 0) });
  producer.flush();
  return doc.save();
}

const WANT = [
  'Account Number: 8370 1862 59',
  'Billing Telephone Number: (315) 555-0186',
  'Bill Date: April 11, 2024',
];

describe('text layers written by other producers', () => {
  it.each(GLYPH_MODES)('glyph by glyph with no spaces (%s), kerned or not', async (mode) => {
    for (const kern of [0, 45])
      expect(await textLines(await page(glyphProducer(new Rng(3), { mode, kern })))).toEqual(WANT);
  });
  it('strings and words drawn out of reading order', async () => {
    for (const order of ['captions-first', 'columns-up', 'hashed'] as const)
      for (const words of [false, true])
        expect(await textLines(await page(shuffledProducer(new Rng(5), { order, words })))).toEqual(WANT);
  });
  it('a word processor’s dashes, fixed spaces, apostrophe and ligatures read as plain text', async () => {
    const bytes = new Uint8Array(
      fs.readFileSync(path.join(__dirname, '../../fixtures/producers/typeset.pdf')),
    );
    const texts = (await pdfTextWords(bytes))[0]!.words.map((w) => w.text);
    expect(texts).toEqual(
      expect.arrayContaining(['1-800-555-0170', 'VV5-177X-6284', "O'Brien", 'Office:', '555-0123']),
    );
    expect(texts).toEqual(
      expect.arrayContaining(['Wilmington', '05401-0123', '802', '555-0124', '802-555-0130']),
    );
    const f = (await intakeBill(bytes, { name: 'typeset.pdf' })).extraction.fields;
    expect(f.btn).toBe('8025550123');
    expect(f.accountName).toBe("Siobhan O'Brien");
    expect(f.billDate).toBe('2025-03-14');
    expect(f.serviceAddress).toMatchObject({ city: 'Burlington', state: 'VT', zip: '05401-0123' });
    expect(new Set(f.numbers)).toEqual(new Set(['8025550123', '8025550124', '8025550130', '8025550131']));
  });
});
