import { describe, expect, it } from 'vitest';
import { CaseInputSchema, type BillFields, type CaseInput } from '../../../shared/domain';
import { checkRules } from '../../../shared/check/rules';
import { runChecks } from '../../../shared/check/run';
import {
  checkAccountNumber,
  checkBillAge,
  checkBtn,
  checkNumbersOnBill,
  checkServiceAddress,
} from '../../../shared/check/fields';

type Patch = {
  customer?: Partial<CaseInput['customer']>;
  authorized?: Partial<CaseInput['authorized']>;
  serviceAddress?: Partial<CaseInput['serviceAddress']>;
  numbers?: { number: string; action?: 'port' | 'keep'; e911?: CaseInput['serviceAddress'] | null }[];
  newBtn?: string | null;
  focDate?: string | null;
  focTime?: string | null;
  flags?: Partial<CaseInput['flags']>;
};

function makeCase(p: Patch = {}): CaseInput {
  return CaseInputSchema.parse({
    customer: {
      accountName: 'Brightwater Engineering',
      accountNumber: '1443-205-275',
      btn: '9702340124',
      losingCarrier: 'Acme',
      ...p.customer,
    },
    authorized: { name: 'Ann Lee', ...p.authorized },
    serviceAddress: {
      line1: '1779 W Franklin Ln',
      line2: null,
      city: 'Fort Collins',
      state: 'CO',
      zip: '80537',
      ...p.serviceAddress,
    },
    numbers: p.numbers ?? [{ number: '9702340124' }, { number: '9702340162' }],
    newBtn: p.newBtn ?? null,
    focDate: p.focDate ?? null,
    focTime: p.focTime ?? null,
    flags: { dsl: false, contractTerm: false, personalCell: false, ...p.flags },
  });
}

const ids = (c: CaseInput, ctx = {}) => checkRules(c, ctx).map((r) => `${r.severity}:${r.id}`);

describe('rule checks', () => {
  it('a clean case triggers nothing', () => {
    expect(checkRules(makeCase())).toEqual([]);
  });

  it('wireless without PIN is a blocker with code 7117', () => {
    const r = checkRules(makeCase({ customer: { wireless: true, pin: null } }));
    expect(r).toContainEqual(
      expect.objectContaining({ id: 'wireless_pin', severity: 'blocker', code: '7117' }),
    );
    expect(ids(makeCase({ customer: { wireless: true, pin: '1234' } }))).not.toContain(
      'blocker:wireless_pin',
    );
  });

  it('a partial port of the BTN without a new BTN strands it (MAIN_BTN_PORTING)', () => {
    const c = makeCase({ numbers: [{ number: '9702340124' }, { number: '9702340188', action: 'keep' }] });
    const r = checkRules(c).find((x) => x.id === 'btn_stranded')!;
    expect(r).toMatchObject({ severity: 'blocker', code: 'MAIN_BTN_PORTING' });
    expect(r.reason).toContain('970-234-0188');
    const fixed = makeCase({
      numbers: [{ number: '9702340124' }, { number: '9702340188', action: 'keep' }],
      newBtn: '9702340188',
    });
    expect(ids(fixed)).not.toContain('blocker:btn_stranded');
    expect(ids(fixed)).toContain('warning:numbers_remain');
  });

  it('bill numbers not ported remain on the account: do not close it', () => {
    const bill = { numbers: ['9702340124', '9702340162', '9702340199'] } as BillFields;
    const r = checkRules(makeCase(), { bill }).find((x) => x.id === 'numbers_remain')!;
    expect(r.reason).toMatch(/not to close the old account/);
    expect(r.numbers).toEqual(['9702340199']);
  });

  it('toll-free needs a RespOrg letter; mixed with local it must be split', () => {
    expect(ids(makeCase({ customer: { btn: '8002345678' }, numbers: [{ number: '8002345678' }] }))).toEqual([
      'warning:tollfree_resporg',
    ]);
    expect(ids(makeCase({ numbers: [{ number: '9702340124' }, { number: '8002345678' }] }))).toEqual(
      expect.arrayContaining(['warning:tollfree_resporg', 'blocker:split_tollfree']),
    );
  });

  it('flags Canadian numbers', () => {
    expect(ids(makeCase({ numbers: [{ number: '9702340124' }, { number: '4162345678' }] }))).toContain(
      'warning:canadian',
    );
  });

  it('a number in another open case is a duplicate order (7205 / 22137)', () => {
    const r = checkRules(makeCase(), {
      otherOpenCases: [{ caseId: 7, accountName: 'Other Co', number: '9702340162' }],
    });
    expect(r[0]).toMatchObject({ id: 'duplicate_order', severity: 'blocker', numbers: ['9702340162'] });
    expect(r[0]!.reason).toContain('case #7 (Other Co)');
    expect(r[0]!.reason).toContain('7205');
  });

  it('a PO box is not a service address', () => {
    expect(ids(makeCase({ serviceAddress: { line1: 'P.O. Box 118' } }))).toEqual(
      expect.arrayContaining(['blocker:po_box', 'blocker:e911_missing']),
    );
  });

  it('field limits and directionals', () => {
    expect(ids(makeCase({ customer: { accountName: 'Three Rivers Family Pharmacy, LLC' } }))).toContain(
      'warning:name_length',
    );
    expect(
      ids(makeCase({ customer: { accountName: 'Jane Q. Averylongsurname', accountType: 'residential' } })),
    ).not.toContain('warning:name_length');
    expect(ids(makeCase({ authorized: { name: 'Bartholomew Richardson' } }))).toContain(
      'warning:authorizer_length',
    );
    expect(ids(makeCase({ serviceAddress: { line1: '1779 West Franklin Ln' } }))).toContain(
      'info:directionals',
    );
  });

  it('E911: null means the service address; an incomplete own address is missing', () => {
    expect(ids(makeCase())).not.toContain('blocker:e911_missing');
    const c = makeCase({
      numbers: [
        { number: '9702340124', e911: { line1: '', line2: null, city: 'Denver', state: 'CO', zip: '80202' } },
      ],
    });
    expect(checkRules(c).find((r) => r.id === 'e911_missing')!.numbers).toEqual(['9702340124']);
  });

  it('invalid and fictitious numbers', () => {
    expect(ids(makeCase({ numbers: [{ number: '9701110124' }] }))).toContain('blocker:invalid_numbers');
    expect(ids(makeCase({ customer: { btn: '9705550124' }, numbers: [{ number: '9705550124' }] }))).toEqual([
      'warning:fictitious_numbers',
    ]);
  });

  it('informational: DSL, early termination fee, personal cell', () => {
    expect(ids(makeCase({ flags: { dsl: true, contractTerm: true, personalCell: true } }))).toEqual([
      'info:dsl',
      'info:etf',
      'info:personal_cell',
    ]);
  });
});

describe('field check reasons', () => {
  it('name both values and the difference', () => {
    expect(checkAccountNumber('1443-205-275', '1493-205-275').reason).toBe(
      'Account number differs (digit 3 differs): 1443-205-275 on the bill, 1493-205-275 on the request.',
    );
    expect(checkBtn('5055550113', '505.555.0131').reason).toMatch(
      /^BTN digits transposed \(digits 9 and 10 transposed\): 505-555-0113 on the bill, 505-555-0131 on the request/,
    );
    const A = { line1: '1 Main St', line2: 'Suite 210', city: 'Loveland', state: 'CO', zip: '80537' };
    expect(checkServiceAddress(A, { ...A, line2: 'Ste 201', zip: '80573' }).reason).toBe(
      'Service address differs: suite 210 on the bill, 201 on the request; ZIP 80537 on the bill, 80573 on the request.',
    );
    expect(checkNumbersOnBill(['9702340124'], null, ['9702340124', '970-234-0196'])).toMatchObject({
      verdict: 'mismatch',
      missingNumbers: ['9702340196'],
    });
  });

  it('a unit that differs only in a glyph OCR confuses (8/B) is a probable mismatch, never a match', () => {
    const A = { line1: '5833 Pioneer Trl', line2: 'Apt 138', city: 'Roanoke', state: 'VA', zip: '24011' };
    const c = checkServiceAddress(A, { ...A, line2: 'Apt 13B' });
    expect(c).toMatchObject({ verdict: 'mismatch', probable: 'ocr' });
    expect(c.reason).toBe(
      'Service address differs only in characters OCR confuses — apartment 138 on the bill, 13B on the request. Check the bill image before porting.',
    );
    // another apartment, or another difference beside it, is a plain mismatch
    expect(checkServiceAddress(A, { ...A, line2: 'Apt 13C' })).toMatchObject({ probable: null });
    expect(checkServiceAddress(A, { ...A, line2: 'Apt 13B', zip: '24012' })).toMatchObject({
      probable: null,
    });
  });

  it('OCR-confusable account numbers are a probable mismatch, never a match', () => {
    const c = checkAccountNumber('1443-2O5-275', '1443-205-275');
    expect(c).toMatchObject({ verdict: 'mismatch', probable: 'ocr' });
    expect(c.reason).toMatch(/OCR/);
  });

  it('bill age: 30 days is ok, 31 stale, unreadable missing', () => {
    expect(checkBillAge('2025-01-01', '2025-01-31').verdict).toBe('ok');
    expect(checkBillAge('2025-01-01', '2025-02-01').verdict).toBe('stale');
    expect(checkBillAge(null, '2025-02-01').verdict).toBe('missing');
    // no date on the document (an app screenshot): no alarm, but never a silent pass
    expect(checkBillAge(null, '2025-02-01').reason).toMatch(/no bill date .* age is unknown/i);
    expect(checkBillAge('2025-02-30', '2025-03-01').verdict).toBe('missing');
  });

  it('a bill field that could not be read is missing, not a match', () => {
    expect(checkBtn(null, '9702340124').verdict).toBe('missing');
    expect(checkNumbersOnBill([], null, ['9702340124']).verdict).toBe('missing');
  });
});

describe('readiness', () => {
  const bill: BillFields = {
    carrier: 'Acme',
    accountName: 'Brightwater Engineering LLC',
    accountNumber: '1443205275',
    btn: '970-234-0124',
    serviceAddress: {
      line1: '1779 West Franklin Lane',
      line2: null,
      city: 'Fort Collins',
      state: 'CO',
      zip: '80537-1111',
    },
    billDate: '2025-08-20',
    numbers: ['9702340124', '9702340162'],
  };

  it('ready when everything matches, the LOA is signed and the FOC is valid', () => {
    const r = runChecks({
      caseId: 1,
      input: makeCase({ focDate: '2025-09-08' }),
      bill,
      asOf: '2025-08-29',
      documents: { loaSigned: true },
      ranAt: 'x',
    });
    expect(r.readiness).toMatchObject({ readiness: 'ready', blockers: [], warnings: [] });
    expect(r.fields.every((f) => f.verdict === 'match' || f.verdict === 'ok')).toBe(true);
  });

  it('warnings for an unsigned LOA and no FOC date; blocked by a stale bill or a bad date', () => {
    expect(
      runChecks({ caseId: 1, input: makeCase(), bill, asOf: '2025-08-29', ranAt: 'x' }).readiness.readiness,
    ).toBe('warnings');
    const stale = runChecks({ caseId: 1, input: makeCase(), bill, asOf: '2025-10-29', ranAt: 'x' });
    expect(stale.readiness.readiness).toBe('blocked');
    expect(stale.readiness.documents.find((d) => d.id === 'bill')!.status).toBe('stale');
    const weekend = runChecks({
      caseId: 1,
      input: makeCase({ focDate: '2025-09-06' }),
      bill,
      asOf: '2025-08-29',
      documents: { loaSigned: true },
      ranAt: 'x',
    });
    expect(weekend.readiness.blockers.map((b) => b.id)).toEqual(['foc_invalid']);
  });

  it('a number to port missing from the bill blocks, with a title that reads as a sentence', () => {
    const one = runChecks({
      caseId: 1,
      input: makeCase({ numbers: [{ number: '9702340124' }, { number: '9702340199' }] }),
      bill,
      asOf: '2025-08-29',
      ranAt: 'x',
    });
    const rule = one.rules.find((r) => r.id === 'field_mismatch:numbersOnBill')!;
    expect(rule).toMatchObject({ severity: 'blocker', code: 'PHONE_NUMBER_MISMATCH' });
    expect(rule.title).toBe('A number to port not on the bill');
    const two = runChecks({
      caseId: 1,
      input: makeCase({
        numbers: [{ number: '9702340124' }, { number: '9702340198' }, { number: '9702340199' }],
      }),
      bill,
      asOf: '2025-08-29',
      ranAt: 'x',
    });
    expect(two.rules.find((r) => r.id === 'field_mismatch:numbersOnBill')!.title).toBe(
      'Numbers to port not on the bill',
    );
  });

  it('no bill blocks', () => {
    const r = runChecks({ caseId: 1, input: makeCase(), bill: null, asOf: '2025-08-29', ranAt: 'x' });
    expect(r.hasBill).toBe(false);
    expect(r.readiness.blockers.map((b) => b.id)).toContain('no_bill');
  });
});

describe('partly unreadable bill fields', () => {
  const A = { line1: '1 Main St', line2: 'Suite 210', city: 'Loveland', state: 'CO', zip: '80537' };
  it('an address whose ZIP was not read is missing when the rest agrees, mismatch when it does not', () => {
    expect(checkServiceAddress({ ...A, zip: '' }, A)).toMatchObject({ verdict: 'missing' });
    expect(checkServiceAddress({ ...A, zip: '' }, A).reason).toMatch(/ZIP could not be read/);
    expect(checkServiceAddress({ ...A, zip: '', line2: 'Suite 201' }, A)).toMatchObject({
      verdict: 'mismatch',
    });
    expect(checkServiceAddress({ ...A, line1: '', line2: null }, A)).toMatchObject({ verdict: 'missing' });
  });

  it('a garbled BTN or numbers list is missing, not a mismatch', () => {
    expect(checkBtn('97O-5S5-0l24', '9702340124').verdict).toBe('missing');
    expect(checkNumbersOnBill(['n/a', '12'], null, ['9702340124']).verdict).toBe('missing');
  });
});
