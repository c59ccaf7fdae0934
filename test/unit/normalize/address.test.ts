import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Address } from '../../../shared/domain';
import {
  compareAddresses,
  isPoBox,
  normalizeAddress,
  normalizeState,
  parseStreet,
} from '../../../shared/normalize/address';

const A = (
  line1: string,
  line2: string | null = null,
  zip = '80537',
  city = 'Fort Collins',
  state = 'CO',
): Address => ({
  line1,
  line2,
  city,
  state,
  zip,
});

describe('addresses', () => {
  it.each([
    [A('123 Main St Ste 210'), A('123 Main Street', 'Suite 210')],
    [A('123 Main St', '2nd Floor'), A('123 Main St', 'Fl 2')],
    [A('123 Main St', 'Second Floor'), A('123 Main St FL 2')],
    [A('523 Highland Ter', 'Ste 750'), A('523 HIGHLAND TERRACE STE 750')],
    [A('1779 W Franklin Lane'), A('1779 West Franklin Ln')],
    [A('123 Main St #210'), A('123 Main St', 'Ste 210')],
    [A('30 E Mill Ct', 'Bldg C'), A('30 E Mill Court', 'Building C', '80537-1234')],
    [A('14468 S Lincoln Trail', 'Suite 200', '80274-3132'), A('14468 S Lincoln Trl STE 200', null, '80274')],
    [
      A('1 Main St', null, '06102', 'Hartford', 'Connecticut'),
      A('1 Main St', null, '06102-4655', 'HARTFORD', 'CT'),
    ],
    [A('P.O. Box 55'), A('POB 55')],
    [A('Suite 210', '123 Main St'), A('123 Main St Ste 210')],
    [A('9 Elm St', 'Bldg C, Fl 2'), A('9 Elm Street Floor 2', 'Building C')],
    [A('9 Elm St Ste. 210-B'), A('9 Elm St', 'Suite #210B')],
  ])('equal: %j / %j', (a, b) => {
    expect(compareAddresses(a, b)).toMatchObject({ equal: true });
    expect(compareAddresses(b, a).equal).toBe(true);
  });

  it.each([
    [A('123 Main St Ste 210'), A('123 Main St', 'Suite 201'), 'suite 210 on the bill, 201 on the request'],
    [A('282 Harbor Cir'), A('286 Harbor Circle'), 'street number 282 on the bill, 286 on the request'],
    [
      A('1 Main St', null, '80537'),
      A('1 Main St', null, '80573'),
      'ZIP 80537 on the bill, 80573 on the request',
    ],
    [
      A('526 Orchard Dr', 'Apt 6'),
      A('526 Orchard Drive', 'Apt 7'),
      'apartment 6 on the bill, 7 on the request',
    ],
    [A('1 Main St', 'Ste 5'), A('1 Main St'), 'suite 5 on the bill, no unit on the request'],
    [A('1 Main St'), A('1 Elm St'), 'street MAIN ST on the bill, ELM ST on the request'],
    [A('PO Box 12'), A('12 Main St'), 'PO Box 12 on the bill, a street address on the request'],
  ])('differs: %j / %j', (a, b, text) => {
    const c = compareAddresses(a, b);
    expect(c.equal).toBe(false);
    expect(c.differences.map((d) => d.text)).toContain(text);
  });

  it('detects PO boxes in their usual spellings', () => {
    for (const s of ['P.O. Box 12', 'PO Box 12', 'POB 12', 'Post Office Box 12', 'p o box 12', 'Box 7'])
      expect(isPoBox(s)).toBe(true);
    for (const s of ['12 Boxwood Ln', 'Boxwood Ln', 'Pobrook Rd', '1 Post Office Sq', '12 Main St'])
      expect(isPoBox(s)).toBe(false);
  });

  it('maps state names to codes', () => {
    expect(normalizeState('New York')).toBe('NY');
    expect(normalizeState('ny')).toBe('NY');
    expect(normalizeState('Ontario')).toBe('ON');
  });

  it('keeps a street named like a designator', () => {
    expect(parseStreet('12 Key West Dr').units).toEqual([]);
    expect(parseStreet('12 Suite Rd').units).toEqual([]);
  });

  it('property: normalizing an already-normalized address is a fixed point; comparison is symmetric', () => {
    const num = fc.integer({ min: 1, max: 99999 }).map(String);
    const dir = fc.constantFrom('', 'N ', 'North ', 'SW ', 'Southwest ');
    const name = fc.constantFrom('Main', 'Harbor', 'Martin Luther King Jr', 'Old Mill', 'Court');
    const suffix = fc.constantFrom(
      'St',
      'Street',
      'Ave',
      'Avenue',
      'Blvd',
      'Boulevard',
      'Ter',
      'Terrace',
      'Pkwy',
      'Parkway',
    );
    const unit = fc.constantFrom(
      '',
      ' Ste 210',
      ' Suite 210',
      ' #210',
      ' Apt 4B',
      ' 3rd Floor',
      ' Fl 3',
      ' Bldg C',
    );
    const zip = fc.constantFrom('80537', '80537-1234', '06102');
    const addr = fc
      .tuple(num, dir, name, suffix, unit, zip)
      .map(([n, d, nm, s, u, z]) => A(`${n} ${d}${nm} ${s}${u}`, null, z));
    fc.assert(
      fc.property(addr, addr, (a, b) => {
        const n = normalizeAddress(a)!;
        const line1 = [n.number, n.street, ...n.units.map((u) => `${u.designator} ${u.id}`)].join(' ');
        const again = normalizeAddress({ line1, line2: null, city: n.city, state: n.state, zip: n.zip })!;
        expect(again.street).toBe(n.street);
        expect(again.units).toEqual(n.units);
        expect(again.zip).toBe(n.zip);
        expect(compareAddresses(a, a).equal).toBe(true);
        expect(compareAddresses(a, b).equal).toBe(compareAddresses(b, a).equal);
      }),
      { numRuns: 300 },
    );
  });
});

describe('Quebec addresses', () => {
  const bill = {
    line1: '1250, boul. René-Lévesque O.',
    line2: 'bureau 400',
    city: 'Montréal',
    state: 'QC',
    zip: 'H3B 4W8',
  };

  it('reads an address typed without accents, in English designators, as the same place', () => {
    const typed = {
      line1: '1250 Boul Rene-Levesque W',
      line2: 'Suite 400',
      city: 'Montreal',
      state: 'Quebec',
      zip: 'h3b4w8',
    };
    expect(compareAddresses(bill, typed)).toMatchObject({ equal: true, differences: [] });
  });

  it('still sees a different suite or postal code', () => {
    expect(compareAddresses(bill, { ...bill, line2: 'bureau 410' }).differences[0]?.part).toBe('unit');
    expect(compareAddresses(bill, { ...bill, zip: 'H3B 4W9' }).differences[0]?.part).toBe('zip');
  });
});
