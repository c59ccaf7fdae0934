// A carrier whose own template words its captions two ways (test/fixtures/regressions/README.md):
// Northwind prints "Account Number", "Customer" and "Location of Service" on one bill, "Acct #",
// "Account Name" and "Service Location" on the next. The profile learned from the first still
// reads the second where the field sits, by the caption printed in its place; a second taught
// bill with the other wording adds its captions to the profile instead of replacing it.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { intakeBill } from '../../../electron/desk/intake/bill';
import type { BillFields, PageWords } from '../../../shared/domain';
import { extractBill } from '../../../shared/extract';
import { buildDoc } from '../../../shared/extract/layout';
import { applyLearned, learnCarrier, type CarrierProfile } from '../../../shared/extract/learn';
import { labelDoc } from '../../../shared/extract/label-doc';
import { findLabel } from '../../../shared/extract/learn/anchor';
import { pageMap } from '../../../shared/extract/learn/landmarks';
import { rewordedCaptions } from '../../../shared/extract/learn/reworded';
import { normalizeAccount } from '../../../shared/normalize/account';
import { addressEqual } from '../../../shared/normalize/address';
import { basicName } from '../../../shared/normalize/name';

const DIR = path.resolve('test/fixtures/regressions');
interface Bill {
  name: string;
  pages: PageWords[];
  truth: BillFields;
}
async function bill(name: string): Promise<Bill> {
  const { truth } = JSON.parse(fs.readFileSync(path.join(DIR, `${name}.json`), 'utf8')) as {
    truth: BillFields;
  };
  const r = await intakeBill(path.join(DIR, `${name}.pdf`));
  return { name, pages: r.readPages, truth };
}
const teach = (b: Bill, profiles: CarrierProfile[]) =>
  learnCarrier(b.pages, b.truth, profiles, {
    at: '2026-01-05T10:00:00.000Z',
    by: 'test',
    bill: `${b.name}.pdf`,
  });

/** The fields whose learned captions are all missing from a bill. */
function unprinted(profile: CarrierProfile, b: Bill): string[] {
  const doc = buildDoc(b.pages);
  return Object.entries(profile.fields)
    .filter(([f, rule]) => f !== 'carrier' && rule.anchors.length)
    .filter(([, rule]) =>
      rule.anchors.every(
        (a) =>
          a.how === 'page' || !findLabel(doc, a.label, null, a.how === 'below' || a.how === 'above').length,
      ),
    )
    .map(([f]) => f)
    .sort();
}

function expectRight(got: BillFields, want: BillFields, id: string) {
  expect(normalizeAccount(got.accountNumber), id).toBe(normalizeAccount(want.accountNumber));
  expect(basicName(got.accountName), id).toBe(basicName(want.accountName));
  expect(addressEqual(got.serviceAddress, want.serviceAddress), id).toBe(true);
  expect(got.btn, id).toBe(want.btn);
  expect(got.billDate, id).toBe(want.billDate);
}

let first: Bill;
let other: Bill;
beforeAll(async () => {
  first = await bill('northwind-text-9961-001');
  other = await bill('northwind-text-9961-027');
}, 60_000);

describe('a caption the carrier words two ways', () => {
  it("reads the other wording's bill with the profile: the caption in the learned one's place", () => {
    const { profile } = teach(first, []);
    // the three captions learned from the first bill are not printed on the other
    expect(unprinted(profile, other)).toEqual(['accountName', 'accountNumber', 'serviceAddress']);

    const doc = buildDoc(other.pages);
    const L = labelDoc(doc);
    const where = pageMap(doc, profile.landmarks);
    const caption = (field: 'accountNumber' | 'serviceAddress' | 'accountName') =>
      profile.fields[field]!.anchors.flatMap((a) =>
        rewordedCaptions(L, where, a, field)
          .slice(0, 1)
          .map((c) => c.words.map((w) => w.text).join(' ')),
      );
    expect(caption('accountNumber')).toEqual(['Acct #']);
    expect(caption('serviceAddress')).toEqual(['Service Location']);
    expect(caption('accountName')).toContain('Account Name');

    const {
      extraction,
      sources,
      profile: used,
    } = applyLearned(other.pages, extractBill(other.pages), [profile]);
    expect(used?.id).toBe(profile.id);
    expectRight(extraction.fields, other.truth, other.name);
    expect(sources).toMatchObject({
      accountNumber: 'learned',
      accountName: 'learned',
      serviceAddress: 'learned',
      billDate: 'learned',
      btn: 'learned',
    });
  });

  it('never takes a caption the reader knows for another field in the learned one’s place', () => {
    const { profile } = teach(first, []);
    const doc = buildDoc(other.pages);
    const L = labelDoc(doc);
    const where = pageMap(doc, profile.landmarks);
    // the bill date's place: "Billing period" and "Pay by" stand right under it in the sidebar
    for (const a of profile.fields.billDate!.anchors)
      for (const c of rewordedCaptions(L, where, a, 'billDate'))
        expect(c.words.map((w) => w.text).join(' ')).toMatch(/date/i);
    // nor the account name's caption for the account number, a line above it
    for (const a of profile.fields.accountNumber!.anchors)
      for (const c of rewordedCaptions(L, where, a, 'accountNumber'))
        expect(c.words.map((w) => w.text).join(' ')).not.toMatch(/name/i);
  });

  it('extends the profile with a second taught bill of the other wording', () => {
    const one = teach(first, []);
    const two = teach(other, one.profiles);
    expect(two.created).toBe(false);
    expect(two.profiles).toHaveLength(1);
    expect(two.profile.taught.map((t) => t.bill)).toEqual([`${other.name}.pdf`, `${first.name}.pdf`]);
    const labels = (f: 'accountNumber' | 'serviceAddress') =>
      two.profile.fields[f]!.anchors.map((a) => a.label);
    expect(labels('accountNumber')).toEqual(expect.arrayContaining(['ACCOUNTNUMBER', 'ACCT#']));
    expect(labels('serviceAddress')).toEqual(
      expect.arrayContaining(['LOCATIONOFSERVICE', 'SERVICELOCATION']),
    );
    // each wording now finds a caption it prints, and reads right
    for (const b of [first, other]) {
      expect(unprinted(two.profile, b), b.name).toEqual([]);
      const { extraction, sources } = applyLearned(b.pages, extractBill(b.pages), two.profiles);
      expectRight(extraction.fields, b.truth, b.name);
      expect(sources.accountNumber, b.name).toBe('learned');
    }
  });
});
