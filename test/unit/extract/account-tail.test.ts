// An account number read from a comb without its leading zeros is no line of the account
// (make-bills plover-telephone, seed 11525 bill fr-012, a scan: the header comb's zeros read
// "DB0'0", the rest "8168915514"; the stub's comb read the whole account).
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { accountTailsOut } from '../../../shared/extract/account-tail';
import type { LWord } from '../../../shared/extract/layout';
import { wordDump } from './word-dumps';

const word = (text: string): LWord => ({
  text,
  x0: 0,
  y0: 0,
  x1: 10,
  y1: 10,
  conf: 0.9,
  page: 1,
  ocr: true,
  box: { page: 1, x0: 0, y0: 0, x1: 10, y1: 10 },
});

describe('an account number cut short', () => {
  it('is not taken as a number on the account (Plover scan)', () => {
    const x = extractBill(wordDump('plover-scan-account-tail')).fields;
    expect(x.accountNumber).toBe('0008168915514');
    expect(x.numbers).not.toContain('8168915514');
    expect(x.numbers).toEqual(
      expect.arrayContaining([
        '4025550154',
        '4025550157',
        '4025550125',
        '4025550126',
        '4025550115',
        '4025550177',
      ]),
    );
  });

  it('keeps the BTN and a number printed as a number, whatever the account ends with', () => {
    const fields = { accountNumber: '0004025550154', btn: '4025550154' };
    const bare = { number: '4025550154', words: [word('4025550154')] };
    expect(accountTailsOut([bare], fields)).toEqual([bare]);
    const printed = { number: '8168915514', words: [word('816-891-5514')] };
    const cut = { number: '8168915514', words: [word('8168915514')] };
    expect(accountTailsOut([printed], { accountNumber: '0008168915514' })).toEqual([printed]);
    expect(accountTailsOut([cut], { accountNumber: '0008168915514' })).toEqual([]);
  });
});
