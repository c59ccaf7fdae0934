// The packet channels over a real store (SQLite file), real blobs on disk and a real SMTP server
// (smtp-server on 127.0.0.1): export, status moves, signed LOA, settings, send, and every failure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import crypto from 'node:crypto';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { openDesk, type Desk } from '../../../electron/desk/service';
import { dispatch } from '../../../electron/desk/dispatch';
import { sendCase, exportCase } from '../../../electron/desk/packet';
import { blobPath } from '../../../electron/desk/intake/blobs';
import type { CaseInput } from '../../../shared/domain';
import type { Channel, ArgsIn, Result } from '../../../shared/contract';
import { DeskError } from '../../../shared/errors';
import { sampleInput, makeBillPdf, pdfText } from './fixtures';

let dataDir: string;
let desk: Desk;
const ctx = { actor: 'tester' };
const sha = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

async function call<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Result<C>> {
  const r = await dispatch(desk.handlers, channel, args, ctx);
  if (!r.ok) throw new DeskError(r.error.code, r.error.message, r.error.issues);
  return r.value as Result<C>;
}

function caseInput(): CaseInput {
  const { id: _id, status: _s, ...input } = sampleInput().kase;
  return input;
}

async function addBill(
  caseId: number,
  bytes: Uint8Array,
  numbers: string[],
  writeBlob = true,
): Promise<number> {
  const h = (await desk.deps.store.putBlob(bytes)).sha256;
  expect(h).toBe(sha(bytes));
  const doc = await desk.deps.store.addDocument(
    caseId,
    {
      sha256: h,
      kind: 'bill',
      filename: 'bill-november.pdf',
      mime: 'application/pdf',
      size: bytes.length,
      pages: 2,
    },
    'tester',
  );
  // The bytes lost afterwards (disk damage, a hand-cleaned folder): the export must say so.
  if (!writeBlob) fs.rmSync(blobPath(dataDir, h));
  await desk.deps.store.saveExtraction(doc.id, {
    fields: {
      carrier: 'Verizon',
      accountName: null,
      accountNumber: null,
      btn: null,
      serviceAddress: null,
      billDate: null,
      numbers,
    },
    meta: {},
    numberMeta: {},
  });
  return doc.id;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packet-svc-'));
  desk = await openDesk({ dataDir });
  await call('settings:set', {
    deskProfile: {
      companyName: 'Northwind Voice Porting',
      addressLines: ['500 Market St'],
      email: 'ports@northwind.example',
    },
    email: { portingInbox: 'lnp@carrier.example' },
  });
});
afterAll(async () => {
  await desk.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('settings', () => {
  it('the SMTP password is stored encrypted and never returned', async () => {
    const s = await call('settings:set', {
      email: { smtp: { host: 'smtp.example', port: 2525, user: 'desk', password: 'hunter2-secret' } },
    });
    expect(s.email.smtp.hasPassword).toBe(true);
    expect(JSON.stringify(s)).not.toContain('hunter2');
    expect(JSON.stringify(await call('settings:get', {}))).not.toContain('hunter2');
    const raw = await desk.deps.store.getSetting('smtp.password');
    expect(typeof raw).toBe('string');
    expect(raw).not.toContain('hunter2');
    expect(desk.deps.secrets.decrypt(raw as string)).toBe('hunter2-secret');
    // Absent keeps it, null clears it.
    expect((await call('settings:set', { theme: 'dark' })).email.smtp.hasPassword).toBe(true);
    const cleared = await call('settings:set', { email: { smtp: { password: null } } });
    expect(cleared.email.smtp.hasPassword).toBe(false);
    expect(cleared.theme).toBe('dark');
    expect(cleared.deskProfile.companyName).toBe('Northwind Voice Porting');
  });

  it('refuses a bad setting, naming it', async () => {
    const r = await dispatch(desk.handlers, 'settings:set', { email: { portingInbox: 'not-an-email' } }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/email\.portingInbox/);
  });
});

describe('export and the signed LOA', () => {
  it('unsigned export writes the packet and moves the case to Waiting for Signature', async () => {
    const c = await call('cases:create', { input: caseInput() });
    const bill = await makeBillPdf(2);
    await addBill(c.id, bill, ['2125550100', '2125550101', '2125550102', '2125550103', '8005550123']);
    const out = path.join(dataDir, 'out');
    const events: string[] = [];
    const r = await dispatch(
      desk.handlers,
      'packet:export',
      { caseId: c.id, outDir: out },
      {
        ...ctx,
        emit: (e) => {
          if (e.type === 'progress') events.push(e.stage);
        },
      },
    );
    expect(r.ok).toBe(true);
    const res = (r as { value: Result<'packet:export'> }).value;
    expect(res.status).toBe('waiting_signature');
    expect(res.signed).toBe(false);
    expect(events).toContain('Letter of authorization');
    expect(res.downloads.zip).toMatch(/^[A-Za-z0-9_-]{22}$/);
    for (const f of [res.zip, res.eml, res.pdf, ...res.files]) expect(fs.existsSync(f)).toBe(true);
    // The bill's extra number (0103) is in Attachment A as not ported; the bill pages are copied.
    const text = (await pdfText(fs.readFileSync(res.pdf))).join('\n');
    expect(text).toContain('(212) 555-0103');
    expect(text).toContain('Statement page 2 of 2');
    const hist = await call('cases:history', { id: c.id });
    expect(hist.events.some((e) => e.kind === 'export')).toBe(true);

    // The signed LOA comes back: recorded as a document, case to Port Submitted.
    const signed = path.join(dataDir, 'signed.pdf');
    fs.writeFileSync(signed, bill);
    const a = await call('packet:attachSignedLoa', { caseId: c.id, path: signed });
    expect(a.status).toBe('port_submitted');
    expect(a.sha256).toBe(sha(bill));
    expect(
      (await desk.deps.store.listDocuments(c.id)).some(
        (d) => d.kind === 'signed_loa' && d.id === a.documentId,
      ),
    ).toBe(true);
  });

  it("is dated by the desk's clock, as its checks are", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packet-clock-'));
    const pinned = await openDesk({
      dataDir: dir,
      autoBackup: false,
      clock: () => Date.parse('2025-11-17T15:00:00Z'),
    });
    try {
      const c = await pinned.handlers['cases:create']({ input: caseInput() }, ctx);
      const r = await dispatch(pinned.handlers, 'packet:export', { caseId: c.id }, ctx);
      expect(r.ok).toBe(true);
      const res = (r as { value: Result<'packet:export'> }).value;
      const text = (await pdfText(fs.readFileSync(res.pdf))).join('\n');
      expect(text).toContain('Prepared November 17, 2025');
      expect(text).not.toContain(
        `Prepared ${new Date().toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })}`,
      );
    } finally {
      await pinned.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a case missing required fields: one error listing them all, nothing written', async () => {
    const input = caseInput();
    input.customer.accountNumber = '';
    input.customer.losingCarrier = '';
    input.authorized.name = '';
    const c = await call('cases:create', { input });
    const out = path.join(dataDir, 'out-missing');
    const r = await dispatch(desk.handlers, 'packet:export', { caseId: c.id, outDir: out }, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('BAD_ARGUMENT');
    expect(r.error.issues?.map((i) => i.path)).toEqual([
      'customer.accountNumber',
      'customer.losingCarrier',
      'authorized.name',
    ]);
    expect(fs.existsSync(out)).toBe(false);
    expect((await call('cases:get', { id: c.id })).status).toBe('draft');
  });

  it('a bill whose blob is missing: clear error naming the document, nothing written', async () => {
    const c = await call('cases:create', { input: caseInput() });
    const docId = await addBill(c.id, await makeBillPdf(1), ['2125550100'], false);
    const out = path.join(dataDir, 'out-noblob');
    const r = await dispatch(desk.handlers, 'packet:export', { caseId: c.id, outDir: out }, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('NOT_FOUND');
    expect(r.error.message).toContain(`The bill "bill-november.pdf" (document #${docId})`);
    expect(r.error.message).toContain('its stored file is missing');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('an unwritable output folder: clear error, status unchanged', async () => {
    const c = await call('cases:create', { input: caseInput() });
    const blocker = path.join(dataDir, 'blocker');
    fs.writeFileSync(blocker, 'x');
    const r = await dispatch(
      desk.handlers,
      'packet:export',
      { caseId: c.id, outDir: path.join(blocker, 'sub') },
      ctx,
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toMatch(
        /Cannot write the packet to the output folder .*: a file is in the way/,
      );
    expect((await call('cases:get', { id: c.id })).status).toBe('draft');
  });
});

describe('SMTP send through a real server', () => {
  let server: SMTPServer;
  let port = 0;
  const received: { raw: Buffer; to: string[] }[] = [];
  let refuse = false;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, cb) {
        if (refuse) cb(Object.assign(new Error('Mailbox unavailable: relay denied'), { responseCode: 550 }));
        else cb();
      },
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ raw: Buffer.concat(chunks), to: session.envelope.rcptTo.map((r) => r.address) });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as net.AddressInfo).port;
    await call('settings:set', {
      email: { smtp: { host: '127.0.0.1', port, security: 'none', user: '', password: null } },
    });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('settings:testSmtp connects', async () => {
    const r = await call('settings:testSmtp', {});
    expect(r).toEqual({ ok: true, message: `Connected to 127.0.0.1:${port}.` });
  });

  it('sends the packet; what arrives matches the files on disk; recorded as an event', async () => {
    const c = await call('cases:create', { input: caseInput() });
    await addBill(c.id, await makeBillPdf(2), ['2125550100', '2125550101', '2125550102', '8005550123']);
    const r = await call('packet:send', {
      caseId: c.id,
      outDir: path.join(dataDir, 'out-send'),
      signature: { kind: 'typed', name: 'Zoë Martínez' },
    });
    expect(r.send.accepted).toEqual(['lnp@carrier.example']);
    expect(r.export.status).toBe('port_submitted');
    const got = received.at(-1)!;
    expect(got.to).toEqual(['lnp@carrier.example']);
    const mail = await simpleParser(got.raw);
    expect(mail.subject).toBe(
      `Port request: Café Zoë Bakery & Sons LLC - BTN (212) 555-0100 (case #${c.id})`,
    );
    expect(mail.attachments.map((a) => a.filename).sort()).toEqual([
      'loa-signed.pdf',
      'numbers.csv',
      'packet.pdf',
    ]);
    for (const a of mail.attachments)
      expect(sha(a.content)).toBe(sha(fs.readFileSync(path.join(r.export.dir, a.filename!))));
    const ev = (await call('cases:history', { id: c.id })).events.filter((e) => e.kind === 'email');
    expect(ev).toHaveLength(1);
    expect(ev[0]!.newValue).toMatchObject({ accepted: ['lnp@carrier.example'], to: 'lnp@carrier.example' });
  });

  it('a refusing server: clear error, recorded as an event', async () => {
    const c = await call('cases:create', { input: caseInput() });
    refuse = true;
    try {
      const r = await dispatch(
        desk.handlers,
        'packet:send',
        { caseId: c.id, outDir: path.join(dataDir, 'out-refuse') },
        ctx,
      );
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/refused the message: .*550.*relay denied/);
    } finally {
      refuse = false;
    }
    const ev = (await call('cases:history', { id: c.id })).events.filter((e) => e.kind === 'email');
    expect(ev).toHaveLength(1);
    expect(ev[0]!.note).toMatch(/^Email failed: The SMTP server 127\.0\.0\.1:\d+ refused the message/);
  });

  it('a server that never answers: times out with a clear error, recorded', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as net.AddressInfo).port;
    await call('settings:set', { email: { smtp: { port: silentPort } } });
    const c = await call('cases:create', { input: caseInput() });
    try {
      const deps = { ...desk.deps, smtpTimeouts: { connection: 800, greeting: 800, socket: 800 } };
      const err = await sendCase(
        deps,
        { caseId: c.id, outDir: path.join(dataDir, 'out-timeout') },
        ctx,
      ).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DeskError);
      expect((err as DeskError).message).toBe(
        `The SMTP server 127.0.0.1:${silentPort} did not answer in time.`,
      );
      const ev = (await call('cases:history', { id: c.id })).events.filter((e) => e.kind === 'email');
      expect(ev[0]!.note).toMatch(/did not answer in time/);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => silent.close(() => resolve()));
      await call('settings:set', { email: { smtp: { port } } });
    }
  });

  it('signs in with the stored (encrypted) password; a wrong one is a clear error', async () => {
    const auth = new SMTPServer({
      authOptional: false,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth(a, _s, cb) {
        if (a.username === 'desk' && a.password === 'correct horse') cb(null, { user: 'desk' });
        else cb(new Error('Invalid username or password'));
      },
      onData(stream, _s, cb) {
        stream.resume();
        stream.on('end', () => cb());
      },
    });
    await new Promise<void>((resolve) => auth.listen(0, '127.0.0.1', resolve));
    const authPort = (auth.server.address() as net.AddressInfo).port;
    try {
      await call('settings:set', {
        email: { smtp: { port: authPort, user: 'desk', password: 'correct horse' } },
      });
      expect(await call('settings:testSmtp', {})).toEqual({
        ok: true,
        message: `Connected to 127.0.0.1:${authPort} and signed in as desk.`,
      });
      await call('settings:set', { email: { smtp: { password: 'wrong' } } });
      const r = await call('settings:testSmtp', {});
      expect(r.ok).toBe(false);
      expect(r.message).toMatch(/^The SMTP server 127\.0\.0\.1:\d+ refused the user name or password/);
    } finally {
      await call('settings:set', { email: { smtp: { port, user: '', password: null } } });
      await new Promise<void>((resolve) => auth.close(() => resolve()));
    }
  });

  it('send without email settings: refused before anything changes', async () => {
    await call('settings:set', { email: { portingInbox: '' } });
    const c = await call('cases:create', { input: caseInput() });
    try {
      const r = await dispatch(desk.handlers, 'packet:send', { caseId: c.id }, ctx);
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.error.message).toBe('Email is not set up: enter the porting inbox in Settings > Email.');
      expect((await call('cases:get', { id: c.id })).status).toBe('draft');
    } finally {
      await call('settings:set', { email: { portingInbox: 'lnp@carrier.example' } });
    }
  });

  it('exportCase is reusable directly (the CLI path)', async () => {
    const c = await call('cases:create', { input: caseInput() });
    const r = await exportCase(desk.deps, { caseId: c.id, outDir: path.join(dataDir, 'out-direct') });
    expect(fs.existsSync(r.zip)).toBe(true);
  });
});
