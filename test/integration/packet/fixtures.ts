// Fixture builders for the packet tests and the bench: a complete case, a 2-page text bill made
// with pdf-lib, a photo-like JPEG, and helpers to read PDFs back with pdfjs and render them to PNG.
import path from 'node:path';
import { createRequire } from 'node:module';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { CaseInputSchema } from '../../../shared/domain';
import { defaultSettings } from '../../../shared/settings';
import type { PacketInput, CheckRow } from '../../../electron/desk/packet/model';

export const NOW = new Date('2026-11-20T15:00:00Z');

export function sampleInput(over: Partial<PacketInput> = {}): PacketInput {
  const kase = CaseInputSchema.parse({
    customer: {
      accountName: 'Café Zoë Bakery & Sons LLC',
      accountNumber: '8835-2201-77',
      btn: '2125550100',
      pin: '493871',
      losingCarrier: 'Verizon Business',
      accountType: 'business',
    },
    authorized: { name: 'Zoë Martínez', title: 'Owner', email: 'zoe@cafezoe.example', phone: '2125550199' },
    serviceAddress: {
      line1: '1200 Broadway Ste 210',
      line2: null,
      city: 'New York',
      state: 'NY',
      zip: '10001',
    },
    numbers: [
      { number: '2125550100', action: 'port' },
      {
        number: '2125550101',
        action: 'port',
        e911: { line1: '1200 Broadway Fl 3', line2: null, city: 'New York', state: 'NY', zip: '10001' },
      },
      { number: '2125550102', action: 'keep' },
      { number: '8005550123', action: 'port', kind: 'tollfree' },
    ],
    newBtn: '2125550102',
    focDate: '2026-12-02',
  });
  const settings = defaultSettings();
  return {
    kase: { ...kase, id: 42, status: 'draft' },
    profile: {
      ...settings.deskProfile,
      companyName: 'Northwind Voice Porting',
      addressLines: ['500 Market St, Suite 400', 'San Francisco, CA 94105'],
      phone: '(415) 555-0142',
      email: 'ports@northwind.example',
    },
    portingInbox: 'lnp@carrier.example',
    fromAddress: 'ports@northwind.example',
    billNumbers: ['2125550100', '2125550101', '2125550102', '2125550103', '8005550123'],
    bill: [],
    checks: sampleChecks(),
    readiness: { level: 'warnings', summary: '0 blocking, 2 warnings' },
    now: NOW,
    ...over,
  };
}

export function sampleChecks(): CheckRow[] {
  return [
    {
      field: 'Account name',
      billValue: 'CAFE ZOE BAKERY & SONS',
      requestValue: 'Café Zoë Bakery & Sons LLC',
      verdict: 'match',
      reason: 'Same name once accents and the LLC suffix are ignored',
    },
    {
      field: 'Account number',
      billValue: '8835-2201-77',
      requestValue: '8835-2201-77',
      verdict: 'match',
      reason: 'Identical',
    },
    {
      field: 'BTN',
      billValue: '(212) 555-0100',
      requestValue: '(212) 555-0100',
      verdict: 'match',
      reason: 'Identical',
    },
    {
      field: 'Service address',
      billValue: '1200 BROADWAY STE 210, NEW YORK NY 10001',
      requestValue: '1200 Broadway Ste 210, New York, NY 10001',
      verdict: 'match',
      reason: 'Same address after USPS normalization',
    },
    {
      field: 'Numbers',
      billValue: '5 numbers',
      requestValue: '4 numbers',
      verdict: 'warning',
      reason:
        '(212) 555-0103 is on the bill but not in the request: it stays on the account, do not close it',
    },
    {
      field: 'Bill date',
      billValue: '2026-11-02',
      requestValue: null,
      verdict: 'warning',
      reason: 'Bill is 18 days old; carriers want one from the last 30 days',
    },
  ];
}

/** A 2-page text bill, like a carrier's PDF invoice. */
export async function makeBillPdf(pages = 2): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = pdf.addPage([612, 792]);
    page.drawText(`VERIZON BUSINESS  -  Statement page ${p + 1} of ${pages}`, {
      x: 50,
      y: 740,
      size: 14,
      font,
    });
    page.drawText('Account 8835-2201-77   Bill date Nov 2, 2026', { x: 50, y: 715, size: 10, font });
    for (let i = 0; i < 20; i++) {
      page.drawText(`212-555-01${String(i % 4).padStart(2, '0')}   Business line   $${(20 + i).toFixed(2)}`, {
        x: 50,
        y: 680 - i * 18,
        size: 10,
        font,
      });
    }
  }
  return pdf.save();
}

/** A photo of a bill: 1700x2200 JPEG with 200 dpi metadata -> an 8.5x11 in page. */
export async function makeBillJpeg(width = 1700, height = 2200, density?: number): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fdfdf8"/><text x="100" y="200" font-size="80" font-family="sans-serif">PHOTO OF BILL</text></svg>`;
  let img = sharp(Buffer.from(svg)).jpeg({ quality: 70 });
  if (density) img = img.withMetadata({ density });
  return img.toBuffer();
}

export function pngDataUrlSignature(): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120"><path d="M10 90 C 60 10, 90 10, 120 80 S 180 120, 220 40 S 300 30, 390 70" stroke="#102060" stroke-width="5" fill="none"/></svg>`;
  return sharp(Buffer.from(svg))
    .png()
    .toBuffer()
    .then((b) => `data:image/png;base64,${b.toString('base64')}`);
}

const fontDir = (): string =>
  path.join(
    path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')),
    'standard_fonts',
  ) + path.sep;

/** Text of each page, read back with pdfjs (legacy build: runs in Node). */
export async function pdfText(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    standardFontDataUrl: fontDir(),
  }).promise;
  const out: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const tc = await page.getTextContent();
    out.push(
      tc.items
        .map((it) => ('str' in it ? it.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  }
  await doc.destroy();
  return out;
}

/** Renders each page to PNG (pdfjs + @napi-rs/canvas) for a human to look at. */
export async function renderPdf(bytes: Uint8Array, scale = 1.25): Promise<Buffer[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { createCanvas } = await import('@napi-rs/canvas');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    standardFontDataUrl: fontDir(),
  }).promise;
  const pngs: Buffer[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const vp = page.getViewport({ scale });
    const canvas = createCanvas(Math.ceil(vp.width), Math.ceil(vp.height));
    const ctx = canvas.getContext('2d');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await page.render({ canvas: canvas as any, canvasContext: ctx as any, viewport: vp }).promise;
    pngs.push(canvas.toBuffer('image/png'));
  }
  await doc.destroy();
  return pngs;
}
