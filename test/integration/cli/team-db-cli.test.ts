// Every CLI command on a PostgreSQL desk, as a lead or an agent runs it: db migrate/info, cases,
// check and packet with --database-url, and db copy moving a personal SQLite desk (cases, events,
// comments, bills and their readings, PINs) into the team's database, once.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli';
import { dispatch } from '../../../electron/desk/dispatch';
import { openDesk } from '../../../electron/desk/service';
import { PG_SCHEMA_VERSION } from '../../../electron/desk/store/postgres';
import { PG_MIGRATIONS } from '../../../electron/desk/store/postgres/migrations';
import { closeSharedOcrPool } from '../../../electron/desk/intake/ocr-pool';
import { sampleInput } from '../packet/fixtures';
import { textBillPdf } from '../intake/fixtures';
import { freshPgDatabase, pgAdminUrl, tempDir } from '../store/backends';

async function desk(env: Record<string, string>, ...args: string[]) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  let out = '';
  let err = '';
  try {
    const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
    return { code, out, err };
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

describe.skipIf(!pgAdminUrl())('the CLI on a PostgreSQL desk', () => {
  let url: string;
  let lead: Record<string, string>;
  beforeAll(async () => {
    url = await freshPgDatabase();
    lead = { PORTING_DESK_DATA: tempDir('lead-'), PORTING_DESK_ACTOR: 'lead' };
  });
  afterAll(() => closeSharedOcrPool());

  it('db info before and after db migrate, never showing the password', async () => {
    const before = await desk(lead, 'db', 'info', '--json', '--database-url', url);
    expect(before.code).toBe(0);
    expect(JSON.parse(before.out)).toMatchObject({ backend: 'postgres', schemaVersion: 0, cases: 0 });
    const m = await desk(lead, 'db', 'migrate', '--database-url', url);
    expect(m).toMatchObject({ code: 0, err: '' });
    expect(m.out).toMatch(
      new RegExp(
        `to schema ${PG_SCHEMA_VERSION} \\(applied ${PG_MIGRATIONS.map((x) => x.version).join(', ')}\\)`,
      ),
    );
    const again = await desk({ ...lead, PORTING_DESK_DATABASE_URL: url }, 'db', 'migrate');
    expect(again.out).toMatch(/is already at schema/);
    const info = await desk({ ...lead, PORTING_DESK_DATABASE_URL: url }, 'db', 'info');
    expect(info.out).toMatch(/^Backend: +PostgreSQL/m);
    expect(info.out).toMatch(new RegExp(`^Schema: +${PG_SCHEMA_VERSION}`, 'm'));
    const password = new URL(url).password;
    for (const r of [before, m, again, info]) expect(r.out + r.err).not.toContain(password);
  });

  it('cases, check and packet work on the team database as on the personal one', async () => {
    const env = { ...lead, PORTING_DESK_DATABASE_URL: url };
    const { id: _i, status: _s, ...input } = sampleInput().kase;
    const file = path.join(lead.PORTING_DESK_DATA!, 'case.json');
    fs.mkdirSync(lead.PORTING_DESK_DATA!, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(input));
    const created = await desk(env, 'cases', 'create', '--json', file);
    expect(created.code).toBe(0);
    const id = (JSON.parse(created.out) as { id: number }).id;
    const listed = await desk(env, 'cases', 'list', '--json');
    expect((JSON.parse(listed.out) as { total: number }).total).toBe(1);
    const checked = await desk(env, 'check', String(id), '--json');
    expect(checked.code).toBe(0);
    expect(JSON.parse(checked.out).report.readiness.blockers.map((b: { id: string }) => b.id)).toContain(
      'no_bill',
    );
    const out = path.join(lead.PORTING_DESK_DATA!, 'packet');
    const packet = await desk(env, 'packet', String(id), '--out', out, '--sign', 'Zoë Martínez');
    expect(packet.err).toBe('');
    expect(packet.code).toBe(0);
    expect(packet.out).toContain(`Case #${id} is now port submitted.`);
    const history = await desk(env, 'cases', 'show', String(id), '--json');
    expect(JSON.parse(history.out)).toMatchObject({ status: 'port_submitted' });
    const backup = await desk(env, 'db', 'backup', path.join(out, 'x.sqlite'));
    expect(backup.code).toBe(2);
    expect(backup.err).toMatch(/^error: .*pg_dump/);
  });

  it("db copy moves a personal desk's cases whole, with its key, and only once", async () => {
    const personal = { PORTING_DESK_DATA: tempDir('personal-'), PORTING_DESK_ACTOR: 'ann' };
    // An agent's personal desk: a case with a PIN, a bill read from a text PDF, a correction, a comment.
    const d = await openDesk({ dataDir: personal.PORTING_DESK_DATA, autoBackup: false });
    const ctx = { actor: 'ann' };
    const call = async (ch: Parameters<typeof dispatch>[1], args: unknown) => {
      const r = await dispatch(d.handlers, ch, args, ctx);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as Record<string, unknown>;
    };
    const { id: _i, status: _s, ...input } = sampleInput().kase;
    const c = await call('cases:create', {
      input: { ...input, customer: { ...input.customer, pin: '80417263' } },
    });
    const billFile = path.join(personal.PORTING_DESK_DATA, 'bill.pdf');
    const billBytes = await textBillPdf();
    fs.writeFileSync(billFile, billBytes);
    const added = await call('intake:addBill', { caseId: c.id, path: billFile });
    const docId = (added.document as { id: number }).id;
    await call('intake:correctField', {
      documentId: docId,
      field: 'accountName',
      value: 'Corrected Name LLC',
    });
    const comment = await call('cases:comment', { id: c.id, body: 'customer called back' });
    const personalHistory = (await call('cases:history', { id: c.id })) as { events: { kind: string }[] };
    await d.close();

    // Without the team's key the copy refuses, naming the flag; nothing is written.
    const noKey = await desk(personal, 'db', 'copy', '--to', url);
    expect(noKey.code).toBe(2);
    expect(noKey.err).toMatch(/encrypts PINs with its own key: pass --key-file/);
    const teamKey = path.join(lead.PORTING_DESK_DATA!, 'secret.key');
    const copied = await desk(personal, 'db', 'copy', '--to', url, '--key-file', teamKey);
    expect(copied.err).toBe('  1/1 cases\n');
    expect(copied.code).toBe(0);
    expect(copied.out).toMatch(/^Copied 1 case \(\d+ events, 1 comments, 1 documents\)/);
    const twice = await desk(personal, 'db', 'copy', '--to', url, '--key-file', teamKey);
    expect(twice.out).toMatch(/Copied 0 cases .*1 already there were skipped/);

    // On the team desk: the same case, readable with the team's key, its bill bytes in the database.
    const team = await openDesk({ dataDir: lead.PORTING_DESK_DATA!, databaseUrl: url, autoBackup: false });
    try {
      const all = await team.deps.store.listCases({
        query: '',
        status: [],
        sort: 'created',
        dir: 'asc',
        offset: 0,
        limit: 10,
      });
      expect(all.total).toBe(2);
      const moved = await team.deps.store.getCase(all.items[1]!.id);
      expect(moved.customer.pin).toBe('80417263');
      const docs = await team.deps.store.listDocuments(moved.id);
      expect(docs).toHaveLength(1);
      expect(await team.deps.store.readBlob(docs[0]!.sha256)).toEqual(Buffer.from(billBytes));
      expect((await team.deps.store.getExtraction(docs[0]!.id))?.fields.accountName).toBe(
        'Corrected Name LLC',
      );
      const h = await team.deps.store.history(moved.id);
      expect(h.events.map((e) => e.kind)).toEqual([...personalHistory.events.map((e) => e.kind), 'copied']);
      expect(h.events.every((e) => e.actor === 'ann' || e.kind === 'copied')).toBe(true);
      // References inside events follow the new ids.
      expect(h.events.find((e) => e.kind === 'document')?.newValue).toMatchObject({ id: docs[0]!.id });
      expect(h.events.find((e) => e.kind === 'comment')?.newValue).toEqual({ commentId: h.comments[0]!.id });
      expect(h.comments.map((x) => x.body)).toEqual([(comment as { body: string }).body]);
    } finally {
      await team.close();
    }
    // The PIN is not in the team database in the clear.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const rows = await client.query<{ j: string }>('SELECT row_to_json(c)::text AS j FROM cases c');
    await client.end();
    expect(rows.rows.map((r) => r.j).join('\n')).not.toContain('80417263');
  });
});
