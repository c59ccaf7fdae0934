// A PIN pasted into a comment, the notes or a rejection reason must not end up in the clear:
// the database and its WAL are read as raw bytes after the writes.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/desk/dispatch';
import type { Desk } from '../../../electron/desk/service';
import { maskPinIn, PIN_MASK } from '../../../shared/mask';
import { caseInput } from '../../unit/store/fixtures';
import pg from 'pg';
import { backends, openTestDesk } from './backends';

const desks: Desk[] = [];
afterEach(async () => {
  for (const d of desks.splice(0)) await d.close();
});

describe('PIN in free text', () => {
  it('masks only stand-alone occurrences of PINs of 4+ characters', () => {
    expect(maskPinIn('PIN is 822471, ok', '822471')).toBe(`PIN is ${PIN_MASK}, ok`);
    expect(maskPinIn('acct 98224712', '822471')).toBe('acct 98224712');
    expect(maskPinIn('code 12', '12')).toBe('code 12');
    expect(maskPinIn('no pin', null)).toBe('no pin');
  });

  for (const backend of backends())
    it(`never stores the case PIN from comments, notes or a rejection reason (${backend.name})`, async () => {
      const { desk, dir: dataDir, url } = await openTestDesk(backend);
      desks.push(desk);
      const ctx = { actor: 'ann' };
      const pin = '73914682';
      const base = caseInput();
      const input = {
        ...base,
        customer: { ...base.customer, pin },
        notes: `customer gave PIN ${pin} by phone`,
      };
      const created = await dispatch(desk.handlers, 'cases:create', { input }, ctx);
      expect(created.ok).toBe(true);
      await dispatch(desk.handlers, 'cases:comment', { id: 1, body: `PIN ${pin} confirmed` }, ctx);
      for (const status of ['port_submitted', 'in_progress', 'rejected'] as const) {
        const r = await dispatch(
          desk.handlers,
          'cases:setStatus',
          { id: 1, status, ...(status === 'rejected' ? { reason: `PIN ${pin} invalid`, code: '7117' } : {}) },
          ctx,
        );
        expect(r.ok).toBe(true);
      }
      const history = await dispatch(desk.handlers, 'cases:history', { id: 1 }, ctx);
      expect(JSON.stringify(history)).not.toContain(pin);
      expect(JSON.stringify(history)).toContain(PIN_MASK);
      const got = await dispatch(desk.handlers, 'cases:get', { id: 1 }, ctx);
      expect(got).toMatchObject({
        ok: true,
        value: { customer: { pin }, notes: `customer gave PIN ${PIN_MASK} by phone` },
      });

      let raw: string;
      if (url) {
        // Every row of every table, as text: where a plaintext PIN would be if it leaked.
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        const tables = await c.query<{ t: string }>(
          "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public'",
        );
        const parts: string[] = [];
        for (const { t } of tables.rows)
          parts.push(
            ...(await c.query<{ j: string }>(`SELECT row_to_json(x)::text AS j FROM "${t}" x`)).rows.map(
              (r) => r.j,
            ),
          );
        await c.end();
        raw = parts.join('\n');
        expect(raw).toContain('Acme Plumbing');
      } else {
        raw = fs
          .readdirSync(dataDir)
          .filter((f) => f.startsWith('desk.sqlite'))
          .map((f) => fs.readFileSync(path.join(dataDir, f)).toString('latin1'))
          .join('');
      }
      expect(raw).not.toContain(pin);
    });
});
