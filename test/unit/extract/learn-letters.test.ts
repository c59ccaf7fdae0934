// A learned account shape's letter read as a digit on an OCR'd bill: which reading is looked at
// again with letters only, and how the letters-only looks line up with the shape.
import { describe, expect, it } from 'vitest';
import type { PageWords, Word } from '../../../shared/domain';
import { extractBill } from '../../../shared/extract';
import {
  applyLearned,
  learnCarrier,
  letterRepair,
  settleLetters,
  type CarrierProfile,
  type LetterRepair,
} from '../../../shared/extract/learn';
import { gridPage } from './grid';

const bill = (acct: string, name: string) => [
  'PINEWOOD TELECOM                                    Statement',
  '',
  `Account Number: ${acct}          Statement Date: Mar 3, 2025`,
  'Telephone Number: 912-555-0142',
  '',
  'Service Address',
  name,
  '410 Harbor View Rd',
  'Savannah, GA 31401',
  '',
  'Telephone number(s)      Monthly charges',
  '912-555-0142             $42.00',
  'Questions? Call Pinewood Telecom support 1-800-555-0166',
];

function teach(acct = 'KJ1-031S-0585'): CarrierProfile {
  return learnCarrier(
    [gridPage(bill(acct, 'Copper Kettle Law Offices'))],
    { carrier: 'Pinewood Telecom', accountNumber: acct },
    [],
    { at: '2026-01-01T00:00:00Z', by: 'test', bill: 'taught.pdf' },
  ).profile;
}

const ocr = (rows: string[]) => gridPage(rows, { source: 'ocr', conf: 0.9 });
function repairOf(pages: PageWords[], profile: CarrierProfile): LetterRepair | null {
  const x = applyLearned(pages, extractBill(pages), [profile]).extraction;
  return letterRepair(pages, x, profile);
}
/** What a letters-only look reads over the region: one word at its middle. */
const look = (r: LetterRepair, text: string): Word[] => {
  const y = (r.region.y0 + r.region.y1) / 2;
  return [{ text, x0: r.region.x0 + 2, x1: r.region.x1 - 2, y0: y - 3, y1: y + 3, conf: 0 }];
};

describe('an account letter OCR read as a digit', () => {
  const profile = teach();

  it('is looked at again on an OCR page, and the letters-only looks give the letter', () => {
    const r = repairOf([ocr(bill('AB4-1178-2203', 'Marlowe Dental LLC'))], profile)!;
    expect(r).not.toBeNull();
    expect(r.slots).toEqual([{ group: 1, at: -1 }]);
    // the engine drops what it cannot read as letters: the groups line up at their ends only
    expect(settleLetters(r, [look(r, 'ABL-S-Z'), look(r, 'ABA-TS-ZZ')])).toBe('AB4-117S-2203');
  });

  it('stays as read when the looks disagree, or do not line up with the shape', () => {
    const r = repairOf([ocr(bill('AB4-1178-2203', 'Marlowe Dental LLC'))], profile)!;
    expect(settleLetters(r, [look(r, 'ABL-S-Z'), look(r, 'ABL-B-Z')])).toBeNull();
    expect(settleLetters(r, [look(r, 'ABLS'), look(r, 'ABLS')])).toBeNull();
    // a look whose crop took in a stray mark reads a letter more and lines up one off
    expect(settleLetters(r, [look(r, 'IAB-S-Z'), look(r, 'IAB-S-Z')])).toBeNull();
  });

  it('is never looked at on a text layer: it prints what the carrier printed', () => {
    expect(repairOf([gridPage(bill('AB4-1178-2203', 'Marlowe Dental LLC'))], profile)).toBeNull();
  });

  it('is never looked at when the reading has no letter where the carrier prints letters', () => {
    // an account of the same length in digits only is another of the carrier's styles
    expect(repairOf([ocr(bill('604-1178-2203', 'Marlowe Dental LLC'))], profile)).toBeNull();
  });

  it('is not looked at when the reading fits the shape', () => {
    expect(repairOf([ocr(bill('AB4-117S-2203', 'Marlowe Dental LLC'))], profile)).toBeNull();
  });

  it('is not looked at for a letter between digits, where the looks cannot line up', () => {
    const inner = teach('AB-12K4-0585');
    expect(inner.fields.accountNumber!.shapes).toEqual(['AA-99A9-9999']);
    expect(repairOf([ocr(bill('CD-7784-0316', 'Marlowe Dental LLC'))], inner)).toBeNull();
    // a letter after a run of letters lines up from the group's start
    expect(repairOf([ocr(bill('C0-77K4-0316', 'Marlowe Dental LLC'))], inner)?.slots).toEqual([
      { group: 0, at: 1 },
    ]);
  });
});
