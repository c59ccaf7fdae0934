// A carrier that shows the account number only masked, everywhere ("XXXX-XXXX-3209", "Account
// ending in 4821"), beside an Invoice No. and an invoice scan line, and opens some bills with a
// payment coupon page whose scan line is the only place the account's digits stand (Sorrel, the
// committed bl-*). No masked value, invoice or scan line may stand in for the account number; when
// there is none to read the check says why, and the agent asks the customer.
import { describe, expect, it } from 'vitest';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { evalChecks } from '../../../shared/check/eval';
import { alnum, pdfOf, requestOf, truthOf } from '../../support/business-fixtures';

describe('a bill that shows the account only masked', () => {
  it.each(['bl-001', 'bl-002', 'bl-003'])(
    'reads %s: every field, and no account it does not print',
    async (id) => {
      const t = truthOf(id);
      const res = await intakeBill(pdfOf(id), { name: `${id}.pdf` });
      const f = res.extraction.fields;
      const want = t.truth.accountNumber;
      if (want == null) {
        expect(f.accountNumber).toBeNull();
        const notes = (res.extraction.meta.accountNumber?.doubts ?? []).map((d) => d.note).join(' ');
        expect(notes).toMatch(/only masked .*ask the customer for the full number/);
      } else {
        expect(alnum(f.accountNumber)).toBe(alnum(want));
      }
      expect(f.btn).toBe(t.truth.btn);
      expect(f.billDate).toBe(t.truth.billDate);
      expect(alnum(f.accountName)).toBe(alnum(t.truth.accountName));
      expect(f.serviceAddress?.line2).toBe(t.truth.serviceAddress.line2);
      expect(f.serviceAddress?.zip.slice(0, 5)).toBe(t.truth.serviceAddress.zip.slice(0, 5));
      expect(new Set(f.numbers)).toEqual(new Set(t.truth.numbers));
      expect(evalChecks(f, requestOf(id))).toEqual(t.expected.verdicts);
    },
  );
});
