import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNames, dbaForms, normalizeName, basicName } from '../../../shared/normalize/name';
import { compareAccounts, normalizeAccount } from '../../../shared/normalize/account';

describe('account names', () => {
  it.each([
    ['Tidewater Landscaping, LLC', 'Tidewater Landscaping, L.L.C.'],
    ['Brightwater Engineering Inc.', 'brightwater engineering inc'],
    ['Brightwater Engineering Inc.', 'Brightwater Engineering Incorporated'],
    ['Acme Corp', 'ACME CORPORATION'],
    ['Hannah & Samuel McAllister', 'HANNAH AND SAMUEL MCALLISTER'],
    ['The Blue Heron Bakery', 'Blue Heron Bakery'],
    ['Whitmore Printing, P.C.', 'WHITMORE PRINTING P.C.'],
    ['Acme Holdings LLC', 'Acme Holdings'],
    ['JOHANSSON, HANNAH F.', 'Hannah F. Johansson'],
  ])('%s == %s', (a, b) => {
    expect(compareNames(a, b).equal).toBe(true);
    expect(compareNames(b, a).equal).toBe(true);
  });

  it.each([
    ['Pemberton Physical Therapy LLC', 'Pemberton Veterinary Clinic LLC'],
    ['Fatima H. Schmidt', 'Grace Schmidt'],
    ['Acme LLC', 'Acme Inc'],
    ['Hannah Johansson', 'Hannah F. Johansson'],
    ['Johansson Hannah LLC', 'Hannah Johansson Inc'],
  ])('%s != %s', (a, b) => {
    expect(compareNames(a, b).equal).toBe(false);
  });

  it('names the different entity type', () => {
    expect(compareNames('Acme LLC', 'Acme Inc').note).toBe('entity type LLC on the bill, INC on the request');
  });

  it('property: normalization is idempotent and comparison symmetric', () => {
    const word = fc.constantFrom(
      'Acme',
      'the',
      'The',
      'LLC',
      'L.L.C.',
      'Inc.',
      '&',
      'and',
      'Co',
      'Blue',
      'heron',
      "O'Brien",
      'Corp',
      ',',
    );
    const name = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(normalizeName(normalizeName(a))).toBe(normalizeName(a));
        expect(basicName(basicName(a))).toBe(basicName(a));
        expect(compareNames(a, b).equal).toBe(compareNames(b, a).equal);
      }),
      { numRuns: 400 },
    );
  });
});

describe('a name the bill prints cut short', () => {
  it("matches when a long printed name stops inside the request name's word", () => {
    const c = compareNames('JUNIPER RIDGE FAMILY MEDICINE L.', 'Juniper Ridge Family Medicine L.L.C.');
    expect(c).toEqual({ equal: true, note: 'the bill prints the name cut short at 32 characters' });
    expect(
      compareNames('NORTHEASTERN ORTHOPAEDIC ASSOCIA', 'Northeastern Orthopaedic Associates PC').equal,
    ).toBe(true);
  });

  it('stays a mismatch for a short name, a cut between words, or other words', () => {
    // too short to have met a field width
    expect(compareNames('ACME PLUMB', 'Acme Plumbing Supply').equal).toBe(false);
    // a word left out is another name, whatever the length
    expect(compareNames('JUNIPER RIDGE FAMILY MEDICINE', 'Juniper Ridge Family Medicine Group').equal).toBe(
      false,
    );
    expect(
      compareNames('JUNIPER RIDGE FAMILY DENTISTRY L.', 'Juniper Ridge Family Medicine L.L.C.').equal,
    ).toBe(false);
    // the request cut short is not the bill's record
    expect(
      compareNames('Juniper Ridge Family Medicine L.L.C.', 'JUNIPER RIDGE FAMILY MEDICINE L.').equal,
    ).toBe(false);
  });
});

describe('account numbers', () => {
  it('ignores separators', () => {
    expect(compareAccounts('8164 2706 3839', '816427063839').equal).toBe(true);
    expect(compareAccounts('505-555-0113-780', '5055550113780').equal).toBe(true);
  });

  it('reports a real digit difference with its position', () => {
    const c = compareAccounts('1443-205-275', '1493-205-275');
    expect(c.equal).toBe(false);
    expect(c.probableOcr).toBe(false);
    expect(c.detail).toBe('digit 3 differs');
  });

  it('flags OCR-confusable differences as probable, never equal', () => {
    for (const [bill, req] of [
      ['1443-2O5-275', '1443-205-275'],
      ['I443-205-275', '1443-205-275'],
      ['8S31', '8531'],
      ['B131', '8131'],
      ['Z236', '2236'],
      ['G16', '616'],
    ] as const) {
      const c = compareAccounts(bill, req);
      expect(c.equal).toBe(false);
      expect(c.probableOcr).toBe(true);
      expect(c.detail).toMatch(/probable OCR confusion/);
    }
  });

  it('property: normalization idempotent, equality symmetric', () => {
    const acct = fc.stringMatching(/^[0-9A-Za-z -]{0,16}$/);
    fc.assert(
      fc.property(acct, acct, (a, b) => {
        expect(normalizeAccount(normalizeAccount(a))).toBe(normalizeAccount(a));
        expect(compareAccounts(a, b).equal).toBe(compareAccounts(b, a).equal);
        expect(compareAccounts(a, b).probableOcr).toBe(compareAccounts(b, a).probableOcr);
      }),
      { numRuns: 300 },
    );
  });
});

describe('French names', () => {
  it('reads a name typed without its accents, and ltée as Ltd., as the same name', () => {
    expect(compareNames('Boulangerie Côté ltée', 'BOULANGERIE COTE LTD').equal).toBe(true);
    expect(compareNames('Garage Thériault inc.', 'Garage Theriault Inc').equal).toBe(true);
    expect(compareNames('Garage Thériault inc.', 'Garage Thibault inc.').equal).toBe(false);
  });
});

describe('a billing name with a legal name and a trade name (DBA)', () => {
  it.each([
    ["ACME HOLDINGS LLC DBA JOE'S PIZZA", ['ACME HOLDINGS LLC', "JOE'S PIZZA"]],
    ["Acme Holdings LLC d/b/a Joe's Pizza", ['Acme Holdings LLC', "Joe's Pizza"]],
    ["Acme Holdings, LLC D.B.A. Joe's Pizza", ['Acme Holdings, LLC', "Joe's Pizza"]],
    ["Joe's Pizza (Acme Holdings LLC)", ['Acme Holdings LLC', "Joe's Pizza"]],
    ['Acme Holdings LLC (Main Street Diner)', ['Acme Holdings LLC', 'Main Street Diner']],
    // the closing bracket a photo's OCR lost (held-out 10415 hd-009)
    ['DUBOIS STREET HARDWARE (KOWALCZYK PARTNERS LLC', ['KOWALCZYK PARTNERS LLC', 'DUBOIS STREET HARDWARE']],
  ])('%s is %j', (printed, forms) => {
    expect(dbaForms(printed)).toEqual(forms);
  });

  it.each(['Hannah Lee (Home)', 'Kowalczyk Enterprises, Inc.', 'Dbamerica Consulting'])(
    '%s has one name',
    (s) => {
      expect(dbaForms(s)).toEqual([]);
    },
  );

  it.each([
    ["ACME HOLDINGS LLC DBA JOE'S PIZZA", "Joe's Pizza", /trade name/],
    ["ACME HOLDINGS LLC DBA JOE'S PIZZA", 'Acme Holdings, L.L.C.', /legal name/],
    ["Joe's Pizza (Acme Holdings LLC)", "acme holdings llc dba joe's pizza", /another way/],
    ['Acme Holdings LLC', "Acme Holdings LLC DBA Joe's Pizza", /bill prints the legal name/],
  ])('%s is named by %s', (bill, req, note) => {
    const c = compareNames(bill, req);
    expect(c.equal).toBe(true);
    expect(c.note).toMatch(note);
  });

  it.each([
    ["ACME HOLDINGS LLC DBA JOE'S PIZZA", "Bob's Pizza"],
    ["ACME HOLDINGS LLC DBA JOE'S PIZZA", 'Acme Holdings Inc.'],
    ["Joe's Pizza (Acme Holdings LLC)", "Acme Holdings LLC dba Bob's Pizza"],
    ["Joe's Pizza (Acme Holdings LLC)", 'Attn: Accounts Payable'],
  ])('%s is not named by %s', (bill, req) => {
    expect(compareNames(bill, req).equal).toBe(false);
  });
});
