// intake channels through dispatch over a real store: the bill is stored once (blob, document,
// extraction), progress is reported, corrections become case events, and a bad bill leaves
// nothing behind. On both store backends: PostgreSQL keeps the bill's bytes in the database.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../shared/contract';
import { dispatch } from '../../../electron/desk/dispatch';
import type { Desk } from '../../../electron/desk/service';
import { backends, openTestDesk } from '../store/backends';
import { caseInput } from '../../unit/store/fixtures';
import { BILL, tempDir, textBillPdf, zipBytes } from './fixtures';

for (const backend of backends()) {
  let dir: string;
  let desk: Desk;
  const events: DeskEvent[] = [];
  beforeAll(async () => {
    dir = tempDir();
    desk = (await openTestDesk(backend, { dir: path.join(dir, 'data') })).desk;
    desk.onEvent((e) => events.push(e));
  });
  afterAll(async () => {
    await desk.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const call = async (channel: string, args: unknown) => {
    const r = await dispatch(desk.handlers, channel, args, { actor: 'tester' });
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return r.value as Record<string, unknown>;
  };

  describe(`intake channels on ${backend.name}`, () => {
    it('adds a bill to a case, stores it once, and records corrections', async () => {
      const c = await desk.deps.store.createCase(caseInput(), 'tester');
      const file = path.join(dir, 'bill.pdf');
      fs.writeFileSync(file, await textBillPdf());
      const res = await call('intake:addBill', { caseId: c.id, path: file, jobId: 'job-1' });
      const doc = res.document as {
        id: number;
        sha256: string;
        mime: string;
        pages: number;
        filename: string;
      };
      expect(doc).toMatchObject({ mime: 'application/pdf', pages: 1, filename: 'bill.pdf' });
      if (backend.name === 'sqlite')
        expect(fs.existsSync(path.join(dir, 'data', 'blobs', doc.sha256.slice(0, 2), doc.sha256))).toBe(true);
      expect((await desk.deps.store.readBlob(doc.sha256)).subarray(0, 5).toString()).toBe('%PDF-');
      expect(events.some((e) => e.type === 'progress' && e.jobId === 'job-1' && e.stage === 'read')).toBe(
        true,
      );
      const fields = (res.extraction as { fields: { accountNumber: string } }).fields;
      expect(fields.accountNumber.replace(/\D/g, '')).toBe(BILL.accountNumber.replace(/\D/g, ''));

      const got = await call('intake:getExtraction', { documentId: doc.id });
      expect(got.extraction).toEqual(res.extraction);

      const fixed = await call('intake:correctField', {
        documentId: doc.id,
        field: 'accountName',
        value: 'Birchwood Bakery, LLC',
      });
      expect((fixed.fields as { accountName: string }).accountName).toBe('Birchwood Bakery, LLC');
      const events2 = (await desk.deps.store.history(c.id)).events;
      expect(events2.some((e) => e.kind === 'correction' && e.field === 'accountName')).toBe(true);

      const bytes = await call('intake:documentBytes', { documentId: doc.id });
      expect(
        Buffer.from(bytes.base64 as string, 'base64')
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');

      // The same bill again: same blob, a second document row.
      const again = await call('intake:addBill', { caseId: c.id, path: file });
      expect((again.document as { sha256: string }).sha256).toBe(doc.sha256);
    });

    it('leaves nothing behind for a bad bill', async () => {
      const c = await desk.deps.store.createCase(caseInput(), 'tester');
      const file = path.join(dir, 'bill2.pdf');
      fs.writeFileSync(file, zipBytes());
      await expect(call('intake:addBill', { caseId: c.id, path: file })).rejects.toMatchObject({
        code: 'BAD_INPUT_FILE',
      });
      expect(await desk.deps.store.listDocuments(c.id)).toEqual([]);
    });

    it('refuses a call with both or neither of path and uploadId', async () => {
      await expect(call('intake:addBill', {})).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    });
  });
}
