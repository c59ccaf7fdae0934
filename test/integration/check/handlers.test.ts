// The checks and FOC channels over a real SQLite store, through dispatch (the path every door uses).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArgsIn, Channel, Result } from '../../../shared/contract';
import type { Case, CaseInput, Extraction } from '../../../shared/domain';
import { dispatch } from '../../../electron/desk/dispatch';
import { openDesk, type Desk } from '../../../electron/desk/service';
import { addBillDocument } from '../../unit/store/fixtures';

let dir: string;
let desk: Desk;

async function call<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Result<C>> {
  const res = await dispatch(desk.handlers, channel, args, { actor: 'tester' });
  if (!res.ok) throw Object.assign(new Error(res.error.message), { code: res.error.code });
  return res.value as Result<C>;
}

const input = (numbers: string[], patch: Partial<CaseInput['customer']> = {}) =>
  ({
    customer: {
      accountName: 'Brightwater Engineering Inc.',
      accountNumber: '1493-205-275',
      btn: '9702340124',
      losingCarrier: 'Acme',
      ...patch,
    },
    authorized: { name: 'Ann Lee' },
    serviceAddress: {
      line1: '1779 W Franklin Ln',
      line2: null,
      city: 'Fort Collins',
      state: 'CO',
      zip: '80537',
    },
    numbers: numbers.map((number) => ({ number })),
    focDate: '2025-09-08',
  }) as CaseInput;

const extraction: Extraction = {
  fields: {
    carrier: 'Acme Wireless',
    accountName: 'Brightwater Engineering Inc.',
    accountNumber: '1443-205-275',
    btn: '9702340124',
    serviceAddress: {
      line1: '1779 W Franklin Lane',
      line2: null,
      city: 'Fort Collins',
      state: 'CO',
      zip: '80537',
    },
    billDate: '2025-08-20',
    numbers: ['9702340124', '9702340162'],
  },
  meta: {},
  numberMeta: {},
};

let caseA: Case;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-checks-'));
  desk = await openDesk({ dataDir: dir });
  caseA = await call('cases:create', { input: input(['9702340124', '9702340162']) });
  const doc = await addBillDocument(desk.deps.store, caseA.id, '%PDF-1.4 bill', 'tester');
  await desk.deps.store.saveExtraction(doc.id, extraction);
});

afterAll(async () => {
  await desk.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('checks channels', () => {
  it('checks:get is null before any run, NOT_FOUND for an unknown case', async () => {
    expect(await call('checks:get', { caseId: caseA.id })).toBeNull();
    await expect(call('checks:get', { caseId: 9999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('checks:run compares the latest bill and stores the report and readiness', async () => {
    const r = await call('checks:run', { caseId: caseA.id, asOf: '2025-08-29' });
    const acct = r.fields.find((f) => f.field === 'accountNumber')!;
    expect(acct.verdict).toBe('mismatch');
    expect(acct.reason).toContain('digit 3 differs');
    expect(r.readiness.readiness).toBe('blocked');
    expect(await call('checks:get', { caseId: caseA.id })).toEqual(r);
    const list = await call('cases:list', {});
    expect(list.items.find((c) => c.id === caseA.id)!.readiness).toBe('blocked');
  });

  it("checks:acceptBillValue copies the bill's value, records the event, re-runs", async () => {
    const { case: updated, report } = await call('checks:acceptBillValue', {
      caseId: caseA.id,
      field: 'accountNumber',
    });
    expect(updated.customer.accountNumber).toBe('1443-205-275');
    expect(report.fields.find((f) => f.field === 'accountNumber')!.verdict).toBe('match');
    const { events } = await call('cases:history', { id: caseA.id });
    expect(events).toContainEqual(
      expect.objectContaining({
        kind: 'accept_bill_value',
        field: 'accountNumber',
        oldValue: '1493-205-275',
        newValue: '1443-205-275',
        actor: 'tester',
      }),
    );
  });

  it('a stale version is a CONFLICT', async () => {
    await expect(
      call('checks:acceptBillValue', { caseId: caseA.id, field: 'btn', version: 0 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('reports a number already in another open case', async () => {
    const b = await call('cases:create', {
      input: input(['9702340162'], { accountName: 'Other Co', btn: '9702340162' }),
    });
    const r = await call('checks:run', { caseId: b.id, asOf: '2025-08-29' });
    const dup = r.rules.find((x) => x.id === 'duplicate_order')!;
    expect(dup.reason).toContain(`case #${caseA.id}`);
    expect(r.hasBill).toBe(false);
  });

  it('refuses bad arguments with the field named', async () => {
    await expect(call('checks:run', { caseId: caseA.id, asOf: '2025-02-30' })).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
    });
    await expect(
      call('checks:acceptBillValue', { caseId: caseA.id, field: 'numbersOnBill' as 'btn' }),
    ).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
    });
  });
});

describe('FOC channels', () => {
  it('foc:calendar marks each day with a reason', async () => {
    const cal = await call('foc:calendar', {
      from: '2025-12-20',
      to: '2025-12-31',
      numbersCount: 1,
      canadian: false,
      asOf: '2025-12-19',
    });
    expect(cal.days).toHaveLength(12);
    expect(cal.days.find((d) => d.date === '2025-12-25')).toMatchObject({
      selectable: false,
      holiday: expect.stringContaining('Christmas'),
    });
    expect(cal.days.find((d) => d.date === '2025-12-26')!.selectable).toBe(true);
    expect(cal.earliest).toBe('2025-12-22');
    expect(cal.timeChoosable).toBe(false);
    await expect(
      call('foc:calendar', { from: '2025-12-31', to: '2025-12-01', numbersCount: 1, canadian: false }),
    ).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
    });
  });

  it('foc:fees from a case or from a date and count', async () => {
    const byCase = await call('foc:fees', { caseId: caseA.id, at: '2025-09-06T15:00:00Z' });
    expect(byCase).toMatchObject({ numbers: 2, perNumber: 25, total: 50 });
    const byDate = await call('foc:fees', { focDate: '2025-09-08', numbers: 4, at: '2025-09-08T14:00:00Z' });
    expect(byDate).toMatchObject({ perNumber: 350, total: 1400 });
  });
});
