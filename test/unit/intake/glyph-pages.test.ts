// Which glyph-id pages are read by OCR (glyph-pages.ts): only while a page holds codes the votes
// so far leave undecided. The OCR readings here are the words a reader gives over made-up glyphs.
import { describe, expect, it } from 'vitest';
import type { PageWords, Word } from '../../../shared/domain';
import type { Glyph } from '../../../electron/desk/intake/glyph-decode';
import { readGlyphPages, type GlyphPage } from '../../../electron/desk/intake/glyph-pages';

const codes = new Map<string, number>();

/** A page of lines of text in one subset font (one code per character, spaces blank). */
function page(n: number, lines: string[]): { glyph: GlyphPage; ocr: Word[] } {
  const glyphs: Glyph[] = [];
  const ocr: Word[] = [];
  lines.forEach((text, row) => {
    const baseline = 100 + 20 * row;
    let x = 20;
    for (const word of text.split(' ')) {
      const x0 = x;
      for (const ch of word) {
        if (!codes.has(ch)) codes.set(ch, codes.size + 2);
        glyphs.push({ font: 'F1', code: codes.get(ch)!, blank: false, x0: x, x1: x + 6, baseline, size: 10 });
        x += 6;
      }
      ocr.push({ text: word, x0: x0 + 0.5, x1: x - 0.5, y0: baseline - 7, y1: baseline, conf: 0.95 });
      glyphs.push({ font: 'F1', code: 1, blank: true, x0: x, x1: x + 3, baseline, size: 10 });
      x += 3;
    }
  });
  return { glyph: { page: n, width: 612, height: 792, glyphs }, ocr };
}

describe('reading the glyph pages of a bill', () => {
  it('reads by OCR the first page, not a later one whose codes it decided, and one with a new code', async () => {
    const p1 = page(1, ['Account 0123-4567', 'Amount 89.00', 'Account 0123-4567', 'Amount 89.00']);
    const p2 = page(2, ['Amount 45.67', 'Account 8901-2345']);
    const p3 = page(3, ['Total 12.34', 'Total 12.34']); // T, l: new codes
    const ocrOf = new Map([p1, p2, p3].map((p) => [p.glyph.page, p.ocr]));
    const asked: number[][] = [];
    const read = await readGlyphPages([p1.glyph, p2.glyph, p3.glyph], async (ns) => {
      asked.push(ns);
      return ns.map((n): PageWords => ({
        page: n,
        width: 612,
        height: 792,
        source: 'ocr',
        words: ocrOf.get(n)!,
      }));
    });
    expect(asked).toEqual([[1], [3]]);
    expect([...read.how.values()]).toEqual(['decoded', 'decoded', 'decoded']);
    expect(read.pages.map((p) => p.source)).toEqual(['text', 'text', 'text']);
    expect(read.pages[1]!.words.map((w) => w.text)).toEqual(['Amount', '45.67', 'Account', '8901-2345']);
  });
});
