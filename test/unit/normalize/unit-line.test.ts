import { describe, expect, it } from 'vitest';
import { isUnitLine, splitUnitLine } from '../../../shared/normalize/unit-line';

const a = (line1: string, line2: string | null = null) => ({
  line1,
  line2,
  city: 'X',
  state: 'CO',
  zip: '80537',
});

describe('splitUnitLine: a bill’s second address line goes to Suite / unit', () => {
  it.each([
    ['526 ORCHARD DR APT 6', '526 ORCHARD DR', 'APT 6'],
    ['30 E Mill Court, Bldg C', '30 E Mill Court', 'Bldg C'],
    ['1779 W Franklin Lane Suite 200', '1779 W Franklin Lane', 'Suite 200'],
    ['12 Harbor Way Building A', '12 Harbor Way', 'Building A'],
    ['8710 Mill Hwy 4th Floor', '8710 Mill Hwy', '4th Floor'],
    ['44 Elm St #12', '44 Elm St', '#12'],
  ])('%s', (line1, street, unit) => {
    expect(splitUnitLine(a(line1))).toMatchObject({ line1: street, line2: unit });
  });

  it('leaves streets alone that only look like units, and a line 2 already there', () => {
    for (const s of ['100 Floor Ave', '45 Suite St', 'Suite 200', '606 Franklin Boulevard'])
      expect(splitUnitLine(a(s))).toEqual(a(s));
    expect(splitUnitLine(a('526 Orchard Dr Apt 6', 'Rear'))).toEqual(a('526 Orchard Dr Apt 6', 'Rear'));
  });

  it('knows a unit line', () => {
    expect(isUnitLine('Suite 200')).toBe(true);
    expect(isUnitLine('Building A')).toBe(true);
    expect(isUnitLine('Fort Collins')).toBe(false);
  });
});
