// `desk teach` and `desk intake` on one data folder, as the measurement runs them: one line says
// what was learned, later intakes of that carrier say which fields the profile supplied, and a
// bill of another carrier prints exactly what a desk that learned nothing prints.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LEARNED_KEY } from '../../../shared/extract/learn';
import { runDesk } from '../../support/desk-cli';
import { textByTemplate } from './fixtures';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'learn-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const desk = (args: string[], data: string) =>
  runDesk(args, { env: { PORTING_DESK_DATA: data, PORTING_DESK_DATABASE_URL: undefined } });

const write = (name: string, value: unknown) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, typeof value === 'string' ? value : JSON.stringify(value));
  return f;
};

const templates = [...textByTemplate().values()].filter((bs) => bs.length >= 2);
const [taught, other] = [templates[0]!, templates[1]!];
const learnedDesk = path.join(dir, 'learned');
const emptyDesk = path.join(dir, 'empty');

describe('desk teach', () => {
  it('learns from one bill; intake then reads that carrier with it and others as before', async () => {
    const fields = write('fields.json', { fields: taught[0]!.truth });
    const t = await desk(['teach', taught[0]!.file, '--fields', fields], learnedDesk);
    expect(t.stderr).toBe('');
    expect(t.code).toBe(0);
    expect(t.stdout.trim().split('\n')).toHaveLength(1);
    expect(t.stdout).toMatch(
      new RegExp(
        `^learned ${taught[0]!.truth.carrier} \\(new profile [a-z0-9-]+\\): carrier, account number, BTN, bill date, account name, service address from ${taught[0]!.id}\\.pdf; read as before: numbers\\n$`,
      ),
    );

    const r = await desk(['intake', taught[1]!.file, '--json'], learnedDesk);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      fields: Record<string, unknown> & { fieldSources: Record<string, string> };
      learned: { carrier: string } | null;
    };
    expect(out.learned?.carrier).toBe(taught[1]!.truth.carrier);
    expect(out.fields.fieldSources).toMatchObject({
      accountNumber: 'learned',
      btn: 'learned',
      numbers: 'read',
    });
    expect(out.fields.carrier).toBe(taught[1]!.truth.carrier);
    // the scorer's plain values keep their types
    expect(typeof out.fields.accountNumber).toBe('string');
    expect(Array.isArray(out.fields.numbers)).toBe(true);

    // another carrier's bill: byte for byte what a desk that learned nothing prints
    const a = await desk(['intake', other[0]!.file, '--json'], learnedDesk);
    const b = await desk(['intake', other[0]!.file, '--json'], emptyDesk);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(fs.existsSync(emptyDesk)).toBe(false);
  }, 180_000);

  it('rejects bad arguments and bad fields files with one line, and stores nothing', async () => {
    const data = path.join(dir, 'bad');
    const bill = taught[0]!.file;
    const cases: [string[], RegExp][] = [
      [['teach', bill], /--fields <fields.json> is required/],
      [['teach', '--fields', write('ok.json', { btn: taught[0]!.truth.btn })], /give exactly one bill file/],
      [['teach', bill, '--fields', path.join(dir, 'missing.json')], /fields file .* was not found/],
      [['teach', bill, '--fields', write('broken.json', '{"btn": ')], /broken\.json is not valid JSON/],
      [['teach', bill, '--fields', write('list.json', [1, 2])], /must hold an object of bill fields/],
      [['teach', bill, '--fields', write('types.json', { btn: 5, numbers: 'x' })], /btn: .*; numbers: /],
      [['teach', bill, '--fields', write('empty.json', { fields: { btn: null } })], /teaches nothing/],
      [
        ['teach', bill, '--fields', write('ok2.json', { btn: taught[0]!.truth.btn }), '--bogus'],
        /Unknown option/,
      ],
    ];
    for (const [args, msg] of cases) {
      const r = await desk(args, data);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr, args.join(' ')).toMatch(msg);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(fs.existsSync(data)).toBe(false);

    const notABill = write('not-a-bill.pdf', 'hello');
    const nb = await desk(
      ['teach', notABill, '--fields', write('ok3.json', { btn: taught[0]!.truth.btn })],
      data,
    );
    expect(nb.code).toBe(1);
    expect(nb.stderr).toMatch(/^error: /);

    // values the bill does not print teach nothing, and say so
    const wrong = write('wrong.json', { carrier: taught[0]!.truth.carrier, accountNumber: 'ZZ-00000-0000' });
    const w = await desk(['teach', bill, '--fields', wrong], data);
    expect(w.code).toBe(2);
    expect(w.stderr).toMatch(/Nothing to learn/);
  }, 180_000);

  it('refuses to overwrite learned carriers it cannot read', async () => {
    const data = path.join(dir, 'damaged');
    const fields = write('f.json', { fields: taught[0]!.truth });
    expect((await desk(['teach', taught[0]!.file, '--fields', fields], data)).code).toBe(0);
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(path.join(data, 'desk.sqlite'));
    db.prepare('UPDATE settings SET value = ? WHERE key = ?').run('{"version":99}', LEARNED_KEY);
    db.close();
    const r = await desk(['teach', taught[1]!.file, '--fields', fields], data);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unreadable by this version; nothing was changed/);
    const db2 = new Database(path.join(data, 'desk.sqlite'), { readonly: true });
    expect(db2.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(LEARNED_KEY)).toBe(
      '{"version":99}',
    );
    db2.close();
    // intake still reads the bill, the generic way, and says why on stderr
    const i = await desk(['intake', taught[1]!.file, '--json'], data);
    expect(i.code).toBe(0);
    expect((JSON.parse(i.stdout) as { learned: unknown }).learned).toBeNull();
  }, 180_000);
});
