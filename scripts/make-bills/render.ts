// Turns a text PDF into the renditions intake meets in practice: scanned PDF, phone photo,
// a scan turned 90 or 270 degrees, a multi-page fax TIFF. All randomness comes from the seeded Rng.
import path from 'node:path';
import { createRequire } from 'node:module';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import type { Rng } from './rng';

export interface Made {
  data: Uint8Array;
  ext: string;
  pages?: number;
  render: Record<string, unknown>;
}

const require = createRequire(import.meta.url);
const FONTS = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';

interface Raster {
  data: Buffer; // RGB
  width: number;
  height: number;
}

async function rasterize(pdf: Uint8Array, dpi: number, maxPages = 99): Promise<Raster[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: pdf.slice(), standardFontDataUrl: FONTS, verbosity: 0 })
    .promise;
  const out: Raster[] = [];
  for (let i = 1; i <= Math.min(doc.numPages, maxPages); i++) {
    const page = await doc.getPage(i);
    const vp = page.getViewport({ scale: dpi / 72 });
    const w = Math.round(vp.width),
      h = Math.round(vp.height);
    const canvas = createCanvas(w, h);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, w, h);
    // @napi-rs/canvas is API-compatible with the DOM canvas pdfjs expects
    await page.render({ canvas: canvas as never, canvasContext: ctx as never, viewport: vp }).promise;
    // The canvas's own pixels, with sharp dropping the alpha: getImageData un-premultiplied
    // every pixel and a loop in JS copied them out, ~0.5 s a page. The page is painted on
    // opaque white, so its pixels are the same either way.
    const rgb = await sharp(canvas.data(), { raw: { width: w, height: h, channels: 4 } })
      .removeAlpha()
      .raw()
      .toBuffer();
    out.push({ data: rgb, width: w, height: h });
    page.cleanup();
  }
  await doc.destroy();
  return out;
}

/** Seeded sensor noise plus an optional lighting gradient, applied in place on raw pixels. */
function grain(
  buf: Buffer,
  w: number,
  h: number,
  ch: number,
  r: Rng,
  amount: number,
  light?: { ax: number; ay: number; lo: number; hi: number },
): void {
  // The terms of each column are worked out once, not once a row: the same operations in the
  // same order, so every seed still gives the same pixels, in a fraction of the time.
  const colT = new Float64Array(w);
  const colD = new Float64Array(w);
  for (let x = 0; x < w; x++) {
    const dx = x / w - 0.5;
    colT[x] = light ? dx * light.ax : 0;
    colD[x] = dx * dx;
  }
  for (let y = 0; y < h; y++) {
    const dy = y / h - 0.5;
    const rowT = light ? dy * light.ay : 0;
    const rowD = dy * dy;
    let o = y * w * ch;
    for (let x = 0; x < w; x++, o += ch) {
      const n = (r.next() + r.next() + r.next() - 1.5) * amount * 24;
      let f = 1;
      if (light) {
        const t = (colT[x]! + rowT + 1) / 2;
        f = light.lo + (light.hi - light.lo) * Math.min(1, Math.max(0, t)) - (colD[x]! + rowD) * 0.35;
      }
      for (let c = 0; c < ch; c++) {
        const v = buf[o + c]! * f + n;
        buf[o + c] = v < 0 ? 0 : v > 255 ? 255 : v;
      }
    }
  }
}

async function scanPage(
  p: Raster,
  r: Rng,
  o: { rot: number; blur: number; noise: number; q: number; turn: number },
): Promise<Buffer> {
  const gray = await sharp(p.data, { raw: { width: p.width, height: p.height, channels: 3 } })
    .grayscale()
    .rotate(o.rot, { background: '#ffffff' })
    .blur(o.blur)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = gray.info;
  grain(gray.data, width, height, 1, r, o.noise);
  let img = sharp(gray.data, { raw: { width, height, channels: 1 } });
  if (o.turn) img = img.rotate(o.turn);
  return img.toColourspace('b-w').jpeg({ quality: o.q }).toBuffer();
}

async function imagePdf(jpegs: Buffer[], producer = 'ScanSnap Manager'): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  const d = new Date(Date.UTC(2025, 0, 1));
  out.setCreationDate(d);
  out.setModificationDate(d);
  out.setProducer(producer);
  for (const j of jpegs) {
    const img = await out.embedJpg(j);
    // a picture wider than tall is a landscape page, or a portrait page turned on its side
    const [W, H] = img.width > img.height ? [792, 612] : [612, 792];
    const page = out.addPage([W, H]);
    page.drawImage(img, { x: 0, y: 0, width: W, height: H });
  }
  return out.save({ useObjectStreams: false });
}

const round = (n: number, k = 2): number => Math.round(n * 10 ** k) / 10 ** k;

/**
 * The bill as a copier's "2 pages per sheet" prints it: landscape letter sheets, each holding two
 * pages side by side (page 1 left, page 2 right), every page shrunk to fit its half (x0.647 for
 * letter), centred in it, the last sheet's right half blank when the pages are odd. The pages
 * keep their text (pdf-lib embeds each as a form), so the sheet is a text PDF too.
 */
export async function twoUpPdf(
  pdf: Uint8Array,
): Promise<{ data: Uint8Array; sheets: number; scale: number }> {
  const src = await PDFDocument.load(pdf);
  const out = await PDFDocument.create();
  const d = new Date(Date.UTC(2025, 0, 1));
  out.setCreationDate(d);
  out.setModificationDate(d);
  out.setProducer('Copier 2-up');
  const embedded = await out.embedPages(src.getPages());
  const [W, H] = [792, 612];
  let scale = 1;
  for (let i = 0; i < embedded.length; i += 2) {
    const sheet = out.addPage([W, H]);
    for (const [k, e] of [embedded[i], embedded[i + 1]].entries()) {
      if (!e) continue;
      const s = Math.min(W / 2 / e.width, H / e.height);
      scale = s;
      const w = e.width * s;
      const h = e.height * s;
      sheet.drawPage(e, { x: (k * W) / 2 + (W / 2 - w) / 2, y: (H - h) / 2, width: w, height: h });
    }
  }
  return {
    data: await out.save({ useObjectStreams: false }),
    sheets: out.getPageCount(),
    scale: round(scale, 3),
  };
}

export async function renderRendition(kind: string, pdf: Uint8Array, pages: number, r: Rng): Promise<Made> {
  switch (kind) {
    case 'text-pdf':
      return { data: pdf, ext: 'pdf', render: {} };
    case 'two-up-pdf':
    case 'two-up-scan':
      // A landscape bill (Petrel) would go on a portrait sheet, top and bottom: not this rendition.
      if (await landscapeFirst(pdf))
        return renderRendition(kind === 'two-up-pdf' ? 'text-pdf' : 'scan-pdf', pdf, pages, r);
      return twoUpRendition(kind, pdf, r);
  }
  return renderOther(kind, pdf, pages, r);
}

async function landscapeFirst(pdf: Uint8Array): Promise<boolean> {
  const page = (await PDFDocument.load(pdf)).getPage(0);
  return page.getWidth() > page.getHeight();
}

async function twoUpRendition(kind: string, pdf: Uint8Array, r: Rng): Promise<Made> {
  switch (kind) {
    case 'two-up-pdf': {
      const two = await twoUpPdf(pdf);
      return { data: two.data, ext: 'pdf', pages: two.sheets, render: { twoUp: true, scale: two.scale } };
    }
    case 'two-up-scan': {
      // The two-up sheets put through a sheet-fed scanner, as any scan is.
      const two = await twoUpPdf(pdf);
      const made = await renderRendition('scan-pdf', two.data, two.sheets, r);
      return { ...made, render: { ...made.render, twoUp: true, scale: two.scale } };
    }
  }
  throw new Error(`unknown rendition ${kind}`);
}

async function renderOther(kind: string, pdf: Uint8Array, pages: number, r: Rng): Promise<Made> {
  switch (kind) {
    case 'scan-pdf':
    case 'scan-rot90':
    case 'scan-turn90':
    case 'scan-turn270': {
      // The fixed turns draw scan-rot90's pick all the same: the rest of the scan is the same.
      const drawn = kind === 'scan-pdf' ? 0 : r.pick([90, 270]);
      const turn = kind === 'scan-turn90' ? 90 : kind === 'scan-turn270' ? 270 : drawn;
      const o = {
        dpi: r.pick([200, 200, 240, 300]),
        rot: round(r.float(-1.5, 1.5)),
        blur: round(r.float(0.35, 0.9)),
        noise: round(r.float(0.4, 0.9)),
        q: r.int(28, 50),
        turn,
      };
      // Keep big scans modest: 300 dpi only for one-page bills.
      if (pages > 1 && o.dpi > 200) o.dpi = 200;
      const rasters = await rasterize(pdf, o.dpi);
      const jpegs: Buffer[] = [];
      for (const p of rasters) jpegs.push(await scanPage(p, r, o));
      return { data: await imagePdf(jpegs), ext: 'pdf', pages: rasters.length, render: o };
    }
    case 'mixed-pdf': {
      const o = {
        dpi: 200,
        rot: round(r.float(-1.2, 1.2)),
        blur: round(r.float(0.35, 0.7)),
        noise: round(r.float(0.4, 0.7)),
        q: r.int(35, 50),
        turn: 0,
        textPages: [1],
      };
      const src = await PDFDocument.load(pdf);
      const out = await PDFDocument.create();
      const d = new Date(Date.UTC(2025, 0, 1));
      out.setCreationDate(d);
      out.setModificationDate(d);
      const [first] = await out.copyPages(src, [0]);
      out.addPage(first);
      const rasters = await rasterize(pdf, o.dpi);
      for (const p of rasters.slice(1)) {
        const img = await out.embedJpg(await scanPage(p, r, o));
        const [W, H] = img.width > img.height ? [792, 612] : [612, 792];
        out.addPage([W, H]).drawImage(img, { x: 0, y: 0, width: W, height: H });
      }
      return {
        data: await out.save({ useObjectStreams: false }),
        ext: 'pdf',
        pages: rasters.length,
        render: o,
      };
    }
    case 'photo': {
      const o = {
        dpi: r.int(150, 220),
        rot: round(r.float(-3, 3)),
        shear: [round(r.float(-0.03, 0.03), 3), round(r.float(-0.02, 0.02), 3)],
        gray: r.chance(0.3),
        q: r.int(60, 85),
        bg: r.pick(['#6b5a48', '#3e4a56', '#4d5e4a', '#8a8178', '#2f2a26']),
        png: r.chance(0.25),
      };
      // Noisy photos compress badly as PNG; keep those small: grey, 150 dpi, short palette.
      if (o.png) Object.assign(o, { gray: true, dpi: 150 });
      const [p] = await rasterize(pdf, o.dpi, 1);
      if (!p) throw new Error('no page to photograph');
      const tint = r.pick([
        [250, 246, 236],
        [244, 244, 240],
        [252, 248, 240],
      ]);
      for (let i = 0; i < p.data.length; i += 3) {
        p.data[i] = (p.data[i]! * tint[0]!) / 255;
        p.data[i + 1] = (p.data[i + 1]! * tint[1]!) / 255;
        p.data[i + 2] = (p.data[i + 2]! * tint[2]!) / 255;
      }
      const light = {
        ax: round(r.float(-1, 1)),
        ay: round(r.float(-1, 1)),
        lo: round(r.float(0.72, 0.85)),
        hi: round(r.float(0.98, 1.06)),
      };
      grain(p.data, p.width, p.height, 3, r, 0.25, light);
      const margin = Math.round(p.width * 0.06);
      const geo = await sharp(p.data, { raw: { width: p.width, height: p.height, channels: 3 } })
        .extend({ top: margin, bottom: margin, left: margin, right: margin, background: o.bg })
        .affine(
          [
            [1, o.shear[0]!],
            [o.shear[1]!, 1],
          ],
          { background: o.bg, interpolator: 'bilinear' },
        )
        .rotate(o.rot, { background: o.bg })
        .blur(0.6)
        .raw()
        .toBuffer({ resolveWithObject: true });
      let img = sharp(geo.data, { raw: { width: geo.info.width, height: geo.info.height, channels: 3 } });
      if (o.gray) img = img.grayscale();
      const data = o.png
        ? await img.png({ palette: true, colors: 16, dither: 0, compressionLevel: 9 }).toBuffer()
        : await img.jpeg({ quality: o.q }).toBuffer();
      return { data, ext: o.png ? 'png' : 'jpg', pages: 1, render: { ...o, light } };
    }
    case 'photo-pages': {
      // Every page photographed with a phone and cropped to the sheet by its scanning app, saved
      // as one PDF: the light, tint, tilt and blur of a photo, a sliver of table left at the edges.
      const o = {
        dpi: r.int(150, 190),
        q: r.int(55, 75),
        gray: r.chance(0.3),
        bg: r.pick(['#6b5a48', '#3e4a56', '#4d5e4a', '#2f2a26']),
      };
      const rasters = await rasterize(pdf, o.dpi);
      const jpegs: Buffer[] = [];
      const perPage: Record<string, unknown>[] = [];
      for (const p of rasters) {
        const g = {
          rot: round(r.float(-1.8, 1.8)),
          shear: [round(r.float(-0.015, 0.015), 3), round(r.float(-0.01, 0.01), 3)],
          ax: round(r.float(-1, 1)),
          ay: round(r.float(-1, 1)),
          lo: round(r.float(0.75, 0.88)),
          hi: round(r.float(0.98, 1.05)),
          edge: r.int(0, Math.round(p.width * 0.012)),
        };
        perPage.push(g);
        const tint = r.pick([
          [250, 246, 236],
          [244, 244, 240],
          [252, 248, 240],
        ]);
        for (let i = 0; i < p.data.length; i += 3) {
          p.data[i] = (p.data[i]! * tint[0]!) / 255;
          p.data[i + 1] = (p.data[i + 1]! * tint[1]!) / 255;
          p.data[i + 2] = (p.data[i + 2]! * tint[2]!) / 255;
        }
        grain(p.data, p.width, p.height, 3, r, 0.25, { ax: g.ax, ay: g.ay, lo: g.lo, hi: g.hi });
        const geo = await sharp(p.data, { raw: { width: p.width, height: p.height, channels: 3 } })
          .extend({ top: g.edge, bottom: g.edge, left: g.edge, right: g.edge, background: o.bg })
          .affine(
            [
              [1, g.shear[0]!],
              [g.shear[1]!, 1],
            ],
            { background: o.bg, interpolator: 'bilinear' },
          )
          .rotate(g.rot, { background: o.bg })
          .blur(0.55)
          .raw()
          .toBuffer({ resolveWithObject: true });
        let img = sharp(geo.data, { raw: { width: geo.info.width, height: geo.info.height, channels: 3 } });
        if (o.gray) img = img.grayscale();
        jpegs.push(await img.jpeg({ quality: o.q }).toBuffer());
      }
      return {
        data: await imagePdf(jpegs, 'Phone scanner app'),
        ext: 'pdf',
        pages: rasters.length,
        render: { ...o, pages: perPage },
      };
    }
    case 'screenshot': {
      // A phone's own screenshot: the screen's pixels at 3x (1170x2532 for a 390x844 pt screen),
      // lossless, no noise, no tilt.
      const o = { scale: 3 };
      const [p] = await rasterize(pdf, 72 * o.scale, 1);
      if (!p) throw new Error('no screen to capture');
      const data = await sharp(p.data, { raw: { width: p.width, height: p.height, channels: 3 } })
        .png({ compressionLevel: 9 })
        .toBuffer();
      return { data, ext: 'png', pages: 1, render: { ...o, width: p.width, height: p.height } };
    }
    case 'screen-photo': {
      // Another phone's photo of the screen: the screen in its black bezel on a table, tilted and
      // sheared, a glare across it, slight blur; JPEG.
      const o = {
        scale: round(r.float(1.6, 2.2)),
        rot: round(r.float(-5, 5)),
        shear: [round(r.float(-0.04, 0.04), 3), round(r.float(-0.03, 0.03), 3)],
        bg: r.pick(['#6b5a48', '#3e4a56', '#8a8178', '#c9c2b8']),
        glare: round(r.float(0.05, 0.16)),
        q: r.int(65, 85),
      };
      const [p] = await rasterize(pdf, 72 * o.scale, 1);
      if (!p) throw new Error('no screen to photograph');
      // the glare: a soft bright band across the glass
      const ax = r.float(-1, 1);
      for (let y = 0; y < p.height; y++)
        for (let x = 0; x < p.width; x++) {
          const t = Math.abs((x / p.width - 0.5) * ax + (y / p.height - 0.5));
          const g = Math.max(0, 1 - t * 4) * o.glare * 255;
          const k = (y * p.width + x) * 3;
          for (let c = 0; c < 3; c++) p.data[k + c] = Math.min(255, p.data[k + c]! + g);
        }
      grain(p.data, p.width, p.height, 3, r, 0.2);
      const bezel = Math.round(p.width * 0.05);
      const margin = Math.round(p.width * 0.18);
      // (sharp keeps one extend per pipeline: the bezel first, then the table)
      const phone = await sharp(p.data, { raw: { width: p.width, height: p.height, channels: 3 } })
        .extend({ top: bezel * 2, bottom: bezel * 2, left: bezel, right: bezel, background: '#0a0a0a' })
        .raw()
        .toBuffer({ resolveWithObject: true });
      const geo = await sharp(phone.data, {
        raw: { width: phone.info.width, height: phone.info.height, channels: 3 },
      })
        .extend({ top: margin, bottom: margin, left: margin, right: margin, background: o.bg })
        .affine(
          [
            [1, o.shear[0]!],
            [o.shear[1]!, 1],
          ],
          { background: o.bg, interpolator: 'bilinear' },
        )
        .rotate(o.rot, { background: o.bg })
        .blur(0.7)
        .jpeg({ quality: o.q })
        .toBuffer();
      return { data: geo, ext: 'jpg', pages: 1, render: o };
    }
    case 'fax-tiff': {
      // Fax machines send bilevel pages at 204x196 dpi; we use 200 and Group 4 compression.
      const o = { dpi: 200, rot: round(r.float(-1, 1)), threshold: r.int(150, 190) };
      const rasters = await rasterize(pdf, o.dpi);
      const pagesBw: Buffer[] = [];
      for (const p of rasters) {
        pagesBw.push(
          await sharp(p.data, { raw: { width: p.width, height: p.height, channels: 3 } })
            .grayscale()
            .rotate(o.rot, { background: '#ffffff' })
            .resize(p.width, p.height, { fit: 'cover' })
            .threshold(o.threshold)
            .toColourspace('b-w')
            .png()
            .toBuffer(),
        );
      }
      const data = await sharp(
        pagesBw.length > 1 ? pagesBw : pagesBw[0],
        pagesBw.length > 1 ? { join: { animated: true } } : {},
      )
        // joining pages adds an alpha band that Group 4 cannot carry
        .removeAlpha()
        .toColourspace('b-w')
        .tiff({ compression: 'ccittfax4', bitdepth: 1, xres: o.dpi / 25.4, yres: o.dpi / 25.4 })
        .toBuffer();
      return { data, ext: 'tif', pages: rasters.length, render: o };
    }
  }
  throw new Error(`unknown rendition ${kind}`);
}
