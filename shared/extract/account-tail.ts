// A comb's account number that OCR read without its leading zeros. A form printed one digit per
// box puts the account's zeros first (`0008168915514`); tesseract read the boxed zeros as
// "DB0'0" at no confidence and the rest as one ten-digit word, "8168915514", which is phone-
// shaped and was taken as a line of the account. The account, read from another copy, ends with
// those ten digits: that word is the account cut short, not a number on the account.
import type { LWord } from './layout';

/** The picked numbers without those printed bare as the tail of a longer account number. */
export function accountTailsOut<T extends { number: string; words: LWord[] }>(
  picked: T[],
  fields: { accountNumber?: string | null; btn?: string | null },
): T[] {
  const acct = (fields.accountNumber ?? '').replace(/\D/g, '');
  if (acct.length <= 10) return picked;
  return picked.filter(
    (p) =>
      p.number === fields.btn ||
      !acct.endsWith(p.number) ||
      // only a bare run of digits: a number printed as one (`816-891-5514`) is printed as a number
      !p.words.length ||
      !p.words.every((w) => /^\d{10}$/.test(w.text)),
  );
}
