// A text PDF written by a print-stream converter: every font an embedded subset with no ToUnicode
// map (make-bills' `cid-pdf` rendition). The page looks like any text bill; its text layer is
// glyph ids. Intake answered "No bill fields found"; then read the page as a picture; now it reads
// the glyphs by what OCR of the page says they draw, and the page as text, and says why.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { intakeBill } from '../../../electron/desk/intake/bill';

const DIR = path.join(__dirname, '../../fixtures/regressions');
const rec = JSON.parse(fs.readFileSync(path.join(DIR, 'redwood-cid-11368-cd007.json'), 'utf8')) as {
  truth: {
    accountName: string;
    accountNumber: string;
    btn: string;
    billDate: string;
    numbers: string[];
    serviceAddress: { line1: string; zip: string };
  };
};

describe('a text PDF whose fonts carry no character map', () => {
  it('is read from its glyphs, to the bill’s truth, with a warning saying why', async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(DIR, 'redwood-cid-11368-cd007.pdf')));
    const res = await intakeBill(bytes, { name: 'print-stream.pdf' });
    expect(res.pages.map((p) => p.source)).toEqual(['text']);
    // the words decoded, as a text layer's exact words; OCR's only where a code stayed
    // undecided (here a lone `&`: one word of one character is too weak a vote)
    const words = res.pages[0]!.words;
    expect(words.filter((w) => w.conf !== 1).map((w) => w.text)).toEqual(['&']);
    expect(words.length).toBeGreaterThan(100);
    const f = res.extraction.fields;
    const t = rec.truth;
    expect(f.accountName).toBe(t.accountName);
    expect(f.accountNumber).toBe(t.accountNumber);
    expect(f.btn).toBe(t.btn);
    expect(f.billDate).toBe(t.billDate);
    expect(f.serviceAddress?.line1).toBe(t.serviceAddress.line1);
    expect(f.serviceAddress?.zip).toBe(t.serviceAddress.zip);
    expect(new Set(f.numbers)).toEqual(new Set(t.numbers));
    expect(res.warnings.join('\n')).toMatch(
      /cannot be copied as characters.*its page was read by matching its glyphs to the characters they draw; a few words on its page were read from the picture/,
    );
    // kept with the fields, so the app shows it whenever the bill is (and after a reload)
    expect(res.extraction.warnings).toEqual(res.warnings);
  }, 60_000);
});
