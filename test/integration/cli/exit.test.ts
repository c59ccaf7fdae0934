// Every one-shot command must end when its work is done, as a terminal user or a calling script
// expects. A scanned bill starts the OCR engines (worker threads); they once kept
// `desk packet --request … --bill <scan>` alive after the packet was written. The commands run
// through scripts/desk.mjs, the door `npm run desk` opens, in a child process each.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const DESK = path.resolve('scripts/desk.mjs');
const BILLS = path.resolve('test/fixtures/bills');
/** A one-page scanned bill and its port request. */
const SCAN = path.join(BILLS, 'fx-002.pdf');
const REQUEST = path.join(BILLS, 'requests', 'fx-002.json');
/** Far above a scan's read on a loaded CI machine; a command that hangs never gets there. */
const EXIT_WITHIN_MS = 90_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-exit-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Run {
  exited: boolean;
  code: number | null;
  stdout: string;
  stderr: string;
}

function desk(args: string[], dataDir = path.join(dir, 'data')): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [DESK, ...args], {
      env: { ...process.env, PORTING_DESK_DATA: dataDir, PORTING_DESK_ACTOR: 'exit-test' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a hung command and anything it started can be ended together.
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let exited = true;
    const timer = setTimeout(() => {
      exited = false;
      process.kill(-child.pid!, 'SIGKILL');
    }, EXIT_WITHIN_MS);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ exited, code, stdout, stderr });
    });
  });
}

function expectDone(r: Run): void {
  expect(r.exited, `still running after ${EXIT_WITHIN_MS / 1000} s; stderr: ${r.stderr}`).toBe(true);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}

describe('one-shot commands on a scanned bill exit when done', () => {
  it('intake', async () => {
    const r = await desk(['intake', SCAN, '--request', REQUEST, '--json']);
    expectDone(r);
    const out = JSON.parse(r.stdout) as { fields: { btn: string | null }; checks: object };
    expect(out.fields.btn).toBe('4135550110');
    expect(out.checks).toBeTruthy();
  }, 120_000);

  it('check against a request', async () => {
    const r = await desk(['check', REQUEST, '--bill', SCAN, '--json']);
    expectDone(r);
    expect((JSON.parse(r.stdout) as { fields: { btn: string } }).fields.btn).toBe('4135550110');
  }, 120_000);

  it('check against a stored case', async () => {
    const data = path.join(dir, 'case-store');
    const input = path.join(dir, 'case.json');
    fs.writeFileSync(
      input,
      JSON.stringify({
        customer: {
          accountName: 'Priya Bennett',
          accountNumber: 'TD1-628S-6864',
          btn: '4135550110',
          losingCarrier: 'Bluebird Fiber',
          accountType: 'residential',
        },
        authorized: { name: 'Priya Bennett', email: 'priya@example.com' },
        serviceAddress: { line1: '65 Station Blvd', city: 'Springfield', state: 'MA', zip: '01103' },
        numbers: [{ number: '4135550110' }],
      }),
    );
    const created = await desk(['cases', 'create', '--json', input], data);
    expectDone(created);
    const id = String((JSON.parse(created.stdout) as { id: number }).id);
    const r = await desk(['check', id, '--bill', SCAN], data);
    expectDone(r);
    expect(r.stdout).toMatch(/^Readiness: /);
  }, 180_000);

  it('packet from a request and a bill', async () => {
    const out = path.join(dir, 'packet');
    const r = await desk([
      'packet',
      '--request',
      REQUEST,
      '--bill',
      SCAN,
      '--out',
      out,
      '--signer',
      'Priya Bennett',
    ]);
    expectDone(r);
    expect(r.stdout).toMatch(/Packet folder: /);
    const folder = r.stdout.match(/Packet folder: (.+)/)![1]!;
    expect(fs.readdirSync(folder)).toContain('loa-unsigned.pdf');
  }, 120_000);

  it('a scan whose dark header band upsets Leptonica prints nothing on stderr', async () => {
    // Reading the band's own crop, the OCR engine's image library wrote "Error in
    // boxClipToRectangle: box outside rectangle" to the process's stderr: noise a script takes
    // for the desk failing. The band still reads.
    const band = path.resolve('test/fixtures/regressions/dark-band-header.pdf');
    const r = await desk(['intake', band, '--json']);
    expectDone(r);
    const out = JSON.parse(r.stdout) as { fields: { accountNumber: string | null; billDate: string | null } };
    expect(out.fields.accountNumber).toBe('0007130584882');
    expect(out.fields.billDate).toBe('2024-07-20');
  }, 120_000);
});

describe('a photo starts the OCR engines at once; a command that fails before reading it still exits', () => {
  const PHOTO = path.join(BILLS, 'fx-004.jpg');

  it('intake of a photo with a malformed request: a clear error, exit 2, no engine left running', async () => {
    const bad = path.join(dir, 'bad-request.json');
    fs.writeFileSync(bad, '{"numbers": [');
    const r = await desk(['intake', PHOTO, '--request', bad, '--json']);
    expect(r.exited, `still running after ${EXIT_WITHIN_MS / 1000} s; stderr: ${r.stderr}`).toBe(true);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: .*bad-request/);
  }, 120_000);

  it('packet from a photo whose request file is missing', async () => {
    const r = await desk([
      'packet',
      '--request',
      path.join(dir, 'no-such-request.json'),
      '--bill',
      PHOTO,
      '--out',
      path.join(dir, 'packet-none'),
    ]);
    expect(r.exited, `still running after ${EXIT_WITHIN_MS / 1000} s; stderr: ${r.stderr}`).toBe(true);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^error: .*request/);
    expect(fs.existsSync(path.join(dir, 'packet-none'))).toBe(false);
  }, 120_000);
});

describe('help', () => {
  const COMMANDS = ['intake', 'import', 'teach', 'check', 'cases', 'packet', 'db', 'host', 'users'];

  it('desk --help, -h and help print the commands on stdout and succeed', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const r = await desk(args);
      expectDone(r);
      expect(r.stdout).toMatch(/^usage: desk <command>/);
      // each with its one-line summary
      for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c} +\\S`, 'm'));
    }
  });

  it("every command's --help and -h print its usage and succeed, without running it", async () => {
    const runs = await Promise.all(
      COMMANDS.flatMap((c) => [
        desk([c, '--help']),
        desk([c, '-h']),
        // Help wins over the command's other arguments: nothing is read, written or served.
        desk([c, 'list', '--out', path.join(dir, 'never'), '-h']),
      ]),
    );
    runs.forEach((r, i) => {
      const c = COMMANDS[Math.floor(i / 3)]!;
      expectDone(r);
      expect(r.stdout).toMatch(new RegExp(`^desk ${c}: \\S`));
      expect(r.stdout).toMatch(new RegExp(`^  desk ${c} `, 'm'));
    });
    expect(fs.existsSync(path.join(dir, 'never'))).toBe(false);
    const named = await desk(['help', 'packet']);
    expectDone(named);
    expect(named.stdout).toMatch(/^ {2}desk packet --request <request\.json> --bill <file>/m);
    // a choice inside brackets is one form, not two
    const check = await desk(['check', '--help']);
    expect(check.stdout).toMatch(
      /^ {2}desk check <case-id\|request\.json> \[--bill <file> \| --fields <fields\.json>\]/m,
    );
  }, 120_000);

  it('an unknown command still fails, with the list of commands on stderr', async () => {
    const r = await desk(['bogus', '--help']);
    expect(r.exited).toBe(true);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: unknown command 'bogus'\n/);
    expect(r.stderr).toMatch(/^ {2}intake /m);
    // a name every object answers to ("toString") is no command either
    const inherited = await desk(['toString']);
    expect(inherited.code).toBe(2);
    expect(inherited.stderr).toMatch(/^error: unknown command 'toString'\n/);
  });
});
