// Phone numbers as customers list them in an email: any format ("(212) 555-0142", "212.555.0142",
// "+1 212 555 0142"), short forms that lean on the number before them ("212-555-0142 and 0143",
// "555-0144"), and ranges ("212-555-0142–0149", "0142 through 0149").
import { analyzePhone } from '../normalize/phone';

export interface PhoneToken {
  /** Ten digits. */
  digits: string;
  index: number;
  end: number;
  /** Part of a range written as two ends: every number of the range is a token of its own. */
  range?: true;
}

/** Most numbers one written range may stand for; a longer "range" is a typo or not a range. */
export const MAX_RANGE = 1000;

const FULL = /(?<![\w.+-])(?:\+?1[ .-]?)?(?:\(\d{3}\)[ ]?|\d{3}[ .-]?)\d{3}[ .-]?\d{4}(?!\d)/y;
// Short forms are read only right after a listed number (see LIST_GAP and RANGE_GAP).
const SEVEN = /(?<![\w.+])\d{3}[ .-]\d{4}(?!\d)/y;
const FOUR = /(?<![\w.+])\d{4}(?!\d)/y;

const LIST_GAP = /^\s*(?:,|&|\/|\band\b|\bor\b|\bplus\b)?\s*(?:,|&|\band\b)?\s*$/i;
const RANGE_GAP = /^\s*(?:-|–|—|\bto\b|\bthrough\b|\bthru\b|\buntil\b)\s*$/i;

const usable = (d: string) => {
  const info = analyzePhone(d);
  return info.digits !== null && (info.valid || info.fictitious);
};

/**
 * The phone numbers in `text`, in order. `skip` marks spans that hold something else (an account
 * number, a PIN, a date) so their digits are never read as a phone number.
 */
export function findPhoneTokens(text: string, skip: [number, number][] = []): PhoneToken[] {
  const out: PhoneToken[] = [];
  let prev: PhoneToken | null = null;
  const skipped = (a: number, b: number) => skip.some(([s, e]) => a < e && b > s);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    if (!digit && text[i] !== '(' && text[i] !== '+' && text[i] !== '-') continue;
    FULL.lastIndex = i;
    const full = FULL.exec(text);
    if (full && !skipped(i, i + full[0].length)) {
      const digits = full[0].replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
      if (digits.length === 10 && usable(digits)) {
        const tok: PhoneToken = { digits, index: i, end: i + full[0].length };
        if (!expandRange(text, prev, tok, out)) out.push(tok);
        prev = tok;
        i = tok.end - 1;
        continue;
      }
    }
    if (!prev) continue;
    // "0142-0149": the dash right after a number opens a range; read the short form after it.
    const j = text[i] === '-' ? i + 1 : i;
    const gap = text.slice(prev.end, j);
    if (gap.length > 12 || !(LIST_GAP.test(gap) || RANGE_GAP.test(gap))) continue;
    for (const [re, keep] of [
      [SEVEN, 3],
      [FOUR, 6],
    ] as const) {
      re.lastIndex = j;
      const m = re.exec(text);
      if (!m || skipped(j, j + m[0].length)) continue;
      const digits = prev.digits.slice(0, keep) + m[0].replace(/\D/g, '');
      if (!usable(digits)) continue;
      const tok: PhoneToken = { digits, index: j, end: j + m[0].length };
      if (!expandRange(text, prev, tok, out)) out.push(tok);
      prev = tok;
      i = tok.end - 1;
      break;
    }
  }
  return out;
}

/** When `tok` closes a range opened by `prev`, pushes the numbers between them and tok; true if so. */
function expandRange(text: string, prev: PhoneToken | null, tok: PhoneToken, out: PhoneToken[]): boolean {
  if (!prev) return false;
  const gap = text.slice(prev.end, tok.index);
  if (!RANGE_GAP.test(gap)) return false;
  // A dash between two full numbers is a list in some clients' signatures; only same-exchange
  // numbers in ascending order within MAX_RANGE are read as a range.
  const a = Number(prev.digits);
  const b = Number(tok.digits);
  if (prev.digits.slice(0, 6) !== tok.digits.slice(0, 6) || b <= a || b - a >= MAX_RANGE) return false;
  prev.range = true;
  for (let n = a + 1; n < b; n++) {
    const digits = String(n).padStart(10, '0');
    out.push({ digits, index: prev.end, end: tok.index, range: true });
  }
  out.push({ ...tok, range: true });
  return true;
}
