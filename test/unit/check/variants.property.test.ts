// Property test over the sample bills' truths (the repo's fixtures, plus the eval set beside the
// repo when present): harmless rewrites of a request never raise a mismatch, and each kind of real
// discrepancy is always caught on exactly its field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evalChecks } from '../../../shared/check/eval';
import { parseRequest, type PortRequestInput } from '../../../shared/request';
import { BillFieldsSchema, type BillFields } from '../../../shared/domain';
import { addDays } from '../../../shared/foc/time';
import { billRecords } from '../../support/bill-sets';

// (a bill that shows its account number only masked has none to vary: its check is "missing",
// tested on its own in test/integration/intake/masked-account.test.ts)
const truths: BillFields[] = billRecords()
  .map((r) => BillFieldsSchema.parse(r.truth))
  .filter((t) => t.accountNumber !== null);
/**
 * The day a request is made, `days` after the bill date; an undated document (an app screenshot)
 * is sent on an arbitrary day, and its age then checks as 'missing' whatever the day.
 */
const askedOn = (t: BillFields, days: number): string => addDays(t.billDate ?? '2025-06-02', days);
const ageOk = (t: BillFields): string => (t.billDate ? 'ok' : 'missing');

const LONG: Record<string, string> = {
  ST: 'Street',
  AVE: 'Avenue',
  BLVD: 'Boulevard',
  DR: 'Drive',
  LN: 'Lane',
  CT: 'Court',
  TER: 'Terrace',
  CIR: 'Circle',
  HWY: 'Highway',
  PKWY: 'Parkway',
  TRL: 'Trail',
  WAY: 'Way',
  STE: 'Suite',
  APT: 'Apartment',
  FL: 'Floor',
  BLDG: 'Building',
};
const SHORT = Object.fromEntries(Object.entries(LONG).map(([k, v]) => [v.toUpperCase(), k]));
const swapWords = (s: string) =>
  s
    .split(' ')
    .map((w) => LONG[w.toUpperCase()] ?? SHORT[w.toUpperCase()] ?? w)
    .join(' ');
const fmt = [
  (d: string) => d,
  (d: string) => `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
  (d: string) => `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`,
  (d: string) => `${d.slice(0, 3)} ${d.slice(3, 6)}-${d.slice(6)}`,
];

function baseRequest(t: BillFields, asOf: string): PortRequestInput {
  return {
    accountName: t.accountName!,
    accountNumber: t.accountNumber!,
    btn: t.btn!,
    serviceAddress: { ...t.serviceAddress! },
    numbersToPort: [...t.numbers],
    asOf,
    requestedFocDate: null,
    accountType: 'business',
  };
}

const harmless = fc.record({
  upper: fc.boolean(),
  lower: fc.boolean(),
  swap: fc.boolean(),
  merge: fc.boolean(),
  zip: fc.constantFrom('same', 'plus4', 'five'),
  fmt: fc.nat({ max: fmt.length - 1 }),
  acctSep: fc.constantFrom('', ' ', '-'),
  subset: fc.boolean(),
  llc: fc.boolean(),
});

describe('request variants over the sample truths', () => {
  it('has the fixture truths to draw from', () => expect(truths.length).toBeGreaterThanOrEqual(60));

  it('property: harmless rewrites always match', () => {
    fc.assert(
      fc.property(fc.constantFrom(...truths), harmless, fc.integer({ min: 0, max: 30 }), (t, h, age) => {
        const r = baseRequest(t, askedOn(t, age));
        const a = r.serviceAddress;
        let name = t.accountName!;
        if (h.llc) name = name.replace(/\bLLC\b/, 'L.L.C.');
        r.accountName = h.upper ? name.toUpperCase() : h.lower ? name.toLowerCase() : name;
        r.accountNumber = t.accountNumber!.replace(/[^A-Za-z0-9]/g, h.acctSep);
        if (h.swap) a.line1 = swapWords(a.line1);
        if (h.swap && a.line2) a.line2 = swapWords(a.line2);
        if (h.merge && a.line2) {
          a.line1 = `${a.line1} ${a.line2}`;
          a.line2 = null;
        }
        if (/^\d{5}/.test(a.zip)) {
          const z5 = a.zip.slice(0, 5);
          a.zip = h.zip === 'plus4' ? `${z5}-1234` : h.zip === 'five' ? z5 : a.zip;
        } else {
          // a Canadian postal code has no ZIP+4: its harmless rewrites are its space and case
          const pc = a.zip.replace(/\s+/g, '');
          a.zip = h.zip === 'plus4' ? pc.toLowerCase() : h.zip === 'five' ? pc : a.zip;
        }
        if (h.upper) a.city = a.city.toUpperCase();
        r.btn = fmt[h.fmt]!(t.btn!);
        r.numbersToPort = (h.subset && t.numbers.length > 1 ? t.numbers.slice(1) : t.numbers).map((n) =>
          fmt[h.fmt]!(n),
        );
        const v = evalChecks(t, parseRequest(r));
        expect(v).toEqual({
          accountName: 'match',
          accountNumber: 'match',
          btn: 'match',
          serviceAddress: 'match',
          numbersOnBill: 'match',
          billAge: ageOk(t),
        });
      }),
      { numRuns: 400 },
    );
  });

  const kinds = [
    'account-digit',
    'btn-transposed',
    'street-number',
    'unit-number',
    'zip',
    'name',
    'number-not-on-bill',
    'stale',
  ] as const;

  it('property: every real discrepancy is caught on its field, and only there', () => {
    fc.assert(
      fc.property(fc.constantFrom(...truths), fc.constantFrom(...kinds), fc.nat(), (t, kind, seed) => {
        const r = baseRequest(t, askedOn(t, 10));
        const a = r.serviceAddress;
        const bump = (d: string) => String((Number(d) + 1 + (seed % 8)) % 10);
        let field: string;
        switch (kind) {
          case 'account-digit': {
            const digits = [...t.accountNumber!].map((c, i) => [c, i] as const).filter(([c]) => /\d/.test(c));
            const [, i] = digits[seed % digits.length]!;
            r.accountNumber =
              t.accountNumber!.slice(0, i) + bump(t.accountNumber![i]!) + t.accountNumber!.slice(i + 1);
            field = 'accountNumber';
            break;
          }
          case 'btn-transposed': {
            const b = t.btn!;
            const i = 3 + (seed % 6);
            if (b[i] === b[i + 1]) return; // a transposition of equal digits is no change
            r.btn = b.slice(0, i) + b[i + 1] + b[i] + b.slice(i + 2);
            field = 'btn';
            break;
          }
          case 'street-number': {
            // a Puerto Rico address may open with its urbanization or condominium ("Urb. Villa
            // Carolina" over "Calle 45 Bloque 12 #8"): the street's first number is further on
            const where = /\d/.test(a.line1) || !a.line2 ? 'line1' : 'line2';
            if (!/\d/.test(a[where] ?? '')) return;
            a[where] = a[where]!.replace(/\d+/, (n) => String(Number(n) + 1 + (seed % 50)));
            field = 'serviceAddress';
            break;
          }
          case 'unit-number': {
            const where = a.line2 && /\d/.test(a.line2) ? 'line2' : null;
            if (!where) return;
            a.line2 = a.line2!.replace(/\d+/, (n) => String(Number(n) + 1 + (seed % 9)));
            field = 'serviceAddress';
            break;
          }
          case 'zip':
            a.zip = a.zip.slice(0, 4) + bump(a.zip[4]!) + a.zip.slice(5);
            field = 'serviceAddress';
            break;
          case 'name':
            r.accountName = `Northgate ${seed % 2 ? 'Dental' : 'Realty'} Group`;
            field = 'accountName';
            break;
          case 'number-not-on-bill': {
            const onBill = new Set(t.numbers);
            let extra = t.btn!.slice(0, 6) + String(1000 + (seed % 9000)).padStart(4, '0');
            while (onBill.has(extra) || extra === t.btn)
              extra = extra.slice(0, 6) + String((Number(extra.slice(6)) + 1) % 10000).padStart(4, '0');
            r.numbersToPort = [...t.numbers, extra];
            field = 'numbersOnBill';
            break;
          }
          case 'stale':
            if (!t.billDate) return; // nothing to age
            r.asOf = addDays(t.billDate, 31 + (seed % 60));
            field = 'billAge';
            break;
        }
        const v = evalChecks(t, parseRequest(r)) as unknown as Record<string, string>;
        for (const [k, got] of Object.entries(v)) {
          if (k === field) expect(got, `${kind} on ${k}`).toBe(k === 'billAge' ? 'stale' : 'mismatch');
          else expect(got, `${kind}: ${k} should be clean`).toBe(k === 'billAge' ? ageOk(t) : 'match');
        }
      }),
      { numRuns: 400 },
    );
  });
});
