// A Sorrel scan (make-bills seed 11375, ho-038; page 2's header and summary, as OCR read them)
// whose account is printed once, masked: "Acct # ****2358". OCR lost the stars and kept "2358"
// (at 0.54), and no other copy of the mask is on the bill, so the four digits were taken as the
// account, a false one. The word's box still spans the eight glyphs of the mask.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import type { PageWords } from '../../../shared/domain';
import { wordDump } from './word-dumps';

const pages = wordDump('sorrel-scan-mask-printed-once');

describe('a mask printed once whose stars OCR lost', () => {
  it('is read as the mask its box spans, not as a four-digit account', () => {
    const x = extractBill(pages);
    expect(x.fields.accountNumber).toBeNull();
    expect(x.meta.accountNumber?.doubts?.[0]?.note).toMatch(/only masked \(“2358”\)/);
    expect(x.fields.btn).toBe('5205550140');
  });

  it('still reads four digits as the account when their box holds only them', () => {
    // the same page with the word's box cut to its four digits' width (as 2024-09-14's glyphs are)
    const narrow: PageWords[] = pages.map((p) => ({
      ...p,
      words: p.words.map((w) => (w.text === '2358' ? { ...w, x1: w.x0 + 17.5 } : w)),
    }));
    expect(extractBill(narrow).fields.accountNumber).toBe('2358');
  });
});
