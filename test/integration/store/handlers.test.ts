// The cases channels through dispatch, as every door calls them: parsed args, actor from the
// call context, a case-changed broadcast on each write, DeskErrorShape on failure.
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../shared/contract';
import { dispatch } from '../../../electron/desk/dispatch';
import type { Desk } from '../../../electron/desk/service';
import { caseInput } from '../../unit/store/fixtures';
import { backends, openTestDesk } from './backends';

const desks: Desk[] = [];
afterEach(async () => {
  for (const d of desks.splice(0)) await d.close();
});

for (const backend of backends())
  describe(`cases handlers on ${backend.name}`, () => {
    it('create, update, status and comment broadcast case-changed with the new version', async () => {
      const { desk } = await openTestDesk(backend);
      desks.push(desk);
      const events: DeskEvent[] = [];
      desk.onEvent((e) => events.push(e));
      const ctx = { actor: 'ann' };

      const created = await dispatch(desk.handlers, 'cases:create', { input: caseInput() }, ctx);
      expect(created).toMatchObject({ ok: true, value: { id: 1, version: 1, status: 'draft' } });
      const updated = await dispatch(
        desk.handlers,
        'cases:update',
        { id: 1, version: 1, input: caseInput({ city: 'Troy' }) },
        ctx,
      );
      expect(updated).toMatchObject({ ok: true, value: { version: 2 } });
      await dispatch(desk.handlers, 'cases:setStatus', { id: 1, status: 'waiting_signature' }, ctx);
      await dispatch(desk.handlers, 'cases:comment', { id: 1, body: 'sent the LOA' }, ctx);
      expect(events).toEqual([
        { type: 'case-changed', caseId: 1, version: 1 },
        { type: 'case-changed', caseId: 1, version: 2 },
        { type: 'case-changed', caseId: 1, version: 3 },
        { type: 'case-changed', caseId: 1, version: 3 },
      ]);
      const history = await dispatch(desk.handlers, 'cases:history', { id: 1 }, ctx);
      expect(history.ok).toBe(true);
      const { events: trail } = (history as { value: { events: { actor: string }[] } }).value;
      expect(trail.map((e) => e.actor)).toEqual(['ann', 'ann', 'ann', 'ann']);
    });

    it('returns clear error shapes: bad arguments, conflict, illegal transition', async () => {
      const { desk } = await openTestDesk(backend);
      desks.push(desk);
      const ctx = { actor: 'bob' };
      const bad = await dispatch(desk.handlers, 'cases:list', { limit: 0, status: ['nope'] }, ctx);
      expect(bad.ok).toBe(false);
      expect(!bad.ok && bad.error.issues?.map((i) => i.path)).toEqual(['status.0', 'limit']);
      await dispatch(desk.handlers, 'cases:create', { input: caseInput() }, ctx);
      const stale = await dispatch(
        desk.handlers,
        'cases:update',
        { id: 1, version: 7, input: caseInput() },
        ctx,
      );
      expect(!stale.ok && stale.error.code).toBe('CONFLICT');
      const illegal = await dispatch(desk.handlers, 'cases:setStatus', { id: 1, status: 'completed' }, ctx);
      expect(!illegal.ok && illegal.error).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
      const counts = await dispatch(desk.handlers, 'cases:counts', {}, ctx);
      expect(counts).toMatchObject({ ok: true, value: { draft: 1 } });
    });
  });
