// A learned carrier's second look: where its fields' places are read again on an OCR'd bill, how
// the looks' words replace the first reading's there, and which reading each field keeps.
import { describe, expect, it } from 'vitest';
import type { Extraction, PageWords } from '../../../shared/domain';
import { extractBill } from '../../../shared/extract';
import {
  applyLearned,
  learnCarrier,
  lookRegions,
  settleLooks,
  withLooks,
  type CarrierProfile,
} from '../../../shared/extract/learn';
import { gridPage } from './grid';

// a two-column carrier layout: billed-to on the left, premises on the right, captions above
const bill = (o: {
  acct: string;
  name: string;
  street: string;
  unit: string;
  city: string;
  attn: string;
}) => [
  'HARTWELL TELEPHONE                                  Invoice',
  '',
  'Billing Account Number     Invoice Date        BTN',
  `${o.acct.padEnd(27)}Jan 25, 2024        401-555-0181`,
  '',
  'Billed To                              Premises Address',
  `${o.name.padEnd(39)}${o.name}`,
  `Attn: ${o.attn.padEnd(33)}${o.street}`,
  `PO Box 9424                            ${o.unit}`,
  `Providence, RI 02903                   ${o.city}`,
  '',
  'Voice services      Telephone number(s)      Monthly charges',
  'Business line       401-555-0181             $42.00',
  'Questions? Call Hartwell Telephone business support 1-800-555-0166',
];

const taughtRows = bill({
  acct: 'HT-26452-6659',
  name: 'Abernathy Florist Co.',
  street: '825 Harrison Court',
  unit: 'Floor 3',
  city: 'Providence, RI 02903',
  attn: 'Nguyen Underwood',
});
const taught: PageWords[] = [gridPage(taughtRows)];

function teach(): CarrierProfile {
  return learnCarrier(
    taught,
    {
      carrier: 'Hartwell Telephone',
      accountNumber: 'HT-26452-6659',
      accountName: 'Abernathy Florist Co.',
      btn: '4015550181',
      billDate: '2024-01-25',
      serviceAddress: {
        line1: '825 Harrison Court',
        line2: 'Floor 3',
        city: 'Providence',
        state: 'RI',
        zip: '02903',
      },
    },
    [],
    { at: '2026-01-01T00:00:00Z', by: 'test', bill: 'taught.pdf' },
  ).profile;
}

const next = {
  acct: 'HT-31877-0412',
  name: 'Marlowe Law Offices LLC',
  street: '429 Ridge Pl',
  unit: 'Floor 10',
  city: 'Tulsa, OK 74103',
  attn: 'Hannah Lindqvist',
};
const ocrPage = (rows: string[]) => gridPage(rows, { source: 'ocr', conf: 0.95 });
const read = (pages: PageWords[], profile: CarrierProfile) =>
  applyLearned(pages, extractBill(pages), [profile]).extraction;

describe('learning which label names a value', () => {
  it("takes the caption the reader knows over the other column's piece beside the value", () => {
    const rule = teach().fields.serviceAddress!;
    expect(rule.anchors.map((a) => a.label)).toContain('PREMISESADDRESS');
    // "Attn: Nguyen Underwood" is the billed-to column, and a person's name besides
    expect(rule.anchors.some((a) => a.label.includes('UNDERWOOD'))).toBe(false);
  });
});

describe('where a second look looks', () => {
  const profile = teach();

  it('around each value the first reading found, a little further right', () => {
    const pages = [ocrPage(bill(next))];
    const x = read(pages, profile);
    const regions = lookRegions(pages, x, profile);
    const acct = regions.find((r) => r.field === 'accountNumber')!;
    const box = x.meta.accountNumber!.boxes[0]!;
    expect(acct.page).toBe(1);
    expect(acct.x0).toBeLessThan(box.x0);
    expect(acct.x1).toBeGreaterThan(box.x1);
    expect(acct.y0).toBeLessThan(box.y0);
    expect(acct.y1).toBeGreaterThan(box.y1);
    expect(regions.map((r) => r.field).sort()).toEqual(
      ['accountName', 'accountNumber', 'billDate', 'serviceAddress'].sort(),
    );
  });

  it('where the learned caption puts a value the first reading lost (a city line OCR dropped)', () => {
    const rows = bill(next);
    rows[9] = 'Providence, RI 02903'; // the premises city line was not read
    const pages = [ocrPage(rows)];
    const x = read(pages, profile);
    expect(x.fields.serviceAddress).toBeNull();
    const r = lookRegions(pages, x, profile).find((g) => g.field === 'serviceAddress')!;
    // the premises column, from under its caption down over the address's lines
    const caption = pages[0]!.words.find((w) => w.text === 'Premises')!;
    expect(r.x0).toBeLessThan(caption.x0);
    expect(r.x1).toBeGreaterThan(caption.x0 + 80);
    expect(r.y0).toBeGreaterThan(caption.y1 - 2);
    expect(r.y1).toBeGreaterThan(caption.y1 + 36);
  });

  it('nowhere on a text layer: what it prints is what the carrier printed', () => {
    const pages = [gridPage(bill(next))];
    expect(lookRegions(pages, read(pages, profile), profile)).toEqual([]);
  });
});

describe("a look's words in place of the first reading's", () => {
  it('replaces the words inside a region and keeps a region whose look read nothing', () => {
    const page = ocrPage(['Account Number 624418321', 'Bill Date Jan 5, 2025']);
    const acct = page.words.find((w) => w.text === '624418321')!;
    const region = {
      field: 'accountNumber' as const,
      page: 1,
      x0: acct.x0 - 5,
      y0: acct.y0 - 3,
      x1: acct.x1 + 20,
      y1: acct.y1 + 3,
    };
    const again = { ...acct, text: '634448321', conf: 0.9 };
    const [out] = withLooks([page], [region, { ...region, field: 'billDate' as const }], [[again], []]);
    expect(out!.words.map((w) => w.text)).toEqual([
      'Account',
      'Number',
      'Bill',
      'Date',
      'Jan',
      '5,',
      '2025',
      '634448321',
    ]);
    // a look that read nothing there leaves the page as it was
    expect(withLooks([page], [region], [[]])[0]).toBe(page);
    // words a look read outside its region (its crop's margin) are not taken
    const outside = { ...again, y0: acct.y0 + 40, y1: acct.y1 + 40 };
    expect(withLooks([page], [region], [[outside]])[0]!.words.map((w) => w.text)).not.toContain('634448321');
  });
});

describe('which reading a field keeps', () => {
  const profile = teach();
  const firstPages = [ocrPage(bill({ ...next, unit: 'Foor 10' }))];
  const first = read(firstPages, profile);
  const look = (o: Partial<typeof next>) => read([ocrPage(bill({ ...next, ...o }))], profile);
  const regions = lookRegions(firstPages, first, profile);

  it('a value every look reads alike over a first reading that slipped', () => {
    expect(first.fields.serviceAddress?.line2).toBe('Foor 10');
    const { extraction, changed } = settleLooks(first, [look({}), look({})], profile, regions);
    expect(extraction.fields.serviceAddress?.line2).toBe('Floor 10');
    expect(changed).toEqual(['serviceAddress']);
    expect(extraction.fields.accountNumber).toBe('HT-31877-0412');
  });

  it('the first reading when the looks disagree with each other', () => {
    const { extraction, changed } = settleLooks(
      first,
      [look({}), look({ unit: 'Flor 10' })],
      profile,
      regions,
    );
    expect(extraction).toBe(first);
    expect(changed).toEqual([]);
  });

  it('the first reading when a look lost the value, never nothing', () => {
    const rows = bill(next);
    rows[3] = '                           Jan 25, 2024        401-555-0181';
    const lostPages = [ocrPage(rows)];
    const lost = read(lostPages, profile);
    expect(lost.fields.accountNumber).toBeNull();
    expect(settleLooks(first, [lost, look({})], profile, regions).extraction.fields.accountNumber).toBe(
      'HT-31877-0412',
    );
    // …and a look's value fills a field the first reading had none for
    const filled = settleLooks(lost, [look({}), lost], profile, lookRegions(lostPages, lost, profile));
    expect(filled.extraction.fields.accountNumber).toBe('HT-31877-0412');
    expect(filled.changed).toContain('accountNumber');
  });

  it('a value of the learned shape over one the shape rules out', () => {
    const otherPages = [ocrPage(bill({ ...next, acct: 'HT-31877-04112' }))];
    const other = read(otherPages, profile);
    const settled = settleLooks(
      other,
      [look({}), look({})],
      profile,
      lookRegions(otherPages, other, profile),
    );
    expect(settled.extraction.fields.accountNumber).toBe('HT-31877-0412');
  });

  it("not a look's value read away from the place it looked at", () => {
    // every look read a name, but not where the first reading's name is printed
    const moved = look({});
    const away = {
      ...moved,
      meta: {
        ...moved.meta,
        accountName: { confidence: 0.9, boxes: [{ page: 1, x0: 400, y0: 700, x1: 480, y1: 710 }] },
      },
    };
    const settled = settleLooks(
      first,
      [
        { ...away, fields: { ...away.fields, accountName: 'Send bills to' } },
        { ...away, fields: { ...away.fields, accountName: 'Send bills to' } },
      ],
      profile,
      regions,
    );
    expect(settled.extraction.fields.accountName).toBe(next.name);
  });

  it('the first reading when the looks, though alike, are less sure of theirs', () => {
    const unsure = (x: Extraction): Extraction => ({
      ...x,
      meta: {
        ...x.meta,
        serviceAddress: {
          ...x.meta.serviceAddress!,
          confidence: first.meta.serviceAddress!.confidence - 0.2,
        },
      },
    });
    const { extraction } = settleLooks(first, [unsure(look({})), unsure(look({}))], profile, regions);
    expect(extraction.fields.serviceAddress?.line2).toBe('Foor 10');
  });

  it('nothing without looks', () => {
    const x: Extraction = first;
    expect(settleLooks(x, [], profile, regions).extraction).toBe(x);
  });
});
