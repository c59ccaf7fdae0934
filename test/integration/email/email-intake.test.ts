// Emails as customers send them, made here from the repo's fixture bills: the request in the
// body, the bill attached (plain, zipped, in a forwarded message, beside a signature logo), as
// .eml and as Outlook .msg; and every kind of bad email, each with its own clear error.
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { intakeEmail, parseMail } from '../../../electron/desk/email/intake';
import { unpackMail } from '../../../electron/desk/email/attachments';
import { EMAIL_LIMITS } from '../../../electron/desk/email/limits';
import { closeSharedOcrPool } from '../../../electron/desk/intake/ocr-pool';
import { LIMITS } from '../../../electron/desk/intake/sniff';
import { emailFieldChecks } from '../../../shared/email/merge';
import { toVerdicts } from '../../../shared/check/eval';
import { DeskError } from '../../../shared/errors';
import { makeEml, makeMsg } from '../../support/mail-fixtures';
import { digits, fixtureBill, fixtureRequest, fixtureTruth, requestBody } from '../../support/request-bodies';
import { bombZip, lockZip, zipOf } from './fixtures';

afterAll(() => closeSharedOcrPool());

async function failure(p: Promise<unknown>): Promise<DeskError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(DeskError);
    return err as DeskError;
  }
  throw new Error('expected a DeskError');
}

const logo = () =>
  sharp({ create: { width: 120, height: 40, channels: 3, background: '#2255aa' } })
    .png()
    .toBuffer();

describe('email intake on the fixture bills', () => {
  it('an .eml: the request from the body, the bill read, and the body-vs-bill mismatch flagged', async () => {
    // The request's account number has one digit off the bill's. Its request names no PIN, so the
    // customer writes one here: PINs are never on a bill, so the verdicts stay the fixture's.
    const r = { ...fixtureRequest('fx-050'), pin: '822471' };
    const { expected } = fixtureTruth('fx-050');
    expect(expected.discrepancy).toBe('account-number-digit');
    const bill = fixtureBill('fx-050');
    const eml = await makeEml({
      fromName: 'Dana Whitfield',
      from: 'dana@haverford.example',
      // Sent on the request's day, so the bill's age is judged as the fixture's verdicts expect.
      date: new Date(`${r.asOf}T15:00:00Z`),
      ...requestBody(r, 'labelled'),
      attachments: [
        { filename: bill.name, content: bill.bytes },
        { filename: 'logo.png', content: await logo(), cid: 'logo@sig', contentDisposition: 'inline' },
      ],
    });
    const res = await intakeEmail(eml, { name: 'request.eml' });
    expect(res.mail.from).toEqual({ name: 'Dana Whitfield', address: 'dana@haverford.example' });
    expect(res.attachments.map((a) => [a.name, a.kind])).toEqual([
      [bill.name, 'bill'],
      ['logo.png', 'other'],
    ]);
    expect(res.chosen).toBe(0);
    expect(res.reading.request.accountNumber).toBe(r.accountNumber);
    expect(res.reading.request.pin).toBe('822471');
    expect(res.reading.request.asOf).toBe(r.asOf);
    expect(res.reading.sources.accountNumber).toContain(r.accountNumber);
    const checks = emailFieldChecks(res.bill!.extraction.fields, res.reading.request);
    expect(toVerdicts(checks)).toEqual(expected.verdicts);
  });

  it('an Outlook .msg forwarding the customer’s message, the bill inside a zip inside it', async () => {
    const r = fixtureRequest('fx-020');
    expect(fixtureTruth('fx-020').expected.discrepancy).toBe('btn-transposed');
    const bill = fixtureBill('fx-020');
    const msg = makeMsg({
      fromName: 'Bob Reseller',
      from: 'bob@reseller.example',
      text: 'Customer request attached.\n\nBob',
      forwarded: {
        fromName: 'Brian Brennan',
        from: 'brian@example.com',
        subject: 'Port my lines',
        ...requestBody(r, 'prose', 'Brian Brennan'),
        attachments: [
          { filename: 'bills.zip', content: await zipOf([{ name: bill.name, bytes: bill.bytes }]) },
        ],
      },
    });
    const res = await intakeEmail(msg, { name: 'fwd.msg' });
    expect(res.mail.format).toBe('msg');
    expect(res.attachments[res.chosen!]!.name).toBe(`Port my lines.msg › bills.zip › ${bill.name}`);
    expect(res.reading.request.authorized).toMatchObject({
      name: 'Brian Brennan',
      email: 'brian@example.com',
    });
    expect(res.reading.request.numbersToPort?.sort()).toEqual(r.numbersToPort.map(digits).sort());
    // The body's BTN has two digits transposed against the bill's.
    expect(toVerdicts(emailFieldChecks(res.bill!.extraction.fields, res.reading.request)).btn).toBe(
      'mismatch',
    );
  });

  it('the largest bill-like attachment is the bill; a forwarded .eml is opened too', async () => {
    const small = fixtureBill('fx-050');
    const big = fixtureBill('fx-001');
    expect(big.bytes.length).toBeGreaterThan(small.bytes.length);
    const r = fixtureRequest('fx-001');
    const inner = await makeEml({
      text: 'see attached',
      attachments: [{ filename: 'older.pdf', content: small.bytes }],
    });
    const eml = await makeEml({
      text: `Please port ${digits(r.numbersToPort[0]!)}. Account ${r.accountNumber}.`,
      attachments: [
        // Thunderbird and Gmail attach a forwarded message as an attachment (Apple Mail inline,
        // which mailparser opens itself).
        {
          filename: 'fwd.eml',
          content: inner,
          contentType: 'message/rfc822',
          contentDisposition: 'attachment',
        },
        { filename: 'bill.pdf', content: Buffer.concat([big.bytes]) },
      ],
    });
    const res = await intakeEmail(eml, { name: 'x.eml' });
    const names = res.attachments.map((a) => `${a.name}:${a.kind}`);
    expect(names).toContain('fwd.eml › older.pdf:bill');
    expect(res.attachments[res.chosen!]!.name).toBe('bill.pdf');
  });
});

describe('bad emails', () => {
  it('no attachment, a request in the body: a case from the body alone, with a warning', async () => {
    const eml = await makeEml({ text: 'Please port 212-555-0142 and 0143, PIN 4471.' });
    const res = await intakeEmail(eml, { name: 'a.eml' });
    expect(res.bill).toBeNull();
    expect(res.reading.request.numbersToPort).toEqual(['2125550142', '2125550143']);
    expect(res.warnings[0]).toMatch(/No bill: it has no attachment/);
  });

  it('no attachment and nothing in the body: a clear refusal', async () => {
    const e = await failure(intakeEmail(await makeEml({ text: 'Hi! Talk soon.' }), { name: 'a.eml' }));
    expect(e.code).toBe('BAD_INPUT_FILE');
    expect(e.message).toMatch(
      /Nothing to start a case from in a\.eml: it has no attachment, and its text names no number/,
    );
  });

  it('an only attachment that is not a bill is named, with what it is', async () => {
    const docx = await zipOf([{ name: 'word/document.xml', bytes: Buffer.from('<w:document/>') }]);
    const e = await failure(
      intakeEmail(
        await makeEml({ text: 'see attached', attachments: [{ filename: 'notes.docx', content: docx }] }),
        {
          name: 'a.eml',
        },
      ),
    );
    expect(e.message).toMatch(/only attachment notes\.docx › document\.xml .* is not a bill/);
  });

  it('a password-protected zip and a zip bomb are listed with the reason, never unpacked', async () => {
    const locked = lockZip(await zipOf([{ name: 'bill.pdf', bytes: Buffer.from('%PDF-1.4 secret') }]));
    const eml = await makeEml({
      text: 'Please port 212-555-0142.',
      attachments: [
        { filename: 'locked.zip', content: locked },
        { filename: 'bomb.zip', content: await bombZip() },
      ],
    });
    const res = await intakeEmail(eml, { name: 'a.eml' });
    expect(res.bill).toBeNull();
    expect(res.attachments.map((a) => a.note)).toEqual([
      expect.stringMatching(/locked\.zip is password-protected/),
      expect.stringMatching(/bomb\.zip looks like a zip bomb/),
    ]);
  });

  it('a truncated .eml, a damaged .msg, a cut .msg and a text file named .eml', async () => {
    const bill = Buffer.from('%PDF-1.4\n' + 'x'.repeat(5000));
    const eml = await makeEml({
      text: 'port 212-555-0142',
      attachments: [{ filename: 'b.pdf', content: bill }],
    });
    const cut = await failure(
      intakeEmail(eml.subarray(0, Math.floor(eml.length * 0.6)), { name: 'cut.eml' }),
    );
    expect(cut.message).toMatch(/cut\.eml is cut off/);
    const msg = makeMsg({ text: 'port 212-555-0142', attachments: [{ filename: 'b.pdf', content: bill }] });
    const half = await failure(
      intakeEmail(msg.subarray(0, Math.floor(msg.length / 2)), { name: 'half.msg' }),
    );
    expect(half.code).toBe('BAD_INPUT_FILE');
    expect(half.message).toMatch(/half\.msg is a damaged Outlook message/);
    const noise = Buffer.concat([msg.subarray(0, 8), Buffer.alloc(4096, 0x5a)]);
    expect((await failure(intakeEmail(noise, { name: 'noise.msg' }))).message).toMatch(
      /noise\.msg is a damaged Outlook message/,
    );
    const text = await failure(
      intakeEmail(Buffer.from('just some notes\nnothing else'), { name: 'notes.eml' }),
    );
    expect(text.message).toMatch(/notes\.eml is not an email message/);
    const renamed = await failure(intakeEmail(eml, { name: 'mail.msg' }));
    expect(renamed.message).toMatch(/mail\.msg is not an Outlook message/);
  });

  it('an attachment over the bill limit is listed as such; an email over the email limit is refused', async () => {
    const huge = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(LIMITS.maxBytes + 1)]);
    const un = await unpackMail({
      format: 'eml',
      from: null,
      subject: '',
      date: null,
      text: '',
      files: [{ name: 'scan.pdf', mime: 'application/pdf', bytes: huge, inline: false }],
    });
    expect(un.attachments[0]).toMatchObject({
      kind: 'other',
      note: expect.stringMatching(/over the 50 MB bill limit/),
    });
    const big = await failure(parseMail(Buffer.alloc(EMAIL_LIMITS.maxBytes + 1, 0x41), 'big.eml'));
    expect(big.code).toBe('LIMIT_EXCEEDED');
  });

  it('messages forwarded inside each other past the depth bound are not opened', async () => {
    let m = await makeEml({
      text: 'innermost',
      attachments: [{ filename: 'b.pdf', content: Buffer.from('%PDF-1.4 x') }],
    });
    for (let i = 0; i < 4; i++)
      m = await makeEml({
        text: `level ${i}`,
        attachments: [
          {
            filename: `l${i}.eml`,
            content: m,
            contentType: 'message/rfc822',
            contentDisposition: 'attachment',
          },
        ],
      });
    const mail = await parseMail(m, 'deep.eml');
    const un = await unpackMail(mail);
    expect(un.attachments.some((a) => a.note?.includes('forwarded too many times'))).toBe(true);
    expect(un.attachments.some((a) => a.name.endsWith('b.pdf'))).toBe(false);
  });

  it('an HTML body with scripts: the request is read, the script never', async () => {
    const eml = await makeEml({
      html: '<p>Please port 212-555-0142.</p><script>document.body.innerText="port 212-555-0111"</script><img src="x" onerror="alert(1)">',
    });
    const res = await intakeEmail(eml, { name: 'h.eml' });
    expect(res.reading.request.numbersToPort).toEqual(['2125550142']);
  });
});
