// The CLI door end to end: real processes, a real data dir, exit codes and stderr as an agent
// or a script would see them.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../electron/desk/store/migrations';
import { runDesk, type DeskRun } from '../../support/desk-cli';

type Run = DeskRun;

function desk(dataDir: string, args: string[], stdin?: string): Promise<Run> {
  return runDesk(args, {
    env: { PORTING_DESK_DATA: dataDir, PORTING_DESK_ACTOR: 'cli-test' },
    ...(stdin === undefined ? {} : { stdin }),
  });
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'desk-cli-'));

/** One line starting with "error:", and nothing that looks like a stack trace. */
function expectCleanError(r: Run, code: number, pattern: RegExp) {
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^error: /);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

const CASE = {
  customer: {
    accountName: 'Blue Fern Dental',
    accountNumber: '88-1234',
    btn: '5185550100',
    pin: '97531864',
    losingCarrier: 'Spectrum',
  },
  authorized: { name: 'Ann Lee', email: 'ann@example.com' },
  serviceAddress: { line1: '5 Elm St', city: 'Troy', state: 'NY', zip: '12180' },
  numbers: [{ number: '5185550100' }, { number: '5185550142', action: 'keep' }],
};

describe('desk cases / desk db', () => {
  // Each process pays tsx + the whole service import, so the steps are few and batched.
  it('creates from JSON, lists, shows, backs up and restores', { timeout: 240_000 }, async () => {
    const dir = tmp();
    const json = path.join(dir, 'case.json');
    fs.writeFileSync(json, JSON.stringify(CASE));

    const created = await desk(dir, ['cases', 'create', '--json', json]);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const c = JSON.parse(created.stdout) as { id: number; status: string; customer: { pin: string } };
    expect(c).toMatchObject({ id: 1, status: 'draft' });
    expect(c.customer.pin).toBe('••••');

    const backup = path.join(dir, 'backup.sqlite');
    const [listed, shown, b] = await Promise.all([
      desk(dir, ['cases', 'list', '--json', '--query', '0142']),
      desk(dir, ['cases', 'show', '1', '--json']),
      desk(dir, ['db', 'backup', backup]),
    ]);
    expect(JSON.parse(listed.stdout)).toMatchObject({
      total: 1,
      items: [{ id: 1, accountName: 'Blue Fern Dental', numberCount: 2 }],
    });
    expect(JSON.parse(shown.stdout)).toMatchObject({
      id: 1,
      numbers: [{ number: '5185550100' }, { action: 'keep' }],
    });
    expect(shown.stdout).not.toContain('97531864');
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/^Backed up 1 case to /);

    // Change the live store, then restore the backup: the change is gone, the old store is kept.
    const moved = await desk(dir, ['cases', 'status', '1', 'Port Submitted']);
    expect(moved).toMatchObject({ code: 0, stdout: 'Case 1 is now Port Submitted (version 2).\n' });
    const restored = await desk(dir, ['db', 'restore', backup]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/Restored 1 case from .*The previous case store was kept as /s);
    const [after, info] = await Promise.all([
      desk(dir, ['cases', 'show', '1', '--json', '--show-pin']),
      desk(dir, ['db', 'info', '--json']),
    ]);
    expect(JSON.parse(after.stdout)).toMatchObject({ status: 'draft', customer: { pin: '97531864' } });
    expect(fs.readdirSync(dir).some((f) => f.startsWith('desk.sqlite.before-restore-'))).toBe(true);
    expect(JSON.parse(info.stdout)).toMatchObject({
      exists: true,
      cases: 1,
      schemaVersion: SCHEMA_VERSION,
      knownVersion: SCHEMA_VERSION,
      secretKey: true,
    });
  });

  it(
    'refuses malformed JSON, invalid cases and bad arguments with one clear line',
    { timeout: 240_000 },
    async () => {
      const dir = tmp();
      const existing = path.join(dir, 'existing.sqlite');
      fs.writeFileSync(existing, 'keep me');
      const invalidCase = {
        ...CASE,
        customer: { ...CASE.customer, accountName: 5 },
        numbers: [{ number: '12' }],
      };
      const [malformed, invalid, badId, badFlag, badStatus, missing, overwrite] = await Promise.all([
        desk(dir, ['cases', 'create', '--json', '-'], '{"customer": {'),
        desk(dir, ['cases', 'create', '--json', '-'], JSON.stringify(invalidCase)),
        desk(dir, ['cases', 'show', 'abc']),
        desk(dir, ['cases', 'list', '--bogus']),
        desk(dir, ['cases', 'status', '1', 'teleported']),
        desk(dir, ['cases', 'show', '7']),
        desk(dir, ['db', 'backup', existing]),
      ]);
      expectCleanError(malformed, 2, /standard input is not valid JSON/);
      expectCleanError(
        invalid,
        2,
        /input\.customer\.accountName: .*; input\.numbers\.0\.number: must be a 10-digit NANP number/,
      );
      expectCleanError(badId, 2, /case id must be a positive whole number, not 'abc'/);
      expectCleanError(badFlag, 2, /Unknown option '--bogus'/);
      expectCleanError(badStatus, 2, /Unknown status 'teleported'/);
      expectCleanError(missing, 1, /Case 7 does not exist/);
      expectCleanError(overwrite, 2, /already exists; pass --force/);
      expect(fs.readFileSync(existing, 'utf8')).toBe('keep me');
    },
  );

  it(
    'refuses a corrupt store or backup, and a newer-schema store, without touching them',
    { timeout: 240_000 },
    async () => {
      const dir = tmp();
      const corrupt = path.join(dir, 'corrupt.sqlite');
      fs.writeFileSync(corrupt, 'not a database at all\n'.repeat(100));
      fs.copyFileSync(corrupt, path.join(dir, 'desk.sqlite'));
      const bytes = fs.readFileSync(corrupt);

      const [list, restore] = await Promise.all([
        desk(dir, ['cases', 'list']),
        desk(dir, ['db', 'restore', corrupt]),
      ]);
      expectCleanError(list, 1, /desk\.sqlite is not a Porting Desk database or is damaged/);
      expectCleanError(restore, 1, /corrupt\.sqlite is not a Porting Desk database or is damaged/);
      expect(fs.readFileSync(path.join(dir, 'desk.sqlite')).equals(bytes)).toBe(true);
      expect(fs.readFileSync(corrupt).equals(bytes)).toBe(true);

      const newer = tmp();
      expect((await desk(newer, ['cases', 'create', '--json', '-'], JSON.stringify(CASE))).code).toBe(0);
      const db = new Database(path.join(newer, 'desk.sqlite'));
      db.pragma('user_version = 99');
      db.close();
      const before = fs.readFileSync(path.join(newer, 'desk.sqlite'));
      expectCleanError(
        await desk(newer, ['cases', 'list']),
        1,
        new RegExp(
          `written by a newer version of Porting Desk \\(schema 99, this app knows ${SCHEMA_VERSION}\\)`,
        ),
      );
      expect(fs.readFileSync(path.join(newer, 'desk.sqlite')).equals(before)).toBe(true);
    },
  );
});
