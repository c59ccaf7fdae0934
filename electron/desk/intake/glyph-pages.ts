// The pages of a PDF whose text layer is glyph ids (text-legible.ts), read from their glyphs
// (glyph-decode.ts). The first page is read by OCR, and then the later pages that hold codes its
// votes leave undecided, so a bill whose later pages repeat the first page's fonts and
// characters has them read as text, without OCR. A page with codes still undecided after its
// own OCR keeps its decoded words and takes OCR's words for the ones it cannot decode; a page
// whose OCR found it turned, or where most words stay unread, is read by OCR as today.
import type { PageWords, Word } from '../../../shared/domain';
import { addVotes, decide, decodedWords, undecided, type Glyph, type GlyphVotes } from './glyph-decode';

export interface GlyphPage {
  page: number;
  width: number;
  height: number;
  glyphs: Glyph[];
}

/** How a glyph page came to be read: decoded whole, decoded with OCR's words for a few, or OCR. */
export type GlyphReading = 'decoded' | 'patched' | 'ocr';

export interface GlyphPagesRead {
  pages: PageWords[];
  how: Map<number, GlyphReading>;
  /** Pages read by OCR on the way (to vote, or as the page's reading). */
  ocred: number[];
}

/**
 * Past this share of a page's words unread, OCR's reading of the page stands. Below it, the
 * unread words are OCR's own words there: no worse than the page read as a picture.
 */
const MAX_UNREAD_SHARE = 0.5;

export async function readGlyphPages(
  pages: readonly GlyphPage[],
  ocr: (pages: number[]) => Promise<PageWords[]>,
): Promise<GlyphPagesRead> {
  const votes: GlyphVotes = new Map();
  let decided = new Map<string, string>();
  const reads = new Map<number, PageWords>();
  const ocred: number[] = [];
  const vote = async (batch: readonly GlyphPage[]): Promise<void> => {
    if (!batch.length) return;
    const got = await ocr(batch.map((p) => p.page));
    batch.forEach((p, i) => {
      const read = got[i]!;
      reads.set(p.page, read);
      ocred.push(p.page);
      // (a page read turned has its words on the turned page: they cannot vote on upright glyphs)
      if (!read.rotate) addVotes(votes, p.glyphs, read.words);
    });
    decided = decide(votes);
  };
  const pending = (ps: readonly GlyphPage[]): GlyphPage[] =>
    ps.filter((p) => undecided(p.glyphs, decided).size > 0);
  // The first page alone: its votes decide most of the document's codes. Then the pages it
  // leaves with codes undecided, together, so that the engines read them side by side.
  await vote(pending(pages.slice(0, 1)));
  await vote(pending(pages.slice(1)));
  const out: PageWords[] = [];
  const how = new Map<number, GlyphReading>();
  for (const p of pages) {
    let read = reads.get(p.page);
    if (read?.rotate) {
      out.push(read);
      how.set(p.page, 'ocr');
      continue;
    }
    const decoded = decodedWords(p.glyphs, decided);
    const unread = decoded.filter((w): w is { unread: Glyph[] } => 'unread' in w);
    if (!unread.length) {
      out.push(textPage(p, decoded as Word[]));
      how.set(p.page, 'decoded');
      continue;
    }
    // (a code decided before a later page's votes can lose its decision to them)
    if (!read) {
      [read] = await ocr([p.page]);
      ocred.push(p.page);
    }
    if (unread.length > MAX_UNREAD_SHARE * decoded.length) {
      out.push(read!);
      how.set(p.page, 'ocr');
      continue;
    }
    const words: Word[] = decoded.filter((w): w is Word => 'text' in w);
    for (const u of unread) words.push(...ocrWordsOver(u.unread, read!.words));
    out.push(textPage(p, words));
    how.set(p.page, 'patched');
  }
  return { pages: out, how, ocred };
}

function textPage(p: GlyphPage, words: Word[]): PageWords {
  return { page: p.page, width: p.width, height: p.height, source: 'text', words };
}

/** OCR's words whose centres lie on the glyphs of a word that could not be decoded. */
export function ocrWordsOver(glyphs: readonly Glyph[], ocr: readonly Word[]): Word[] {
  const size = Math.max(...glyphs.map((g) => g.size));
  const x0 = Math.min(...glyphs.map((g) => g.x0));
  const x1 = Math.max(...glyphs.map((g) => g.x1));
  const y0 = glyphs[0]!.baseline - 0.8 * size;
  const y1 = glyphs[0]!.baseline + 0.2 * size;
  return ocr.filter((w) => {
    const cx = (w.x0 + w.x1) / 2;
    const cy = (w.y0 + w.y1) / 2;
    return cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1;
  });
}
