// `desk packet` through the real CLI entry: a stored case by id, and the one-shot request + bill.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { main } from '../../../electron/cli';
import { openDesk } from '../../../electron/desk/service';
import { sampleInput, makeBillPdf, pdfText } from './fixtures';

let tmp: string;
let prevData: string | undefined;

async function runCli(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'packet-cli-'));
  prevData = process.env.PORTING_DESK_DATA;
  process.env.PORTING_DESK_DATA = path.join(tmp, 'data');
});
afterAll(() => {
  if (prevData === undefined) delete process.env.PORTING_DESK_DATA;
  else process.env.PORTING_DESK_DATA = prevData;
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('desk packet', () => {
  it('exports a stored case by id', async () => {
    const desk = await openDesk({ dataDir: process.env.PORTING_DESK_DATA! });
    const { id: _id, status: _s, ...input } = sampleInput().kase;
    const c = await desk.deps.store.createCase(input, 'test');
    await desk.close();
    const r = await runCli([
      'packet',
      String(c.id),
      '--out',
      path.join(tmp, 'out1'),
      '--sign',
      'Zoë Martínez',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Case #${c.id} is now port submitted.`);
    expect(r.out).toMatch(/Zip: {3}.*case-\d+\.zip/);
  });

  it('one shot: request.json + bill, no stored case', async () => {
    const req = {
      accountName: 'Cafe Zoe Bakery',
      accountNumber: '8835-2201-77',
      btn: '212-555-0100',
      serviceAddress: {
        line1: '1200 Broadway Ste 210',
        line2: null,
        city: 'New York',
        state: 'NY',
        zip: '10001',
      },
      numbersToPort: ['212-555-0100', '(212) 555-0101'],
      asOf: '2026-11-20',
      requestedFocDate: '2026-12-02',
      accountType: 'business',
    };
    const reqFile = path.join(tmp, 'request.json');
    const billFile = path.join(tmp, 'bill.pdf');
    fs.writeFileSync(reqFile, JSON.stringify(req));
    fs.writeFileSync(billFile, await makeBillPdf(2));
    const out = path.join(tmp, 'out2');

    const missing = await runCli(['packet', '--request', reqFile, '--bill', billFile, '--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(
      'error: The request is missing: Authorized person name is required (--signer); ' +
        'New BTN is required: the BTN is ported while other numbers stay on the account (--new-btn).\n',
    );
    expect(fs.existsSync(out)).toBe(false);

    const r = await runCli([
      'packet',
      '--request',
      reqFile,
      '--bill',
      billFile,
      '--out',
      out,
      '--signer',
      'Zoe Martinez',
      '--signer-title',
      'Owner',
      '--new-btn',
      '212-555-0102',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const dir = path.join(out, 'Cafe-Zoe-Bakery-2125550100-request');
    const loa = (await pdfText(fs.readFileSync(path.join(dir, 'loa-unsigned.pdf')))).join('\n');
    // The bill lists 0102 and 0103 too: Attachment A names them as not ported.
    for (const n of ['(212) 555-0100', '(212) 555-0101', '(212) 555-0102', '(212) 555-0103'])
      expect(loa).toContain(n);
    // (Count not asserted: the extractor also reads the 10-digit account number as a phone line.)
    expect(loa).toMatch(/Numbers not to port \(\d+\)/);
    expect(loa).toContain('take the new BTN (212) 555-0102');
  });

  it('usage errors are one clear line', async () => {
    expect((await runCli(['packet', '7'])).err).toMatch(/^error: Missing --out <dir>/);
    expect((await runCli(['packet', '--request', 'x.json', '--out', tmp])).err).toBe(
      'error: A one-shot packet needs both --request and --bill.\n',
    );
  });
});
