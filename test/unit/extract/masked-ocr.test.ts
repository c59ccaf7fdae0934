// A bill that shows the account only masked, scanned: OCR read the mask's stars ("****2734") as
// one "#", leaving "#2734" after the label (make-bills seed 11016 fd-006, a Sorrel bill scanned
// on its side). Four digits behind a mark are the mask's last four, never an account number.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { gridPage } from './grid';

const bill = (value: string, source: 'ocr' | 'text') =>
  gridPage(
    [
      'SORREL VOICE & DATA                         Invoice No. 20250607-118',
      'James Quintero                     A/C No.               ' + value,
      '20494 Jefferson Ln                 Bill Date             2025-06-07',
      'Wilmington, DE 19801               BTN                   3025550172',
      '',
      'Service Address',
      '20494 Jefferson Ln',
      'Bldg 6, Ste 922',
      'Wilmington, DE 19801',
      '',
      'Telephone Number   Service            Monthly',
      '3025550172         Business Line      $44.30',
      '3025550193         Fax Line           $30.59',
    ],
    { source, conf: source === 'ocr' ? 0.9 : 1 },
  );

describe('a masked account read by OCR', () => {
  it('reads "#2734" after the label as the mask it was: no account, and the check says why', () => {
    const x = extractBill([bill('#2734', 'ocr')]);
    expect(x.fields.accountNumber).toBeNull();
    expect((x.meta.accountNumber?.doubts ?? []).map((d) => d.note).join(' ')).toMatch(/only masked/);
    expect(x.fields.btn).toBe('3025550172');
  });

  it('still reads a full account number after the same label', () => {
    expect(extractBill([bill('8586-462-150', 'ocr')]).fields.accountNumber).toBe('8586-462-150');
  });
});
