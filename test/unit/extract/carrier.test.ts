// The losing carrier: a known carrier's canonical name when the bill's text is close to one, the
// bill's own (cleaned) words otherwise, and never a made-up company turned into a real one.
import { describe, expect, it } from 'vitest';
import type { PageWords } from '../../../shared/domain';
import { extractBill } from '../../../shared/extract';
import { canonicalCarrier } from '../../../shared/extract/carrier-names';
import { gridPage } from './grid';

describe('canonicalCarrier', () => {
  it('names the carrier behind what OCR made of its logo or wording', () => {
    expect(canonicalCarrier('VERIZ0N')).toBe('Verizon');
    expect(canonicalCarrier('verizon wireless business services')).toBe('Verizon');
    expect(canonicalCarrier('T - Mobile')).toBe('T-Mobile');
    expect(canonicalCarrier('AT8T')).toBe('AT&T');
    expect(canonicalCarrier('at&t mobility')).toBe('AT&T');
    expect(canonicalCarrier('C0MCAST')).toBe('Comcast');
    expect(canonicalCarrier('Centurylink')).toBe('CenturyLink (Lumen)');
    expect(canonicalCarrier('US Cellular')).toBe('UScellular');
    expect(canonicalCarrier('Sprlnt')).toBe('Sprint (T-Mobile)');
    expect(canonicalCarrier('Videotron')).toBe('Vidéotron');
    expect(canonicalCarrier('Koodo Mobile')).toBe('Koodo (Telus)');
  });

  it('shows a brand with the company that holds the numbers', () => {
    expect(canonicalCarrier('XFINlTY')).toBe('Xfinity (Comcast)');
    expect(canonicalCarrier('SPECTRUM BUSINESS')).toBe('Spectrum Business (Charter)');
    expect(canonicalCarrier('Cricket Wireless')).toBe('Cricket Wireless (AT&T)');
    expect(canonicalCarrier('Metro by T-Mobile')).toBe('Metro by T-Mobile');
  });

  it('leaves other companies alone, even one slip or one word away from a known carrier', () => {
    for (const s of [
      'Spectrum Valley Telephone',
      'Spring Telephone',
      'Optimus Telecom',
      'Fox Communications',
      'Bell Atlantic Ridge Co-op',
      'Acme Wireless',
      'Metro Cable',
      'PRAIRIE TELCO',
      'Granite State Telephone',
      'Ironwood Business Communications',
      'Bayfront Wireless',
      'Crestline Business',
      'RED Woo D Fl BER',
    ])
      expect(canonicalCarrier(s), s).toBeNull();
  });
});

/** A page whose logo OCR read in pieces, with gaps wider between its words than inside them. */
function fragmentedLogo(rest: string[]): PageWords {
  const page = gridPage(['', '', ...rest], { source: 'ocr', conf: 0.9 });
  let x = 40;
  const parts: [string, number][] = [
    ['RED', 3],
    ['Woo', 3],
    ['D', 14],
    ['Fl', 3],
    ['BER', 0],
  ];
  for (const [text, gap] of parts) {
    const w = text.length * 15;
    page.words.push({ text, x0: x, x1: x + w, y0: 20, y1: 46, conf: 0.55 });
    x += w + gap;
  }
  return page;
}

describe('findCarrier', () => {
  it('takes a garbled logo from its clean copy elsewhere on the bill', () => {
    const f = extractBill([
      fragmentedLogo(['Account Number: 4471-902-336', 'Make checks payable to Redwood Fiber']),
    ]).fields;
    expect(f.carrier).toBe('Redwood Fiber');
  });

  it('rejoins a garbled logo it finds nowhere else', () => {
    const f = extractBill([fragmentedLogo(['Account Number: 4471-902-336'])]).fields;
    expect(f.carrier).toBe('REDWOOD FIBER');
  });

  it('finds the name printed in full elsewhere for a two-tone logo ("BAY front")', () => {
    const f = extractBill([
      gridPage(
        ['BAY front', 'Account number 287455120931', '', 'Bayfront Wireless - Account number: 287455120931'],
        {
          scale: { 0: 2 },
        },
      ),
    ]).fields;
    expect(f.carrier).toBe('Bayfront Wireless');
  });

  it("takes the logo's copy standing alone over one inside a promo's sentence", () => {
    // a marketing-first bill (make-bills larkspur-mobile): its product named before its remit block
    const f = extractBill([
      gridPage(
        [
          'larks pu r',
          'Switch to Larkspur Fiber Gig: $45/mo for 12 months',
          'Account number 1167 1016 6419',
          '',
          'St. Petersburg, FL 33701          Larkspur Communications',
        ],
        { scale: { 0: 2 }, source: 'ocr', conf: 0.9 },
      ),
    ]).fields;
    expect(f.carrier).toBe('Larkspur Communications');
  });

  it('shows the canonical name of a known carrier read from its logo', () => {
    const f = extractBill([
      gridPage(['VERIZ0N WIRELESS', 'Account number 287455120-00001', 'Bill date 04/02/2025'], {
        scale: { 0: 2 },
      }),
    ]).fields;
    expect(f.carrier).toBe('Verizon');
  });

  it("never takes the customer's rubber stamp for the logo, however big", () => {
    for (const stamp of ['PAID', 'RECEIVED', 'RECEIVED 04/12/2025']) {
      const f = extractBill([
        gridPage(['BEACON TELECOM', 'Account number 287455120', stamp, 'Bill date 04/02/2025'], {
          scale: { 0: 1.5, 2: 2.2 },
        }),
      ]).fields;
      expect([stamp, f.carrier]).toEqual([stamp, 'BEACON TELECOM']);
    }
  });

  it('keeps the accents of a logo and reads a known name of few letters ("Vidéotron", "8x8")', () => {
    for (const [logo, want] of [
      ['Vidéotron', 'Vidéotron'],
      ['Télébec', 'Télébec'],
      ['8x8', '8x8'],
    ]) {
      const f = extractBill([
        gridPage([logo!, 'Account number 287455120', 'Bill date 04/02/2025', 'Main Number 303-555-0142'], {
          scale: { 0: 2 },
        }),
      ]).fields;
      expect([logo, f.carrier]).toEqual([logo, want]);
    }
  });
});

describe('a phone app screenshot', () => {
  // held-out make-bills seed 1 (skylark-wireless): the customer's name, printed large under its
  // caption, was taken for the carrier's logo, and on a photo of the screen the status bar's
  // signal bars read "all" were
  const screen = (status: string) =>
    gridPage(
      [
        status,
        '< Home',
        'Skylark',
        'Account',
        'Name on account',
        'Rosewood Physical Therapy, LLC',
        'Account #',
        '903137254',
        'Primary number',
        '(315) 555-0168',
      ],
      { scale: { 0: 1.4, 2: 1.25, 5: 1.5 } },
    );

  it('never takes the status bar or the name on the account for the carrier', () => {
    for (const status of ['2:10   all   5G 36%', '9:41   all   LTE  82 %']) {
      const f = extractBill([screen(status)]).fields;
      expect(f.carrier).toBe('Skylark');
      expect(f.accountName).toBe('Rosewood Physical Therapy, LLC');
    }
  });
});
