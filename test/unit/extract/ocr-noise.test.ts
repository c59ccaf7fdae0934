// OCR noise a reader sees through: stray rule marks, look-alike letters in street suffixes and
// identifiers, units glued to their numbers.
import { describe, expect, it } from 'vitest';
import { parseAddressLines } from '../../../shared/extract/fields';
import { parseAccountNumber, parseCityStateZip, repairStreetLine } from '../../../shared/extract/shapes';

describe('OCR noise in value shapes', () => {
  it('reads a city line through a stray table-rule mark', () => {
    expect(parseCityStateZip('Fort Wayne, | IN 46892')).toMatchObject({
      city: 'Fort Wayne',
      state: 'IN',
      zip: '46892',
    });
    expect(parseCityStateZip('Reno ~ NV 89501-2201')).toMatchObject({ city: 'Reno', state: 'NV' });
    // the dash of a spaced ZIP+4 is not a stray mark
    expect(parseCityStateZip('Reno, NV 89501 - 2201')?.zip).toBe('89501-2201');
  });

  it('repairs look-alike street suffixes only in the suffix position', () => {
    expect(repairStreetLine('337 Mill P1')).toBe('337 Mill Pl');
    expect(repairStreetLine('112 Willow PI')).toBe('112 Willow Pl');
    expect(repairStreetLine('9 OAK 5T')).toBe('9 OAK ST');
    expect(repairStreetLine('40 Harbor P1 Suite 3')).toBe('40 Harbor Pl Suite 3');
    expect(repairStreetLine('12 Tr1 Ridge Rd')).toBe('12 Tr1 Ridge Rd');
    expect(repairStreetLine('88 PI Street')).toBe('88 PI Street');
    expect(repairStreetLine('5 Lake Dr')).toBe('5 Lake Dr');
  });

  it('splits a unit glued to its number', () => {
    expect(repairStreetLine('FL8')).toBe('FL 8');
    expect(repairStreetLine('Ste210')).toBe('Ste 210');
    expect(repairStreetLine('APT16B')).toBe('APT 16B');
    expect(
      parseAddressLines(['1152 W MADISON CIRCLE', 'FL8', 'SPRINGFIELD, MA 01103'])?.address,
    ).toMatchObject({ line1: '1152 W MADISON CIRCLE', line2: 'FL 8', city: 'SPRINGFIELD' });
    expect(parseAddressLines(['337 Mill P1', 'Apt 650', 'Burlington, VT 05401'])?.address).toMatchObject({
      line1: '337 Mill Pl',
      line2: 'Apt 650',
    });
  });

  it('reads a J that OCR bent into a closing parenthesis at the end of an account number', () => {
    expect(parseAccountNumber('4795550157-20)')).toBe('4795550157-20J');
    expect(parseAccountNumber('4795550157-20)', false)).toBeNull();
    // a real parenthesised note is not touched
    expect(parseAccountNumber('(555) 0157 2211')).toBeNull();
  });
});
