// A bill's reading warnings ("its page was read as a picture") are kept with its extraction: a
// case reopened later, or a field corrected since, still shows them where the values are read.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/desk/dispatch';
import type { Desk } from '../../../electron/desk/service';
import { ExtractionSchema, type Extraction } from '../../../shared/domain';
import { addBillDocument, caseInput } from '../../unit/store/fixtures';
import { backends, openTestDesk } from './backends';

const desks: Desk[] = [];
afterEach(async () => {
  for (const d of desks.splice(0)) await d.close();
});

const WARNING =
  "The text of this PDF cannot be copied as characters (its fonts carry no character map), so its page was read as a picture: check the values as you would a scan's";

const read: Extraction = {
  fields: {
    carrier: 'Redwood Networks',
    accountName: 'Elena Dubois',
    accountNumber: '5095550122-62X',
    btn: '5095550122',
    serviceAddress: null,
    billDate: '2024-03-18',
    numbers: ['5095550122'],
  },
  meta: {},
  numberMeta: {},
  pages: [{ page: 1, width: 612, height: 792, rotate: 0 }],
  warnings: [WARNING],
};

describe('the extraction contract', () => {
  it('keeps the warnings (zod would drop a key it does not know)', () => {
    expect(ExtractionSchema.parse(read).warnings).toEqual([WARNING]);
    const { warnings: _none, ...before } = read;
    expect(ExtractionSchema.parse(before).warnings).toBeUndefined();
  });
});

for (const backend of backends())
  describe(`reading warnings on ${backend.name}`, () => {
    it('survive reopening the bill and correcting one of its fields', async () => {
      const { desk } = await openTestDesk(backend);
      desks.push(desk);
      const store = desk.deps.store;
      const caseId = (await store.createCase(caseInput({ name: 'Elena Dubois' }), 'ann')).id;
      const doc = await addBillDocument(store, caseId, 'a cid bill', 'ann');
      await store.saveExtraction(doc.id, read);
      const ctx = { actor: 'ann' };
      const opened = await dispatch(desk.handlers, 'intake:getExtraction', { documentId: doc.id }, ctx);
      if (!opened.ok) throw new Error(opened.error.message);
      expect((opened.value as { extraction: Extraction }).extraction.warnings).toEqual([WARNING]);
      const corrected = await dispatch(
        desk.handlers,
        'intake:correctField',
        { documentId: doc.id, field: 'accountName', value: 'Elena M. Dubois' },
        ctx,
      );
      if (!corrected.ok) throw new Error(corrected.error.message);
      expect((corrected.value as Extraction).warnings).toEqual([WARNING]);
      const again = await dispatch(desk.handlers, 'intake:getExtraction', { documentId: doc.id }, ctx);
      expect(again.ok && (again.value as { extraction: Extraction }).extraction.warnings).toEqual([WARNING]);
    });
  });
