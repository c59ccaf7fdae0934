// A stub printing the account as "Account no. 1985 3823-7407": its first group, read letter by
// letter (1→I, 9 dropped, 5→S), spelled "IS" and the caption matched "Account # is", so the
// value read was the number's rest: a Harrowgate photo took "3823-7407" for the account of a
// sub-account whose number is 1985 3823 7407 (a false alarm on a clean request).
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { canonToken } from '../../../shared/extract/labels';
import { gridPage } from './grid';
import { wordDump } from './word-dumps';

const digits = (s: string | null) => (s ?? '').replace(/\D/g, '');

describe('an account number whose first group spells a label word', () => {
  it('is no word of a label', () => {
    for (const t of ['1985', '1150', '8773', 'A1985']) expect(canonToken(t), t).toBe('');
    // label words OCR read with a digit, and a label's own number, still are
    expect(canonToken('ACC0UNT')).toBe('ACCOUNT');
    expect(canonToken('911')).not.toBe('');
  });

  it('is read whole from the stub of a master/sub-account bill (text layer)', () => {
    const rows = (stub: string) => [
      'HARROWGATE                                            Master account:       1985 3823 15',
      'business communications                               Sub-Account No.:      1985 3823 7407',
      '                                                      Bill Date:            07/16/2024',
      '                                                      Main Number:          505-555-0128',
      'Okonkwo Dental Group Corp.',
      '',
      'Telephone numbers billed to sub-account no. 1985 3823 7407',
      '505-555-0128   Business Line - Main      $71.29',
      '505-555-0187   Fax Line                  $73.54',
      '',
      'Please return this portion with your payment',
      stub,
    ];
    expect(digits(extractBill([gridPage(rows('Account no. 1985 3823-7407'))]).fields.accountNumber)).toBe(
      '198538237407',
    );
    const ocr = gridPage(rows('Account no. 1985 3823-7407'), { source: 'ocr', conf: 0.95 });
    expect(digits(extractBill([ocr]).fields.accountNumber)).toBe('198538237407');
  });

  it('is read whole from a photo of the bill (real OCR words)', () => {
    const f = extractBill(wordDump('harrow-photo-stub-account-digits')).fields;
    expect(digits(f.accountNumber)).toBe('198538237407');
    expect(f.btn).toBe('5055550128');
  });
});
