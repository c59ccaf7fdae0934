// Structures a customer's own hands give a bill, read through the whole intake from committed
// text PDFs (test/fixtures/structures, make-bills --marks / --two-months): the customer's marks
// flattened into the page (a handwritten note with their own number, a PAID stamp with the day
// they paid), and two monthly statements printed together in either order.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { findPhones } from '../../../shared/extract';

const DIR = path.resolve(__dirname, '../../fixtures/structures');
interface Rec {
  id: string;
  truth: { accountNumber: string; btn: string; billDate: string; numbers: string[] };
  notes: {
    marks?: { kinds: string[]; notePhone?: string; stampDate?: string };
    twoMonths?: { olderBillDate: string; newerFirst: boolean; droppedLine?: string };
  };
}
const recOf = (id: string) =>
  JSON.parse(fs.readFileSync(path.join(DIR, 'truth', `${id}.json`), 'utf8')) as Rec;
const pdfOf = (id: string) => new Uint8Array(fs.readFileSync(path.join(DIR, `${id}.pdf`)));
const alnum = (s: string | null | undefined) => (s ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');

describe('a bill the customer marked', () => {
  it('reads every field and number: the note’s number is not the account’s, the stamp’s date not the bill’s', async () => {
    for (const id of ['bx-001', 'bx-002', 'bx-003']) {
      const t = recOf(id);
      const res = await intakeBill(pdfOf(id), { name: `${id}.pdf` });
      const f = res.extraction.fields;
      const words = res.pages.flatMap((p) => p.words.map((w) => w.text)).join(' ');
      // the note is in the text layer, its number with it
      const phone = t.notes.marks!.notePhone!;
      expect(
        findPhones(words).map((p) => p.number),
        id,
      ).toContain(phone);
      expect(f.numbers, id).not.toContain(phone);
      expect(new Set(f.numbers), id).toEqual(new Set(t.truth.numbers));
      expect(f.billDate, id).toBe(t.truth.billDate);
      if (t.notes.marks!.stampDate) expect(f.billDate, id).not.toBe(t.notes.marks!.stampDate);
      expect(alnum(f.accountNumber), id).toBe(alnum(t.truth.accountNumber));
      expect(f.btn, id).toBe(t.truth.btn);
    }
  });
});

describe('two monthly statements in one PDF', () => {
  it('reads the newer statement, first or last: its date, and not a line cancelled since', async () => {
    const orders = new Set<boolean>();
    for (const id of ['bj-001', 'bj-002', 'bj-003']) {
      const t = recOf(id);
      const m = t.notes.twoMonths!;
      orders.add(m.newerFirst);
      const res = await intakeBill(pdfOf(id), { name: `${id}.pdf` });
      const f = res.extraction.fields;
      expect(f.billDate, id).toBe(t.truth.billDate);
      expect(f.billDate, id).not.toBe(m.olderBillDate);
      expect(new Set(f.numbers), id).toEqual(new Set(t.truth.numbers));
      if (m.droppedLine) expect(f.numbers, id).not.toContain(m.droppedLine);
      expect(alnum(f.accountNumber), id).toBe(alnum(t.truth.accountNumber));
    }
    // both orders are in the set
    expect(orders.size).toBe(2);
  });
});
