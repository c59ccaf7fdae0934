// Postal barcodes erased from a page image before OCR. A mailed bill carries the Intelligent Mail
// barcode its print vendor set by the address: 65 thin bars, evenly pitched, each one of four
// heights about a common centre line. OCR reads the bars as a line of junk ("I FY LUT LUTTE ull
// ugar") and, worse, learns from it: on a scanned bill whose barcode sat under the mailing block,
// the service address above came out "107 Bridge Avent" where the same scan without the barcode
// read "Avenue". A person skips the bars; so do we, by painting them paper. The tracking digits a
// vendor prints under the bars are print and stay.
//
// A barcode is told from print by its bars: at least twenty separate upright strokes in a row,
// a few points apart at an even pitch, overlapping along one band, of at least two heights (a
// row of "1"s or "I"s is one height, a table's rules are far apart).
import type { Blob, InkBlobs } from './ink-blobs';

/** Fewest bars that make a barcode (an IMb has 65, a POSTNET 52 or 62). */
const MIN_BARS = 20;
/** Bar pitches may differ from their median by this share (print and scan jitter). */
const PITCH_TOLERANCE = 0.35;

export interface Barcode {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  bars: number;
}

/**
 * Finds barcodes among the page's ink blobs and paints their bars paper, in place. `data` is
 * 8-bit grey, `ink` its labelling at `threshold`. Returns the barcodes erased.
 */
export function eraseBarcodes(
  data: Uint8Array,
  width: number,
  ink: InkBlobs,
  threshold: number,
  dpi: number,
): Barcode[] {
  const pt = dpi / 72;
  // a bar: narrow and upright, 1-3 pt wide (blur widens it), 2.5-16 pt tall, filled
  const bars = ink.blobs
    .map((b, k) => ({ b, k }))
    .filter(({ b }) => {
      const w = b.x1 - b.x0 + 1;
      const h = b.y1 - b.y0 + 1;
      return w <= 3.2 * pt && h >= 2.5 * pt && h <= 16 * pt && h >= 1.6 * w && b.area >= 0.6 * w * h;
    })
    .sort((a, c) => a.b.x0 - c.b.x0);
  if (bars.length < MIN_BARS) return [];
  // Chains of bars, each the next one along: 1.8-6 pt on, overlapping the last bar's band.
  const chains: Array<typeof bars> = [];
  for (const bar of bars) {
    const b = bar.b;
    const chain = chains.find((c) => {
      const last = c[c.length - 1]!.b;
      const gap = b.x0 - last.x0;
      return (
        gap >= 1.8 * pt && gap <= 6 * pt && Math.min(b.y1, last.y1) - Math.max(b.y0, last.y0) >= 1.5 * pt
      );
    });
    if (chain) chain.push(bar);
    else chains.push([bar]);
  }
  const found: Barcode[] = [];
  for (const c of chains) {
    if (c.length < MIN_BARS) continue;
    const gaps = c.slice(1).map((x, i) => x.b.x0 - c[i]!.b.x0);
    const pitch = median(gaps);
    if (gaps.some((g) => Math.abs(g - pitch) > PITCH_TOLERANCE * pitch)) continue;
    const heights = c.map((x) => x.b.y1 - x.b.y0 + 1);
    if (Math.max(...heights) < 1.8 * Math.min(...heights)) continue;
    const box = {
      x0: Math.min(...c.map((x) => x.b.x0)),
      y0: Math.min(...c.map((x) => x.b.y0)),
      x1: Math.max(...c.map((x) => x.b.x1)),
      y1: Math.max(...c.map((x) => x.b.y1)),
    };
    paint(
      data,
      width,
      threshold,
      c.map((x) => x.b),
      box,
      dpi,
    );
    found.push({ ...box, bars: c.length });
  }
  return found;
}

/** Each bar's box, a rim wider for its blurred edge, set to the paper around the barcode. */
function paint(
  data: Uint8Array,
  width: number,
  threshold: number,
  bars: Blob[],
  box: { x0: number; y0: number; x1: number; y1: number },
  dpi: number,
): void {
  const height = data.length / width;
  const rim = Math.max(1, Math.round(dpi / 150));
  // the paper: the lighter pixels of the barcode's box (between the bars, mostly paper)
  const px: number[] = [];
  for (let y = box.y0; y <= box.y1; y += 2)
    for (let x = box.x0; x <= box.x1; x += 2) {
      const v = data[y * width + x]!;
      if (v >= threshold) px.push(v);
    }
  px.sort((a, d) => a - d);
  const paper = px.length ? px[Math.floor(px.length * 0.85)]! : 255;
  for (const b of bars)
    for (let y = Math.max(0, b.y0 - rim); y <= Math.min(height - 1, b.y1 + rim); y++)
      for (let x = Math.max(0, b.x0 - rim); x <= Math.min(width - 1, b.x1 + rim); x++)
        data[y * width + x] = paper;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
