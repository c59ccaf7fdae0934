// Bad input to the request parser: every failure is a DeskError BAD_ARGUMENT naming the field.
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/errors';
import { parseRequest, parseRequestJson, requestToCaseInput } from '../../../shared/request';

const good = {
  accountName: 'Brightwater Engineering Inc.',
  accountNumber: '1443-205-275',
  btn: '(970) 555-0124',
  serviceAddress: {
    line1: '1779 W Franklin Ln',
    line2: null,
    city: 'Fort Collins',
    state: 'CO',
    zip: '80537',
  },
  numbersToPort: ['970-555-0124', '970.555.0162', '9705550162'],
  pin: '822471',
  asOf: '2024-08-03',
  requestedFocDate: '2024-08-15',
  accountType: 'business',
};

function errorOf(fn: () => unknown): DeskError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DeskError);
    return e as DeskError;
  }
  throw new Error('expected a DeskError');
}

describe('parseRequestJson', () => {
  it('parses a good request, normalizing numbers to 10 digits and dropping duplicates', () => {
    const r = parseRequestJson(JSON.stringify(good));
    expect(r.btn).toBe('9705550124');
    expect(r.numbersToPort).toEqual(['9705550124', '9705550162']);
    expect(r.pin).toBe('822471');
  });

  it('accepts a numeric PIN and a missing one', () => {
    expect(parseRequest({ ...good, pin: 11101 }).pin).toBe('11101');
    const { pin: _pin, ...noPin } = good;
    expect(parseRequest(noPin).pin).toBeNull();
  });

  it('reports malformed JSON', () => {
    const e = errorOf(() => parseRequestJson('{"accountName": "x",'));
    expect(e.code).toBe('BAD_ARGUMENT');
    expect(e.message).toMatch(/^request\.json is not valid JSON: /);
  });

  it('refuses a non-object', () => {
    expect(errorOf(() => parseRequestJson('[1,2]')).message).toBe('request must be a JSON object');
  });

  it.each([
    ['impossible date', { asOf: '2024-02-30' }, 'request.asOf: is not a real calendar date'],
    [
      'badly formatted date',
      { requestedFocDate: '08/15/2024' },
      'request.requestedFocDate: must be a date as YYYY-MM-DD',
    ],
    ['absurd year', { asOf: '1024-01-01' }, 'request.asOf: is outside 2000–2100'],
    [
      'non-NANP btn',
      { btn: '+44 20 7946 0958' },
      'request.btn: "+44 20 7946 0958" is not a 10-digit North American (NANP) number',
    ],
    [
      'invalid area code',
      { btn: '123-456-7890' },
      'request.btn: 123-456-7890: an area code cannot start with 0 or 1',
    ],
    ['non-NANP number to port', { numbersToPort: ['970-555-0124', '555-1234'] }, 'request.numbersToPort.1: '],
    ['no numbers', { numbersToPort: [] }, 'request.numbersToPort: must list at least one number'],
    [
      'numbers not a list',
      { numbersToPort: '9705550124' },
      'request.numbersToPort: must be a list of phone numbers',
    ],
    ['empty name', { accountName: '   ' }, 'request.accountName: must not be empty'],
    ['absurd name', { accountName: 'x'.repeat(500) }, 'request.accountName: must be at most 120 characters'],
    ['name without letters', { accountName: '12345' }, 'request.accountName: has no letters'],
    ['missing account number', { accountNumber: undefined }, 'request.accountNumber: is required'],
    [
      'bad ZIP',
      { serviceAddress: { ...good.serviceAddress, zip: '8053' } },
      'request.serviceAddress.zip: must be a ZIP',
    ],
    [
      'unknown state',
      { serviceAddress: { ...good.serviceAddress, state: 'XX' } },
      'request.serviceAddress.state: is not a US state',
    ],
    ['missing address', { serviceAddress: undefined }, 'request.serviceAddress: is required'],
    [
      'bad account type',
      { accountType: 'government' },
      'request.accountType: must be "business" or "residential"',
    ],
    ['bad PIN', { pin: '12 34!' }, 'request.pin: must be 1–15 letters or digits'],
  ])('%s', (_label, patch, message) => {
    const e = errorOf(() => parseRequestJson(JSON.stringify({ ...good, ...patch })));
    expect(e.code).toBe('BAD_ARGUMENT');
    expect(e.message).toContain(message);
    expect(e.issues?.length).toBeGreaterThan(0);
  });

  it('names every bad field at once', () => {
    const e = errorOf(() => parseRequest({ ...good, asOf: 'soon', btn: 'n/a' }));
    expect(e.issues!.map((i) => i.path).sort()).toEqual(['request.asOf', 'request.btn']);
  });
});

describe('requestToCaseInput', () => {
  it('ports the requested numbers and keeps the rest of the bill', () => {
    const req = parseRequest(good);
    const input = requestToCaseInput(req, {
      carrier: 'Acme Wireless',
      accountName: null,
      accountNumber: null,
      btn: null,
      serviceAddress: null,
      billDate: null,
      numbers: ['9705550124', '9705550162', '970-555-0199'],
    });
    expect(input.numbers.map((n) => [n.number, n.action])).toEqual([
      ['9705550124', 'port'],
      ['9705550162', 'port'],
      ['9705550199', 'keep'],
    ]);
    expect(input.customer.wireless).toBe(true);
    expect(input.customer.losingCarrier).toBe('Acme Wireless');
    expect(input.focDate).toBe('2024-08-15');
  });
});
