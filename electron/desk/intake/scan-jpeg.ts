// A plain scanned page's JPEG, taken straight from the file. pdfjs decodes a page's pictures in
// JavaScript while it builds the operator list: ~105 ms for a 200 dpi letter page, and ~30 ms
// more to turn its RGB into grey. sharp (libjpeg-turbo) decodes the same bytes to grey in
// ~20 ms. Only the plainest pages go this way: content that is nothing but one upright
// full-page JPEG, 8-bit grey or RGB, with no mask and no decode array. Anything else returns
// null and is read through pdfjs (render.ts).
import type * as PdfLibNs from 'pdf-lib';
import { coversPageUpright, multiply } from './render';

type PdfLib = typeof PdfLibNs;

export interface ScanJpeg {
  /** The JPEG file as embedded (PDF ignores any EXIF orientation in it; so must the reader). */
  jpeg: Buffer;
  width: number;
  height: number;
  /** Resolution across the page. */
  dpi: number;
}

/** Finds page `index`'s (0-based) JPEG; `view` is the page box pdfjs reports [x0 y0 x1 y1]. */
export type ScanJpegFinder = (index: number, view: number[]) => Promise<ScanJpeg | null>;

let pdfLib: Promise<PdfLib> | null = null;

/**
 * A finder over a PDF's bytes. pdf-lib parses the file on first use only (a bill whose pages
 * all have text never pays for it); a file it cannot parse finds nothing.
 */
export function scanJpegFinder(bytes: Uint8Array): ScanJpegFinder {
  let doc: Promise<{ lib: PdfLib; doc: PdfLibNs.PDFDocument } | null> | null = null;
  return async (index, view) => {
    doc ??= (async () => {
      try {
        // The one-file build: Node resolves 'pdf-lib' to its CommonJS tree of ~100 modules,
        // which took ~200 ms of a cold `desk intake`'s main thread to load (CPU profile); the
        // single file loads in ~65 ms.
        const lib = await (pdfLib ??= import('pdf-lib/dist/pdf-lib.esm.min.js'));
        const d = await lib.PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
        return { lib, doc: d };
      } catch {
        return null;
      }
    })();
    const opened = await doc;
    if (!opened) return null;
    try {
      return pageJpeg(opened.lib, opened.doc, index, view);
    } catch {
      return null;
    }
  };
}

/** Operators a plain scanned page's content may hold besides drawing its one picture. */
const HARMLESS = new Set(['q', 'Q', 'cm', 'gs']);

function pageJpeg(lib: PdfLib, doc: PdfLibNs.PDFDocument, index: number, view: number[]): ScanJpeg | null {
  const { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, decodePDFRawStream } = lib;
  if (index >= doc.getPageCount()) return null;
  const page = doc.getPage(index);
  if (page.getRotation().angle % 360 !== 0) return null;
  // The content, all streams joined (a page may split it).
  const contents = page.node.Contents();
  const streams =
    contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  let text = '';
  for (const s of streams) {
    if (!(s instanceof PDFRawStream)) return null;
    text += Buffer.from(decodePDFRawStream(s).decode()).toString('latin1') + '\n';
  }
  // A tiny content interpreter: numbers and names are operands, anything else an operator.
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  let operands: string[] = [];
  let drawn: { name: string; ctm: number[] } | null = null;
  for (const tok of text.match(/\/[^\s/[\]<>()]+|[^\s/[\]<>()]+|[[\]<>()]/g) ?? []) {
    if (tok.startsWith('/') || /^[-+]?(\d+\.?\d*|\.\d+)$/.test(tok)) {
      operands.push(tok);
      continue;
    }
    if (tok === 'Do') {
      if (drawn || operands.length !== 1) return null;
      drawn = { name: operands[0]!.slice(1), ctm };
    } else if (!HARMLESS.has(tok)) return null;
    else if (tok === 'q') stack.push(ctm);
    else if (tok === 'Q') ctm = stack.pop() ?? ctm;
    else if (tok === 'cm') {
      if (operands.length !== 6) return null;
      ctm = multiply(operands.map(Number), ctm);
    }
    operands = [];
  }
  if (!drawn || !coversPageUpright(drawn.ctm, view)) return null;
  const xobjects = page.node.Resources()?.lookup(PDFName.of('XObject'), PDFDict);
  const img = xobjects?.lookup(PDFName.of(drawn.name));
  if (!(img instanceof PDFRawStream)) return null;
  const d = img.dict;
  const name = (k: string): string | undefined => {
    const v = d.lookup(PDFName.of(k));
    if (v instanceof PDFName) return v.asString();
    if (v instanceof PDFArray && v.size() === 1) {
      const only = v.lookup(0);
      return only instanceof PDFName ? only.asString() : undefined;
    }
    return undefined;
  };
  const num = (k: string): number | undefined => {
    const v = d.lookup(PDFName.of(k));
    return v instanceof PDFNumber ? v.asNumber() : undefined;
  };
  if (name('Subtype') !== '/Image' || name('Filter') !== '/DCTDecode') return null;
  if (!['/DeviceGray', '/DeviceRGB'].includes(name('ColorSpace') ?? '')) return null;
  if (num('BitsPerComponent') !== 8) return null;
  for (const k of ['Decode', 'SMask', 'Mask', 'ImageMask', 'DecodeParms'])
    if (d.has(PDFName.of(k))) return null;
  const width = num('Width');
  const height = num('Height');
  if (!width || !height) return null;
  const pw = view[2]! - view[0]!;
  return {
    jpeg: Buffer.from(img.contents.buffer, img.contents.byteOffset, img.contents.byteLength),
    width,
    height,
    dpi: (width / pw) * 72,
  };
}
