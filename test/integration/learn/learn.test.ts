// Learning a carrier from one taught bill, on the committed generated bills of 13 carrier layouts:
// the carrier's other bills read right with what was learned, and every other carrier's bill
// reads byte for byte as it would with nothing learned.
import { beforeAll, describe, expect, it } from 'vitest';
import { intakeBill, type IntakeResult } from '../../../electron/desk/intake/bill';
import { learnCarrier, type CarrierProfile } from '../../../shared/extract/learn';
import { normalizeAccount } from '../../../shared/normalize/account';
import { addressEqual } from '../../../shared/normalize/address';
import { basicName } from '../../../shared/normalize/name';
import { fixtureBills, textByTemplate, type FixtureBill } from './fixtures';

const read = new Map<string, IntakeResult>();
const readOnce = async (b: FixtureBill) => {
  const hit = read.get(b.id);
  if (hit) return hit;
  const r = await intakeBill(b.file);
  read.set(b.id, r);
  return r;
};

const teachAt = '2026-01-05T10:00:00.000Z';
let profiles: CarrierProfile[] = [];
const taughtBy = new Map<string, FixtureBill>();

beforeAll(async () => {
  for (const [template, bills] of textByTemplate()) {
    const teacher = bills[0]!;
    const r = await readOnce(teacher);
    const res = learnCarrier(r.readPages, teacher.truth, profiles, {
      at: teachAt,
      by: 'test',
      bill: teacher.id,
    });
    expect(res.created).toBe(true);
    profiles = res.profiles;
    taughtBy.set(template, teacher);
  }
}, 120_000);

describe('learning a carrier from one taught bill', () => {
  it('learns every taught field of each layout, keyed by its carrier', () => {
    expect(profiles).toHaveLength(textByTemplate().size);
    for (const p of profiles) {
      expect(Object.keys(p.fields).sort()).toEqual(
        ['accountName', 'accountNumber', 'billDate', 'btn', 'carrier', 'serviceAddress'].sort(),
      );
      expect(p.nameTokens.length).toBeGreaterThan(0);
      expect(p.taught[0]).toMatchObject({ at: teachAt, by: 'test', documentId: null });
    }
  });

  it("reads the carrier's other bills right, and says the profile supplied each field", async () => {
    let checked = 0;
    for (const [template, bills] of textByTemplate()) {
      for (const b of bills.slice(1)) {
        const x = (await intakeBill(b.file, { profiles })).extraction;
        const f = x.fields;
        expect(x.learned?.profileId, b.id).toBe(
          profiles.find((p) => p.taught[0]!.bill === taughtBy.get(template)!.id)!.id,
        );
        expect(f.carrier, b.id).toBe(b.truth.carrier);
        expect(normalizeAccount(f.accountNumber), b.id).toBe(normalizeAccount(b.truth.accountNumber));
        expect(f.btn, b.id).toBe(b.truth.btn);
        expect(basicName(f.accountName), b.id).toBe(basicName(b.truth.accountName));
        expect(addressEqual(f.serviceAddress, b.truth.serviceAddress), b.id).toBe(true);
        expect(f.billDate, b.id).toBe(b.truth.billDate);
        expect(new Set(f.numbers), b.id).toEqual(new Set(b.truth.numbers));
        expect(x.sources, b.id).toMatchObject({ carrier: 'learned', numbers: 'read' });
        expect(
          Object.values(x.sources ?? {}).filter((s) => s === 'learned').length,
          b.id,
        ).toBeGreaterThanOrEqual(5);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  }, 120_000);

  it("reads another carrier's bill exactly as with nothing learned", async () => {
    let checked = 0;
    for (const b of fixtureBills().filter((x) => x.rendition === 'text-pdf')) {
      const own = taughtBy.get(b.template);
      const others = profiles.filter((p) => p.taught[0]!.bill !== own?.id);
      expect(others.length).toBe(profiles.length - (own ? 1 : 0));
      const plain = await intakeBill(b.file);
      const withOthers = await intakeBill(b.file, { profiles: others });
      expect(JSON.stringify(withOthers.extraction), b.id).toBe(JSON.stringify(plain.extraction));
      expect(withOthers.extraction.learned, b.id).toBeNull();
      expect(Object.values(withOthers.extraction.sources ?? {}).every((s) => s === 'read')).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(20);
  }, 120_000);

  it('recognises a scan of a learned carrier through OCR', async () => {
    const scan = fixtureBills().find((b) => b.rendition === 'scan-pdf' && taughtBy.has(b.template))!;
    const x = (await intakeBill(scan.file, { profiles })).extraction;
    expect(x.learned?.carrier).toBe(scan.truth.carrier);
    expect(x.fields.carrier).toBe(scan.truth.carrier);
  }, 120_000);

  it('merges a second taught bill of a layout into its profile', async () => {
    const [template, bills] = [...textByTemplate()].find(([, bs]) => bs.length >= 2)!;
    const second = bills[1]!;
    const r = await readOnce(second);
    const res = learnCarrier(r.readPages, second.truth, profiles, {
      at: teachAt,
      by: 'test',
      bill: second.id,
    });
    expect(res.created).toBe(false);
    expect(res.profiles).toHaveLength(profiles.length);
    expect(res.profile.taught.map((t) => t.bill)).toEqual([second.id, taughtBy.get(template)!.id]);
  });

  it('refuses to learn without a carrier name', async () => {
    const b = [...textByTemplate().values()][0]![0]!;
    const r = await readOnce(b);
    expect(() =>
      learnCarrier(r.readPages, { accountNumber: b.truth.accountNumber }, [], {
        at: teachAt,
        by: 't',
        bill: 'x',
      }),
    ).toThrow(/carrier is not known/);
  });
});
