// An account number whose labelled reading OCR was unsure of, put right from a copy the bill
// prints in its running text ("Please use your new account number 109384683 for payments"),
// where no label names it and so the label reader never sees it. The copy must have been read
// surely, and differ from the labelled reading only in characters OCR was unsure of there.
import type { Picked } from './fields';
import type { Doc, LWord } from './layout';
import { validNanp } from './shapes';

/** A word read below this is unsure: its characters may be another's. */
const UNSURE = 0.7;
/** A copy must be read at least this surely to correct anything. */
const SURE = 0.9;
/** At most this many characters may be put right. */
const MAX_FIXES = 2;

const keyOf = (s: string): string => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * The labelled account number with its unsure characters taken from a sure copy elsewhere on the
 * bill, or as it was. Only OCR'd readings are touched, and only when every such copy agrees. A
 * phone number is never taken for a copy: the BTN is often one digit from the account's lines.
 */
export function accountFromSureCopy(doc: Doc, p: Picked<string>): Picked<string> {
  if (!p.words.some((w) => w.ocr && w.conf < UNSURE)) return p;
  const key = keyOf(p.value);
  // each character of the reading, and whether the word it came from was read unsurely
  const unsure: boolean[] = [];
  for (const w of p.words) for (const _ of keyOf(w.text)) unsure.push(w.conf < UNSURE);
  if (unsure.length !== key.length || key.length < 6) return p;
  const own = new Set<LWord>(p.words);
  const copies = new Map<string, string>();
  for (const line of doc.lines)
    for (const w of line.words) {
      if (own.has(w) || !w.ocr || w.conf < SURE) continue;
      const text = w.text.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
      const k = keyOf(text);
      if (k.length !== key.length || k === key || !/\d/.test(k)) continue;
      if (/^1?\d{10}$/.test(k) && validNanp(k.slice(-10))) continue;
      let fixes = 0;
      let fits = true;
      for (let i = 0; i < k.length && fits; i++)
        if (k[i] !== key[i]) {
          fixes++;
          fits = unsure[i]!;
        }
      if (fits && fixes <= MAX_FIXES) copies.set(k, text);
    }
  if (copies.size !== 1) return p;
  const [text] = [...copies.values()];
  return { ...p, value: text! };
}
