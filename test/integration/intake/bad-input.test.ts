// Every kind of bad bill gets a specific DeskError, from files generated here.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { readBillWords } from '../../../electron/desk/intake/pipeline';
import { LIMITS } from '../../../electron/desk/intake/sniff';
import { DeskError } from '../../../shared/errors';
import sharp from 'sharp';
import { PDFDocument } from 'pdf-lib';
import {
  gifBytes,
  rasterise,
  manyPagesPdf,
  passwordPdf,
  pngBomb,
  scannedPdf,
  tempDir,
  textBillPdf,
  zipBytes,
} from './fixtures';

const dir = tempDir();
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, bytes: Uint8Array): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, bytes);
  return f;
}

async function failure(p: Promise<unknown>): Promise<DeskError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(DeskError);
    return err as DeskError;
  }
  throw new Error('expected a DeskError');
}

describe('bad bills', () => {
  it('refuses a 0-byte file', async () => {
    const e = await failure(readBillWords(write('empty.pdf', new Uint8Array())));
    expect(e.code).toBe('BAD_INPUT_FILE');
    expect(e.message).toBe('empty.pdf is empty (0 bytes)');
  });

  it('refuses a truncated PDF', async () => {
    const pdf = await textBillPdf();
    const e = await failure(readBillWords(write('cut.pdf', pdf.subarray(0, Math.floor(pdf.length / 2)))));
    expect(e.code).toBe('BAD_INPUT_FILE');
    expect(e.message).toMatch(/^cut\.pdf is truncated/);
  });

  it('refuses a corrupt PDF', async () => {
    const junk = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.alloc(4000, 0x5a),
      Buffer.from('\n%%EOF\n'),
    ]);
    const e = await failure(readBillWords(write('corrupt.pdf', junk)));
    expect(e.code).toBe('BAD_INPUT_FILE');
    expect(e.message).toMatch(/^corrupt\.pdf (is not a readable PDF|could not be read as a PDF)/);
  });

  it('refuses a password-protected PDF with what to do about it', async () => {
    const e = await failure(readBillWords(write('locked.pdf', passwordPdf())));
    expect(e.code).toBe('BAD_INPUT_FILE');
    expect(e.message).toBe('locked.pdf is password-protected; ask the customer for an unlocked copy');
  });

  it('refuses a 500-page PDF before reading its pages', async () => {
    const e = await failure(readBillWords(write('huge.pdf', await manyPagesPdf(500))));
    expect(e.code).toBe('LIMIT_EXCEEDED');
    expect(e.message).toBe(
      `huge.pdf has 500 pages; the desk accepts bills of at most ${LIMITS.maxPages} pages`,
    );
  });

  it('refuses a 20000 × 20000 image from its header, without decoding it', async () => {
    const before = process.memoryUsage().rss;
    const e = await failure(readBillWords(write('bomb.png', pngBomb())));
    expect(e.code).toBe('LIMIT_EXCEEDED');
    expect(e.message).toMatch(
      /^bomb\.png is 20000 × 20000 pixels \(400 MP\); the desk reads images of at most 60 MP$/,
    );
    // Decoding would have needed 1.2 GB.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('says a .pdf is really a ZIP archive', async () => {
    const e = await failure(readBillWords(write('bill.pdf', zipBytes())));
    expect(e.code).toBe('BAD_INPUT_FILE');
    expect(e.message).toMatch(
      /^bill\.pdf is a (ZIP archive|Word document \(DOCX\)), not a bill \(it was named \.pdf\)/,
    );
  });

  it('refuses an unsupported type by name', async () => {
    const e = await failure(readBillWords(write('logo.gif', gifBytes())));
    expect(e.code).toBe('BAD_INPUT_FILE');
    expect(e.message).toBe(
      'logo.gif is a GIF image, not a bill (it was named .gif); send a PDF, JPEG, PNG, TIFF or HEIC',
    );
  });

  it('refuses a file over the size limit without reading it', async () => {
    const f = path.join(dir, 'big.pdf');
    const fd = fs.openSync(f, 'w');
    fs.ftruncateSync(fd, LIMITS.maxBytes + 1);
    fs.closeSync(fd);
    const e = await failure(readBillWords(f));
    expect(e.code).toBe('LIMIT_EXCEEDED');
    expect(e.message).toMatch(/^big\.pdf is 50 MB; the desk accepts bills of at most 50 MB$/);
  });

  it('says when a bill has no fields (an empty scanned page)', async () => {
    const e = await failure(intakeBill(write('blank.pdf', await textBillPdf({ blank: true }))));
    expect(e.code).toBe('BAD_INPUT_FILE');
    expect(e.message).toMatch(/^No bill fields found in blank\.pdf/);
  });

  it("says so when a scan's embedded JPEG is garbled, and leaves the file as it was", async () => {
    const jpeg = await sharp({ create: { width: 1700, height: 2200, channels: 3, background: '#eee' } })
      .jpeg()
      .toBuffer();
    const bytes = await scannedPdf(jpeg, 200);
    // Keep the JPEG's header (its size still reads), garble its scan data.
    const at = Buffer.from(bytes).indexOf(Buffer.from([0xff, 0xd8, 0xff]));
    for (let i = at + 700; i < at + jpeg.length - 2; i++) bytes[i] = (i * 7) & 0xff;
    const file = write('garbled-scan.pdf', bytes);
    const before = fs.readFileSync(file);
    const e = await failure(intakeBill(file));
    expect(e.code).toBe('BAD_INPUT_FILE');
    expect(e.message).toMatch(/garbled-scan\.pdf/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('reports an oversized last page of a multi-page scan by name, after the pages before it', async () => {
    // The pages before it are read on both engines first: the last page's failure must still
    // reach the agent, naming the page and the file.
    const good = await rasterise(await textBillPdf(), 200);
    // A small JPEG whose header claims 20000 x 20000 pixels: refused from the header alone.
    const huge = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#eee' } })
      .jpeg()
      .toBuffer();
    const sof = huge.indexOf(Buffer.from([0xff, 0xc0]));
    huge.writeUInt16BE(20000, sof + 5);
    huge.writeUInt16BE(20000, sof + 7);
    const doc = await PDFDocument.create();
    for (const jpeg of [good, good, huge]) {
      const img = await doc.embedJpg(jpeg);
      const w = Math.min((img.width * 72) / 200, 1000);
      const h = Math.min((img.height * 72) / 200, 1300);
      doc.addPage([w, h]).drawImage(img, { x: 0, y: 0, width: w, height: h });
    }
    const file = write('oversized-last-page.pdf', await doc.save());
    const e = await failure(readBillWords(file));
    expect(e.code).toBe('LIMIT_EXCEEDED');
    expect(e.message).toMatch(/^Page 3 of oversized-last-page\.pdf /);
  }, 120_000);
});
