// A bill reprinted from the carrier's archive (Alderbrook) prints the day of the reprint near its
// top. When OCR garbles the bill date's caption, the bill date is guessed from the first date
// near the top of page 1: never the reprint's, which is months after the bill (a false stale bill).
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { gridPage } from './grid';

describe('a reprinted bill', () => {
  it('does not take the reprint date for the bill date when the caption is garbled', () => {
    // as a scan on its side read it, the band's caption "INVOICE DATE" lost
    const page = gridPage(
      [
        'ALDERBROOK                                    Customer Statement',
        'TELEPHONE COMPANY        Reprinted 08/04/2025 from account archive',
        'ACCOUNT # 8219-617218-008          lNVOlCE BATE December 27, 2024',
        'Customer Name:     Lindgren Dental Group, LLC        Amount Due',
        'Main Number:       401-555-0105                      $1,117.84',
        'Service Location:  200 Station Pkwy',
        '                   Providence, RI 02903-6328         Due by 01/11/2025',
        'Billing Period:    11/27/2024 - 12/27/2024',
      ],
      { conf: 0.9, source: 'ocr' },
    );
    const f = extractBill([page]).fields;
    expect(f.billDate).toBe('2024-12-27');
    expect(f.accountNumber).toBe('8219-617218-008');
  });
});
