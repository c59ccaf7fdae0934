// The desk home's "bills going stale": open cases whose newest bill is near or past 30 days old,
// read from the stored extraction, oldest first; submitted and closed cases are left out.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/desk/dispatch';
import type { Desk } from '../../../electron/desk/service';
import { etDate } from '../../../shared/foc/time';
import type { Extraction } from '../../../shared/domain';
import { addBillDocument, caseInput } from '../../unit/store/fixtures';
import { backends, openTestDesk } from './backends';

const desks: Desk[] = [];
afterEach(async () => {
  for (const d of desks.splice(0)) await d.close();
});

const daysAgo = (n: number) =>
  new Date(Date.parse(`${etDate(Date.now())}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

const extraction = (billDate: string): Extraction => ({
  fields: {
    carrier: 'Acme',
    accountName: 'X',
    accountNumber: '1',
    btn: '3035550142',
    serviceAddress: null,
    billDate,
    numbers: [],
  },
  meta: {},
  numberMeta: {},
});

for (const backend of backends())
  describe(`cases:staleBills on ${backend.name}`, () => {
    it('lists open cases by their newest bill, oldest first, with its age', async () => {
      const { desk } = await openTestDesk(backend);
      desks.push(desk);
      const store = desk.deps.store;
      const addBill = async (caseId: number, billDate: string, sha: string) => {
        const doc = await addBillDocument(store, caseId, `bill ${sha}`, 'ann');
        await store.saveExtraction(doc.id, extraction(billDate));
      };
      const mk = async (name: string) => (await store.createCase(caseInput({ name }), 'ann')).id;

      const old = await mk('Old Bill Co');
      await addBill(old, daysAgo(41), 'a');
      const nearly = await mk('Nearly Stale Co');
      await addBill(nearly, daysAgo(27), 'b');
      const fresh = await mk('Fresh Bill Co');
      await addBill(fresh, daysAgo(3), 'c');
      const renewed = await mk('Renewed Co'); // an old bill replaced by a new one: not stale
      await addBill(renewed, daysAgo(60), 'd');
      await addBill(renewed, daysAgo(5), 'e');
      const submitted = await mk('Submitted Co');
      await addBill(submitted, daysAgo(50), 'f');
      await store.setStatus(submitted, 'port_submitted', 'ann');
      await store.setStatus(submitted, 'in_progress', 'ann');

      const r = await dispatch(desk.handlers, 'cases:staleBills', {}, { actor: 'ann' });
      if (!r.ok) throw new Error(r.error.message);
      const { items } = r.value as { items: { id: number; ageDays: number; billDate: string }[] };
      expect(items.map((i) => i.id)).toEqual([old, nearly]);
      expect(items.map((i) => i.ageDays)).toEqual([41, 27]);

      const strict = await dispatch(desk.handlers, 'cases:staleBills', { minAgeDays: 31 }, { actor: 'ann' });
      expect(strict.ok && (strict.value as { items: { id: number }[] }).items.map((i) => i.id)).toEqual([
        old,
      ]);
      const bad = await dispatch(desk.handlers, 'cases:staleBills', { minAgeDays: -1 }, { actor: 'ann' });
      expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    });
  });
