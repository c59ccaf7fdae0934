// intake:pageImage through dispatch over a real store and real blobs: image bills come back as the
// OCR read them (TIFF page by page, EXIF orientation applied, the OCR's turn applied), as a JPEG a
// browser can show; a PDF, a missing page or bad arguments get a clear error. Also: extractions
// stored before page records existed still load, with no pages.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import UTIF from 'utif2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/desk/dispatch';
import { openDesk, type Desk } from '../../../electron/desk/service';
import { ExtractionSchema, type Extraction, type ExtractionPage } from '../../../shared/domain';
import { caseInput } from '../../unit/store/fixtures';
import { rasterise, tempDir, textBillPdf } from './fixtures';

let dir: string;
let desk: Desk;
let caseId: number;
beforeAll(async () => {
  dir = tempDir('page-image-');
  desk = await openDesk({ dataDir: path.join(dir, 'data') });
  caseId = (await desk.deps.store.createCase(caseInput(), 'tester')).id;
});
afterAll(async () => {
  await desk.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Envelope = Awaited<ReturnType<typeof dispatch>>;
const raw = (channel: string, args: unknown): Promise<Envelope> =>
  dispatch(desk.handlers, channel, args, { actor: 'tester' });
async function call<T = Record<string, unknown>>(channel: string, args: unknown): Promise<T> {
  const r = await raw(channel, args);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as T;
}
interface Shot {
  mime: string;
  base64: string;
  width: number;
  height: number;
}
const pageImage = (documentId: number, page: number) => call<Shot>('intake:pageImage', { documentId, page });

const empty: Extraction = {
  fields: {
    carrier: null,
    accountName: null,
    accountNumber: null,
    btn: null,
    serviceAddress: null,
    billDate: null,
    numbers: [],
  },
  meta: {},
  numberMeta: {},
};

/** A document stored the way addBill stores one, without reading it (the picture is what counts). */
async function store(
  bytes: Uint8Array,
  file: { filename: string; mime: string; pages: number | null },
  pages?: ExtractionPage[],
): Promise<number> {
  const blob = await desk.deps.store.putBlob(bytes);
  const doc = await desk.deps.store.addDocument(
    caseId,
    { sha256: blob.sha256, kind: 'bill', size: bytes.byteLength, ...file },
    'tester',
  );
  await desk.deps.store.saveExtraction(doc.id, pages ? { ...empty, pages } : empty);
  return doc.id;
}

/** Grey pixels of a returned page, shrunk to w × h, for comparing pictures. */
async function grey(shot: Shot | Buffer, w: number, h: number): Promise<Buffer> {
  const input = Buffer.isBuffer(shot) ? shot : Buffer.from(shot.base64, 'base64');
  return sharp(input).resize(w, h, { fit: 'fill' }).grayscale().extractChannel(0).raw().toBuffer();
}
const meanDiff = (a: Buffer, b: Buffer) => a.reduce((s, v, i) => s + Math.abs(v - b[i]!), 0) / a.length;

/** White page with a black square in its top-left corner: shows which way up it is. */
function markedGrey(width: number, height: number, shade = 255): Buffer {
  const px = Buffer.alloc(width * height, shade);
  const m = Math.round(Math.min(width, height) / 4);
  for (let y = 0; y < m; y++) px.fill(0, y * width, y * width + m);
  return px;
}

/** A two-page greyscale TIFF, as a fax machine writes one: page 1 portrait, page 2 landscape. */
function twoPageTiff(): Buffer {
  const pages = [
    { w: 200, h: 260, data: markedGrey(200, 260) },
    { w: 300, h: 180, data: markedGrey(300, 180, 200) },
  ];
  const headerRoom = 4096;
  let offset = headerRoom;
  const ifds = pages.map((p) => {
    const ifd = {
      t256: [p.w],
      t257: [p.h],
      t258: [8],
      t259: [1],
      t262: [1],
      t273: [offset],
      t277: [1],
      t278: [p.h],
      t279: [p.data.length],
      t282: [[200, 1]],
      t283: [[200, 1]],
      t296: [2],
    };
    offset += p.data.length;
    return ifd;
  });
  const head = Buffer.from(UTIF.encode(ifds as never));
  expect(head.length).toBeLessThan(headerRoom);
  const out = Buffer.alloc(offset);
  head.copy(out, 0);
  let at = headerRoom;
  for (const p of pages) {
    p.data.copy(out, at);
    at += p.data.length;
  }
  return out;
}

describe('intake:pageImage', () => {
  it('returns each page of a multi-page TIFF as its own JPEG', async () => {
    const tif = twoPageTiff();
    // pages: null, as a row from before page counts were kept: the file itself says how many.
    const id = await store(tif, { filename: 'fax.tif', mime: 'image/tiff', pages: null });
    const one = await pageImage(id, 1);
    const two = await pageImage(id, 2);
    expect(one).toMatchObject({ mime: 'image/jpeg', width: 200, height: 260 });
    expect(two).toMatchObject({ mime: 'image/jpeg', width: 300, height: 180 });
    expect(Buffer.from(one.base64, 'base64').subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    // Page 2's paper is grey (200), page 1's white: each answer is its own page.
    const mean = async (s: Shot) => (await grey(s, 1, 1))[0]!;
    expect(await mean(one)).toBeGreaterThan(await mean(two));
    await expect(pageImage(id, 3)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('has 2 pages; there is no page 3') as string,
    });
  });

  it('applies EXIF orientation, as the OCR did', async () => {
    // Stored landscape with orientation 6: shown (and read) turned 90° clockwise, portrait, with
    // the stored top-left mark at the top right.
    const jpg = await sharp(markedGrey(300, 200), { raw: { width: 300, height: 200, channels: 1 } })
      .jpeg({ quality: 90 })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(jpg).metadata()).orientation).toBe(6);
    const id = await store(jpg, { filename: 'phone.jpg', mime: 'image/jpeg', pages: 1 }, [
      { page: 1, width: 144, height: 216, rotate: 0 },
    ]);
    const shot = await pageImage(id, 1);
    expect(shot).toMatchObject({ width: 200, height: 300 });
    const px = await grey(shot, 4, 6);
    expect(px[3]).toBeLessThan(80); // top-right corner: the mark
    expect(px[0]).toBeGreaterThan(180); // top-left: paper
  });

  it('shrinks a large picture to a width a viewer needs', async () => {
    const png = await sharp(markedGrey(2400, 300), { raw: { width: 2400, height: 300, channels: 1 } })
      .png()
      .toBuffer();
    const id = await store(png, { filename: 'wide.png', mime: 'image/png', pages: 1 });
    const shot = await pageImage(id, 1);
    expect(shot).toMatchObject({ mime: 'image/jpeg', width: 1700, height: 213 });
  });

  it('a photo read upside down comes back upright, matching its boxes', async () => {
    const upright = await rasterise(await textBillPdf(), 150);
    const upsideDown = await sharp(upright).rotate(180).jpeg({ quality: 85 }).toBuffer();
    const file = path.join(dir, 'upside-down.jpg');
    fs.writeFileSync(file, upsideDown);
    const res = await call<{ document: { id: number }; extraction: Extraction }>('intake:addBill', {
      caseId,
      path: file,
    });
    const [page] = res.extraction.pages ?? [];
    expect(page).toMatchObject({ page: 1, rotate: 180 });
    expect(page!.width).toBeCloseTo(612, 0);
    expect(page!.height).toBeCloseTo(792, 0);
    // The account number's box lies where the text bill drew it (x = 60 pt, ~110 pt from the
    // top), so the box is on the upright page.
    const box = res.extraction.meta.accountNumber!.boxes[0]!;
    expect(box.x0).toBeGreaterThan(60);
    expect(box.y0).toBeGreaterThan(90);
    expect(box.y1).toBeLessThan(125);

    const shot = await pageImage(res.document.id, 1);
    expect(shot).toMatchObject({ width: 1275, height: 1650 });
    const want = await grey(upright, 51, 66);
    const got = await grey(shot, 51, 66);
    const flipped = await grey(upsideDown, 51, 66);
    expect(meanDiff(got, want)).toBeLessThan(meanDiff(flipped, want) / 3);
  });

  it('refuses a PDF, a missing page, a missing document and bad arguments, each clearly', async () => {
    const pdf = await textBillPdf();
    const pdfId = await store(pdf, { filename: 'bill.pdf', mime: 'application/pdf', pages: 1 });
    await expect(pageImage(pdfId, 1)).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
      message: expect.stringContaining('bill.pdf (document') as string,
    });
    const png = await sharp(markedGrey(60, 80), { raw: { width: 60, height: 80, channels: 1 } })
      .png()
      .toBuffer();
    const pngId = await store(png, { filename: 'one.png', mime: 'image/png', pages: 1 });
    await expect(pageImage(pngId, 2)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('one.png (document') as string,
    });
    await expect(pageImage(999_999, 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    for (const args of [
      { documentId: pngId },
      { documentId: pngId, page: 0 },
      { documentId: pngId, page: 1.5 },
      { documentId: String(pngId), page: 1 },
      { documentId: -1, page: 1 },
    ]) {
      const r = await raw('intake:pageImage', args);
      expect(r.ok, JSON.stringify(args)).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('BAD_ARGUMENT');
    }
  });

  it('an extraction stored before page records loads with no pages', async () => {
    const png = await sharp(markedGrey(60, 80), { raw: { width: 60, height: 80, channels: 1 } })
      .png()
      .toBuffer();
    const id = await store(png, { filename: 'old.png', mime: 'image/png', pages: 1 });
    const { pages: _none, ...old } = { ...empty, pages: [] };
    void _none;
    await desk.deps.store.saveExtraction(id, old);
    expect(Object.keys((await desk.deps.store.getExtraction(id))!)).not.toContain('pages');
    const got = await call<{ extraction: Extraction }>('intake:getExtraction', { documentId: id });
    expect(got.extraction.pages).toEqual([]);
    expect(ExtractionSchema.parse(old).pages).toEqual([]);
    // The page itself still shows, upright as stored.
    expect(await pageImage(id, 1)).toMatchObject({ width: 60, height: 80 });
  });
});
