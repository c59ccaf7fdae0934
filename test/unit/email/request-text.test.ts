// The request in an email body, written five ways for each fixture bill's request: every field
// the customer wrote must be read back, and nothing from the signature taken as a number.
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../shared/email/html-text';
import { readRequestText } from '../../../shared/email/request-text';
import { compareAddresses } from '../../../shared/normalize/address';
import { compareNames } from '../../../shared/normalize/name';
import { digits, fixtureIds, fixtureRequest, requestBody, STYLES } from '../../support/request-bodies';

const ids = fixtureIds();

describe('readRequestText on the fixture requests, in five wordings', () => {
  // fx-001..fx-052: a moved folder must fail here, not pass as zero cases.
  it('has the fixture requests to write', () => expect(ids.length).toBeGreaterThanOrEqual(52));
  const cases = ids.flatMap((id) => STYLES.map((style) => [id, style] as const));
  it.each(cases)('%s written as %s', (id, style) => {
    const r = fixtureRequest(id);
    const body = requestBody(r, style);
    const text = body.text ?? htmlToText(body.html!);
    const got = readRequestText(text, {
      from: { name: 'Bob Reseller', address: 'bob@reseller.example' },
      sent: r.asOf,
    }).request;
    expect(got.accountNumber).toBe(r.accountNumber);
    expect(got.btn).toBe(digits(r.btn));
    expect(got.numbersToPort?.sort()).toEqual([...new Set(r.numbersToPort.map(digits))].sort());
    expect(got.pin ?? null).toBe(r.pin ? String(r.pin) : null);
    expect(got.requestedFocDate ?? null).toBe(r.requestedFocDate);
    expect(got.asOf).toBe(r.asOf);
    expect(got.accountName, 'account name').toBeDefined();
    expect(
      compareNames(r.accountName, got.accountName!).equal,
      `${got.accountName} vs ${r.accountName}`,
    ).toBe(true);
    expect(got.serviceAddress, 'service address').toBeDefined();
    const cmp = compareAddresses(r.serviceAddress, got.serviceAddress!);
    expect(cmp.equal, JSON.stringify(cmp.differences)).toBe(true);
    // The signature's number is the sender's, never one to port.
    expect(got.numbersToPort).not.toContain('3125550199');
    expect(got.authorized?.name).toBe(style === 'forwarded' ? 'Dana Whitfield' : 'Bob Reseller');
  });
});

describe('readRequestText: wording', () => {
  const read = (t: string, sent = '2025-03-03') =>
    readRequestText(t, { from: { name: 'Maria Lopez', address: 'maria@acme.example' }, sent }).request;

  it('reads the issue example: numbers, a short form, the PIN and the fax line to keep', () => {
    const r = read('please port 212-555-0142 and 0143, PIN 4471, keep the fax line 212-555-0150');
    expect(r.numbersToPort).toEqual(['2125550142', '2125550143']);
    expect(r.numbersToKeep).toEqual(['2125550150']);
    expect(r.pin).toBe('4471');
  });

  it('expands ranges written with dashes, en dashes and words', () => {
    expect(read('Port 212-555-0142–0145 please.').numbersToPort).toEqual([
      '2125550142',
      '2125550143',
      '2125550144',
      '2125550145',
    ]);
    expect(read('Please port (212) 555-0160 through 0162.').numbersToPort).toHaveLength(3);
    expect(read('Port 2125550170-0171').numbersToPort).toEqual(['2125550170', '2125550171']);
  });

  it('reads a keep note written after the number, and "all numbers except"', () => {
    const a = read(
      'Our lines are 212-555-0142 and 212-555-0143. The fax 212-555-0150 stays with the old carrier.',
    );
    expect(a.numbersToPort).toEqual(['2125550142', '2125550143']);
    expect(a.numbersToKeep).toEqual(['2125550150']);
    const b = read('Please port all of our numbers except the fax, 212-555-0150.');
    expect(b.portAll).toBe(true);
    expect(b.numbersToPort).toBeUndefined();
    expect(b.numbersToKeep).toEqual(['2125550150']);
  });

  it('never takes the voicemail PIN, and reads "passcode" and "port-out PIN"', () => {
    expect(read('My voicemail PIN is 1234.').pin).toBeUndefined();
    expect(read('The passcode is 0912.').pin).toBe('0912');
    expect(read('port-out PIN: 55AB71').pin).toBe('55AB71');
  });

  it('gives a date without a year the next such day after the email was sent', () => {
    expect(read('Please port on March 14th.', '2025-03-03').requestedFocDate).toBe('2025-03-14');
    expect(read('FOC 1/10 please', '2025-12-20').requestedFocDate).toBe('2026-01-10');
    // A bill date is not the requested date.
    expect(read('Our bill dated 2/20/2025 is attached.').requestedFocDate).toBeUndefined();
  });

  it('keeps contact numbers and signature phones out of the numbers to port', () => {
    const r = read(
      'Please port 212-555-0142. If you have questions call me at 212-555-0199.\n\nThanks,\nMaria Lopez\nOffice Manager\nDirect: 212-555-0198',
    );
    expect(r.numbersToPort).toEqual(['2125550142']);
    expect(r.authorized).toEqual({
      name: 'Maria Lopez',
      email: 'maria@acme.example',
      phone: '2125550198',
      title: 'Office Manager',
    });
  });

  it('gives nothing for a body with no request in it', () => {
    const r = read('Hi, just checking in. Talk soon!');
    expect(r.numbersToPort).toBeUndefined();
    expect(r.accountNumber).toBeUndefined();
    expect(r.pin).toBeUndefined();
  });

  it('reads HTML without running or keeping its scripts', () => {
    const t = htmlToText(
      '<p>Port 212-555-0142</p><script>var n="212-555-0111"</script><!-- 212-555-0112 -->',
    );
    expect(t).toBe('Port 212-555-0142');
  });
});
