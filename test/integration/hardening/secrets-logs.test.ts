// Secrets and logs after a realistic session through dispatch (the path every door takes): the
// port-out PIN and the SMTP password never sit in plaintext in the database or its WAL, the key
// file is 0600, the logs hold channels and codes but no PIN, account number, phone number or
// name, and the exported packet (PDFs, CSV, .eml, .zip) never prints the PIN.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../../shared/contract';
import { dispatch } from '../../../electron/desk/dispatch';
import { fileLogger, logsDir } from '../../../electron/desk/log';
import { openDesk, type Desk } from '../../../electron/desk/service';
import { caseInput } from '../../unit/store/fixtures';
import { pdfText } from '../packet/fixtures';
import { tinyBill } from './support';

const PIN = '739164';
const NEW_PIN = '582037';
const SMTP_PASSWORD = 'Tr0ub4dor&3-smtp';
const ACCOUNT = 'ZQ-44817-2093';
const NAME = 'Zebulon Quartermaine';
const PHONE = '2125550199';
const SECRETS = [PIN, NEW_PIN, SMTP_PASSWORD];
const PII = [PIN, NEW_PIN, SMTP_PASSWORD, ACCOUNT, '448172093', NAME, 'Quartermaine', PHONE, '555-0199'];

let tmp: string;
let dataDir: string;
let desk: Desk;
let exported: { dir: string; zip: string; eml: string; files: string[] };

async function call(
  channel: Channel,
  args: unknown,
): Promise<{ ok: boolean; value?: unknown; code?: string; message?: string }> {
  const r = await dispatch(desk.handlers, channel, args, { actor: 'tester' });
  return r.ok ? { ok: true, value: r.value } : { ok: false, code: r.error.code, message: r.error.message };
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-hard-secrets-'));
  dataDir = path.join(tmp, 'data');
  desk = await openDesk({ dataDir, autoBackup: false, door: 'test' });
  const settings = await call('settings:set', {
    deskProfile: {
      companyName: 'Northwind Voice Porting',
      addressLines: ['500 Market St'],
      email: 'ports@nw.example',
    },
    email: {
      portingInbox: 'lnp@carrier.example',
      smtp: {
        host: 'smtp.example',
        port: 2525,
        user: 'desk',
        from: 'ports@nw.example',
        password: SMTP_PASSWORD,
      },
    },
  });
  expect(settings.ok).toBe(true);
  const input = caseInput({ name: NAME, account: ACCOUNT, pin: PIN, numbers: [PHONE, '2125550124'] });
  const created = await call('cases:create', { input });
  expect(created.ok).toBe(true);
  const c = created.value as { id: number; version: number };
  const updated = await call('cases:update', {
    id: c.id,
    version: c.version,
    input: { ...input, customer: { ...input.customer, pin: NEW_PIN } },
  });
  expect(updated.ok).toBe(true);
  await call('cases:comment', { id: c.id, body: `${NAME} confirmed the PIN on ${PHONE}` });
  await call('cases:list', { query: NAME });
  await call('cases:get', { id: 999_999 }); // NOT_FOUND, logged by code only
  await call('cases:create', { input: { ...input, numbers: [{ number: PHONE }, { number: PHONE }] } }); // refused
  await call('cases:create', { input: { customer: { accountName: NAME, pin: PIN } } }); // bad arguments
  const billFile = path.join(tmp, `${NAME} bill.pdf`);
  fs.writeFileSync(billFile, await tinyBill(7, '(212) 555-0199'));
  const bill = await call('intake:addBill', { caseId: c.id, path: billFile });
  expect(bill.ok).toBe(true);
  await call('intake:addBill', { caseId: c.id, path: path.join(tmp, `${NAME} missing.pdf`) });
  const ex = await call('packet:export', { caseId: c.id, outDir: path.join(tmp, 'out') });
  expect(ex.ok, JSON.stringify(ex)).toBe(true);
  exported = ex.value as typeof exported;
  await desk.close();
}, 120_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Entries of a ZIP (deflate or stored), read from its central directory. */
function unzip(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = buf.readUInt32LE(eocd + 16);
  const count = buf.readUInt16LE(eocd + 10);
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const skip = nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const local = buf.readUInt32LE(p + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data));
    p += 46 + skip;
  }
  return out;
}

async function readable(name: string, bytes: Buffer): Promise<string> {
  if (name.toLowerCase().endsWith('.pdf'))
    return (await pdfText(bytes)).join('\n') + bytes.toString('latin1');
  return bytes.toString('utf8');
}

describe('secrets at rest', () => {
  it('no plaintext PIN or SMTP password in the database, WAL or anything else in the data folder', () => {
    let scanned = 0;
    for (const e of fs.readdirSync(dataDir, { withFileTypes: true, recursive: true })) {
      if (!e.isFile()) continue;
      const bytes = fs.readFileSync(path.join(e.parentPath, e.name));
      scanned++;
      for (const s of SECRETS) {
        expect(bytes.includes(Buffer.from(s, 'utf8')), `${s} in ${e.name}`).toBe(false);
        expect(bytes.includes(Buffer.from(s, 'utf16le')), `${s} (UTF-16) in ${e.name}`).toBe(false);
      }
    }
    expect(fs.existsSync(path.join(dataDir, 'desk.sqlite'))).toBe(true);
    expect(scanned).toBeGreaterThan(2);
  });

  it('the key file is readable by its owner only', () => {
    if (process.platform === 'win32') return;
    expect(fs.statSync(path.join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
  });

  it('the stored secrets still decrypt (encrypted, not lost)', async () => {
    const d = await openDesk({ dataDir, autoBackup: false });
    try {
      const id = (
        await d.deps.store.listCases({
          query: '',
          status: [],
          sort: 'created',
          dir: 'asc',
          offset: 0,
          limit: 1,
        })
      ).items[0]!.id;
      expect((await d.deps.store.getCase(id)).customer.pin).toBe(NEW_PIN);
      expect(d.deps.secrets.decrypt((await d.deps.store.getSetting('smtp.password')) as string)).toBe(
        SMTP_PASSWORD,
      );
    } finally {
      await d.close();
    }
  });
});

describe('exports', () => {
  it('the packet (PDFs, CSV, .eml and every .zip entry) never prints the PIN', async () => {
    const seen: string[] = [];
    for (const f of exported.files) {
      const text = await readable(f, fs.readFileSync(f));
      seen.push(path.basename(f));
      for (const s of SECRETS) expect(text.includes(s), `${s} in ${path.basename(f)}`).toBe(false);
    }
    for (const [name, bytes] of unzip(fs.readFileSync(exported.zip))) {
      const text = await readable(name, bytes);
      seen.push(`zip:${name}`);
      for (const s of SECRETS) expect(text.includes(s), `${s} in zip entry ${name}`).toBe(false);
    }
    const mail = await simpleParser(fs.readFileSync(exported.eml));
    const body = `${mail.subject ?? ''}\n${mail.text ?? ''}\n${typeof mail.html === 'string' ? mail.html : ''}`;
    for (const s of SECRETS) expect(body.includes(s), `${s} in the e-mail`).toBe(false);
    for (const a of mail.attachments) {
      const text = await readable(a.filename ?? 'x', a.content);
      seen.push(`eml:${a.filename}`);
      for (const s of SECRETS)
        expect(text.includes(s), `${s} in e-mail attachment ${a.filename}`).toBe(false);
    }
    expect(seen.some((n) => n.endsWith('.csv'))).toBe(true);
    expect(seen.some((n) => n.startsWith('zip:'))).toBe(true);
    expect(seen.some((n) => n.startsWith('eml:'))).toBe(true);
  });
});

describe('logs', () => {
  it('one line per call with channel, duration and result code, and no PII', () => {
    const files = fs.readdirSync(logsDir(dataDir));
    const text = files.map((f) => fs.readFileSync(path.join(logsDir(dataDir), f), 'utf8')).join('');
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const calls = lines.filter((l) => l.event === 'call');
    expect(calls.find((l) => l.channel === 'cases:create' && l.ok === true)).toMatchObject({ door: 'test' });
    expect(calls.find((l) => l.channel === 'cases:get' && l.ok === false)).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(calls.find((l) => l.channel === 'intake:addBill' && l.ok === false)).toMatchObject({
      code: 'BAD_INPUT_FILE',
    });
    expect(calls.every((l) => typeof l.ms === 'number')).toBe(true);
    for (const s of PII) expect(text.includes(s), `${s} in the log`).toBe(false);
  });

  it('rotates by size and keeps N files', () => {
    const dir = path.join(tmp, 'rot');
    const log = fileLogger(dir, { maxBytes: 2000, keep: 3 });
    for (let i = 0; i < 400; i++) log.info('call', { channel: 'cases:get', id: i, ms: 1, ok: true });
    const files = fs.readdirSync(logsDir(dir)).sort();
    expect(files).toEqual(['desk.log', 'desk.log.1', 'desk.log.2', 'desk.log.3']);
    for (const f of files) expect(fs.statSync(path.join(logsDir(dir), f)).size).toBeLessThanOrEqual(2000);
    const last = fs
      .readFileSync(path.join(logsDir(dir), 'desk.log'), 'utf8')
      .trim()
      .split('\n')
      .at(-1)!;
    expect(JSON.parse(last)).toMatchObject({ id: 399 });
  });
});
