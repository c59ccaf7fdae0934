// What a customer draws on a bill before sending it (make-bills --marks): a handwritten note in
// the margin with their own number, and a pen circle round a line's number that crosses the
// row's caption. Word layouts as OCR read them on the generator's marked bills (seed 11320).
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { gridPage } from './grid';

describe('customer marks on the paper', () => {
  it('leaves out the number of a handwritten "my cell" note that OCR put on a priced row', () => {
    // mk-034 (petrel, photo): the note in the right margin lined up with the Fax Line row
    const f = extractBill([
      gridPage(
        [
          'Account Number: 4471-2290-18            Statement Date: 04/02/2025',
          'Main Number: (517) 555-0120',
          '',
          'Loc    Telephone        Description           Amount',
          '0001   (517) 555-0120   Main Line             $42.10',
          '0001   (517) 555-0121   Remote Call Fwd       $57.84',
          '0001   (517) 555-0122   Fax Line              $85.95    Please port all lines - my cell 517-555-0152',
          '0001   (517) 555-0123   Business Line         $31.20',
        ],
        { source: 'ocr', conf: 0.95 },
      ),
    ]).fields;
    expect(f.numbers).toContain('5175550122');
    expect(f.numbers).not.toContain('5175550152');
  });

  it('leaves out the number a note says is the writer\'s: "reach me at", "ask for"', () => {
    for (const note of ['reach me at (517) 555-0177', 'ask for Maria 517-555-0177']) {
      const f = extractBill([
        gridPage(
          [
            'Account Number: 4471-2290-18            Statement Date: 04/02/2025',
            'Main Number: (517) 555-0120',
            '',
            '(517) 555-0120   Main Line             $42.10',
            '(517) 555-0121   Remote Call Fwd       $57.84    ' + note,
          ],
          { source: 'ocr', conf: 0.95 },
        ),
      ]).fields;
      expect(f.numbers.sort(), note).toEqual(['5175550120', '5175550121']);
    }
  });

  it('keeps a line whose caption a pen circle crossed ("ne 4 - 775-555-0173")', () => {
    // mk-016 (bayfront, scan): "Line 4 · 775-555-0173 · Daniel W." circled, read "ne 4 - … \"
    const f = extractBill([
      gridPage(
        [
          'Billing Account Number: 492111436506      Statement date: Aug 15, 2024',
          'Primary line: 775-555-0182',
          '',
          'Your lines',
          'Line 1 · 775-555-0182 · Nguyen Q.                          $65.16',
          '   Plan: Unlimited Premium                                 $42.05',
          'Line 2 · 775-555-0171 · Priya N.                           $103.05',
          '   Plan: Hotspot 50GB                                      $85.96',
          'ne 4 - 775-555-0173 - Daniel \\                             $96.66',
          '   Plan: Shared 20GB                                       $73.63',
          'Line 5 · 775-555-0174 · Keiko O.                           $31.67',
          '   Plan: Unlimited Premium                                 $28.29',
        ],
        { source: 'ocr', conf: 0.93 },
      ),
    ]).fields;
    expect(f.numbers).toContain('7755550173');
  });
});

describe('pen ticks beside the fields', () => {
  it('reads the account number after a tick OCR read as "V/"', () => {
    // mk-010 (granite, photo, seed 11321): "MEMBER ACCOUNT: ✓ 207 555-0102 741"
    const page = gridPage(
      [
        'GRANITE STATE TELEPHONE',
        'MEMBER ACCOUNT:        V/ 207 555-0102 741        REMIT TO:',
        'TELEPHONE NO.:         V/ (207) 555-0102          GRANITE STATE TELEPHONE',
        'BILL DATE:             MAR 13 2024                PO BOX 77',
        '',
        'TEL NO          DESCRIPTION                  AMOUNT',
        '(207) 555-0102  RESIDENTIAL LINE             $18.04',
      ],
      { source: 'ocr', conf: 0.93 },
    );
    for (const w of page.words) if (w.text === 'V/') w.conf = 0.49;
    const f = extractBill([page]).fields;
    expect(f.accountNumber).toBe('207 555-0102 741');
    expect(f.btn).toBe('2075550102');
  });
});
