// The store conformance suite: every test runs on a SQLite file and on a real PostgreSQL
// database (backends.ts), through the one Store interface the handlers use.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/errors';
import type { ListQuery, Store } from '../../../electron/desk/store';
import { openStore, PIN_MASK } from '../../../electron/desk/store';
import { caseInput } from '../../unit/store/fixtures';
import { rawBytes, tempDir } from './helpers';
import { backends, type OpenedStore } from './backends';

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

const list = (store: Store, q: Partial<ListQuery> = {}) =>
  store.listCases({ query: '', status: [], sort: 'updated', dir: 'desc', offset: 0, limit: 100, ...q });

async function deskError(p: Promise<unknown> | (() => Promise<unknown>)): Promise<DeskError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    expect(err).toBeInstanceOf(DeskError);
    return err as DeskError;
  }
  throw new Error('expected a DeskError');
}

/** Every byte the backend keeps a case in: the SQLite file and WAL, or the whole PostgreSQL database. */
async function storedBytes(t: OpenedStore): Promise<Buffer> {
  if (!t.url) return rawBytes(path.join(t.dir, 'desk.sqlite'));
  const c = new pg.Client({ connectionString: t.url });
  await c.connect();
  try {
    const tables = ['cases', 'numbers', 'case_events', 'comments', 'settings', 'desk_meta'];
    const parts: string[] = [];
    for (const table of tables) {
      const r = await c.query<{ t: string }>(`SELECT row_to_json(x)::text AS t FROM ${table} x`);
      parts.push(...r.rows.map((row) => row.t));
    }
    return Buffer.from(parts.join('\n'));
  } finally {
    await c.end();
  }
}

const BILL = Buffer.from('%PDF-1.4 a bill for the store tests');

for (const backend of backends()) {
  describe(`store on ${backend.name}`, () => {
    async function fresh(): Promise<OpenedStore> {
      const t = await backend.open();
      stores.push(t.store);
      return t;
    }

    describe('search', () => {
      it('finds cases by name, partial number, account number (either spelling) and address', async () => {
        const { store } = await fresh();
        const acme = (await store.createCase(caseInput(), 't')).id;
        const fern = (
          await store.createCase(
            caseInput({
              name: 'Blue Fern Dental',
              account: 'BF-9001',
              numbers: ['5185550142'],
              city: 'Troy',
              line1: '5 Elm St',
            }),
            't',
          )
        ).id;
        const ids = async (query: string) =>
          (await list(store, { query })).items.map((c) => c.id).sort((a, b) => a - b);
        expect(await ids('plumbing')).toEqual([acme]);
        expect(await ids('FERN')).toEqual([fern]);
        expect(await ids('0124')).toEqual([acme]);
        expect(await ids('5550142')).toEqual([fern]);
        expect(await ids('(518) 555-0142')).toEqual([fern]);
        expect(await ids('123456789')).toEqual([acme]);
        expect(await ids('123-456 789')).toEqual([acme]);
        expect(await ids('bf-9001')).toEqual([fern]);
        expect(await ids('elm st troy')).toEqual([fern]);
        expect(await ids('albany 12207')).toEqual([acme]);
        expect(await ids('555')).toEqual([acme, fern]);
        expect(await ids('bl')).toEqual([fern]); // 2-letter query: account name prefix
        expect(await ids('NY')).toEqual([]);
        expect(await ids('nothing-like-this')).toEqual([]);
        expect(await ids('"unbalanced AND (')).toEqual([]); // query syntax is searched literally
        expect(await ids('100%')).toEqual([]); // LIKE wildcards too
        expect(await ids('a_m')).toEqual([]);
      });

      it('follows edits: the old name no longer matches, the new one does', async () => {
        const { store } = await fresh();
        const c = await store.createCase(caseInput(), 't');
        await store.updateCase(
          c.id,
          c.version,
          caseInput({ name: 'Harbor Freight Co', numbers: ['2125550177'] }),
          't',
        );
        expect((await list(store, { query: 'acme' })).total).toBe(0);
        expect((await list(store, { query: 'harbor' })).total).toBe(1);
        expect((await list(store, { query: '0124' })).total).toBe(0);
        expect((await list(store, { query: '0177' })).total).toBe(1);
      });

      it('ignores accents and case, as the trigram tokenizer does', async () => {
        const { store } = await fresh();
        const c = await store.createCase(caseInput({ name: 'Café Élan Bistro' }), 't');
        expect((await list(store, { query: 'cafe elan' })).items.map((x) => x.id)).toEqual([c.id]);
        expect((await list(store, { query: 'CAFÉ' })).items.map((x) => x.id)).toEqual([c.id]);
      });
    });

    describe('list', () => {
      it('pages, sorts and filters by status', async () => {
        const { store } = await fresh();
        const names = ['delta', 'Alpha', 'charlie', 'bravo', 'echo'];
        const ids: number[] = [];
        for (const name of names)
          ids.push((await store.createCase(caseInput({ name, numbers: [] }), 't')).id);
        await store.setStatus(ids[1]!, 'waiting_signature', 't');
        await store.setStatus(ids[3]!, 'canceled', 't');

        const all = await list(store, { sort: 'name', dir: 'asc', limit: 2 });
        expect(all.total).toBe(5);
        expect(all.items.map((c) => c.accountName)).toEqual(['Alpha', 'bravo']);
        expect(
          (await list(store, { sort: 'name', dir: 'asc', limit: 2, offset: 4 })).items.map(
            (c) => c.accountName,
          ),
        ).toEqual(['echo']);
        expect((await list(store, { sort: 'created', dir: 'asc' })).items.map((c) => c.id)).toEqual(ids);
        // Most recently changed first by default: the two status changes bumped those cases.
        expect((await list(store)).items.slice(0, 2).map((c) => c.id)).toEqual([ids[3], ids[1]]);
        expect((await list(store, { sort: 'status', dir: 'asc' })).items.map((c) => c.status)).toEqual([
          'draft',
          'draft',
          'draft',
          'waiting_signature',
          'canceled',
        ]);
        const filtered = await list(store, {
          status: ['waiting_signature', 'canceled'],
          sort: 'name',
          dir: 'asc',
        });
        expect(filtered.total).toBe(2);
        expect(filtered.items.map((c) => c.accountName)).toEqual(['Alpha', 'bravo']);
        expect(await store.counts()).toMatchObject({
          draft: 3,
          waiting_signature: 1,
          canceled: 1,
          completed: 0,
        });
      });

      it('shows the number count and the readiness of the last check run', async () => {
        const { store } = await fresh();
        const c = await store.createCase(
          caseInput({ numbers: ['2125550100', '2125550124', '2125550142'] }),
          't',
        );
        expect((await list(store)).items[0]).toMatchObject({
          numberCount: 3,
          readiness: null,
          btn: '2125550100',
        });
        await store.saveChecks(
          c.id,
          { readiness: 'warnings', checks: [{ id: 'stale-bill' }] },
          await store.checksEpoch(c.id),
        );
        expect((await list(store)).items[0]!.readiness).toBe('warnings');
        expect(await store.getChecks(c.id)).toMatchObject({
          readiness: 'warnings',
          checks: [{ id: 'stale-bill' }],
          current: true,
        });
      });

      it('sorts FOC dates with unscheduled cases last in both directions', async () => {
        const { store } = await fresh();
        const mk = async (focDate: string | null) =>
          (await store.createCase({ ...caseInput({ numbers: [] }), focDate }, 't')).id;
        const none = await mk(null);
        const late = await mk('2026-12-10');
        const early = await mk('2026-12-01');
        expect((await list(store, { sort: 'foc', dir: 'asc' })).items.map((c) => c.id)).toEqual([
          early,
          late,
          none,
        ]);
        expect((await list(store, { sort: 'foc', dir: 'desc' })).items.map((c) => c.id)).toEqual([
          late,
          early,
          none,
        ]);
      });
    });

    describe('status changes', () => {
      it('refuses an illegal transition with a clear error and records legal ones', async () => {
        const { store } = await fresh();
        const c = await store.createCase(caseInput(), 'ann');
        const err = await deskError(store.setStatus(c.id, 'completed', 'ann'));
        expect(err.code).toBe('ILLEGAL_TRANSITION');
        expect(err.message).toBe(
          'A case cannot go from Draft to Completed; from Draft it can go to: Waiting for Signature, Port Submitted, Canceled.',
        );
        expect(await store.getCase(c.id)).toMatchObject({ status: 'draft', version: 1 });

        const moved = await store.setStatus(c.id, 'port_submitted', 'bob');
        expect(moved).toMatchObject({ status: 'port_submitted', version: 2 });
        const last = (await store.history(c.id)).events.at(-1);
        expect(last).toMatchObject({
          kind: 'status',
          field: 'status',
          oldValue: 'draft',
          newValue: 'port_submitted',
          actor: 'bob',
        });
      });

      it('requires a reason to reject, and records reason and code', async () => {
        const { store } = await fresh();
        const c = await store.createCase(caseInput(), 't');
        await store.setStatus(c.id, 'port_submitted', 't');
        await store.setStatus(c.id, 'in_progress', 't');
        const err = await deskError(store.setStatus(c.id, 'rejected', 't', { reason: '  ' }));
        expect(err.code).toBe('BAD_ARGUMENT');
        expect(err.message).toMatch(/needs the rejection reason/);
        await store.setStatus(c.id, 'rejected', 't', { reason: 'PIN invalid', code: '7117' });
        expect((await store.history(c.id)).events.at(-1)).toMatchObject({
          newValue: 'rejected',
          note: 'PIN invalid (code 7117)',
        });
      });

      it('refuses a move from a version someone else has moved past', async () => {
        const { store } = await fresh();
        const c = await store.createCase(caseInput(), 't');
        await store.setStatus(c.id, 'waiting_signature', 'ann', { expectVersion: c.version });
        const err = await deskError(store.setStatus(c.id, 'canceled', 'bob', { expectVersion: c.version }));
        expect(err.code).toBe('CONFLICT');
        expect(err.message).toMatch(/now version 2, in Waiting for Signature/);
        expect((await store.history(c.id)).events.filter((e) => e.kind === 'status')).toHaveLength(1);
      });

      it('NOT_FOUND for a missing case', async () => {
        const { store } = await fresh();
        expect((await deskError(store.setStatus(42, 'canceled', 't'))).code).toBe('NOT_FOUND');
        expect((await deskError(store.getCase(42))).message).toBe('Case 42 does not exist.');
        expect((await deskError(store.addComment(42, 'x', 't'))).code).toBe('NOT_FOUND');
        expect((await deskError(store.appendEvent(42, { kind: 'x' }, 't'))).code).toBe('NOT_FOUND');
        expect((await deskError(store.history(42))).code).toBe('NOT_FOUND');
        expect((await deskError(store.checksEpoch(42))).code).toBe('NOT_FOUND');
      });
    });

    describe('updates and the audit trail', () => {
      it('refuses a stale version with CONFLICT and keeps the other edit', async () => {
        const { store } = await fresh();
        const c = await store.createCase(caseInput(), 't');
        await store.updateCase(c.id, 1, caseInput({ name: 'First Edit' }), 'ann');
        const err = await deskError(store.updateCase(c.id, 1, caseInput({ name: 'Second Edit' }), 'bob'));
        expect(err.code).toBe('CONFLICT');
        expect(err.message).toMatch(/^This case was changed by someone else since you opened it/);
        expect(await store.getCase(c.id)).toMatchObject({
          version: 2,
          customer: { accountName: 'First Edit' },
        });
      });

      it('appends one event per changed field with old and new values, and none for a no-op save', async () => {
        const { store } = await fresh();
        const c = await store.createCase(caseInput(), 'ann');
        const next = caseInput({ city: 'Troy', numbers: ['2125550100', '2125550199'] });
        const saved = await store.updateCase(c.id, c.version, next, 'bob');
        expect(saved.version).toBe(2);
        const events = (await store.history(c.id)).events;
        expect(events.map((e) => [e.kind, e.field, e.oldValue, e.newValue])).toEqual([
          ['created', null, null, expect.objectContaining({ notes: '' })],
          ['updated', 'serviceAddress.city', 'Albany', 'Troy'],
          [
            'updated',
            'numbers.2125550199',
            null,
            { number: '2125550199', action: 'port', kind: 'local', e911: null },
          ],
          [
            'updated',
            'numbers.2125550124',
            { number: '2125550124', action: 'port', kind: 'local', e911: null },
            null,
          ],
        ]);
        expect(events[1]).toMatchObject({ actor: 'bob', caseId: c.id });
        expect((await store.updateCase(c.id, 2, next, 'bob')).version).toBe(2);
        expect((await store.history(c.id)).events).toHaveLength(4);
      });

      it('locks request fields once submitted, but notes stay editable', async () => {
        const { store } = await fresh();
        const c = await store.createCase(caseInput(), 't');
        const sub = await store.setStatus(c.id, 'port_submitted', 't');
        const err = await deskError(store.updateCase(c.id, sub.version, caseInput({ name: 'Changed' }), 't'));
        expect(err.code).toBe('CONFLICT');
        expect(err.message).toMatch(/Port Submitted cannot be edited \(changes to customer.accountName\)/);
        const noted = await store.updateCase(
          c.id,
          sub.version,
          { ...caseInput(), notes: 'customer called' },
          't',
        );
        expect(noted.notes).toBe('customer called');
      });

      it('refuses a number listed twice in one case, naming both places', async () => {
        const { store } = await fresh();
        const err = await deskError(
          store.createCase(caseInput({ numbers: ['2125550100', '2125550100'] }), 't'),
        );
        expect(err.code).toBe('BAD_ARGUMENT');
        expect(err.issues).toEqual([
          { path: 'numbers.1.number', message: '2125550100 is already listed at numbers.0' },
        ]);
        expect((await list(store)).total).toBe(0);
      });

      it('records comments in any status, and appended events', async () => {
        const { store } = await fresh();
        const c = await store.createCase(caseInput(), 't');
        await store.setStatus(c.id, 'canceled', 't');
        const comment = await store.addComment(c.id, 'Customer changed their mind', 'ann');
        expect(comment).toMatchObject({ caseId: c.id, author: 'ann', body: 'Customer changed their mind' });
        await store.appendEvent(c.id, { kind: 'export', note: 'packet written' }, 'ann');
        const h = await store.history(c.id);
        expect(h.comments).toHaveLength(1);
        expect(h.events.map((e) => e.kind)).toEqual(['created', 'status', 'comment', 'export']);
        expect(h.events[2]).toMatchObject({ newValue: { commentId: comment.id }, actor: 'ann' });
        expect((await store.getCase(c.id)).version).toBe(2); // comments do not make open edits conflict
      });

      it('creates many cases in one call, each with its created event', async () => {
        const { store } = await fresh();
        const ids = await store.createCases(
          [caseInput({ name: 'One', numbers: ['2125550101'] }), caseInput({ name: 'Two', numbers: [] })],
          'importer',
        );
        expect(ids).toHaveLength(2);
        expect((await store.getCase(ids[0]!)).customer.accountName).toBe('One');
        expect((await store.getCase(ids[1]!)).numbers).toEqual([]);
        expect((await store.history(ids[1]!)).events).toEqual([
          expect.objectContaining({ kind: 'created', actor: 'importer' }),
        ]);
        const err = await deskError(
          store.createCases(
            [caseInput({ name: 'Three' }), caseInput({ numbers: ['2125550100', '2125550100'] })],
            't',
          ),
        );
        expect(err.code).toBe('BAD_ARGUMENT');
        expect((await list(store)).total).toBe(2); // all or nothing
      });
    });

    describe('secrets', () => {
      it('keeps the PIN encrypted at rest, and masked in events', async () => {
        const t = await fresh();
        const { store } = t;
        const pin = '80417263';
        const c = await store.createCase(caseInput({ pin }), 't');
        await store.updateCase(c.id, c.version, caseInput({ pin: '51902648' }), 't');
        expect((await store.getCase(c.id)).customer.pin).toBe('51902648');
        const bytes = await storedBytes(t);
        expect(bytes.length).toBeGreaterThan(0);
        expect(bytes.includes(Buffer.from(pin))).toBe(false);
        expect(bytes.includes(Buffer.from('51902648'))).toBe(false);
        const pinEvents = (await store.history(c.id)).events.filter((e) => e.field === 'customer.pin');
        expect(pinEvents).toEqual([expect.objectContaining({ oldValue: PIN_MASK, newValue: PIN_MASK })]);
        expect(JSON.stringify(await store.history(c.id))).not.toContain(pin);
      });

      it('creates the key file with mode 0600, outside the database', async () => {
        const { store, dir } = await fresh();
        await store.createCase(caseInput(), 't');
        expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
      });
    });

    describe('documents, extractions, settings, duplicates', () => {
      it('stores documents with their bytes and their extraction, with an event', async () => {
        const { store } = await fresh();
        const c = await store.createCase(caseInput(), 't');
        const blob = await store.putBlob(BILL);
        expect(blob.created).toBe(true);
        expect((await store.putBlob(BILL)).created).toBe(false); // content-addressed: stored once
        expect(await store.readBlob(blob.sha256)).toEqual(BILL);
        const doc = await store.addDocument(
          c.id,
          {
            sha256: blob.sha256,
            kind: 'bill',
            filename: 'bill.pdf',
            mime: 'application/pdf',
            size: BILL.length,
            pages: 2,
          },
          't',
        );
        expect(await store.listDocuments(c.id)).toEqual([doc]);
        expect((await store.getDocument(doc.id)).filename).toBe('bill.pdf');
        expect((await deskError(store.getDocument(999))).code).toBe('NOT_FOUND');
        expect((await deskError(store.readBlob('b'.repeat(64)))).code).toBe('NOT_FOUND');
        const bad = await deskError(
          store.addDocument(c.id, { ...doc, sha256: 'xyz', kind: 'selfie' as 'bill', size: -1 }, 't'),
        );
        expect(bad.issues?.map((i) => i.path)).toEqual(['sha256', 'kind', 'size']);
        // A document must point at bytes the desk holds: a case never loses its bill.
        const missing = await deskError(store.addDocument(c.id, { ...doc, sha256: 'c'.repeat(64) }, 't'));
        expect(missing.code).toBe('NOT_FOUND');
        expect(await store.getExtraction(doc.id)).toBeNull();
        const extraction = {
          fields: {
            carrier: 'Verizon',
            accountName: 'ACME',
            accountNumber: null,
            btn: null,
            serviceAddress: null,
            billDate: null,
            numbers: ['2125550100'],
          },
          meta: {},
          numberMeta: {},
        };
        await store.saveExtraction(doc.id, extraction);
        expect(await store.getExtraction(doc.id)).toEqual(extraction);
        expect((await deskError(store.saveExtraction(999, extraction))).code).toBe('NOT_FOUND');
        expect((await store.history(c.id)).events.at(-1)).toMatchObject({
          kind: 'document',
          newValue: { id: doc.id, kind: 'bill' },
        });
      });

      it('keeps settings as JSON', async () => {
        const { store } = await fresh();
        expect(await store.getSetting('smtp')).toBeUndefined();
        await store.setSetting('smtp', { host: 'mail.example.com', port: 587 });
        expect(await store.getSetting('smtp')).toEqual({ host: 'mail.example.com', port: 587 });
        await store.setSetting('smtp', 'plain');
        expect(await store.getSetting('smtp')).toBe('plain');
      });

      it('finds numbers being ported in other open cases', async () => {
        const { store } = await fresh();
        const a = await store.createCase(caseInput({ numbers: ['2125550100', '2125550124'] }), 't');
        const b = await store.createCase(caseInput({ name: 'Other', numbers: ['2125550124'] }), 't');
        expect(await store.findOpenCasesWithNumbers(['2125550124', '2125550999'], b.id)).toEqual([
          { caseId: a.id, accountName: 'Acme Plumbing LLC', number: '2125550124' },
        ]);
        await store.setStatus(a.id, 'canceled', 't');
        expect(await store.findOpenCasesWithNumbers(['2125550124'], b.id)).toEqual([]);
      });

      it('marks a stored check report out of date when another case takes, drops or reopens one of its numbers', async () => {
        const { store } = await fresh();
        const a = await store.createCase(caseInput({ numbers: ['2125550100', '2125550124'] }), 't');
        const save = async (id: number) =>
          store.saveChecks(id, { readiness: 'ready', checks: [] }, await store.checksEpoch(id));
        const current = async (id: number) => (await store.getChecks(id))?.current;
        await save(a.id);
        expect(await current(a.id)).toBe(true);
        const b = await store.createCase(caseInput({ name: 'Other', numbers: ['2125550124'] }), 't');
        expect(await current(a.id)).toBe(false); // b now ports one of a's numbers
        await save(a.id);
        await store.createCase(caseInput({ name: 'Unrelated', numbers: ['3155550100'] }), 't');
        expect(await current(a.id)).toBe(true);
        await store.setStatus(b.id, 'canceled', 't');
        expect(await current(a.id)).toBe(false); // no longer a duplicate
        await save(a.id);
        await store.addComment(a.id, 'a comment changes nothing a check compares', 't');
        expect(await current(a.id)).toBe(true);
      });
    });
  });
}

describe('store on sqlite only', () => {
  it('refuses to save a PIN when no secret box was given', async () => {
    const s = openStore(path.join(tempDir(), 'nobox.sqlite'));
    stores.push(s);
    expect((await deskError(s.createCase(caseInput({ pin: '1234' }), 't'))).message).toMatch(/no secret box/);
    expect((await s.createCase(caseInput({ pin: null }), 't')).customer.pin).toBeNull();
  });

  it('backs up to a consistent copy that opens as a store with the same cases and readable PINs', async () => {
    const t = await backends()[0]!.open();
    const { store, dir } = t;
    stores.push(store);
    const c = await store.createCase(caseInput({ pin: '2468' }), 't');
    await store.addComment(c.id, 'hello', 't');
    const target = path.join(dir, 'backup.sqlite');
    await store.backup(target);
    await store.setStatus(c.id, 'canceled', 't'); // after the backup: must not be in it
    const restored = openStore(target, {
      secrets: (await import('../../../electron/desk/secrets')).fileKeySecretBox(dir),
    });
    stores.push(restored);
    expect(await restored.getCase(c.id)).toMatchObject({ status: 'draft', customer: { pin: '2468' } });
    expect((await restored.history(c.id)).comments).toHaveLength(1);
    expect((await list(restored, { query: 'acme' })).total).toBe(1);
    expect(fs.readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
  });
});
