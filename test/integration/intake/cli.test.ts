// `desk intake` as the scorer runs it: one JSON object on stdout, errors as one line on stderr.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDesk } from '../../support/desk-cli';
import { BILL, tempDir, textBillPdf, zipBytes } from './fixtures';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// A data dir that does not exist: one-shot intake must not open (or create) the case store.
const desk = (args: string[]) => runDesk(args, { env: { PORTING_DESK_DATA: path.join(dir, 'no-store') } });

describe('desk intake', () => {
  it('prints exactly one JSON object with fields and checks', async () => {
    const bill = path.join(dir, 'bill.pdf');
    fs.writeFileSync(bill, await textBillPdf());
    const req = path.join(dir, 'request.json');
    fs.writeFileSync(
      req,
      JSON.stringify({
        accountName: BILL.accountName,
        accountNumber: BILL.accountNumber,
        btn: '603-555-0142',
        serviceAddress: { line1: BILL.line1, line2: null, city: 'Concord', state: 'NH', zip: '03301' },
        numbersToPort: ['6035550142'],
        asOf: '2025-03-10',
        requestedFocDate: '2025-03-20',
        accountType: 'business',
      }),
    );
    const r = await desk(['intake', bill, '--request', req, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(r.stdout) as {
      fields: Record<string, unknown>;
      checks: Record<string, string>;
      warnings?: string[];
    };
    // nothing to warn of on a clean text bill: no key at all
    expect(out.warnings).toBeUndefined();
    expect(Object.keys(out.fields).sort()).toEqual([
      'accountName',
      'accountNumber',
      'billDate',
      'btn',
      'carrier',
      'fieldDoubts',
      'fieldSources',
      'numbers',
      'serviceAddress',
    ]);
    // nothing learned on this desk: every field came from the reader
    expect(Object.values(out.fields.fieldSources as Record<string, string>).every((s) => s === 'read')).toBe(
      true,
    );
    // a clean text bill read beside its labels: nothing for the agent to check
    expect(out.fields.fieldDoubts).toEqual({});
    expect(out.fields.billDate).toBe('2025-03-04');
    expect(out.checks.accountNumber).toBe('match');
    expect(out.checks.billAge).toBe('ok');
    expect(fs.existsSync(path.join(dir, 'no-store'))).toBe(false);

    const batch = await desk(['intake', bill, bill, '--jsonl']);
    expect(batch.code).toBe(0);
    const lines = batch.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string });
    expect(lines.map((l) => l.file)).toEqual([bill, bill]);
  });

  it('fails with one line on stderr and no stack trace', async () => {
    const bad = path.join(dir, 'bill.pdf.zip.pdf');
    fs.writeFileSync(bad, zipBytes());
    const r = await desk(['intake', bad, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^error: bill\.pdf\.zip\.pdf is a .*, not a bill \(it was named \.pdf\); send a PDF, JPEG, PNG, TIFF or HEIC\n$/,
    );
    const missing = await desk(['intake', '--json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: no bill file given/);
  });

  it('says what to check, per field that has something: an account number picked over a Customer ID', async () => {
    const r = await desk(['intake', path.resolve('test/fixtures/business/bh-001.pdf'), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      fields: { fieldDoubts: Record<string, { kind: string; note: string }[]> };
    };
    expect(Object.keys(out.fields.fieldDoubts)).toEqual(['accountNumber']);
    expect(out.fields.fieldDoubts.accountNumber).toEqual([
      {
        kind: 'layout',
        note: 'Two account numbers on this bill; picked the one labelled “Account Number” over 3834637 (“Customer ID”) — check',
      },
    ]);
  });

  it('prints what the reading warns of: a PDF whose text is glyph ids was read as a picture', async () => {
    const bill = path.join(__dirname, '../../fixtures/regressions/redwood-cid-11368-cd007.pdf');
    const r = await desk(['intake', bill, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { fields: { btn: string }; warnings?: string[] };
    expect(out.fields.btn).toBe('5095550122');
    expect(out.warnings).toEqual([expect.stringMatching(/cannot be copied as characters/)]);
  }, 60_000);
});
