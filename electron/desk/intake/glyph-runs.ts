// The glyphs a PDF page draws, each with its font's code and where it lies. pdfjs' text content
// cannot serve a page whose fonts carry no character map (text-legible.ts): it gives each glyph
// id as the character of that number, and drops the ids that land on whitespace (9-13, 32) as if
// they were spaces, so a subset's fifth to ninth glyph, often digits, vanish. Its operator list
// keeps every glyph's own code and advance; the text state is followed here as the canvas does.
import type { Glyph } from './glyph-decode';
import { loadPdfJs } from './pdfjs-load';
import { multiply } from './render';
import type { PdfPage } from './pdf-text';

type Matrix = [number, number, number, number, number, number];

/** `first`, then `second`: render.ts's product of PDF matrices, as the six numbers it is. */
const then = (first: Matrix, second: Matrix): Matrix => multiply(first, second) as Matrix;

function asMatrix(a: unknown): Matrix | null {
  const v = a as ArrayLike<number> | null | undefined;
  if (!v || v.length < 6) return null;
  const m = [v[0], v[1], v[2], v[3], v[4], v[5]].map(Number);
  return m.every(Number.isFinite) ? (m as Matrix) : null;
}

interface PdfjsGlyph {
  originalCharCode: number;
  width: number;
  isInFont: boolean;
  isSpace: boolean;
}

function isGlyph(g: unknown): g is PdfjsGlyph {
  return typeof g === 'object' && g !== null && typeof (g as PdfjsGlyph).originalCharCode === 'number';
}

interface TextState {
  ctm: Matrix;
  font: string;
  size: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

/**
 * The page's glyphs in drawing order, in page points with the origin top-left (as words are).
 * Null when most text does not run left to right upright on the page (a turned page): the
 * decoding is for plain print-stream pages, and anything else is read as today.
 */
export async function pageGlyphs(page: PdfPage): Promise<Glyph[] | null> {
  const pdfjs = await loadPdfJs();
  const OPS = pdfjs.OPS;
  const vt = asMatrix(page.getViewport({ scale: 1 }).transform)!;
  const list = await page.getOperatorList();
  const glyphs: Glyph[] = [];
  let st: TextState = {
    ctm: [1, 0, 0, 1, 0, 0],
    font: '',
    size: 0,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
  };
  const stack: TextState[] = [];
  let tm: Matrix = [1, 0, 0, 1, 0, 0];
  let lm: Matrix = [1, 0, 0, 1, 0, 0];
  /** Glyphs set aside, not upright. */
  let aside = 0;
  const moveText = (x: number, y: number): void => {
    lm = then([1, 0, 0, 1, x, y], lm);
    tm = lm;
  };
  const show = (items: unknown): void => {
    if (!Array.isArray(items)) return;
    const m = then(tm, then(st.ctm, vt));
    // Along the line in device space: a > 0, no shear or turn, y down. Other text (a slanted
    // "DUPLICATE" across the page, a margin strip) is set aside, as pageTextWords sets it aside.
    if (
      Math.abs(m[1]) > 1e-3 * Math.abs(m[0]) ||
      Math.abs(m[2]) > 1e-3 * Math.abs(m[3]) ||
      m[0] <= 0 ||
      m[3] >= 0
    ) {
      aside += items.length;
      return;
    }
    const sx = m[0];
    const height = Math.abs(m[3]) * st.size;
    const baseline = m[5] + m[3] * st.rise;
    let x = 0;
    for (const g of items) {
      if (typeof g === 'number') {
        x -= (g * st.size) / 1000;
        continue;
      }
      if (!isGlyph(g)) continue;
      const w = (g.width * st.size) / 1000;
      const spacing = st.charSpacing + (g.isSpace ? st.wordSpacing : 0);
      const left = m[4] + sx * x * st.hScale;
      glyphs.push({
        font: st.font,
        code: g.originalCharCode,
        blank: !g.isInFont,
        x0: left,
        x1: left + sx * w * st.hScale,
        baseline,
        size: height,
      });
      x += w + spacing;
    }
    tm = then([1, 0, 0, 1, x * st.hScale, 0], tm);
  };
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = (list.argsArray[i] ?? []) as unknown[];
    switch (fn) {
      case OPS.save:
        stack.push({ ...st });
        break;
      case OPS.restore:
        st = stack.pop() ?? st;
        break;
      case OPS.transform: {
        const m = asMatrix(args);
        if (m) st.ctm = then(m, st.ctm);
        break;
      }
      case OPS.paintFormXObjectBegin: {
        stack.push({ ...st });
        const m = asMatrix(args[0]);
        if (m) st.ctm = then(m, st.ctm);
        break;
      }
      case OPS.paintFormXObjectEnd:
        st = stack.pop() ?? st;
        break;
      case OPS.beginText:
        tm = [1, 0, 0, 1, 0, 0];
        lm = [1, 0, 0, 1, 0, 0];
        break;
      case OPS.setFont:
        st.font = String(args[0]);
        st.size = Number(args[1]) || 0;
        break;
      case OPS.setCharSpacing:
        st.charSpacing = Number(args[0]) || 0;
        break;
      case OPS.setWordSpacing:
        st.wordSpacing = Number(args[0]) || 0;
        break;
      case OPS.setHScale:
        st.hScale = (Number(args[0]) || 100) / 100;
        break;
      case OPS.setLeading:
        st.leading = -(Number(args[0]) || 0);
        break;
      case OPS.setTextRise:
        st.rise = Number(args[0]) || 0;
        break;
      case OPS.setTextMatrix: {
        const m = asMatrix(args[0]) ?? asMatrix(args);
        if (m) tm = lm = m;
        break;
      }
      case OPS.moveText:
        moveText(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case OPS.setLeadingMoveText:
        st.leading = Number(args[1]) || 0;
        moveText(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case OPS.nextLine:
        moveText(0, st.leading);
        break;
      case OPS.showText:
      case OPS.showSpacedText:
        show(args[0]);
        break;
      case OPS.nextLineShowText:
        moveText(0, st.leading);
        show(args[0]);
        break;
      case OPS.nextLineSetSpacingShowText:
        st.wordSpacing = Number(args[0]) || 0;
        st.charSpacing = Number(args[1]) || 0;
        moveText(0, st.leading);
        show(args[2]);
        break;
      default:
        break;
    }
  }
  if (aside > glyphs.length) return null;
  // Outside the crop box nothing is seen: a print vendor's job slug in the bleed (a run date, a
  // batch id like a phone number) is no print of the bill, and pdfjs' text content drops it too.
  // Its codes, which OCR of the page can never vote on, stayed undecided and sent every later
  // page to OCR.
  const { width, height } = page.getViewport({ scale: 1 });
  return glyphs.filter((g) => g.x1 > 0 && g.x0 < width && g.baseline > 0 && g.baseline - g.size < height);
}
