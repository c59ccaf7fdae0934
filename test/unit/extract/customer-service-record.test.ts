// An ILEC's customer service record (CSR), the printout a desk gets instead of a bill (make-bills
// tallgrass-csr): FID lines in ---LIST--- / ---BILL--- / ---S&E--- sections, the service address
// as `SA ... /LOC ... /CITY ... /ST ... /ZIP` or split SAPR / SASN fields, USOC rows with /TN,
// /TAR, /PIC and /LPIC, a hunt group, call-forwarding destinations and the business office.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { csrAddressLines, csrFields } from '../../../shared/extract/csr';
import { gridPage } from './grid';
import { wordDump } from './word-dumps';

const SA_ONE_LINE = 'SA    20457 MARKET HWY /LOC STE 867 /CITY ROANOKE /ST VA /ZIP 24011';
const SA_SPLIT = ['SAPR  20457 /SASN MARKET /SASS HWY', 'LOC   STE 867', 'CITY  ROANOKE /ST VA /ZIP 24011'];

const record = (sa: string[]): string[] => [
  'TALLGRASS TELEPHONE CO OF VIRGINIA                          CUSTOMER SERVICE RECORD     PAGE   1',
  'AS OF 09/12/2025              CO CODE TGT  OCN 2445         BILL CYC 12',
  '',
  'BTN 540 555-0126        ACCT 540-555-0126-318     CUS CODE 318    CLS BUS',
  'SVC EST 05-09-18        LAST ACT 08-11-25             TAX EXEMPT N',
  '',
  '---LIST---',
  'LN    HOLLIS FAMILY MEDICINE',
  'LA    3982 N WASHINGTON AVE ROANOKE VA',
  'LTN   540 555-0126',
  '',
  '---BILL---',
  'BN1   HOLLIS FAMILY MEDICINE CORP.',
  'BN2   ATTN AISHA IVERSON',
  'BA1   3982 N WASHINGTON AVE',
  'BA2   FLOOR 6',
  'BA3   ROANOKE VA 24011',
  '',
  '---S&E---',
  ...sa,
  '',
  'QTY  USOC   FIDS                                                          RATE',
  '1    1FB    /TN 540 555-0126 /TAR 4742 /PIC 0732 /LPIC 0732              13.16',
  '1    CFB    /TN 540 555-0126 /CFN 540 555-0194                            2.63',
  '1    1MB    /TN 540 555-0103 /TAR 4742 /PIC 5123 /LPIC 0288              41.67',
  '1    NSD    /TN 540 555-0103                                              9.19',
  '1    1MB    /TN 540 555-0104 /TAR 4742 /PIC 5123 /LPIC 0288              22.05',
  '1    HTG    /HTG 540 555-0103, 540 555-0104, 540 555-0105                 0.00',
  '1    MHT    /HTN 540 555-0105 /TAR 4742                                   4.50',
  '1    RCF    /TN 540 555-0126 /RCF 540 555-0139                           12.00',
  '1    9ZR    FEDERAL SUBSCRIBER LINE CHARGE                               26.00',
  '',
  '---RMKS---',
  'RMKR  BUS OFC 540 555-0170  REPAIR 540 555-0119',
  'RMKR  PIC 0732 LPIC 0732 FREEZE Y',
];

describe('a customer service record', () => {
  it('reads the FID fields of a one-line SA and of split SAPR / SASN / SASS fields', () => {
    expect(csrFields(`${SA_ONE_LINE}`)).toEqual({
      SA: '20457 MARKET HWY',
      LOC: 'STE 867',
      CITY: 'ROANOKE',
      ST: 'VA',
      ZIP: '24011',
    });
    expect(
      csrAddressLines(csrFields('SAPR 20457 /SASD N /SASN MARKET /SASS HWY /CITY ROANOKE /ST VA')),
    ).toEqual(['20457 N MARKET HWY', 'ROANOKE VA']);
    // a slash OCR read as "I" run into the FID name still opens the field
    expect(csrFields('SA 20457 MARKET HWY ICITY ROANOKE /ST VA /ZIP 24011').CITY).toBe('ROANOKE');
  });

  it('takes the SA fields for the service address, never the billing address BA1-BA3', () => {
    for (const sa of [[SA_ONE_LINE], SA_SPLIT]) {
      const a = extractBill([gridPage(record(sa))]).fields.serviceAddress;
      expect([a?.line1, a?.line2, a?.city, a?.state, a?.zip]).toEqual([
        '20457 MARKET HWY',
        'STE 867',
        'ROANOKE',
        'VA',
        '24011',
      ]);
    }
  });

  it('counts every /TN and hunt group member, never a forwarding destination or the business office', () => {
    const f = extractBill([gridPage(record([SA_ONE_LINE]))]).fields;
    expect([...f.numbers].sort()).toEqual(['5405550103', '5405550104', '5405550105', '5405550126']);
  });

  it('names the carrier by its signature line, whichever piece OCR boxed taller', () => {
    const rows = record([SA_ONE_LINE]);
    // a scan boxes the listed name a hair taller than the rest (all one Courier size); a photo
    // boxes a short field name far taller
    for (const [row, tall] of [
      ['LN    HOLLIS FAMILY MEDICINE', 1.15],
      ['LTN   540 555-0126', 1.8],
    ] as const) {
      const f = extractBill([
        gridPage(rows, { source: 'ocr', conf: 0.95, tall: { [rows.indexOf(row)]: tall } }),
      ]).fields;
      expect(f.carrier).toBe('TALLGRASS TELEPHONE CO OF VIRGINIA');
      expect(f.accountName).toBe('HOLLIS FAMILY MEDICINE CORP.');
    }
  });

  it('reads the account, the BTN and the record date', () => {
    const f = extractBill([gridPage(record([SA_ONE_LINE]))]).fields;
    expect(f.accountNumber).toBe('540-555-0126-318');
    expect(f.btn).toBe('5405550126');
    expect(f.billDate).toBe('2025-09-12');
  });
});

describe('a CSR photo that lost a call-forwarding FID', () => {
  // make-bills seed 11480 bill 41: "/TN 541-555-0116 /CFN 541-555-0155" read "541-555-0116" |
  // "541-555-0155", both FID names lost; the destination became a line of the account
  it('counts no number printed once right of a row’s TN', () => {
    const f = extractBill(wordDump('tallgrass-photo-lost-fid')).fields;
    expect(f.numbers).not.toContain('5415550155');
    expect(f.numbers).not.toContain('5415550102');
    expect(f.numbers).toEqual(
      expect.arrayContaining(['5415550188', '5415550182', '5415550116', '5415550135', '5415550164']),
    );
    expect(f.numbers).toHaveLength(11);
  });
});

describe('a CSR whose call-forwarding FID OCR misread', () => {
  // make-bills seed 11622 bill 41, its type outlines read by OCR: "/CFN 541 555-0147" read
  // "/CEN 541 555-0147"; the destination became a line of the account
  it('still takes the number after it for a forwarding destination', () => {
    const lines = record([SA_ONE_LINE]).map((l) => l.replace('/CFN 540 555-0194', '/CEN 540 555-0194'));
    expect(lines.join('\n')).toContain('/CEN 540 555-0194');
    expect(extractBill([gridPage(lines)]).fields.numbers).not.toContain('5405550194');
  });
});

describe('a CSR scan that read the SA FID in lower case', () => {
  // make-bills seed 11376 bill 87: "sa 27 SYCAMORE LN /CITY SPRINGFIELD /ST MA /ZIP 01103"
  it('still opens the service address at it', () => {
    const a = extractBill(wordDump('tallgrass-scan-lowercase-sa')).fields.serviceAddress;
    expect(a).toMatchObject({ line1: '27 SYCAMORE LN', city: 'SPRINGFIELD', state: 'MA', zip: '01103' });
    expect(csrFields('sa 27 SYCAMORE LN /CITY SPRINGFIELD /ST MA /ZIP 01103')).toMatchObject({
      SA: '27 SYCAMORE LN',
      CITY: 'SPRINGFIELD',
    });
  });
});
