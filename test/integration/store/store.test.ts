import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/errors';
import type { ListQuery, Store } from '../../../electron/desk/store';
import { openStore, PIN_MASK } from '../../../electron/desk/store';
import { caseInput } from '../../unit/store/fixtures';
import { openTempStore, rawBytes, tempDir } from './helpers';

const stores: Store[] = [];
function fresh() {
  const t = openTempStore();
  stores.push(t.store);
  return t;
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

const list = (store: Store, q: Partial<ListQuery> = {}) =>
  store.listCases({ query: '', status: [], sort: 'updated', dir: 'desc', offset: 0, limit: 100, ...q });

function deskError(fn: () => unknown): DeskError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DeskError);
    return err as DeskError;
  }
  throw new Error('expected a DeskError');
}

describe('search', () => {
  it('finds cases by name, partial number, account number (either spelling) and address', () => {
    const { store } = fresh();
    const acme = store.createCase(caseInput(), 't').id;
    const fern = store.createCase(
      caseInput({
        name: 'Blue Fern Dental',
        account: 'BF-9001',
        numbers: ['5185550142'],
        city: 'Troy',
        line1: '5 Elm St',
      }),
      't',
    ).id;
    const ids = (query: string) =>
      list(store, { query })
        .items.map((c) => c.id)
        .sort();
    expect(ids('plumbing')).toEqual([acme]);
    expect(ids('FERN')).toEqual([fern]);
    expect(ids('0124')).toEqual([acme]);
    expect(ids('5550142')).toEqual([fern]);
    expect(ids('(518) 555-0142')).toEqual([fern]);
    expect(ids('123456789')).toEqual([acme]);
    expect(ids('123-456 789')).toEqual([acme]);
    expect(ids('bf-9001')).toEqual([fern]);
    expect(ids('elm st troy')).toEqual([fern]);
    expect(ids('albany 12207')).toEqual([acme]);
    expect(ids('555')).toEqual([acme, fern]);
    expect(ids('bl')).toEqual([fern]); // 2-letter query: account name prefix
    expect(ids('NY')).toEqual([]);
    expect(ids('nothing-like-this')).toEqual([]);
    expect(ids('"unbalanced AND (')).toEqual([]); // FTS syntax is searched literally, never an error
  });

  it('follows edits: the old name no longer matches, the new one does', () => {
    const { store } = fresh();
    const c = store.createCase(caseInput(), 't');
    store.updateCase(c.id, c.version, caseInput({ name: 'Harbor Freight Co', numbers: ['2125550177'] }), 't');
    expect(list(store, { query: 'acme' }).total).toBe(0);
    expect(list(store, { query: 'harbor' }).total).toBe(1);
    expect(list(store, { query: '0124' }).total).toBe(0);
    expect(list(store, { query: '0177' }).total).toBe(1);
  });
});

describe('list', () => {
  it('pages, sorts and filters by status', () => {
    const { store } = fresh();
    const names = ['delta', 'Alpha', 'charlie', 'bravo', 'echo'];
    const ids = names.map((name) => store.createCase(caseInput({ name, numbers: [] }), 't').id);
    store.setStatus(ids[1]!, 'waiting_signature', 't');
    store.setStatus(ids[3]!, 'canceled', 't');

    const all = list(store, { sort: 'name', dir: 'asc', limit: 2 });
    expect(all.total).toBe(5);
    expect(all.items.map((c) => c.accountName)).toEqual(['Alpha', 'bravo']);
    expect(
      list(store, { sort: 'name', dir: 'asc', limit: 2, offset: 4 }).items.map((c) => c.accountName),
    ).toEqual(['echo']);
    expect(list(store, { sort: 'created', dir: 'asc' }).items.map((c) => c.id)).toEqual(ids);
    // Most recently changed first by default: the two status changes bumped those cases.
    expect(
      list(store)
        .items.slice(0, 2)
        .map((c) => c.id),
    ).toEqual([ids[3], ids[1]]);
    expect(list(store, { sort: 'status', dir: 'asc' }).items.map((c) => c.status)).toEqual([
      'draft',
      'draft',
      'draft',
      'waiting_signature',
      'canceled',
    ]);
    const filtered = list(store, { status: ['waiting_signature', 'canceled'], sort: 'name', dir: 'asc' });
    expect(filtered.total).toBe(2);
    expect(filtered.items.map((c) => c.accountName)).toEqual(['Alpha', 'bravo']);
    expect(store.counts()).toMatchObject({ draft: 3, waiting_signature: 1, canceled: 1, completed: 0 });
  });

  it('shows the number count and the readiness of the last check run', () => {
    const { store } = fresh();
    const c = store.createCase(caseInput({ numbers: ['2125550100', '2125550124', '2125550142'] }), 't');
    expect(list(store).items[0]).toMatchObject({ numberCount: 3, readiness: null, btn: '2125550100' });
    store.saveChecks(c.id, { readiness: 'warnings', checks: [{ id: 'stale-bill' }] });
    expect(list(store).items[0]!.readiness).toBe('warnings');
    expect(store.getChecks(c.id)).toMatchObject({ readiness: 'warnings', checks: [{ id: 'stale-bill' }] });
  });

  it('sorts FOC dates with unscheduled cases last in both directions', () => {
    const { store } = fresh();
    const mk = (focDate: string | null) =>
      store.createCase({ ...caseInput({ numbers: [] }), focDate }, 't').id;
    const [none, late, early] = [mk(null), mk('2026-12-10'), mk('2026-12-01')];
    expect(list(store, { sort: 'foc', dir: 'asc' }).items.map((c) => c.id)).toEqual([early, late, none]);
    expect(list(store, { sort: 'foc', dir: 'desc' }).items.map((c) => c.id)).toEqual([late, early, none]);
  });
});

describe('status changes', () => {
  it('refuses an illegal transition with a clear error and records legal ones', () => {
    const { store } = fresh();
    const c = store.createCase(caseInput(), 'ann');
    const err = deskError(() => store.setStatus(c.id, 'completed', 'ann'));
    expect(err.code).toBe('ILLEGAL_TRANSITION');
    expect(err.message).toBe(
      'A case cannot go from Draft to Completed; from Draft it can go to: Waiting for Signature, Port Submitted, Canceled.',
    );
    expect(store.getCase(c.id)).toMatchObject({ status: 'draft', version: 1 });

    const moved = store.setStatus(c.id, 'port_submitted', 'bob');
    expect(moved).toMatchObject({ status: 'port_submitted', version: 2 });
    const last = store.history(c.id).events.at(-1);
    expect(last).toMatchObject({
      kind: 'status',
      field: 'status',
      oldValue: 'draft',
      newValue: 'port_submitted',
      actor: 'bob',
    });
  });

  it('requires a reason to reject, and records reason and code', () => {
    const { store } = fresh();
    const c = store.createCase(caseInput(), 't');
    store.setStatus(c.id, 'port_submitted', 't');
    store.setStatus(c.id, 'in_progress', 't');
    const err = deskError(() => store.setStatus(c.id, 'rejected', 't', { reason: '  ' }));
    expect(err.code).toBe('BAD_ARGUMENT');
    expect(err.message).toMatch(/needs the rejection reason/);
    store.setStatus(c.id, 'rejected', 't', { reason: 'PIN invalid', code: '7117' });
    expect(store.history(c.id).events.at(-1)).toMatchObject({
      newValue: 'rejected',
      note: 'PIN invalid (code 7117)',
    });
  });

  it('NOT_FOUND for a missing case', () => {
    const { store } = fresh();
    expect(deskError(() => store.setStatus(42, 'canceled', 't')).code).toBe('NOT_FOUND');
    expect(deskError(() => store.getCase(42)).message).toBe('Case 42 does not exist.');
  });
});

describe('updates and the audit trail', () => {
  it('refuses a stale version with CONFLICT and keeps the other edit', () => {
    const { store } = fresh();
    const c = store.createCase(caseInput(), 't');
    store.updateCase(c.id, 1, caseInput({ name: 'First Edit' }), 'ann');
    const err = deskError(() => store.updateCase(c.id, 1, caseInput({ name: 'Second Edit' }), 'bob'));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/^This case was changed by someone else since you opened it/);
    expect(store.getCase(c.id)).toMatchObject({ version: 2, customer: { accountName: 'First Edit' } });
  });

  it('appends one event per changed field with old and new values, and none for a no-op save', () => {
    const { store } = fresh();
    const c = store.createCase(caseInput(), 'ann');
    const next = caseInput({ city: 'Troy', numbers: ['2125550100', '2125550199'] });
    const saved = store.updateCase(c.id, c.version, next, 'bob');
    expect(saved.version).toBe(2);
    const events = store.history(c.id).events;
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
    expect(store.updateCase(c.id, 2, next, 'bob').version).toBe(2);
    expect(store.history(c.id).events).toHaveLength(4);
  });

  it('locks request fields once submitted, but notes stay editable', () => {
    const { store } = fresh();
    const c = store.createCase(caseInput(), 't');
    const sub = store.setStatus(c.id, 'port_submitted', 't');
    const err = deskError(() => store.updateCase(c.id, sub.version, caseInput({ name: 'Changed' }), 't'));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/Port Submitted cannot be edited \(changes to customer.accountName\)/);
    const noted = store.updateCase(c.id, sub.version, { ...caseInput(), notes: 'customer called' }, 't');
    expect(noted.notes).toBe('customer called');
  });

  it('refuses a number listed twice in one case, naming both places', () => {
    const { store } = fresh();
    const err = deskError(() => store.createCase(caseInput({ numbers: ['2125550100', '2125550100'] }), 't'));
    expect(err.code).toBe('BAD_ARGUMENT');
    expect(err.issues).toEqual([
      { path: 'numbers.1.number', message: '2125550100 is already listed at numbers.0' },
    ]);
    expect(list(store).total).toBe(0);
  });

  it('records comments in any status, and appended events', () => {
    const { store } = fresh();
    const c = store.createCase(caseInput(), 't');
    store.setStatus(c.id, 'canceled', 't');
    const comment = store.addComment(c.id, 'Customer changed their mind', 'ann');
    expect(comment).toMatchObject({ caseId: c.id, author: 'ann', body: 'Customer changed their mind' });
    store.appendEvent(c.id, { kind: 'export', note: 'packet written' }, 'ann');
    const h = store.history(c.id);
    expect(h.comments).toHaveLength(1);
    expect(h.events.map((e) => e.kind)).toEqual(['created', 'status', 'comment', 'export']);
    expect(store.getCase(c.id).version).toBe(2); // comments do not make open edits conflict
  });
});

describe('secrets', () => {
  it('keeps the PIN encrypted in the file and WAL, and masked in events', () => {
    const { store, file } = fresh();
    const pin = '80417263';
    const c = store.createCase(caseInput({ pin }), 't');
    store.updateCase(c.id, c.version, caseInput({ pin: '51902648' }), 't');
    expect(store.getCase(c.id).customer.pin).toBe('51902648');
    const bytes = rawBytes(file);
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.includes(Buffer.from(pin))).toBe(false);
    expect(bytes.includes(Buffer.from('51902648'))).toBe(false);
    const pinEvents = store.history(c.id).events.filter((e) => e.field === 'customer.pin');
    expect(pinEvents).toEqual([expect.objectContaining({ oldValue: PIN_MASK, newValue: PIN_MASK })]);
    expect(JSON.stringify(store.history(c.id))).not.toContain(pin);
  });

  it('creates the key file with mode 0600', () => {
    const { store, dir } = fresh();
    store.createCase(caseInput(), 't');
    expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
  });

  it('refuses to save a PIN when no secret box was given', () => {
    const s = openStore(path.join(tempDir(), 'nobox.sqlite'));
    stores.push(s);
    expect(deskError(() => s.createCase(caseInput({ pin: '1234' }), 't')).message).toMatch(/no secret box/);
    expect(s.createCase(caseInput({ pin: null }), 't').customer.pin).toBeNull();
  });
});

describe('documents, extractions, settings, duplicates', () => {
  it('stores documents and their extraction, with an event', () => {
    const { store } = fresh();
    const c = store.createCase(caseInput(), 't');
    const doc = store.addDocument(
      c.id,
      {
        sha256: 'a'.repeat(64),
        kind: 'bill',
        filename: 'bill.pdf',
        mime: 'application/pdf',
        size: 1234,
        pages: 2,
      },
      't',
    );
    expect(store.listDocuments(c.id)).toEqual([doc]);
    expect(store.getDocument(doc.id).filename).toBe('bill.pdf');
    expect(deskError(() => store.getDocument(999)).code).toBe('NOT_FOUND');
    const bad = deskError(() =>
      store.addDocument(c.id, { ...doc, sha256: 'xyz', kind: 'selfie' as 'bill', size: -1 }, 't'),
    );
    expect(bad.issues?.map((i) => i.path)).toEqual(['sha256', 'kind', 'size']);
    expect(store.getExtraction(doc.id)).toBeNull();
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
    store.saveExtraction(doc.id, extraction);
    expect(store.getExtraction(doc.id)).toEqual(extraction);
    expect(store.history(c.id).events.at(-1)).toMatchObject({
      kind: 'document',
      newValue: { id: doc.id, kind: 'bill' },
    });
  });

  it('keeps settings as JSON', () => {
    const { store } = fresh();
    expect(store.getSetting('smtp')).toBeUndefined();
    store.setSetting('smtp', { host: 'mail.example.com', port: 587 });
    expect(store.getSetting('smtp')).toEqual({ host: 'mail.example.com', port: 587 });
  });

  it('finds numbers being ported in other open cases', () => {
    const { store } = fresh();
    const a = store.createCase(caseInput({ numbers: ['2125550100', '2125550124'] }), 't');
    const b = store.createCase(caseInput({ name: 'Other', numbers: ['2125550124'] }), 't');
    expect(store.findOpenCasesWithNumbers(['2125550124', '2125550999'], b.id)).toEqual([
      { caseId: a.id, accountName: 'Acme Plumbing LLC', number: '2125550124' },
    ]);
    store.setStatus(a.id, 'canceled', 't');
    expect(store.findOpenCasesWithNumbers(['2125550124'], b.id)).toEqual([]);
  });
});

describe('backup', () => {
  it('writes a consistent copy that opens as a store with the same cases and readable PINs', async () => {
    const { store, dir } = fresh();
    const c = store.createCase(caseInput({ pin: '2468' }), 't');
    store.addComment(c.id, 'hello', 't');
    const target = path.join(dir, 'backup.sqlite');
    await store.backup(target);
    store.setStatus(c.id, 'canceled', 't'); // after the backup: must not be in it
    const copy = openTempStore(dir).store; // same dir: same key file
    copy.close();
    const restored = openStore(target, {
      secrets: (await import('../../../electron/desk/secrets')).fileKeySecretBox(dir),
    });
    stores.push(restored);
    expect(restored.getCase(c.id)).toMatchObject({ status: 'draft', customer: { pin: '2468' } });
    expect(restored.history(c.id).comments).toHaveLength(1);
    expect(list(restored, { query: 'acme' }).total).toBe(1);
    expect(fs.readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
  });
});
