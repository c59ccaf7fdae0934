// The `cid-pdf` rendition's fonts: print-stream converters (AFP and Metacode to PDF, some
// billing systems' own writers) embed each font as a subset with Identity-H encoding and no
// ToUnicode map. The page looks right, but its text layer holds glyph ids, not characters: copied
// or extracted, it reads as control characters and punctuation. A desk must see that and read the
// page as a picture. The Liberation fonts stand in for the standard 14 with the same metrics, so a
// template lays out glyph for glyph as it does in `text-pdf`.
import fs from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDict, PDFDocument, PDFName, PDFRef, StandardFonts, type PDFFont } from 'pdf-lib';

const DIR = '/usr/share/fonts/truetype/liberation2';
const FILE: Partial<Record<StandardFonts, string>> = {
  [StandardFonts.Helvetica]: 'LiberationSans-Regular.ttf',
  [StandardFonts.HelveticaBold]: 'LiberationSans-Bold.ttf',
  [StandardFonts.HelveticaOblique]: 'LiberationSans-Italic.ttf',
  [StandardFonts.TimesRoman]: 'LiberationSerif-Regular.ttf',
  [StandardFonts.TimesRomanBold]: 'LiberationSerif-Bold.ttf',
  [StandardFonts.TimesRomanItalic]: 'LiberationSerif-Italic.ttf',
  [StandardFonts.Courier]: 'LiberationMono-Regular.ttf',
  [StandardFonts.CourierBold]: 'LiberationMono-Bold.ttf',
  [StandardFonts.CourierOblique]: 'LiberationMono-Italic.ttf',
};

const bytes = new Map<string, Buffer>();

/** `f`'s stand-in, embedded as a subset (its ToUnicode map is taken out by `dropUnicodeMaps`). */
export async function embedUnmapped(pdf: PDFDocument, f: StandardFonts): Promise<PDFFont> {
  const file = FILE[f];
  if (!file) throw new Error(`cid-pdf: no stand-in font for ${f}`);
  const full = `${DIR}/${file}`;
  if (!bytes.has(full)) {
    if (!fs.existsSync(full))
      throw new Error(`cid-pdf needs the Liberation fonts (${DIR}): apt-get install fonts-liberation2`);
    bytes.set(full, fs.readFileSync(full));
  }
  pdf.registerFontkit(fontkit);
  return pdf.embedFont(bytes.get(full)!, { subset: true });
}

/** The saved document without any font's ToUnicode map: its text extracts as glyph ids. */
export async function dropUnicodeMaps(data: Uint8Array): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(data, { updateMetadata: false });
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const map = obj.get(PDFName.of('ToUnicode'));
    if (map instanceof PDFRef) pdf.context.delete(map);
    obj.delete(PDFName.of('ToUnicode'));
  }
  return pdf.save({ useObjectStreams: false });
}
