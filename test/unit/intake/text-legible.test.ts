// A text layer of glyph ids (fonts without a ToUnicode map) is told from real text. Every page
// of the committed text bills must stay text: the lowest share of bill wording among them is a
// Bellwether call-detail page of city names in capitals (bh-002, page 2).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageWords } from '../../../shared/domain';
import { pdfTextWords } from '../../../electron/desk/intake/pdf-text';
import { legibility, textLegible } from '../../../electron/desk/intake/text-legible';

const FIX = path.join(__dirname, '../../fixtures');
const text = (f: string) => pdfTextWords(new Uint8Array(fs.readFileSync(path.join(FIX, f))));

/** A page's words as a font's glyph ids give them: each character moved by `shift` code points. */
const shifted = (p: PageWords, shift: number): PageWords => ({
  ...p,
  words: p.words.map((w) => ({
    ...w,
    text: [...w.text].map((c) => String.fromCodePoint(Math.max(1, c.codePointAt(0)! + shift))).join(''),
  })),
});

describe('telling a text layer of glyph ids from text', () => {
  it('keeps every page of text bills in the desk’s languages and layouts as text', async () => {
    const files = [
      'business/bh-002.pdf', // Bellwether: call detail, city names in capitals
      'business/bh-001.pdf',
      'bills/fx-001.pdf',
      'structures/bj-003.pdf',
      'regressions/restricted-rc4-bh-003.pdf',
    ];
    for (const f of files) {
      for (const p of await text(f)) expect(textLegible(p), `${f} page ${p.page}`).toBe(true);
    }
    const low = (await text('business/bh-002.pdf'))[1]!;
    const l = legibility(low);
    expect(l.words).toBeGreaterThan(100);
    expect(l.known / l.words).toBeGreaterThan(0.05);
  });

  it('reads a subset font’s glyph ids (control characters) as no text', async () => {
    const [p] = await text('regressions/redwood-cid-11368-cd007.pdf');
    expect(legibility(p!).unreadable).toBeGreaterThan(0.3);
    expect(textLegible(p!)).toBe(false);
  });

  it('reads a whole font’s glyph ids (a TrueType font’s order: `Account` as `$FFRXQW`) as no text', async () => {
    for (const f of ['bills/fx-001.pdf', 'business/bh-002.pdf']) {
      for (const p of await text(f)) expect(textLegible(shifted(p, -29)), `${f} page ${p.page}`).toBe(false);
    }
  });

  it('reads letters that are all printable but spell no bill’s wording as no text', async () => {
    // each letter moved 13 places in the alphabet, digits and punctuation kept: only the wording tells
    const rot = (p: PageWords): PageWords => ({
      ...p,
      words: p.words.map((w) => ({
        ...w,
        text: w.text.replace(/[A-Za-z]/g, (c) => {
          const a = c <= 'Z' ? 65 : 97;
          return String.fromCharCode(((c.charCodeAt(0) - a + 13) % 26) + a);
        }),
      })),
    });
    for (const f of ['bills/fx-001.pdf', 'business/bh-002.pdf']) {
      for (const p of await text(f)) {
        const l = legibility(rot(p));
        expect(l.unreadable).toBe(0);
        if (l.words >= 20) expect(textLegible(rot(p)), `${f} page ${p.page}`).toBe(false);
      }
    }
  });

  it('does not judge a page of a few words by its wording', () => {
    const page: PageWords = {
      page: 1,
      width: 612,
      height: 792,
      source: 'text',
      words: ['Numbers', '312-555-0100', '312-555-0101', 'Qxv', 'Zrrt'].map((t, i) => ({
        text: t,
        conf: 1,
        x0: 10,
        y0: 10 + i * 12,
        x1: 80,
        y1: 20 + i * 12,
      })),
    };
    expect(textLegible(page)).toBe(true);
  });
});
