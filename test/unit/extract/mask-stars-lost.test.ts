// A Sorrel bill faxed (make-bills seed 11016, fd-012; its coupon's header and page 2's running
// header, as OCR read them): the coupon prints "Account No. ****6557", and the fax's threshold
// wiped the stars, leaving "6557" beside the label. Page 2 still shows the mask. The four digits
// were taken as the account number, a false account the agent would have ported on.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { wordDump } from './word-dumps';

const pages = wordDump('sorrel-fax-mask-stars-lost');

describe('a mask whose stars a fax wiped', () => {
  it('is the mask the bill shows elsewhere, not a four-digit account', () => {
    const x = extractBill(pages);
    expect(x.fields.accountNumber).toBeNull();
    expect(x.meta.accountNumber?.doubts?.[0]?.note).toMatch(/only masked \(“\*{4}6557”\)/);
  });
});
