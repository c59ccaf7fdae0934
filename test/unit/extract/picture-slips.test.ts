// Slips OCR makes on pictures of bills from carriers never seen (make-bills, h-pics-33 dev seeds),
// read from their real word dumps (scripts/dump-words.ts): no OCR runs here.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { splitAtColon } from '../../../shared/extract/layout';
import { wordDump } from './word-dumps';

const w = (text: string) => ({ text, x0: 0, x1: 60, y0: 0, y1: 9, conf: 0.9 });

describe('a dotted legal form run into the caption after it', () => {
  it('ends the name at the legal form (Pinecrest scan turned on its side, seed 11550 bill 6)', () => {
    // "Abernathy Plumbing & Heating L.L.C.Billing Period: 09/04/25 …": one word "L.L.C.Billing"
    const f = extractBill(wordDump('pinecrest-sidescan-legal-form-run-in')).fields;
    expect(f.accountName).toBe('Abernathy Plumbing & Heating L.L.C.');
    expect(f.accountNumber).toBe('ZF4-421L-0061');
  });

  it('ends the name at an abbreviated legal form too (Pinecrest scan turned on its side, seed 11376 bill 6)', () => {
    // "Castellano Plumbing & Heating, Ltd.Billing Period: 05/17/25 …"
    const f = extractBill(wordDump('pinecrest-sidescan-ltd-run-in')).fields;
    expect(f.accountName).toBe('Castellano Plumbing & Heating, Ltd.');
    expect(splitAtColon([w('Inc.Service')]).map((x) => x.text)).toEqual(['Inc.', 'Service']);
  });

  it('splits only a dotted form before a capitalised word', () => {
    expect(splitAtColon([w('L.L.C.Billing')]).map((x) => x.text)).toEqual(['L.L.C.', 'Billing']);
    expect(splitAtColon([w('P.O.Box')]).map((x) => x.text)).toEqual(['P.O.', 'Box']);
    for (const keep of ['L.L.C.', 'St.Louis', 'www.example.com', 'U.S.A.'])
      expect(splitAtColon([w(keep)]).map((x) => x.text)).toEqual([keep]);
  });
});

describe('a house number OCR misjoined or split', () => {
  it('reads a direction run into the house number as the letter (Crestline scan, seed 11550 bill 17)', () => {
    // "61S Mill PI" over "Dayton, OH 45402-1777": the S is the street's direction, not a 5
    const a = extractBill(wordDump('crestline-scan-direction-run-in')).fields.serviceAddress;
    expect(a).toMatchObject({ line1: '61 S Mill Pl', city: 'Dayton', state: 'OH', zip: '45402-1777' });
  });

  it('joins a house number split at a narrow gap (Lakeshore scan, seed 11373 bill 8)', () => {
    // the service box reads "41 69 NE Juniper Lane" ("69" with a speck below it)
    const a = extractBill(wordDump('lakeshore-scan-house-number-split')).fields.serviceAddress;
    expect(a).toMatchObject({
      line1: '4169 NE Juniper Lane',
      line2: 'Suite 602',
      city: 'Tucson',
      zip: '85701',
    });
  });
});

describe('noise under a caption whose value stands far right of it', () => {
  it('reads the name on the caption’s line (Beacon photo, seed 11373 bill 58)', () => {
    // "Nombre / Name      Elena Moreau" over "Portas" (0.17, specks read as a word)
    const f = extractBill(wordDump('beacon-photo-noise-under-caption')).fields;
    expect(f.accountName).toBe('Elena Moreau');
  });

  it('still reads below a caption what OCR read surely', () => {
    const pages = wordDump('beacon-photo-noise-under-caption').map((p) => ({
      ...p,
      words: p.words.map((w) => (w.text === 'Portas' ? { ...w, conf: 0.9 } : w)),
    }));
    expect(extractBill(pages).fields.accountName).toBe('Portas');
  });
});

describe('a service address whose ZIP the picture lost', () => {
  it('takes the ZIP of another copy of the same street (Beacon photo, seed 11551 bill 13)', () => {
    // the service box reads "Dayton, OH", the envelope "253 Franklin Lane / Apt 543 / Dayton, OH 45402-4336"
    const a = extractBill(wordDump('beacon-photo-service-zip-lost')).fields.serviceAddress;
    expect(a).toEqual({
      line1: '253 Franklin Lane',
      line2: 'Apt 543',
      city: 'Dayton',
      state: 'OH',
      zip: '45402-4336',
    });
  });

  it('leaves it empty when the other copy is of another street', () => {
    const pages = wordDump('beacon-photo-service-zip-lost').map((p) => ({
      ...p,
      words: p.words.map((w) => (w.text === '253' && w.x0 > 300 ? { ...w, text: '901' } : w)),
    }));
    expect(extractBill(pages).fields.serviceAddress).toMatchObject({ line1: '253 Franklin Lane', zip: '' });
  });
});

describe('a customer service record whose FID OCR read in lower case', () => {
  it('carries the address on over "Loc SUITE 281" (Tallgrass CSR photo, seed 11551 bill 41)', () => {
    // `SAPR 643 /SASN CHESTNUT /SASS CIRCLE` over `Loc SUITE 281` over `CITY SCRANTON /ST PA /ZIP 18503`;
    // the billing address (BA1/BA2, "2020 S MAPLE HIGHWAY") was taken instead
    const a = extractBill(wordDump('tallgrass-photo-csr-lowercase-fid')).fields.serviceAddress;
    expect(a).toMatchObject({
      line1: '643 CHESTNUT CIRCLE',
      line2: 'SUITE 281',
      city: 'SCRANTON',
      zip: '18503',
    });
  });
});

describe('two words a column rule joined', () => {
  it('drops the bar OCR read for the rule (Bellwether photo, seed 11376 bill 85)', () => {
    // "SA: 6318 NE UNION|CT, RENO, NV 89501" on a greenbar report
    const f = extractBill(wordDump('bellwether-photo-column-bar')).fields;
    expect(f.serviceAddress).toMatchObject({
      line1: '6318 NE UNION CT',
      city: 'RENO',
      state: 'NV',
      zip: '89501',
    });
    expect(splitAtColon([w('UNION|CT,')]).map((x) => x.text)).toEqual(['UNION', 'CT,']);
    for (const keep of ['A|B', '12|34', '|CITY'])
      expect(splitAtColon([w(keep)]).map((x) => x.text)).toEqual([keep]);
  });
});
