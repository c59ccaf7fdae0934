// DID ranges: a block of consecutive numbers printed as its two ends ("312-555-0100 to 0149",
// "312.555.0150 thru 312.555.0159", "(312) 555-0120 – 555-0139 [20]"). Every number of the
// block is on the account, so a reader expands the range.
import { placesApart, repairDigits } from './shapes';

/** A block longer than this is more likely a misread than a range of numbers. */
const MAX_BLOCK = 1000;

// the first number, the joiner (OCR reads "–" as "-", "—" or "~", and "thru" as "thm"; a word
// joiner may keep the dash of the short form after it: "thru -0147"), then the last number in
// full, without its area code, or as its last four digits
const RANGE =
  /^(?:\+?1[\s.-]{0,2})?\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}\s*(?:-|–|—|~|(?:to|t0|thru|thm|thr|tru|through)\s*[-–]?)\s*(?:\(?(\d{3})\)?[\s.-]*)?(?:(\d{3})[\s.-]*)?(\d{4})(?!\d)/i;
// the count some bills print after a range: "[20]", "(20)", "(20 numbers)"
const COUNT = /^\s*[[(]\s*(\d{1,4})\s*(?:numbers?|nos?\.?|tns?|dids?|lines?)?\s*[\])]/i;
// a range whose joiner the scan lost ("(775) 555-0109 555-0138 [30]"): only with its exchange
// repeated and a count that vouches for it
const RANGE_NO_JOINER =
  /^(?:\+?1[\s.-]{0,2})?\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}\s+(?:\(?(\d{3})\)?[\s.-]*)?(\d{3})[\s.-]*(\d{4})(?!\d)/;

/**
 * The numbers after `first` in a range that `text` (starting at the first number) prints, or []
 * when the text is no range. A printed count that disagrees with the ends by one slipped digit
 * of the last number is believed over that digit.
 */
export function expandRange(
  text0: string,
  first: string,
  prefer?: (a: string, b: string) => string,
): string[] {
  // (a phone match may start at the space before its area code)
  const text = text0.trimStart();
  const t = repairDigits(text);
  const m = RANGE.exec(t) ?? RANGE_NO_JOINER.exec(t);
  if (!m) return [];
  const joined = RANGE.test(t);
  // "555-0139" after the joiner is the exchange and the line, not the area code and the line
  const groups = [m[1], m[2]].filter((g): g is string => !!g);
  const npa = groups.length === 2 ? groups[0] : null;
  const nxx = groups.length === 2 ? groups[1] : groups[0];
  // (OCR slips a digit of one end's exchange: "(303) 565-0144 555-0157 [14]". The block lies in
  // the exchange the bill's other numbers use; `prefer` names it, for OCR'd words only)
  const head = (npa ?? first.slice(0, 3)) + (nxx ?? first.slice(3, 6));
  let start = first;
  if (head !== first.slice(0, 6)) {
    if (!prefer || !oneDigitApart(head, first.slice(0, 6))) return [];
    start = prefer(first.slice(0, 6), head) + first.slice(6);
  }
  const a = Number(first.slice(6));
  let b = Number(m[3]);
  // the count read from the text as printed: look-alike repair would make "[20]" digits
  const c = COUNT.exec(text.slice(m.index + m[0].length));
  if (c) {
    const byCount = a + Number(c[1]) - 1;
    if (byCount !== b && byCount > a && byCount <= 9999 && oneDigitApart(byCount, b)) {
      // one slip at a time: a count that mends the last number cannot vouch for a slipped exchange
      if (start !== first) return [];
      b = byCount;
    } else if (!joined && byCount !== b) return [];
  } else if (!joined) return [];
  // a block moved to the other end's exchange starts with the first number, moved too
  return start === first ? block(first, b) : [start, ...block(start, b)];
}

/**
 * Whether `text` (starting at a range's first number) prints a count after the range that
 * counts its `size` numbers exactly ("970-555-0160 - 0169 (10 numbers)"): a billing system's
 * own tally, which no phone number in prose or a contact line carries.
 */
export function countVouches(text0: string, size: number): boolean {
  const text = text0.trimStart();
  const m = RANGE.exec(repairDigits(text));
  const c = m && COUNT.exec(text.slice(m.index + m[0].length));
  return !!c && Number(c[1]) === size;
}

function oneDigitApart(x: number | string, y: number | string): boolean {
  const p = String(x).padStart(4, '0');
  const q = String(y).padStart(4, '0');
  return placesApart(p, q) === 1;
}

/** The numbers after `first` up to line number `last` of its exchange. */
function block(first: string, last: number): string[] {
  const a = Number(first.slice(6));
  if (!(last > a) || last - a > MAX_BLOCK) return [];
  const out: string[] = [];
  for (let n = a + 1; n <= last; n++) out.push(first.slice(0, 6) + String(n).padStart(4, '0'));
  return out;
}

/**
 * A range laid out as a table row ("First number | Last number | Qty"): two numbers of one
 * exchange, in order, beside a quantity that counts the block exactly.
 */
export function rowRange(first: string, last: string, cells: string[]): string[] {
  if (first.slice(0, 6) !== last.slice(0, 6)) return [];
  const a = Number(first.slice(6));
  const b = Number(last.slice(6));
  if (!(b > a + 1)) return [];
  const n = String(b - a + 1);
  return cells.some((x) => x.trim() === n) ? block(first, b) : [];
}

// numbers that share all but their last digits, printed once in full and then by their tails:
// "312-555-0140/41/42" (last two digits) or "(312) 555-0140/0141/0147" (last four); a scan may
// read the slash as "|" or "\"
// A list may also give the further tails after a comma, "&" or "and", in four digits only
// ("970-555-0143, -0144, -0145", "970-555-0143 & 0144"): two digits there are a count or a day,
// and four before more words are a street number ("970-555-0143, 1200 Main St").
const SHORTHAND =
  /^(?:\+?1[\s.-]{0,2})?\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}((?:\s?\/\s?(?:\d{4}|\d{2})(?!\d))+|(?:\s*(?:,|&|\band\b)\s*-?\s?\d{4}(?=\s*(?:$|[,;&)]|\band\b)))+)/;

/**
 * The further numbers of a slash shorthand that `text` (starting at the first number) prints,
 * or [] when it is none. Every tail has the length of the first tail, as billing systems print
 * them: a mix of two and four digits is some other text (a date, a count).
 */
export function expandShorthand(text0: string, first: string): string[] {
  // (the bars go before look-alike repair, which reads a bar between digits as a 1)
  const m = SHORTHAND.exec(repairDigits(text0.trimStart().replace(/(?<=\d)\s?[|\\]\s?(?=\d)/g, '/')));
  if (!m) return [];
  const tails = m[1]!
    .split(/[/,&]|\band\b/)
    .map((s) => s.replace(/-/, '').trim())
    .filter(Boolean);
  const len = tails[0]!.length;
  if (tails.some((t) => t.length !== len)) return [];
  const head = first.slice(0, 10 - len);
  const out = tails.map((t) => head + t).filter((n) => n !== first);
  return [...new Set(out)];
}
