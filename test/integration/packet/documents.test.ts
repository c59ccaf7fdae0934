// The packet's documents, read back with pdfjs: every field and every number must be there.
// Pages are also rendered to test-results/packet/*.png for a human to look at.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { simpleParser } from 'mailparser';
import { buildPacket, type BuiltPacket } from '../../../electron/desk/packet/build';
import { writePacket } from '../../../electron/desk/packet/write';
import { formatPhone } from '../../../electron/desk/packet/text';
import { DeskError } from '../../../shared/errors';
import { sampleInput, makeBillPdf, makeBillJpeg, pdfText, renderPdf, pngDataUrlSignature } from './fixtures';

const ART = path.resolve('test-results/packet');
let tmp: string;
let built: BuiltPacket;

const file = (b: BuiltPacket, name: string) => b.files.find((f) => f.name === name)!.content;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'packet-docs-'));
  fs.mkdirSync(ART, { recursive: true });
  built = await buildPacket(
    sampleInput({
      bill: [
        { name: 'bill-november.pdf', mime: 'application/pdf', bytes: await makeBillPdf(2) },
        { name: 'photo.jpg', mime: 'image/jpeg', bytes: await makeBillJpeg() },
      ],
      signature: { kind: 'drawn', pngDataUrl: await pngDataUrlSignature() },
    }),
  );
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function saveRender(name: string, bytes: Uint8Array): Promise<void> {
  const pngs = await renderPdf(bytes);
  pngs.forEach((p, i) => fs.writeFileSync(path.join(ART, `${name}-p${i + 1}.png`), p));
}

describe('LOA', () => {
  it('carries every field, the authorization text and every number in Attachment A', async () => {
    const text = (await pdfText(file(built, 'loa-signed.pdf'))).join('\n');
    const k = sampleInput().kase;
    for (const s of [
      'Northwind Voice Porting',
      '500 Market St, Suite 400',
      k.customer.accountName,
      k.customer.accountNumber,
      formatPhone(k.customer.btn),
      'Verizon Business',
      '1200 Broadway Ste 210',
      'New York, NY 10001',
      'Zoë Martínez',
      'Owner',
      formatPhone('2125550199'),
      'zoe@cafezoe.example',
      'Attachment A',
      'Numbers to port (3)',
      'Numbers not to port (2)',
      'billing name',
      'billing address',
      'November 20, 2026',
    ]) {
      expect(text).toContain(s);
    }
    // Every number on the bill, ported or not, plus the new BTN.
    for (const n of ['2125550100', '2125550101', '2125550102', '2125550103', '8005550123'])
      expect(text).toContain(formatPhone(n));
    expect(text).toMatch(/new BTN \(212\) 555-0102/);
  });

  it('unsigned: a clear signature line and no date', async () => {
    const b = await buildPacket(sampleInput());
    const text = (await pdfText(file(b, 'loa-unsigned.pdf'))).join('\n');
    expect(text).toContain('To be signed by the authorized person');
    expect(text).toContain('Signature of authorized person');
    expect(text).not.toContain('Signed electronically');
    await saveRender('loa-unsigned', file(b, 'loa-unsigned.pdf'));
  });

  it('typed signature is drawn as text in the script font', async () => {
    const b = await buildPacket(sampleInput({ signature: { kind: 'typed', name: 'Zoë Martínez' } }));
    const text = (await pdfText(file(b, 'loa-signed.pdf'))).join('\n');
    expect(text).toContain('Signed electronically by typing the name "Zoë Martínez"');
    await saveRender('loa-typed', file(b, 'loa-signed.pdf'));
  });

  it('hundreds of numbers, long names and emoji: paginated, nothing lost, no crash', async () => {
    const numbers = Array.from({ length: 420 }, (_, i) => ({
      number: `3125${String(550000 + i).padStart(6, '0')}`,
      action: i % 7 === 0 ? ('keep' as const) : ('port' as const),
      kind: 'local' as const,
      e911: null,
    }));
    const base = sampleInput();
    const input = sampleInput({
      kase: {
        ...base.kase,
        customer: {
          ...base.kase.customer,
          accountName:
            'The Extraordinarily Long-Named Łódź Café 🍰 International Holdings and Subsidiaries Incorporated',
          btn: '3125550001',
        },
        authorized: {
          ...base.kase.authorized,
          name: 'Zoë 👩‍💼 Martínez-Ołowska',
          title: 'Chief Executive Officer and Authorized Signatory',
        },
        serviceAddress: {
          line1: '1200 North Lake Shore Drive, Building C, Suite 4100, Attention Telecom Department',
          line2: 'Rear entrance',
          city: 'Chicago',
          state: 'IL',
          zip: '60611',
        },
        numbers,
        newBtn: '3125550007',
      },
      billNumbers: [],
      checks: [],
      readiness: { level: null },
    });
    const b = await buildPacket(input);
    const loa = file(b, 'loa-unsigned.pdf');
    const pages = await pdfText(loa);
    expect(pages.length).toBeGreaterThan(3);
    const all = pages.join('\n');
    for (const n of numbers) expect(all).toContain(formatPhone(n.number));
    expect(all).toContain('Lódz Café ? International');
    await saveRender('loa-long', loa);
  });
});

describe('cover sheet, RespOrg letter, bill copy', () => {
  it('cover sheet: summary, readiness, masked PIN, checks and E911 table', async () => {
    const pdf = file(built, 'cover-sheet.pdf');
    const text = (await pdfText(pdf)).join('\n');
    expect(text).toContain('READY, WITH WARNINGS');
    expect(text).toContain('••••71');
    expect(text).not.toContain('493871');
    for (const s of [
      'Account name',
      'CAFE ZOE BAKERY & SONS',
      'MATCH',
      'WARNING',
      '(212) 555-0103 is on the bill',
      'December 2, 2026',
      '11:00 to 13:00 ET',
      '1200 Broadway Fl 3',
    ]) {
      expect(text).toContain(s);
    }
    for (const n of ['2125550100', '2125550101', '8005550123']) expect(text).toContain(formatPhone(n));
    await saveRender('cover', pdf);
  });

  it('RespOrg letter lists the toll-free numbers only', async () => {
    const pdf = file(built, 'resporg-letter.pdf');
    const text = (await pdfText(pdf)).join('\n');
    expect(text).toContain('Toll-Free RespOrg Change Authorization');
    expect(text).toContain('(800) 555-0123');
    expect(text).not.toContain('(212) 555-0101');
    await saveRender('resporg', pdf);
  });

  it('no toll-free numbers: no RespOrg letter', async () => {
    const base = sampleInput();
    const b = await buildPacket(
      sampleInput({
        kase: { ...base.kase, numbers: base.kase.numbers.filter((n) => n.kind !== 'tollfree') },
      }),
    );
    expect(b.files.map((f) => f.name)).not.toContain('resporg-letter.pdf');
  });

  it('bill copy: PDF pages as they are, photo at its true size', async () => {
    const doc = await PDFDocument.load(file(built, 'bill-copy.pdf'));
    expect(doc.getPageCount()).toBe(3);
    const text = await pdfText(file(built, 'bill-copy.pdf'));
    expect(text[0]).toContain('Statement page 1 of 2');
    expect(text[1]).toContain('Statement page 2 of 2');
    const photo = doc.getPage(2).getSize();
    // 1700x2200 px at the default 200 dpi is 8.5x11 in.
    expect(Math.round(photo.width)).toBe(612);
    expect(Math.round(photo.height)).toBe(792);
  });

  it('a sideways phone photo (EXIF orientation 6) is turned upright', async () => {
    const sideways = await sharp(await makeBillJpeg(1000, 600))
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const b = await buildPacket(
      sampleInput({ bill: [{ name: 'phone.jpg', mime: 'image/jpeg', bytes: sideways }] }),
    );
    const s = (await PDFDocument.load(file(b, 'bill-copy.pdf'))).getPage(0).getSize();
    expect(s.height).toBeGreaterThan(s.width);
  });

  it('the letterhead carries the desk logo', async () => {
    const logo = await sharp({ create: { width: 240, height: 80, channels: 3, background: '#1a4580' } })
      .png()
      .toBuffer();
    const base = sampleInput();
    const b = await buildPacket(
      sampleInput({ profile: { ...base.profile, logo: `data:image/png;base64,${logo.toString('base64')}` } }),
    );
    const cover = file(b, 'cover-sheet.pdf');
    expect(cover.length).toBeGreaterThan(file(built, 'cover-sheet.pdf').length);
    await saveRender('cover-logo', cover);
  });

  it('bill image with 300 dpi metadata keeps its size; a huge one is fit to Letter', async () => {
    const small = await buildPacket(
      sampleInput({
        bill: [{ name: 'a.jpg', mime: 'image/jpeg', bytes: await makeBillJpeg(900, 600, 300) }],
      }),
    );
    const d1 = await PDFDocument.load(file(small, 'bill-copy.pdf'));
    expect(d1.getPage(0).getSize()).toEqual({ width: 216, height: 144 });
    const huge = await buildPacket(
      sampleInput({ bill: [{ name: 'b.jpg', mime: 'image/jpeg', bytes: await makeBillJpeg(4000, 6000) }] }),
    );
    const s = (await PDFDocument.load(file(huge, 'bill-copy.pdf'))).getPage(0).getSize();
    expect(s.width).toBeLessThanOrEqual(612.01);
    expect(s.height).toBeLessThanOrEqual(792.01);
  });

  it('a bill that is not a PDF or image: clear error naming it', async () => {
    const bad = sampleInput({
      bill: [{ name: 'notes.txt', mime: 'text/plain', bytes: new TextEncoder().encode('hello') }],
    });
    await expect(buildPacket(bad)).rejects.toThrow(/The bill "notes.txt" could not be copied/);
  });

  it('combined packet.pdf = cover + LOA + RespOrg + bill, rendered for review', async () => {
    const pdf = file(built, 'packet.pdf');
    const pages = await pdfText(pdf);
    const counts: number[] = [];
    for (const name of ['cover-sheet.pdf', 'loa-signed.pdf', 'resporg-letter.pdf', 'bill-copy.pdf'])
      counts.push((await PDFDocument.load(file(built, name))).getPageCount());
    expect(pages.length).toBe(counts.reduce((a, b) => a + b));
    expect(pages[0]).toContain('PORT REQUEST COVER SHEET');
    expect(pages[counts[0]!]).toContain('LETTER OF AUTHORIZATION');
    expect(pages[counts[0]! + counts[1]!]).toContain('RESPORG CHANGE');
    expect(pages.at(-1)).toBe('');
    await saveRender('packet', pdf);
  });
});

describe('missing fields', () => {
  it('lists every missing field at once', async () => {
    const base = sampleInput();
    const k = base.kase;
    const input = sampleInput({
      kase: {
        ...k,
        customer: {
          ...k.customer,
          accountName: '',
          accountNumber: ' ',
          losingCarrier: '',
          btn: '',
          wireless: true,
          pin: null,
        },
        authorized: { ...k.authorized, name: '' },
        serviceAddress: { line1: '', line2: null, city: '', state: '', zip: '' },
        numbers: [],
      },
      billNumbers: [],
    });
    const err = await buildPacket(input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeskError);
    const paths = (err as DeskError).issues!.map((i) => i.path);
    expect(paths).toEqual([
      'customer.accountName',
      'customer.accountNumber',
      'customer.losingCarrier',
      'customer.btn',
      'customer.pin',
      'serviceAddress.line1',
      'serviceAddress.city',
      'serviceAddress.state',
      'serviceAddress.zip',
      'authorized.name',
      'numbers',
    ]);
    expect((err as DeskError).message).toMatch(/missing 11 required fields/);
  });

  it('a ported BTN with numbers staying needs a new BTN', async () => {
    const base = sampleInput();
    const err = (await buildPacket(sampleInput({ kase: { ...base.kase, newBtn: null } })).catch(
      (e: unknown) => e,
    )) as DeskError;
    expect(err.issues?.map((i) => i.path)).toEqual(['newBtn']);
  });
});

describe('output folder, zip and email draft', () => {
  it('writes the case folder, zip and eml; eml attachments match the files on disk', async () => {
    const w = await writePacket(tmp, built);
    expect(path.basename(w.dir)).toBe('Cafe-Zoe-Bakery-Sons-LLC-2125550100-case-42');
    expect(fs.readdirSync(tmp).sort()).toEqual([
      'Cafe-Zoe-Bakery-Sons-LLC-2125550100-case-42',
      'Cafe-Zoe-Bakery-Sons-LLC-2125550100-case-42.eml',
      'Cafe-Zoe-Bakery-Sons-LLC-2125550100-case-42.zip',
    ]);
    const mail = await simpleParser(fs.readFileSync(w.eml));
    expect(mail.subject).toBe('Port request: Café Zoë Bakery & Sons LLC - BTN (212) 555-0100 (case #42)');
    expect((mail.to as { text: string }).text).toBe('lnp@carrier.example');
    expect(mail.text).toContain('Numbers to port (3)');
    expect(mail.text).toContain('Requested FOC: December 2, 2026');
    expect(mail.html).toContain('<b>Café Zoë Bakery &amp; Sons LLC</b>');
    const sha = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');
    expect(mail.attachments.map((a) => a.filename).sort()).toEqual([
      'loa-signed.pdf',
      'numbers.csv',
      'packet.pdf',
    ]);
    for (const a of mail.attachments)
      expect(sha(a.content)).toBe(sha(fs.readFileSync(path.join(w.dir, a.filename!))));
    // numbers.csv: every number, port or keep, E911 for ported ones.
    const csv = fs.readFileSync(path.join(w.dir, 'numbers.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('number,kind,action,e911_address');
    expect(csv).toContain('2125550101,Local,port,"1200 Broadway Fl 3, New York, NY 10001"');
    expect(csv).toContain('2125550103,Local,keep,');
    // Exporting again replaces the previous export, leaving no temp folders.
    await writePacket(tmp, built);
    expect(fs.readdirSync(tmp).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('an unwritable output folder: clear error, nothing written', async () => {
    const blocker = path.join(tmp, 'a-file');
    fs.writeFileSync(blocker, 'x');
    const before = fs.readdirSync(tmp).sort();
    const err = (await writePacket(path.join(blocker, 'sub'), built).catch((e: unknown) => e)) as DeskError;
    expect(err).toBeInstanceOf(DeskError);
    expect(err.message).toMatch(
      /Cannot write the packet to the output folder .*a-file\/sub: a file is in the way/,
    );
    expect(fs.readdirSync(tmp).sort()).toEqual(before);
  });
});
