// Bills and bad files the intake tests generate for themselves.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import sharp from 'sharp';
import { openPdf } from '../../../electron/desk/intake/pdf-text';
import { renderPdfPage } from '../../../electron/desk/intake/render';

export function tempDir(prefix = 'intake-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const BILL = {
  carrier: 'Granite State Telephone',
  accountName: 'Birchwood Bakery LLC',
  accountNumber: '4471-902-336',
  btn: '(603) 555-0142',
  line1: '88 Maple Street',
  cityLine: 'Concord, NH 03301',
  billDate: 'March 4, 2025',
  numbers: ['(603) 555-0142', '(603) 555-0177'],
};

/** A one-page bill with a text layer, drawn with pdf-lib in large, clean type. */
export async function textBillPdf(opts: { blank?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  if (!opts.blank) {
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    let y = 740;
    const line = (text: string, size = 13, f = font) => {
      page.drawText(text, { x: 60, y, size, font: f, color: rgb(0, 0, 0) });
      y -= size + 12;
    };
    line(BILL.carrier, 20, bold);
    line(`Bill Date: ${BILL.billDate}`);
    line(`Account Number: ${BILL.accountNumber}`);
    line(`Account Name: ${BILL.accountName}`);
    line(`Billing Telephone Number: ${BILL.btn}`);
    line('Service Address:');
    line(BILL.line1);
    line(BILL.cityLine);
    y -= 10;
    line('Lines on this account', 14, bold);
    for (const n of BILL.numbers) line(`${n}    Business Line    $42.10`);
  }
  return doc.save();
}

/** Renders page 1 of a PDF to JPEG at `dpi`, as a scanner would deliver it. */
export async function rasterise(pdf: Uint8Array, dpi = 200): Promise<Buffer> {
  const doc = await openPdf(pdf);
  try {
    const { image } = await renderPdfPage(await doc.getPage(1), dpi);
    return await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } })
      .jpeg({ quality: 80 })
      .toBuffer();
  } finally {
    await doc.destroy();
  }
}

/** A PDF whose only page is the given JPEG (a scanned bill with no text layer). */
export async function scannedPdf(jpeg: Buffer, dpi = 200): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const img = await doc.embedJpg(jpeg);
  const w = (img.width * 72) / dpi;
  const h = (img.height * 72) / dpi;
  const page = doc.addPage([w, h]);
  page.drawImage(img, { x: 0, y: 0, width: w, height: h });
  return doc.save();
}

export async function manyPagesPdf(n: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < n; i++) doc.addPage([612, 792]);
  return doc.save();
}

/**
 * A PDF encrypted with the standard security handler whose user password is not empty. pdf-lib
 * cannot encrypt, so the trailer is written by hand; /U does not verify against the empty
 * password, which is exactly what a reader sees for a password-protected file.
 */
export function passwordPdf(): Buffer {
  const hex = (n: number, seed: number) =>
    Array.from({ length: n }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join('');
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(32, 7)}> /U <${hex(32, 91)}> /P -44 >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${hex(16, 3)}> <${hex(16, 3)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A tiny file claiming to be a 20000 × 20000 PNG: 400 MP, 1.6 GB once decoded. */
export function pngBomb(width = 20000, height = 20000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    sig,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The local-file header of a ZIP archive followed by some content. */
export function zipBytes(): Buffer {
  return Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]),
    Buffer.from('word/document.xml'.padEnd(200, '\0')),
  ]);
}

export function gifBytes(): Buffer {
  return Buffer.concat([
    Buffer.from('GIF89a', 'ascii'),
    Buffer.from([1, 0, 1, 0, 0x80, 0, 0]),
    Buffer.alloc(64),
  ]);
}
