// Drawn test pages for the image-preparation steps: an SVG rasterised by librsvg through sharp
// into the 8-bit grey buffer those steps work on, and the ink left in a box of it.
import sharp from 'sharp';

export async function svgGrey(svg: string): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(Buffer.from(svg))
    .grayscale()
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Pixels darker than mid-grey in [x0, x1) x [y0, y1). */
export function inkIn(
  data: Uint8Array,
  width: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): number {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (data[y * width + x]! < 128) n++;
  return n;
}
