// When OCR garbles the bill date's caption, the bill date is guessed from the first date near
// the top of page 1: never the day a copy was reprinted (Alderbrook prints it near its top, months
// after the bill), nor a date of a period whose caption was garbled too (a false stale bill).
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { gridPage } from './grid';

describe('the bill date guessed without its caption', () => {
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

  it('takes no date from a period whose caption OCR garbled', () => {
    // a Halyard two-up scan: "Invoice Date January 21, 2025" split over two lines, and "Billing
    // Period" read "Billing Penod": its range gave January 19, 2024, a false stale bill
    const page = gridPage(
      [
        'HALYARD CLOUD COMMUNICATIONS',
        'Account         HC-41390-3871',
        'Invoice Date    January on',
        'Billing Penod   12/20/2024 - 01/19/2025',
        'Payment Due     February 5, 2025',
      ],
      { conf: 0.9, source: 'ocr' },
    );
    expect(extractBill([page]).fields.billDate).toBeNull();
  });
});
