import { describe, expect, it } from 'vitest';
import {
  findPhones,
  isScanLine,
  maskedAccount,
  parseAccountNumber,
  parseCityStateZip,
  findDates,
  parseDate,
  parsePhone,
  repairDigits,
} from '../../../shared/extract/shapes';

describe('shapes', () => {
  it('parses the date forms bills use', () => {
    for (const s of [
      'July 9, 2024',
      'Jul 09 2024',
      '07/09/2024',
      '2024-07-09',
      '09-JUL-2024',
      '9 July 2024',
      '9th July 2024',
      'Tuesday, 9th July 2024',
      'Jul. 9th, 2024',
      '07/09/24',
      '07-09-2024',
      'JUL 9,2024',
      'Ju1 9, 2O24',
    ])
      expect(parseDate(s), s).toBe('2024-07-09');
    expect(parseDate('13/07/2024')).toBe('2024-07-13');
    expect(parseDate('02/30/2024')).toBeNull();
    expect(parseDate('no date here')).toBeNull();
  });

  it("reads both dates of a period, never one made of the first's year and the second's day", () => {
    // "2024 - 01/19" was read as an ISO date, January 19, 2024, hiding both (a Halyard scan)
    const iso = (s: string) => findDates(s).map((d) => d.iso);
    expect(iso('12/20/2024 - 01/19/2025')).toEqual(['2024-12-20', '2025-01-19']);
    expect(iso('Dec 20, 2024 - 01-19-2025')).toEqual(['2024-12-20', '2025-01-19']);
    expect(iso('2024 - 07 - 09')).toEqual(['2024-07-09']);
    expect(iso('2024/07/09')).toEqual(['2024-07-09']);
  });

  it('reads phone numbers in every common format and repairs OCR look-alikes', () => {
    for (const s of [
      '(970) 555-0124',
      '970-555-0124',
      '970.555.0124',
      '970 555 0124',
      '1-970-555-0124',
      '+1 970 555 0124',
      '9705550124',
      '(97O) 555-Ol24',
      '970 S55-0124',
      '970/555-0124',
      '970/555.0124',
    ])
      expect(parsePhone(s), s).toBe('9705550124');
    // a slash is an area code's separator only, and only before a line set off by a hyphen or dot
    for (const s of ['970/5550124', '970/555/0124', '970 / 555 0124'])
      expect(
        findPhones(s).map((h) => h.number),
        s,
      ).not.toContain('9705550124');
    expect(findPhones('860-555-0133-301')).toEqual([]);
    expect(findPhones('8139 1524 9256')).toEqual([]);
    // An account number in groups ends in "686 9886252": no number there (held-out photo,
    // seed 10105 pc-064), though the same ten digits alone, or after a word, are one.
    expect(findPhones('3470 70 686 9886252')).toEqual([]);
    expect(findPhones('Account  3470 70 686 9886252  Page 1')).toEqual([]);
    expect(findPhones('686 9886252').map((h) => h.number)).toEqual(['6869886252']);
    expect(findPhones('Main 686 9886252').map((h) => h.number)).toEqual(['6869886252']);
    expect(findPhones('12 686 988 6252').map((h) => h.number)).toEqual(['6869886252']);
    expect(parsePhone('Page 1 of 2')).toBeNull();
    // OCR broke the last group in two ("775-555-01 30"): one number, not a stub and a count.
    expect(findPhones('Telephone Number 775-555-01 30 $19.44').map((h) => h.number)).toEqual(['7755550130']);
    // an area code's last digit split off on a Lakeshore scan (seed 11450 bill 8); a count
    // before a number is not taken into it
    expect(findPhones('Telephone Number 41 3-555-0198').map((h) => h.number)).toEqual(['4135550198']);
    expect(findPhones('Qty 4 12-555-0198').map((h) => h.number)).toEqual([]);
    expect(findPhones('(775) 555-013 0').map((h) => h.number)).toEqual(['7755550130']);
    // A dot read as a comma or a colon between any two groups.
    expect(findPhones('775:555,0195 1FB').map((h) => h.number)).toEqual(['7755550195']);
    // A whole number followed by a small count stays as it is.
    expect(findPhones('775-555-0130 12 $4.00').map((h) => h.number)).toEqual(['7755550130']);
    // An area code OCR broke inside its brackets (light print on a phone app's dark screen).
    expect(findPhones('(86 0) 555-0184 · Moto g stylus · Active').map((h) => h.number)).toEqual([
      '8605550184',
    ]);
    expect(findPhones('(8 60)555-0184').map((h) => h.number)).toEqual(['8605550184']);
    expect(findPhones('(86 0) 12 lines')).toEqual([]);
  });

  it('repairs digits by shape without eating real letters', () => {
    expect(repairDigits('1443-2O5-275')).toBe('1443-205-275');
    expect(repairDigits('AB12345')).toBe('AB12345');
    expect(repairDigits('Lane')).toBe('Lane');
    expect(parseAccountNumber('8l39 1524 9256 Page 2')).toBe('8139 1524 9256');
    expect(parseAccountNumber('Summary')).toBeNull();
  });

  it('splits city, state and ZIP', () => {
    expect(parseCityStateZip('Fort Collins, CO 80537')).toMatchObject({
      city: 'Fort Collins',
      state: 'CO',
      zip: '80537',
    });
    // an address inside a sentence: what follows the ZIP is the sentence's
    expect(
      parseCityStateZip(
        '3851 SW Mill Trl, Suite 2B, Baton Rouge, LA 70801 from Feb 24, 2025 to Mar 25, 2025',
      ),
    ).toMatchObject({ city: 'Baton Rouge', state: 'LA', zip: '70801', before: '3851 SW Mill Trl, Suite 2B' });
    expect(parseCityStateZip('Boise, ID 83702-1234 for the period ending 03/14/2025')).toMatchObject({
      city: 'Boise',
      zip: '83702-1234',
    });
    expect(parseCityStateZip('SALT LAKE CITY UT 84191')).toMatchObject({
      city: 'SALT LAKE CITY',
      state: 'UT',
      zip: '84191',
    });
    expect(parseCityStateZip('Trenton, New Jersey 08677-6336')).toMatchObject({
      city: 'Trenton',
      state: 'NJ',
      zip: '08677-6336',
    });
    expect(parseCityStateZip('HARTFORD CT O6102')).toMatchObject({ zip: '06102' });
    expect(parseCityStateZip('1779 W Franklin Lane, Fort Collins, CO 80537')).toMatchObject({
      before: '1779 W Franklin Lane',
      city: 'Fort Collins',
    });
    expect(parseCityStateZip('Total 12345')).toBeNull();
  });

  it('reads a state code OCR bent by one look-alike letter only when its ZIP agrees', () => {
    // "TA" is one letter from IA (ZIPs 5xxxx) and from no other state with a 5 ZIP.
    expect(parseCityStateZip('Des Moines, TA 50309-0228')).toMatchObject({ state: 'IA', city: 'Des Moines' });
    // "DH" is one letter from OH, whose ZIPs start with 4.
    expect(parseCityStateZip('Dayton, DH 45402')).toMatchObject({ state: 'OH' });
    // The ZIP disagrees with every near state: no guess.
    expect(parseCityStateZip('Des Moines, TA 90210')).toBeNull();
    // N read for M: of the states one letter from "NO" (MO, ND, NC), only MO has 6xxxx ZIPs.
    expect(parseCityStateZip('St Louis, NO 63101')).toMatchObject({ state: 'MO' });
  });
});

describe('names and unit order', () => {
  it('puts last-name-first people in natural order, never businesses', async () => {
    const { naturalOrder, parseAddressLines } = await import('../../../shared/extract/fields');
    expect(naturalOrder('JOHANSSON, HANNAH F')).toBe('HANNAH F JOHANSSON');
    expect(naturalOrder('Johansson, Hannah F.')).toBe('Hannah F. Johansson');
    expect(naturalOrder('Okafor Tax Service, PLLC')).toBe('Okafor Tax Service, PLLC');
    expect(naturalOrder('Acme, Inc.')).toBe('Acme, Inc.');
    expect(parseAddressLines(['Suite 210, 123 Main St', 'Springfield, IL 62701'])?.address).toMatchObject({
      line1: '123 Main St',
      line2: 'Suite 210',
    });
    expect(parseAddressLines(['Suite 210', '123 Main St', 'Springfield, IL 62701'])?.address).toMatchObject({
      line1: '123 Main St',
      line2: 'Suite 210',
    });
  });
});

describe('a number alone is no street', () => {
  it('leaves a PIN read above an address out of it (a photographed app screen lost its labels)', async () => {
    const { parseAddressLines } = await import('../../../shared/extract/fields');
    const { looksLikeStreet } = await import('../../../shared/extract/shapes');
    expect(looksLikeStreet('6913320')).toBe(false);
    expect(looksLikeStreet('12 Elm St')).toBe(true);
    expect(looksLikeStreet('1402-88 Bay St')).toBe(true);
    expect(looksLikeStreet('PO Box 4410')).toBe(true);
    expect(
      parseAddressLines(['6913320', '2362 N Ridge Avenue', 'Bldg C', 'Newark, NJ 07102'])?.address,
    ).toMatchObject({ line1: '2362 N Ridge Avenue', line2: 'Bldg C', city: 'Newark', zip: '07102' });
    expect(parseAddressLines(['369026', '999 Ridge Road', 'Scranton, PA 18503'])?.address).toMatchObject({
      line1: '999 Ridge Road',
      line2: null,
    });
  });
});

describe('seven-digit local numbers', () => {
  it('reads them only under a declared area code, never inside a ten-digit number or a ZIP+4', async () => {
    const { declaredAreaCode, findLocalPhones } = await import('../../../shared/extract/shapes');
    expect(declaredAreaCode(['LOCAL SERVICE   Area code 406', '555-0183  Business Line  $31.20'])).toBe(
      '406',
    );
    expect(declaredAreaCode(['Area Code: (208)'])).toBe('208');
    // "Area" with one letter OCR misread, but no other word before "code"
    expect(declaredAreaCode(['Arca code 423'])).toBe('423');
    expect(declaredAreaCode(['Zone code 423'])).toBeNull();
    // none, or two different ones: no local numbers are read
    expect(declaredAreaCode(['Local service'])).toBeNull();
    expect(declaredAreaCode(['Area code 406', 'Area code 208'])).toBeNull();
    expect(
      findLocalPhones('555-0183  Business Line - Flat Rate  $31.20', '406').map((h) => h.number),
    ).toEqual(['4065550183']);
    expect(findLocalPhones('(406) 555-0183 Main', '406')).toEqual([]);
    expect(findLocalPhones('406-555-0183', '406')).toEqual([]);
    expect(findLocalPhones('Choteau, MT 59422-0310', '406')).toEqual([]);
    expect(findLocalPhones('Invoice 12-555-0183', '406')).toEqual([]);
    expect(findLocalPhones('$555.0183', '406')).toEqual([]);
  });
});

describe('masked account numbers and scan lines', () => {
  it.each(['****4821', 'xxxxxx4821', 'XXXX-XXXX-4821', '******4821', '•••• 4821', '#****-****-4821'])(
    '%s is no account number, and shows its last digits',
    (s) => {
      expect(parseAccountNumber(s, false)).toBeNull();
      expect(maskedAccount(s)).toBe('4821');
    },
  );

  it('reads "ending in" as masked, and a whole number as not', () => {
    expect(maskedAccount('Your bill for account ending in 4821 is ready.')).toBe('4821');
    expect(maskedAccount('Acct. ending 0093')).toBe('0093');
    expect(maskedAccount('5427 0235 5282')).toBeNull();
    expect(parseAccountNumber('5427 0235 5282', false)).toBe('5427 0235 5282');
  });

  it('tells a remittance scan line from an identifier', () => {
    expect(isScanLine('0 877310512004491 3 00001245 00001245 7')).toBe(true);
    expect(isScanLine('000004473311 0000134632 7')).toBe(true);
    expect(isScanLine('8773 10 512 0044913')).toBe(false);
    expect(isScanLine('Account 0 877310512004491 3 00001245')).toBe(false);
  });
});

describe('a mailed bill’s barcode digits', () => {
  // the tracking code and the routing code (ZIP+4 and delivery point) a print vendor prints under
  // an Intelligent Mail barcode: a ZIP that starts with 1 makes the routing code look like a
  // number with its country code
  it('are no phone number, run together or grouped', () => {
    expect(findPhones('04700995190310365437 13202472225')).toEqual([]);
    expect(findPhones('00 270 123456 200800001 13202472225')).toEqual([]);
  });
  it('leave eleven-digit numbers in a list, or alone, as they were', () => {
    expect(findPhones('13155550111').map((h) => h.number)).toEqual(['3155550111']);
    expect(findPhones('3155550110 13155550111').map((h) => h.number)).toEqual(['3155550110', '3155550111']);
    expect(findPhones('Line 2 13155550111').map((h) => h.number)).toEqual(['3155550111']);
  });
});
