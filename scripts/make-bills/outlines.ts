// `outline-pdf`: a text bill whose type a print driver or a design tool turned to outlines. Each
// glyph is drawn as a filled vector path, so the page looks like `text-pdf` and has no text layer
// at all, and no scan either: a reader must draw the page itself and read it by OCR, at a
// resolution it chooses (Ghostscript's `pdfwrite -dNoOutputFonts` writes such files, and so do
// "print as outlines" export settings). Drawn with the Liberation fonts, whose glyph outlines
// fontkit gives; the standard 14 have none in pdf-lib.
import {
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  popGraphicsState,
  pushGraphicsState,
  setFillingColor,
  type PDFFont,
} from 'pdf-lib';
import type { Producer } from './producers';
import type { Rng } from './rng';

/** What pdf-lib keeps of an embedded font: the fontkit font and the features it lays text out with. */
interface Embedded {
  embedder?: { font?: FontkitFont; fontFeatures?: unknown; scale?: number };
}
interface FontkitFont {
  unitsPerEm: number;
  layout(s: string, features?: unknown): { glyphs: FontkitGlyph[] };
}
interface FontkitGlyph {
  advanceWidth: number;
  path: { commands: Array<{ command: string; args: number[] }> };
}

// hundredths of a point: a 25th of a pixel at 300 dpi
const round = (n: number): number => Math.round(n * 100) / 100;
const op = (name: PDFOperatorNames, ...args: number[]): PDFOperator =>
  PDFOperator.of(
    name,
    args.map((a) => PDFNumber.of(round(a))),
  );

/** The fontkit font behind an embedded pdf-lib font (the Liberation fonts `unmapped` draws with). */
function fontkitOf(font: PDFFont): { fk: FontkitFont; features: unknown } {
  const e = (font as unknown as Embedded).embedder;
  if (!e?.font) throw new Error(`outline-pdf needs embedded fonts; ${font.name} is a standard font`);
  return { fk: e.font, features: e.fontFeatures };
}

/**
 * Outlines of every string. `flat` bills turn the fonts' quadratic curves into line segments, as
 * some drivers do (the letters' curves become polygons); the rest keep them as Bézier curves.
 */
export function outlineProducer(rng: Rng, force: { flat?: boolean } = {}): Producer {
  const flat = force.flat ?? rng.chance(0.3);
  return {
    render: { producer: 'outline', flat },
    shape: (s) => s,
    text({ page, s, x, y, size, font, color }) {
      const { fk, features } = fontkitOf(font);
      const k = size / fk.unitsPerEm;
      const ops: PDFOperator[] = [pushGraphicsState(), setFillingColor(color)];
      let at = x;
      let drew = false;
      // the same glyphs and advances pdf-lib's encodeText and widthOfTextAtSize use, so each word
      // stands where `text-pdf` puts it
      for (const g of fk.layout(s, features).glyphs) {
        let cx = 0;
        let cy = 0;
        const X = (u: number): number => at + u * k;
        const Y = (v: number): number => y + v * k;
        for (const c of g.path.commands) {
          const a = c.args;
          if (c.command === 'moveTo') ops.push(op(PDFOperatorNames.MoveTo, X(a[0]!), Y(a[1]!)));
          else if (c.command === 'lineTo') ops.push(op(PDFOperatorNames.LineTo, X(a[0]!), Y(a[1]!)));
          else if (c.command === 'quadraticCurveTo') {
            const [qx, qy, ex, ey] = a as [number, number, number, number];
            if (flat) {
              for (const t of [0.25, 0.5, 0.75, 1]) {
                const u = 1 - t;
                const px = u * u * cx + 2 * u * t * qx + t * t * ex;
                const py = u * u * cy + 2 * u * t * qy + t * t * ey;
                ops.push(op(PDFOperatorNames.LineTo, X(px), Y(py)));
              }
            } else {
              // a quadratic curve is the cubic whose controls lie two thirds of the way to its one
              ops.push(
                op(
                  PDFOperatorNames.AppendBezierCurve,
                  X(cx + (2 / 3) * (qx - cx)),
                  Y(cy + (2 / 3) * (qy - cy)),
                  X(ex + (2 / 3) * (qx - ex)),
                  Y(ey + (2 / 3) * (qy - ey)),
                  X(ex),
                  Y(ey),
                ),
              );
            }
          } else if (c.command === 'bezierCurveTo')
            ops.push(op(PDFOperatorNames.AppendBezierCurve, ...a.map((v, i) => (i % 2 ? Y(v) : X(v)))));
          else if (c.command === 'closePath') ops.push(PDFOperator.of(PDFOperatorNames.ClosePath));
          if (a.length >= 2) [cx, cy] = [a[a.length - 2]!, a[a.length - 1]!];
          drew = true;
        }
        at += g.advanceWidth * k;
      }
      // nonzero winding, as a glyph's outer and inner contours are wound
      if (drew) ops.push(PDFOperator.of(PDFOperatorNames.FillNonZero));
      ops.push(popGraphicsState());
      page.pushOperators(...ops);
    },
    flush: () => undefined,
  };
}
