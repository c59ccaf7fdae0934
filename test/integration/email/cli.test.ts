// `desk intake <message.eml|message.msg> [--request r.json] --json`, as the scorer runs it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDesk } from '../../support/desk-cli';
import { makeEml, makeMsg } from '../../support/mail-fixtures';
import { fixtureBill, fixtureRequest, fixtureTruth, requestBody } from '../../support/request-bodies';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'email-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const desk = (args: string[]) => runDesk(args, { env: { PORTING_DESK_DATA: path.join(dir, 'no-store') } });

describe('desk intake on an email', () => {
  it('prints fields, checks, email, request and attachments for an .eml and the same for a .msg', async () => {
    const r = fixtureRequest('fx-038'); // a scan; the request's suite number differs from the bill's
    expect(fixtureTruth('fx-038').expected.discrepancy).toBe('suite-number');
    const bill = fixtureBill('fx-038');
    const spec = {
      fromName: 'Dana Whitfield',
      from: 'dana@customer.example',
      subject: 'Port request',
      date: new Date(`${r.asOf}T15:00:00Z`),
      ...requestBody(r, 'short-forms'),
    };
    const eml = path.join(dir, 'request.eml');
    fs.writeFileSync(
      eml,
      await makeEml({ ...spec, attachments: [{ filename: 'bill.pdf', content: bill.bytes }] }),
    );
    const msg = path.join(dir, 'request.msg');
    fs.writeFileSync(msg, makeMsg({ ...spec, attachments: [{ filename: 'bill.pdf', content: bill.bytes }] }));
    const outs = [];
    for (const f of [eml, msg]) {
      const res = await desk(['intake', f, '--json']);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      expect(res.stdout.trim().split('\n')).toHaveLength(1);
      outs.push(JSON.parse(res.stdout));
    }
    const [a, b] = outs;
    expect(a).toEqual(b);
    expect(Object.keys(a).sort()).toEqual([
      'attachments',
      'checks',
      'email',
      'fields',
      'request',
      'warnings',
    ]);
    expect(a.email).toEqual({
      from: 'Dana Whitfield <dana@customer.example>',
      subject: 'Port request',
      date: `${r.asOf}T15:00:00.000Z`,
    });
    expect(a.attachments).toEqual([{ name: 'bill.pdf', kind: 'bill', chosen: true }]);
    expect(a.request.accountNumber).toBe(r.accountNumber);
    // The address as the body wrote it, suite number and all, not the bill's.
    expect(a.request.serviceAddress).toEqual(r.serviceAddress);
    expect(a.checks.serviceAddress).toBe('mismatch');
    expect(a.fields.accountNumber).toBeTruthy();

    // --request wins where both give a field: the file's address is the bill's.
    const fileReq = path.join(dir, 'r.json');
    fs.writeFileSync(fileReq, JSON.stringify({ ...r, serviceAddress: a.fields.serviceAddress }));
    const withFile = JSON.parse((await desk(['intake', eml, '--request', fileReq, '--json'])).stdout);
    expect(withFile.checks.serviceAddress).toBe('match');
    expect(withFile.request).toEqual(a.request); // `request` is what the body gave
  });

  it('a bad email exits 1 with one line on stderr and nothing on stdout', async () => {
    const f = path.join(dir, 'empty.eml');
    fs.writeFileSync(f, await makeEml({ text: 'Hello!' }));
    const res = await desk(['intake', f, '--json']);
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/^error: Nothing to start a case from in empty\.eml/);
  });
});
