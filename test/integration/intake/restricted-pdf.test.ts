// Carriers often send bills "secured": encrypted with an owner password that forbids copying,
// editing or printing, and no password to open. Any PDF viewer opens them, so the desk must read
// them too, not refuse them as password-protected. Two committed business bills restricted with
// qpdf (AES-256, and the older RC4 128-bit), read against their original's truth.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { alnum, truthOf } from '../../support/business-fixtures';

const DIR = path.join(__dirname, '../../fixtures/regressions');

describe('a bill restricted by an owner password, with none to open it', () => {
  it.each([
    ['restricted-aes256-bo-001.pdf', 'bo-001'],
    ['restricted-rc4-bh-003.pdf', 'bh-003'],
  ])('reads %s as the unrestricted bill', async (file, id) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(DIR, file)));
    // it is encrypted: the trailer names its /Encrypt dictionary
    expect(Buffer.from(bytes).toString('latin1')).toContain('/Encrypt');
    const t = truthOf(id);
    const f = (await intakeBill(bytes, { name: file })).extraction.fields;
    expect(alnum(f.accountNumber)).toBe(alnum(t.truth.accountNumber));
    expect(f.btn).toBe(t.truth.btn);
    expect(f.billDate).toBe(t.truth.billDate);
    expect(alnum(f.accountName)).toBe(alnum(t.truth.accountName));
    expect(new Set(f.numbers)).toEqual(new Set(t.truth.numbers));
  });
});
