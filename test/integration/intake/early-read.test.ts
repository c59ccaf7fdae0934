// One-shot intake begins reading the bill before it loads the extractor (cli/intake.ts): the
// words it began reading are the ones intake extracts from, and a command that fails on its
// request first reports that failure alone.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { readForIntake } from '../../../electron/desk/intake/pipeline';
import { runDesk } from '../../support/desk-cli';
import { BILL, tempDir, textBillPdf } from './fixtures';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a bill read before intake is called', () => {
  it('is extracted from the words already being read, not read again', async () => {
    const pdf = await textBillPdf();
    const words = readForIntake(pdf.slice(), { name: 'bill.pdf' });
    // The path names no file: only the words begun above can give these fields.
    const early = await intakeBill(path.join(dir, 'gone.pdf'), { name: 'bill.pdf', words });
    const plain = await intakeBill(pdf.slice(), { name: 'bill.pdf' });
    expect(early.extraction.fields.accountNumber).toBe(BILL.accountNumber);
    expect(early.extraction.fields).toEqual(plain.extraction.fields);
  });

  it('leaves a bad request the only error of the command', async () => {
    const r = await runDesk([
      'intake',
      path.join(dir, 'missing.jpg'),
      '--request',
      path.join(dir, 'missing.json'),
      '--json',
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`error: request file ${path.join(dir, 'missing.json')} cannot be read\n`);
  });
});
