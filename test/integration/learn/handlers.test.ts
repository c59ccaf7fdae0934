// Learning from an agent's Correct in the app, on both store backends: the correction teaches the
// bill's carrier from the words kept with its extraction, the next bill of that carrier is read
// with it, Settings lists it and forgets it, and one-shot intake finds it in the same store.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/desk/dispatch';
import { profilesForIntake } from '../../../electron/desk/learned';
import type { Desk } from '../../../electron/desk/service';
import { LEARNED_KEY } from '../../../shared/extract/learn';
import { caseInput } from '../../unit/store/fixtures';
import { backends, openTestDesk, tempDir } from '../store/backends';
import { textByTemplate } from './fixtures';

const [taught, other] = [...textByTemplate().values()].filter((bs) => bs.length >= 2);

for (const backend of backends()) {
  let dir: string;
  let url: string | null;
  let desk: Desk;
  beforeAll(async () => {
    dir = tempDir('learn-handlers-');
    const opened = await openTestDesk(backend, { dir });
    desk = opened.desk;
    url = opened.url;
  });
  afterAll(async () => {
    await desk.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const call = async (channel: string, args: unknown) => {
    const r = await dispatch(desk.handlers, channel, args, { actor: 'agent.kim' });
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return r.value as Record<string, unknown>;
  };
  type X = {
    fields: Record<string, unknown>;
    sources?: Record<string, string>;
    learned?: { carrier: string } | null;
  };

  describe(`learning from a correction on ${backend.name}`, () => {
    it('teaches the carrier, reads its next bill with it, lists it and forgets it', async () => {
      const c = await desk.deps.store.createCase(caseInput(), 'agent.kim');
      const first = await call('intake:addBill', { caseId: c.id, path: taught![0]!.file });
      const doc = first.document as { id: number; filename: string };
      // the words are kept with the stored extraction, never sent to the page
      const stored = (await desk.deps.store.getExtraction(doc.id)) as unknown as { words?: unknown[] };
      expect(Array.isArray(stored.words) && stored.words.length).toBe(1);
      const got = await call('intake:getExtraction', { documentId: doc.id });
      expect(Object.keys(got.extraction as object)).not.toContain('words');

      const fixed = (await call('intake:correctField', {
        documentId: doc.id,
        field: 'accountNumber',
        value: taught![0]!.truth.accountNumber,
      })) as unknown as X;
      expect(Object.keys(fixed)).not.toContain('words');
      const note = (await desk.deps.store.history(c.id)).events.find((e) => e.kind === 'correction')?.note;
      expect(note).toMatch(/learned where .* prints the account number/);

      const list = (await call('learn:list', {})) as unknown as {
        id: string;
        carrier: string;
        fields: string[];
        taught: { bill: string; documentId: number; caseId: number; by: string; fields: string[] }[];
      }[];
      expect(list).toHaveLength(1);
      expect(list[0]!.fields.sort()).toEqual(['accountNumber', 'carrier']);
      expect(list[0]!.taught[0]).toMatchObject({
        bill: doc.filename,
        documentId: doc.id,
        caseId: c.id,
        by: 'agent.kim',
      });

      const next = (await call('intake:addBill', { caseId: c.id, path: taught![1]!.file })).extraction as X;
      expect(next.learned?.carrier).toBe(list[0]!.carrier);
      expect(next.sources).toMatchObject({ accountNumber: 'learned', carrier: 'learned', btn: 'read' });
      const stranger = (await call('intake:addBill', { path: other![0]!.file })).extraction as X;
      expect(stranger.learned).toBeNull();
      expect(Object.values(stranger.sources ?? {}).every((s) => s === 'read')).toBe(true);

      // one-shot intake finds the profile in the same store, without opening the desk
      const warnings: string[] = [];
      const env: NodeJS.ProcessEnv = { PORTING_DESK_DATA: dir };
      if (url) env.PORTING_DESK_DATABASE_URL = url;
      const fast = await profilesForIntake((s) => warnings.push(s), env);
      expect(warnings).toEqual([]);
      expect(fast.map((p) => p.id)).toEqual([list[0]!.id]);

      await expect(call('learn:forget', { id: 'no-such-carrier' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(await call('learn:forget', { id: list[0]!.id })).toEqual({ forgotten: 1 });
      expect(await call('learn:list', {})).toEqual([]);
      const after = (await call('intake:addBill', { path: taught![1]!.file })).extraction as X;
      expect(after.learned).toBeNull();

      await call('intake:correctField', { documentId: doc.id, field: 'btn', value: taught![0]!.truth.btn });
      expect(await call('learn:forget', { id: null })).toEqual({ forgotten: 1 });
    }, 120_000);

    it('still reads bills when the stored profiles are unreadable, and never overwrites them', async () => {
      await desk.deps.store.setSetting(LEARNED_KEY, { version: 7, profiles: 'from a newer desk' });
      const c = await desk.deps.store.createCase(caseInput(), 'agent.kim');
      const res = await call('intake:addBill', { caseId: c.id, path: taught![0]!.file });
      const doc = res.document as { id: number };
      expect((res.extraction as X).learned).toBeNull();
      // the correction is saved; learning is skipped and says nothing it did not do
      const fixed = (await call('intake:correctField', {
        documentId: doc.id,
        field: 'btn',
        value: taught![0]!.truth.btn,
      })) as unknown as X;
      expect(fixed.fields.btn).toBe(taught![0]!.truth.btn);
      await expect(call('learn:list', {})).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(call('learn:forget', { id: null })).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(await desk.deps.store.getSetting(LEARNED_KEY)).toEqual({
        version: 7,
        profiles: 'from a newer desk',
      });
      await desk.deps.store.setSetting(LEARNED_KEY, null);
    }, 120_000);
  });
}
