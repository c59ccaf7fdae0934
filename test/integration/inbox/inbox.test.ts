// The watched folder on a real desk: a bill saved into it is read once (by content), a file still
// being written is read only whole, office temp files are ignored, and nothing is moved or deleted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../../electron/desk/service';
import { closeSharedOcrPool } from '../../../electron/desk/intake/ocr-pool';
import { textBillPdf } from '../intake/fixtures';
import { makeEml } from '../../support/mail-fixtures';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inbox-'));
const watched = path.join(dir, 'scans');
let desk: Desk;
beforeAll(async () => {
  fs.mkdirSync(watched);
  desk = await openDesk({
    dataDir: path.join(dir, 'data'),
    autoBackup: false,
    door: 'test',
    watchInbox: true,
    inboxSettleMs: 300,
  });
});
afterAll(async () => {
  await desk.close();
  await closeSharedOcrPool();
  fs.rmSync(dir, { recursive: true, force: true });
});

const list = () => desk.handlers['inbox:list']({}, { actor: 't' });
async function until<T>(f: () => Promise<T> | T, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('watched folder', () => {
  it('refuses a folder that is not there', async () => {
    await expect(
      desk.handlers['inbox:setFolder']({ folder: path.join(dir, 'nope') }, { actor: 't' }),
    ).rejects.toThrow(/does not exist/);
  });

  it('reads new bills and emails once each, whole, and leaves the files where they are', async () => {
    await desk.handlers['inbox:setFolder']({ folder: watched }, { actor: 't' });
    const pdf = Buffer.from(await textBillPdf());
    // Written in two halves with a pause: the reader must wait for the whole file.
    const slow = path.join(watched, 'scan-001.pdf');
    fs.writeFileSync(slow, pdf.subarray(0, 200));
    await new Promise((r) => setTimeout(r, 150));
    fs.appendFileSync(slow, pdf.subarray(200));
    fs.writeFileSync(path.join(watched, 'copy-of-scan.pdf'), pdf); // same bytes: the same item
    fs.writeFileSync(path.join(watched, '~$draft.pdf'), pdf.subarray(0, 100)); // Office's temp file
    fs.writeFileSync(path.join(watched, 'upload.pdf.part'), pdf.subarray(0, 100));
    fs.writeFileSync(
      path.join(watched, 'request.eml'),
      await makeEml({
        fromName: 'Dana',
        from: 'd@x.example',
        subject: 'Port please',
        text: 'Please port 603-555-0142.',
      }),
    );
    const s = await until(
      list,
      (v) => v.items.length === 2 && v.items.every((i) => i.status === 'ready' || i.status === 'failed'),
    );
    expect(s.watching).toBe(true);
    expect(s.items.map((i) => [i.kind, i.status]).sort()).toEqual([
      ['bill', 'ready'],
      ['email', 'ready'],
    ]);
    const bill = s.items.find((i) => i.kind === 'bill')!;
    expect(bill.summary).toMatch(/BTN 603-555-0142/);
    expect(s.items.find((i) => i.kind === 'email')!.summary).toMatch(/From Dana · “Port please”/);
    expect(fs.readdirSync(watched).sort()).toEqual([
      'copy-of-scan.pdf',
      'request.eml',
      'scan-001.pdf',
      'upload.pdf.part',
      '~$draft.pdf',
    ]);
    expect(fs.readFileSync(slow).equals(pdf)).toBe(true);

    // Taken off the Inbox, it stays off after the desk restarts; the same file is not read again.
    await desk.handlers['inbox:done']({ id: bill.id, caseId: null }, { actor: 't' });
    await desk.close();
    desk = await openDesk({
      dataDir: path.join(dir, 'data'),
      autoBackup: false,
      door: 'test',
      watchInbox: true,
      inboxSettleMs: 300,
    });
    const after = await until(list, (v) => v.watching);
    expect(after.folder).toBe(watched);
    expect(after.items.map((i) => i.kind)).toEqual(['email']);
  });
});
