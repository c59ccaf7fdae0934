// Real text written over the pages of an image-only PDF, as an e-fax service or a PDF annotator
// adds its line to a scan: a few words of text layer over a picture that holds the bill.
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

/** `lineOf(k, n)` written at the top of page k (0-based) of n, in 8 pt Courier. */
export async function stampLines(
  pdf: Uint8Array,
  lineOf: (k: number, n: number) => string,
): Promise<Uint8Array> {
  // updateMetadata off: pdf-lib would stamp the clock as ModDate, and a seed must give the same bytes.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Courier);
  const pages = doc.getPages();
  pages.forEach((p, k) => {
    p.drawText(lineOf(k, pages.length), { x: 18, y: p.getHeight() - 11, size: 8, font, color: rgb(0, 0, 0) });
  });
  return doc.save({ useObjectStreams: false });
}
