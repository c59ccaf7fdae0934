// Value shapes: parsers that know what a phone number, a date, an account number or a ZIP looks
// like, and use that knowledge to undo the usual OCR confusions (O/0, l/1, S/5, B/8 …).
import { STATE_CODES as USPS_STATE_NAMES } from '../normalize/usps';
import { foldAccents } from '../normalize/accents';
import { numberedName } from './numbered-names';
import { stateOfZip, zipFirstDigits } from './zip-states';

const DIGIT_LIKE: Record<string, string> = {
  O: '0',
  o: '0',
  D: '0',
  Q: '0',
  U: '0',
  l: '1',
  I: '1',
  i: '1',
  '|': '1',
  '!': '1',
  L: '1',
  J: '1',
  ']': '1',
  '[': '1',
  S: '5',
  s: '5',
  $: '5',
  B: '8',
  Z: '2',
  z: '2',
  G: '6',
  b: '6',
  g: '9',
  q: '9',
  T: '7',
  A: '4',
};
const LETTER_LIKE: Record<string, string> = {
  '0': 'O',
  '1': 'I',
  '5': 'S',
  '8': 'B',
  '2': 'Z',
  '6': 'G',
  '4': 'A',
  '7': 'T',
  '|': 'I',
};

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * Repairs letters that OCR put among digits. Works per run of letters/digits: a run made only of
 * digits and look-alikes ("1OO5", "8l39") is read as digits when digits dominate; a run with real
 * letters only has look-alikes repaired between two digits; a leading letter prefix such as
 * "AB" in "AB12345" is kept.
 */
export function repairDigits(s: string): string {
  return s.replace(/[A-Za-z0-9|!$[\]]+/g, (run) => {
    const chars = run.split('');
    const digits = chars.filter(isDigit).length;
    if (digits === 0) return run;
    const realLetters = chars.some((c) => !isDigit(c) && DIGIT_LIKE[c] === undefined);
    if (realLetters) {
      return chars
        .map((c, i) =>
          DIGIT_LIKE[c] !== undefined && isDigit(chars[i - 1]) && isDigit(chars[i + 1]) ? DIGIT_LIKE[c] : c,
        )
        .join('');
    }
    const look = chars.length - digits;
    if (digits < look) return run;
    // a prefix of two or more letters that are not the classic O/I/l confusions is a real prefix
    const m = /^([A-Za-z]{2,})/.exec(run);
    let keep = 0;
    if (m && /[^OoIlDQi]/.test(m[1]!)) keep = m[1]!.length;
    return (
      run.slice(0, keep) +
      chars
        .slice(keep)
        .map((c) => DIGIT_LIKE[c] ?? c)
        .join('')
    );
  });
}

/** Aggressive repair for a field known to be all digits (phone, ZIP). */
export function forceDigits(s: string): string {
  return s
    .split('')
    .map((c) => DIGIT_LIKE[c] ?? c)
    .join('');
}

export const digitsOf = (s: string): string => s.replace(/\D/g, '');

// ---- phones --------------------------------------------------------------------------------

export interface PhoneHit {
  /** ten digits */
  number: string;
  start: number;
  end: number;
}

// Separators include the stray "," and ":" OCR reads from specks ("801, 555-0193"), and the slash
// some systems print after the area code ("970/555-0144", checked in phonesIn).
// (not followed by "-" and more digits: an account number that opens with the BTN,
// "303-555-0142-091519-5"; but "303-555-0150-0159" is a block of numbers, ranges.ts)
const PHONE_RE =
  /(?<![\dA-Za-z-])(?:\+?1[\s.-]{0,2})?\(?\s?([2-9]\d{2})\s?\)?([\s.,:/-]{0,3})(\d{3})([\s.,:-]{0,3})(\d{4})(?![\d])(?!-(?!\d{4}(?![\d-]))\d)/g;

/** Memoizes a pure string function; bills repeat the same pieces of text many times. */
function memo<T>(fn: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string) => {
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size > 20000) cache.clear();
      v = fn(s);
      cache.set(s, v);
    }
    return v;
  };
}

/** Every NANP number in a piece of text, after digit repair; positions refer to the input. */
export const findPhones = memo(findPhonesRaw);
// A DID range printed as two ten-digit numbers joined by a hyphen ("3125550100-3125550149"),
// which the phone pattern's guard against grouped account numbers would refuse.
const TEN_TEN = /(?<![\dA-Za-z-])(\d{3}[.-]?\d{3}[.-]?\d{4})-(\d{3}[.-]?\d{3}[.-]?\d{4})(?![\d-])/g;

function findPhonesRaw(text: string): PhoneHit[] {
  const repaired = repairPhoneText(text);
  const hits: PhoneHit[] = [];
  for (const m of repaired.matchAll(TEN_TEN)) {
    const a = digitsOf(m[1]!);
    const b = digitsOf(m[2]!);
    if (!validNanp(a) || !validNanp(b) || a.slice(0, 6) !== b.slice(0, 6) || !(b > a)) continue;
    const at = m.index;
    hits.push({ number: a, start: at, end: at + m[1]!.length });
    hits.push({ number: b, start: at + m[1]!.length + 1, end: at + m[0].length });
  }
  if (hits.length) {
    // the rest of the text outside the ranges is read as usual
    const rest = repaired.replace(TEN_TEN, (m) => ' '.repeat(m.length));
    return [...hits, ...phonesIn(rest)].sort((x, y) => x.start - y.start);
  }
  return phonesIn(repaired);
}

function phonesIn(repaired: string): PhoneHit[] {
  const hits: PhoneHit[] = [];
  for (const m of repaired.matchAll(PHONE_RE)) {
    const number = `${m[1]}${m[3]}${m[5]}`;
    if (!validNanp(number)) continue;
    // "939-6231012": an area code set off but the exchange run into the line is how invoice
    // and order numbers are grouped, never a phone number
    if (/[-.]/.test(m[2]!) && !m[4]) continue;
    // "970/555-0144": some billing systems set the area code off with a slash; only so, with the
    // line set off by a hyphen or a dot, is a slash inside a number
    if (m[2]!.includes('/') && (m[2] !== '/' || !/^[.-]$/.test(m[4]!))) continue;
    // "3470 70 686 9886252": an account number printed in groups, whose last two read as an area
    // code and an exchange run into its line. With a group of digits just before them they are
    // the tail of a longer number; a phone number is not grouped 3 and 7 after other digits.
    if (
      !m[2] &&
      !m[4] &&
      /^\d{3}\s+\d{7}$/.test(m[0]) &&
      /\d\s+$/.test(repaired.slice(Math.max(0, m.index - 4), m.index))
    )
      continue;
    // "04700995190310365437 13202472225": a mailed bill's Intelligent Mail barcode digits, its
    // tracking code and then its routing code (ZIP+4 and delivery point), printed under the
    // bars. Eleven digits run together after a group of digits that is no phone number are the
    // routing code of a ZIP that starts with 1, not a number with its country code.
    if (/^1\d{10}$/.test(m[0])) {
      const prev = /(\d+)\s+$/.exec(repaired.slice(Math.max(0, m.index - 40), m.index))?.[1];
      if (prev && prev.length >= 5 && prev.length !== 10 && prev.length !== 11) continue;
    }
    hits.push({ number, start: m.index, end: m.index + m[0].length });
  }
  return hits;
}

/** Repairs look-alikes inside digit runs; keeps the string length so positions stay valid. */
function repairPhoneText(text: string): string {
  return (
    repairDigits(text)
      // an area code OCR broke inside its brackets ("(86 0) 555-0184", light print on a dark
      // screen): the space moves out behind the bracket
      .replace(/\((\d{1,2}) (\d{1,2})\)(?=\s?\d{3}[\s.-]?\d{4}(?!\d))/g, (m, a: string, b: string) =>
        a.length + b.length === 3 ? `(${a}${b}) ` : m,
      )
      // an area code whose last digit OCR split off ("41 3-555-0198" on a scan), before an
      // exchange and line set off alike: the space moves behind it ("4 12-…" stays, a count
      // before a number reads so)
      .replace(/(?<![\dA-Za-z.,:/-])([2-9]\d) (\d)([.-])(\d{3})\3(\d{4})(?![\d-])/g, '$1$2 $3$4$3$5')
      // the last group OCR broke in two ("775-555-01 30"): a number's last group is never short,
      // so a short one and the short group after it are one; the space moves behind them
      .replace(
        /(?<![\dA-Za-z])(\(?[2-9]\d{2}\)?[\s.-]{0,2}\d{3}[.-])(\d{1,3}) (\d{1,3})(?![\d])/g,
        (m, head: string, a: string, b: string) => (a.length + b.length === 4 ? `${head}${a}${b} ` : m),
      )
  );
}

/**
 * Seven-digit local numbers ("555-0123") in a piece of text, as a rural or small carrier prints
 * them under one "Area code 406": each given that area code. Only where no ten-digit number
 * stands (the exchange and line of "(406) 555-0123" are not a second number), and only with the
 * exchange set off by a hyphen or a dot, as numbers are printed and few other things are.
 */
export function findLocalPhones(text: string, areaCode: string): PhoneHit[] {
  const repaired = repairPhoneText(text);
  const full = findPhones(text);
  const hits: PhoneHit[] = [];
  for (const m of repaired.matchAll(/(?<![\dA-Za-z$.,:/()-])([2-9]\d{2})[.-](\d{4})(?![\d-]|\.\d)/g)) {
    const start = m.index;
    const end = start + m[0].length;
    if (full.some((f) => f.start < end && start < f.end)) continue;
    const number = `${areaCode}${m[1]}${m[2]}`;
    if (validNanp(number)) hits.push({ number, start, end });
  }
  return hits;
}

/**
 * The one area code a bill declares for its local numbers ("Area code 406", "Area Code: (406)"),
 * or null when it declares none or several.
 */
export function declaredAreaCode(texts: Iterable<string>): string | null {
  const codes = new Set<string>();
  for (const t of texts)
    for (const m of t.matchAll(/\b([a-z]{4})\s+code\s*:?\s*\(?([2-9]\d{2})\)?(?!\d)/gi))
      // "Area" with one letter OCR misread ("Arca code 423" on a held-out scan)
      if (placesApart(m[1]!.toUpperCase(), 'AREA') <= 1) codes.add(m[2]!);
  return codes.size === 1 ? [...codes][0]! : null;
}

/**
 * In how many places two strings of one length differ ("555" and "565": 1); Infinity when their
 * lengths differ. OCR misreads one glyph of a number, a ZIP or a city at a time.
 */
export function placesApart(a: string, b: string): number {
  if (a.length !== b.length) return Infinity;
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

export function validNanp(n: string): boolean {
  return /^[2-9]\d{2}[2-9]\d{6}$/.test(n);
}

export const TOLL_FREE = new Set(['800', '833', '844', '855', '866', '877', '888']);

/** Parses a whole value as one phone number (10 digits) or null. */
export function parsePhone(text: string): string | null {
  const hits = findPhones(text);
  if (hits.length) return hits[0]!.number;
  const d = digitsOf(forceDigits(text.replace(/[A-Za-z]{3,}/g, ' ')));
  const ten = d.length === 11 && d.startsWith('1') ? d.slice(1) : d;
  return ten.length === 10 && validNanp(ten) ? ten : null;
}

// ---- dates ---------------------------------------------------------------------------------

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

// French (and Spanish) month names and their abbreviations, accents folded ("JUIN" is not "JUI(LLET)").
const MOIS: Record<string, number> = {
  JANVIER: 1,
  JANV: 1,
  FEVRIER: 2,
  FEVR: 2,
  FEV: 2,
  MARS: 3,
  AVRIL: 4,
  AVR: 4,
  MAI: 5,
  JUIN: 6,
  JUILLET: 7,
  JUIL: 7,
  AOUT: 8,
  SEPTEMBRE: 9,
  OCTOBRE: 10,
  NOVEMBRE: 11,
  DECEMBRE: 12,
  DEC: 12,
  // Spanish (Puerto Rico) where it differs from English in its first three letters
  ENERO: 1,
  ENE: 1,
  ABRIL: 4,
  ABR: 4,
  AGOSTO: 8,
  AGO: 8,
  SETIEMBRE: 9,
  DICIEMBRE: 12,
  DIC: 12,
};

function monthOf(word: string): number | null {
  const folded = foldAccents(word).toUpperCase().replace(/\.$/, '');
  const fr = MOIS[folded];
  if (fr) return fr;
  // "août" with its û lost or misread ("aot", "aolt", "aoit", "aolit" on a Quebec scan): no
  // other month, in any language we read, starts with AO
  if (/^AO[A-Z]{0,2}T$/.test(folded)) return 8;
  const w = word
    .toUpperCase()
    .replace(/[0O]/g, 'O')
    .replace(/[1|!]/g, 'L')
    .replace(/5/g, 'S')
    .replace(/[^A-Z]/g, '');
  if (w.length < 3) return null;
  const head = w.slice(0, 3);
  const i = MONTHS.indexOf(head);
  if (i >= 0) return i + 1;
  // one OCR slip in the abbreviation: "Ju1" -> JUL handled above, "Jui"/"Juu" -> JUN/JUL ambiguous
  const fixes: Record<string, string> = {
    JUI: 'JUL',
    JLY: 'JUL',
    SPT: 'SEP',
    AUQ: 'AUG',
    DCC: 'DEC',
    N0V: 'NOV',
    OCI: 'OCT',
    // (a fax's or a photo's O with a speck at its foot: no month starts with Q)
    QCT: 'OCT',
    FEH: 'FEB',
  };
  const f = fixes[head];
  return f ? MONTHS.indexOf(f) + 1 : null;
}

function iso(y: number, m: number, d: number): string | null {
  if (y < 100) y += 2000;
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1990 || y > 2099) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export interface DateHit {
  iso: string;
  start: number;
  end: number;
}

/** Every date in a text, in order. Understands numeric, ISO and month-name forms (English, French). */
export const findDates = memo((t: string) => findDatesRaw(t, false));
/**
 * The same on a bill written in French (Quebec): "05/04/2025" is the 5th of April there, as
 * Canadian bills print day first.
 */
export const findDatesDayFirst = memo((t: string) => findDatesRaw(t, true));
const MONTH_NAMES = [
  'JANUARY',
  'FEBRUARY',
  'MARCH',
  'APRIL',
  'AUGUST',
  'SEPTEMBER',
  'OCTOBER',
  'NOVEMBER',
  'DECEMBER',
];

/**
 * Closes gaps OCR opened inside a date ("Fe bruary 11", "04/2 5/2025"), moving the space to the
 * end so positions in the text stay valid.
 */
export function closeDateGaps(t: string): string {
  return (
    t
      .replace(/\b([A-Za-z]{1,6}) ([A-Za-z]{2,8})\b/g, (m, a: string, b: string) =>
        MONTH_NAMES.includes((a + b).toUpperCase()) ? `${a}${b} ` : m,
      )
      .replace(/(?<![\d/])(\d{1,2})\/(\d) (\d)\/(\d{2,4})(?![\d/])/g, '$1/$2$3/$4 ')
      .replace(/(?<![\d/])(\d) (\d)\/(\d{1,2})\/(\d{2,4})(?![\d/])/g, '$1$2/$3/$4 ')
      // a four-digit year OCR broke in two ("05/18/20 24", "08/12/2 024")
      .replace(
        /(?<![\d/])(\d{1,2}\/\d{1,2}\/)(\d{1,3}) (\d{1,3})(?![\d/])/g,
        (m, md: string, a: string, b: string) =>
          a.length + b.length === 4 && /^(19|20)/.test(a + b) ? `${md}${a}${b} ` : m,
      )
  );
}

function findDatesRaw(text: string, dayFirst: boolean): DateHit[] {
  const t = closeDateGaps(repairDigits(text));
  const hits: DateHit[] = [];
  const push = (v: string | null, m: RegExpMatchArray) => {
    if (v && !hits.some((h) => m.index! < h.end && m.index! + m[0].length > h.start))
      hits.push({ iso: v, start: m.index!, end: m.index! + m[0].length });
  };
  // 2024-07-09, one separator throughout: in a period read "12/20/2024 - 01/19/2025", the first
  // date's year and the second's month and day were taken for January 19, 2024, which hid both
  // dates (a Halyard scan whose caption "Billing Period" was garbled: a false stale bill)
  for (const m of t.matchAll(/(?<![\d/])(\d{4})\s?([-/.])\s?(\d{1,2})\s?\2\s?(\d{1,2})(?!\d)(?![-/.]\d)/g))
    push(iso(+m[1]!, +m[3]!, +m[4]!), m);
  // 07/09/2024, 07-09-24, 07.09.2024 (US order; day-first only when the first part cannot be a month)
  for (const m of t.matchAll(/(?<![\d/])(\d{1,2})\s?[-/.,]\s?(\d{1,2})\s?[-/.,]\s?(\d{4}|\d{2})(?![\d/])/g)) {
    const a = +m[1]!,
      b = +m[2]!,
      y = +m[3]!;
    push(a > 12 || (dayFirst && b <= 12) ? iso(y, b, a) : iso(y, a, b), m);
  }
  // Jul 9, 2024 / July 09 2024 / Jul. 9th, 2024
  for (const m of t.matchAll(
    /\b([A-Za-z]{3,9}|[A-Za-z]{2}[1|](?=\s))\.?\s*(\d{1,2})(?:st|nd|rd|th)?\s*[,.]?\s*(\d{4})(?!\d)/g,
  )) {
    const mo = monthOf(m[1]!);
    if (mo) push(iso(+m[3]!, mo, +m[2]!), m);
  }
  // DEC 01 25: an old billing system's month, day and two-digit year, spaces only (an ILEC's
  // mainframe report). The month is a three-letter abbreviation or a whole name, and the year
  // no start of an amount or a time ("MAR 14 25.00", "JUN 3 10:42"), so a word that only begins
  // like a month ("MARKET 12 24") is none
  for (const m of t.matchAll(
    /\b([A-Za-z]{3}|[A-Za-z]{4,9}(?<=\b(?:JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)))\.?\s(\d{1,2})\s(\d{2})(?![\d.,:/-]?\d)/gi,
  )) {
    const mo = monthOf(m[1]!);
    if (mo && (m[1]!.length !== 3 || MONTHS.includes(m[1]!.toUpperCase()))) push(iso(+m[3]!, mo, +m[2]!), m);
  }
  // "Ju119, 2024": the l of Jul read as 1 and run into the day
  for (const m of t.matchAll(/\b([A-Za-z]{2}[1|Il])(\d{1,2})(?:st|nd|rd|th)?\s*[,.]?\s*(\d{4})(?!\d)/g)) {
    const mo = monthOf(m[1]!);
    if (mo) push(iso(+m[3]!, mo, +m[2]!), m);
  }
  // 15 de marzo de 2025 (Spanish)
  for (const m of t.matchAll(
    /(?<!\d)(\d{1,2})\s+de\s+([A-Za-zÀ-ÿ]{3,10})\.?\s+(?:de(?:l)?\s+)?(\d{4})(?!\d)/gi,
  )) {
    const mo = monthOf(m[2]!);
    if (mo) push(iso(+m[3]!, mo, +m[1]!), m);
  }
  // 09-JUL-2024 / 9 July 2024 / 9th July 2024 / 1er avril 2025 / 15 février 2025 (and "ler
  // avril 2024": a scan reads the 1 of "1er" as l or I, and only a month name may follow it)
  for (const m of firstOfMonthRead(t).matchAll(
    /(?<!\d)(\d{1,2})(?:st|nd|rd|th|er)?\s?[-\s.]\s?([A-Za-zÀ-ÿ]{3,9})\.?\s?[-\s.,]\s?(\d{4}|\d{2})(?!\d)/g,
  )) {
    const mo = monthOf(m[2]!);
    if (mo) push(iso(+m[3]!, mo, +m[1]!), m);
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** "ler avril 2024", "Ier mars": the "1er" of a French first of the month read with l or I for its 1 (same length). */
function firstOfMonthRead(t: string): string {
  return t.replace(
    /(?<![A-Za-z\d])[lI|i]er(?=\s?[-\s.]\s?([A-Za-zÀ-ÿ]{3,9})\.?\s?[-\s.,]\s?\d{2,4}(?!\d))/g,
    (m, mo: string) => (monthOf(mo) ? '1er' : m),
  );
}

export function parseDate(text: string): string | null {
  return findDates(text)[0]?.iso ?? null;
}

// ---- account numbers -----------------------------------------------------------------------

/**
 * Reads an account number from the start of a value: runs of alphanumeric groups joined by
 * spaces or dashes, containing digits. Stops at the first plain word.
 */
/** Conservative repair for identifiers that may contain letters: only a look-alike between two digits. */
export function repairBetweenDigits(s: string): string {
  // O and I/l are the confusions OCR makes most and that identifiers avoid; S, B, D, L … are real
  // letters in many account numbers, so those are only repaired between two digits.
  const CLASSIC = /[OoIl|i]/;
  return s.replace(/[A-Za-z0-9|]+/g, (g) => {
    const d = (g.match(/\d/g) ?? []).length;
    const classic = g.split('').filter((c) => CLASSIC.test(c)).length;
    const others = g.length - d - classic;
    return g
      .split('')
      .map((c, i, a) => {
        if (DIGIT_LIKE[c] === undefined) return c;
        if (isDigit(a[i - 1]) && isDigit(a[i + 1])) return DIGIT_LIKE[c];
        if (CLASSIC.test(c) && others === 0 && d >= 1 && d >= classic) return DIGIT_LIKE[c];
        return c;
      })
      .join('');
  });
}

// An account number printed masked, its last digits only ("****4821", "xxxxxx4821",
// "XXXX-XXXX-4821", "•••• 4821"): the customer's e-bill email and portal show it so.
const MASKED = /^[#:.\s]*(?:[*xX\u2022\u25CF]{2,}[\s-]?)+\d{2,6}\b/;
// "Account ending in 4821", "acct. ending 4821", "account number ends in 4821"
const ENDING_IN =
  /\b(?:acc(?:oun)?t\.?|a\/c)(?:\s+(?:number|no\.?|#))?\s*(?:ending|ends)(?:\s+(?:in|with))?\s*:?\s*(\d{3,6})\b/i;

/** The last digits a masked account number shows ("****4821" -> "4821"), or null if it is not masked. */
/**
 * On a scan, a mask's stars can read as one "#" or "*" ("****2734" as "#2734"): four digits
 * behind it are the last four of a masked account, never an account of four digits.
 */
export const MASKED_OCR = /^[#*\u2022\u25CF]+\s?(\d{4})$/;

export function maskedAccount(text: string): string | null {
  const o = MASKED_OCR.exec(text.trim());
  if (o) return o[1]!;
  const m = MASKED.exec(text.trim());
  if (m) return /\d{2,6}$/.exec(m[0])![0];
  const e = ENDING_IN.exec(text);
  return e ? e[1]! : null;
}

/**
 * A remittance scan line: digits only (a bank's OCR-A line, in groups or run together), too many
 * of them to be any one identifier ("0 877310512004491 3 00001245 00001245 7").
 */
export function isScanLine(text: string): boolean {
  const t = text.replace(/[<>]/g, ' ').trim();
  return /^[\d\s]+$/.test(t) && t.replace(/\s/g, '').length >= 20;
}

export function parseAccountNumber(text: string, ocr = true): string | null {
  // a masked number is not the account's: only its last digits are printed
  if (MASKED.test(text.trim()) || (ocr && MASKED_OCR.test(text.trim()))) return null;
  const toks = text
    // OCR split the number at a hyphen ("MW -13380-4953", "GT1-271C- 9678"): one group again
    .replace(/([A-Za-z0-9])\s+(?=-[A-Za-z0-9])/g, '$1')
    .replace(/([A-Za-z0-9]-)\s+(?=[A-Za-z0-9])/g, '$1')
    .trim()
    .replace(/^[#:.\s]+/, '')
    .split(/\s+/)
    .filter(Boolean);
  const kept: string[] = [];
  for (const raw of toks) {
    let cut = raw.replace(/[,;]$/, '');
    // an S read twice, once as "$" ("S$Z4-623X-4751"), inside an identifier
    if (ocr && kept.length === 0 && /^[A-Za-z0-9]*(?:S\$|\$S)[A-Za-z0-9-]+$/.test(cut))
      cut = cut.replace(/S\$|\$S/, 'S');
    // ")" or "]" with no "(" or "[" closing a digit group is a J OCR bent ("4795550157-20)",
    // "6035550194-94]" on a photo)
    if (ocr && /[0-9-][)\]]$/.test(cut) && !/[([]/.test(cut)) cut = `${cut.slice(0, -1)}J`;
    // a letter whose small and capital forms look alike, read twice ("CvV-05109"), in an
    // otherwise all-capital identifier
    if (ocr && (cut.match(/[a-z]/g) ?? []).length === 1)
      cut = cut.replace(/([cosvwxz])([COSVWXZ])/, (m, a: string, b: string) =>
        a.toUpperCase() === b ? b : m,
      );
    // a date or an amount after the number is the next field ("2874 5512 0931 04/22/2025")
    if (kept.length && (/^\d{1,2}\/\d{1,2}(\/\d{2,4})?$/.test(cut) || /^\$/.test(cut))) break;
    const tok = ocr ? repairBetweenDigits(cut) : cut;
    const digits = (tok.match(/\d/g) ?? []).length;
    // every group of an account number carries digits ("8139 1524 9256", "LF-20931-7")
    // the rest of a short last group OCR split off ("5155550135-8 0D") needs only one digit
    const tail = /-\d{1,3}$/.test(kept[kept.length - 1] ?? '') && tok.length <= 3;
    const ok = /^[A-Za-z0-9][A-Za-z0-9\-/.]*$/.test(tok) && digits >= (tail ? 1 : Math.min(2, tok.length));
    if (!ok) break;
    kept.push(tok.replace(/\.$/, ''));
    if (kept.join('').length > 30) break;
  }
  const v = kept.join(' ');
  const alnum = v.replace(/[^A-Za-z0-9]/g, '');
  if (alnum.length < 4 || (alnum.match(/\d/g) ?? []).length < 3) return null;
  // A lone date or money amount is not an account number.
  if (/^\$|^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(v)) return null;
  return v;
}

/** Whether a digit string passes the Luhn check IMEIs and SIM numbers (ICCIDs) end with. */
export function luhnValid(d: string): boolean {
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    let v = Number(d[d.length - 1 - i]);
    if (i % 2 === 1) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
    sum += v;
  }
  return sum % 10 === 0;
}

/**
 * A wireless device's identifier rather than an account number: a 15-digit IMEI or a 19-20
 * digit SIM number (ICCID, always starting 89), each closing with its Luhn check digit.
 */
export function deviceIdShape(alnum: string): boolean {
  if (!/^\d+$/.test(alnum)) return false;
  if (alnum.length === 15) return luhnValid(alnum);
  return (alnum.length === 19 || alnum.length === 20) && alnum.startsWith('89') && luhnValid(alnum);
}

// ---- addresses -----------------------------------------------------------------------------

export const STATE_CODES = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA PR RI SC SD TN TX UT VT VA WA WV WI WY GU VI'.split(
    ' ',
  ),
);
// Full state names come from the check engine's USPS table, so a name the extractor reads is one
// the address comparison knows.
const STATE_NAMES = USPS_STATE_NAMES;

export interface CityStateZip {
  city: string;
  state: string;
  zip: string;
  /** text before the city when the whole address sits on one line */
  before: string;
}

function stateCode(raw: string): string | null {
  const u = raw.toUpperCase().replace(/\./g, '').trim();
  if (STATE_CODES.has(u)) return u;
  const fixed = u.replace(/[0-9|]/g, (c) => LETTER_LIKE[c] ?? c);
  if (STATE_CODES.has(fixed)) return fixed;
  return STATE_NAMES[u] ?? null;
}

/** Capital letters OCR takes for one another in a two-letter state code ("TA" for IA). */
const STATE_LOOKALIKES: Record<string, string> = {
  I: 'TLJ',
  T: 'I',
  L: 'I',
  J: 'I',
  O: 'DQC',
  D: 'O',
  Q: 'O',
  C: 'GO',
  G: 'C',
  E: 'F',
  F: 'E',
  H: 'N',
  N: 'HM',
  M: 'N',
  P: 'R',
  R: 'P',
  U: 'V',
  V: 'UY',
  Y: 'V',
};

/**
 * A two-letter token one look-alike letter away from exactly one state whose ZIPs start with the
 * ZIP's first digit ("TA 50309" -> IA). The ZIP must agree: alone, "TA" could be IA or TX.
 */
function stateByZip(raw: string, zip5: string): string | null {
  const u = raw.toUpperCase().replace(/\./g, '').trim();
  if (!/^[A-Z]{2}$/.test(u)) return null;
  const found = new Set<string>();
  for (let i = 0; i < 2; i++) {
    const c = u[i]!;
    for (const alt of STATE_LOOKALIKES[c] ?? '') {
      const code = i === 0 ? alt + u[1] : u[0] + alt;
      if (STATE_CODES.has(code) && zipFirstDigits(code).includes(zip5[0]!)) found.add(code);
    }
  }
  return found.size === 1 ? [...found][0]! : null;
}

/**
 * Parses "City, ST 12345[-6789]" (also "CITY ST 12345", full state names, OCR-mangled ZIPs).
 * Whatever precedes the city (on one-line addresses) is returned in `before`.
 */
export function parseCityStateZip(text: string): CityStateZip | null {
  const t = dropStrayMarks(text)
    // an address inside a sentence ("Services at 12 Elm St, Boise, ID 83702 from Feb 13 to
    // Mar 14"): what follows the state and ZIP is the sentence's, not the address's
    .replace(
      /([\s,][A-Za-z]{2},?\s+\d{5}(?:\s?[-–]\s?\d{4})?)\s+(?:from|for|since|through|thru|effective|as of|until|between)\b.*$/i,
      '$1',
    )
    // a comma OCR read as a semicolon ("993 Elm Cir, Suite 5A; Eugene, OR"): no address has one
    .replace(/;(?=\s)/g, ',')
    // a ZIP+4 whose tail OCR garbled or carried to another line ("02903-3("): the five digits stand
    .replace(/(\s\d{5})\s?[-–]\s?(?!\d{4}$)(?!\d{1,3} \d{1,3}$)[0-9A-Za-z(|[{]{0,3}[^\s\d]?$/, '$1')
    // a ZIP+4 OCR broke in two ("59101-9 249")
    .replace(/(\d{5}\s?[-–]\s?)(\d{1,3}) (\d{1,3})\s*$/, (m, z: string, a: string, b: string) =>
      a.length + b.length === 4 ? `${z}${a}${b}` : m,
    )
    // a ZIP OCR broke in two ("NV 8950 1-5693")
    .replace(
      /([\s,][A-Za-z]{2}\s+)(\d[0-9OoIlSBZ|\][!]{0,3}) ([0-9OoIlSBZ|\][!]{1,4})(\s?[-–]\s?\d{4})?\s*$/,
      (m, st: string, a: string, b: string, p4?: string) =>
        a.length + b.length === 5 ? `${st}${a}${b}${p4 ?? ''}` : m,
    )
    // a state run into its city ("HARTFORDCT 06102"), taken only when the ZIP's first digit
    // belongs to that state ("AUSTIN 78701" stays)
    .replace(
      /(^|[\s,])([A-Za-z]{3,})([A-Z]{2})\s+(\d)(\d{4}(?:-\d{4})?)\s*$/,
      (m, a: string, city: string, st: string, d: string, rest: string) =>
        STATE_CODES.has(st) && zipFirstDigits(st).includes(d) ? `${a}${city} ${st} ${d}${rest}` : m,
    )
    // spaces OCR lost: "Roanoke,VA 24011", "Roanoke, VA24011"
    .replace(/,(?=[A-Za-z])/g, ', ')
    .replace(
      /(^|[\s,])([A-Za-z]{2})([0-9OoIlSBZ|\][!]{5}(?:-\d{4})?)$/,
      (m, a: string, st: string, z: string) => (STATE_CODES.has(st.toUpperCase()) ? `${a}${st} ${z}` : m),
    )
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.,;]+$/, '');
  const ca = canadianCityLine(t);
  if (ca) return ca;
  // ZIP at the end: 12345, 12345-6789, 12345 - 6789
  const zm = /[\s,]([0-9OoIlSBZ|\][!]{5})(?:\s?[-–]\s?([0-9OoIlSBZ|\][!]{4}))?$/.exec(t);
  if (!zm) return null;
  const zip5 = forceDigits(zm[1]!);
  const zip4 = zm[2] ? forceDigits(zm[2]) : '';
  if (!/^\d{5}$/.test(zip5) || (zip4 && !/^\d{4}$/.test(zip4))) return null;
  const rest = t.slice(0, zm.index).replace(/[\s,.]+$/, '');
  const toks = rest.split(/[\s]+/);
  let state: string | null = null;
  let headToks: string[] = [];
  for (const n of [1, 2]) {
    if (toks.length <= n - 1) break;
    const cand = toks
      .slice(toks.length - n)
      .join(' ')
      .replace(/^,/, '');
    const code =
      n === 1
        ? (stateCode(cand) ?? stateByZip(cand, zip5))
        : (STATE_NAMES[cand.toUpperCase().replace(/[^A-Z ]/g, '')] ?? null);
    if (code) {
      state = code;
      headToks = toks.slice(0, toks.length - n);
      break;
    }
  }
  if (!state) return null;
  const { city, before } = cityAndBefore(headToks.join(' ').replace(/[,\s]+$/, ''));
  if (!/[A-Za-z]/.test(city)) return null;
  return { city, state, zip: zip4 ? `${zip5}-${zip4}` : zip5, before };
}

/** Digits OCR takes for one another in a ZIP's first place. */
const DIGIT_SLIPS: Record<string, string> = {
  '0': '896',
  '9': '084',
  '8': '03695',
  '6': '058',
  '5': '638',
  '3': '85',
  '1': '74',
  '7': '12',
  '4': '91',
  '2': '7',
};

/**
 * A ZIP whose first digit no ZIP of its state starts with, read one slip off ("Eugene, OR
 * 07401" for 97401 on a held-out photo): the first digit the state's ZIPs start with that the
 * slip could have made, when only one could. Only for a ZIP read unsure beside a state read
 * surely (the caller knows): a sure ZIP may be right and its state the slip (30309 is Atlanta's).
 */
export function zipForState(zip: string, state: string): string {
  const first = zipFirstDigits(state);
  if (!first || !/^\d{5}/.test(zip)) return zip;
  if (!first.includes(zip[0]!)) {
    const fits = [...(DIGIT_SLIPS[zip[0]!] ?? '')].filter((d) => first.includes(d));
    return fits.length === 1 ? fits[0]! + zip.slice(1) : zip;
  }
  // The first digit fits, but the three-digit prefix may not ("Wilmington, DE 18801": 188 is
  // Pennsylvania's; Delaware's are 197-199): the one slip of a prefix digit that puts the ZIP in
  // its state, when only one does.
  const five = zip.slice(0, 5);
  if (stateOfZip(five) === state) return zip;
  const fits = new Set<string>();
  for (let i = 0; i < 3; i++)
    for (const d of DIGIT_SLIPS[five[i]!] ?? '') {
      const c = five.slice(0, i) + d + five.slice(i + 1);
      if (stateOfZip(c) === state) fits.add(c);
    }
  return fits.size === 1 ? [...fits][0]! + zip.slice(5) : zip;
}

/** "12 Elm St, Boise" -> the city after the last comma and what stands before it (a street). */
function cityAndBefore(head: string): { city: string; before: string } {
  const lastComma = head.lastIndexOf(',');
  return lastComma < 0
    ? { city: head, before: '' }
    : { city: head.slice(lastComma + 1).trim(), before: head.slice(0, lastComma).trim() };
}

const PROVINCES = new Set(['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT']);
// The first letter of a postal code names its province (X is shared by NT and NU).
const PROVINCE_OF: Record<string, string> = {
  A: 'NL',
  B: 'NS',
  C: 'PE',
  E: 'NB',
  G: 'QC',
  H: 'QC',
  J: 'QC',
  K: 'ON',
  L: 'ON',
  M: 'ON',
  N: 'ON',
  P: 'ON',
  R: 'MB',
  S: 'SK',
  T: 'AB',
  V: 'BC',
  X: 'NT',
  Y: 'YT',
};
const PC_DIGIT = '[0-9OoIlSZB|]';
// (a letter inside the code OCR read as its look-alike digit: "H4N 780" is H4N 7B0, "G6W 875" is
// G6W 8Z5)
const PC_LETTER = '[A-Za-z25678]';
// (and a speck or a space OCR put inside the code's second half: "V5H 8! N4" is V5H 8N4)
const PC_GAP = `(?:\\s?[!'’.:;,]\\s?|\\s)?`;
const POSTAL_CODE = new RegExp(
  `(?:^|[\\s,])([A-Za-z]${PC_DIGIT}${PC_LETTER})\\s?(${PC_DIGIT}${PC_GAP}${PC_LETTER}${PC_GAP}${PC_DIGIT})$`,
);
// A 7 in a letter's place is a Z whose foot the picture lost (elsewhere LETTER_LIKE takes it for
// a T, which has no diagonal to lose)
const pcLetter = (c: string): string => (c === '7' ? 'Z' : (LETTER_LIKE[c] ?? c).toUpperCase());

/**
 * "Montréal (Québec) H3B 4W8", "Montreal, QC H3B4W8", "MONTRÉAL QC  H3B 4W8": a Canadian city
 * line, the province in parentheses, as a code or a name, or left out (the postal code's first
 * letter names it). The city keeps its accents.
 */
function canadianCityLine(t0: string): CityStateZip | null {
  // a letter of the code's second half read twice, once in each case ("V1Y 3wW1" for V1Y 3W1,
  // a photo): no postal code holds two letters side by side
  const t = t0.replace(/(\d)([A-Za-z])([A-Za-z])(\d)$/, (m, a: string, b: string, c: string, d: string) =>
    b !== c && b.toUpperCase() === c.toUpperCase() ? `${a}${c.toUpperCase()}${d}` : m,
  );
  const m0 = POSTAL_CODE.exec(t);
  if (!m0) return null;
  const m = [m0[0], m0[1]!, m0[2]!.replace(/[\s!'’.:;,]/g, '')] as const;
  const letter = m[1][0]!.toUpperCase();
  const pc = `${letter}${forceDigits(m[1][1]!)}${pcLetter(m[1][2]!)} ${forceDigits(m[2][0]!)}${pcLetter(m[2][1]!)}${forceDigits(m[2][2]!)}`;
  // a US ZIP never reads as a postal code: at least two of its three letters are printed as letters
  if ((m[1] + m[2]).replace(/[^A-Za-z]/g, '').length < 2) return null;
  if (!PROVINCE_OF[letter] || !/^[A-Z]\d[A-Z] \d[A-Z]\d$/.test(pc)) return null;
  let rest = t.slice(0, m0.index).replace(/[\s,.]+$/, '');
  let state = PROVINCE_OF[letter];
  for (const n of [1, 2, 3]) {
    const toks = rest.split(/\s+/);
    if (toks.length <= n) break;
    const cand = foldAccents(toks.slice(toks.length - n).join(' '))
      .toUpperCase()
      .replace(/[()]/g, '')
      .replace(/[^A-Z ]/g, '')
      .trim();
    // a province name in parentheses OCR split ("(Québ ec)") is still the province
    const split =
      n > 1 && /^\(/.test(toks[toks.length - n]!) ? STATE_NAMES[cand.replace(/ /g, '')] : undefined;
    const code = n === 1 && PROVINCES.has(cand) ? cand : (STATE_NAMES[cand] ?? split);
    if (code && PROVINCES.has(code)) {
      state = code;
      rest = toks
        .slice(0, toks.length - n)
        .join(' ')
        .replace(/[\s,]+$/, '');
      break;
    }
  }
  const { city, before } = cityAndBefore(rest);
  if (!/[A-Za-zÀ-ÿ]{2}/.test(city) || /\d/.test(city)) return null;
  return { city, state, zip: pc, before };
}

/**
 * Removes free-standing marks OCR reads from table rules, box edges and specks ("Fort Wayne, | IN
 * 46892"); dashes stay, they join ZIP+4 and ranges.
 */
export function dropStrayMarks(s: string): string {
  return s.replace(/(^|\s)[|~_=*•·¦!\\]+(?=\s|$)/g, '$1').replace(/\s{2,}/g, ' ');
}

const STREET_SUFFIX = new Set(
  'ST STREET AVE AVENUE AV BLVD BOULEVARD RD ROAD DR DRIVE LN LANE CT COURT PL PLACE PKWY PARKWAY HWY HIGHWAY CIR CIRCLE TER TERRACE TRL TRAIL SQ SQUARE WAY PIKE PLZ PLAZA CTR CENTER XING LOOP ROW RUN PATH ALY ALLEY TPKE TURNPIKE EXPY FWY'.split(
    ' ',
  ),
);
export const UNIT_RE =
  /^(?:SUITE|STE|APT|APARTMENT|UNIT|FL|FLR|FLOOR|BLDG|BUILDING|RM|ROOM|DEPT|#\s?\w+|\d+(?:ST|ND|RD|TH)\s+(?:FLOOR|FL|FLR))\b/i;

/**
 * The unit at the end of a line that opens with something else: a building's name before its
 * floor or suite ("Oak Plaza, 2nd Floor", "Oak Plaza Suite 200"), printed above the street.
 * Not a bare "#3": a business's name may end in its store's number ("Joe's Pizza #3").
 */
export function trailingUnit(s: string): string | null {
  const m =
    /(?:,\s*|\s)((?:SUITE|STE|APT|APARTMENT|UNIT|FL|FLR|FLOOR|BLDG|BUILDING|RM|ROOM)\.?\s*#?\s?[A-Z]?\d+[A-Z]?|\d+(?:ST|ND|RD|TH)\s+(?:FLOOR|FL|FLR))\s*$/i.exec(
      s.trim(),
    );
  return m ? m[1]! : null;
}

/** How many words a unit designator takes at toks[j]: "#4B" one, "Suite 200" / "# 4B" two. */
function unitWords(toks: string[], j: number): number {
  const t = toks[j];
  if (t === undefined || !UNIT_RE.test(t)) return 0;
  if (/^#\s?\w+$/.test(t) && /\d/.test(t)) return 1;
  // "Suite 300", "Apt 4B", "Bldg B"
  return j + 1 < toks.length && /\d|^[A-Za-z]$/.test(toks[j + 1]!) ? 2 : 0;
}

/**
 * The street suffix a word is, also when OCR read its letters as look-alikes ("48 Liberty PI
 * Providence", "Main 5t"); "IN" stays a word.
 */
function suffixOf(tok: string): string | null {
  const t = tok.toUpperCase().replace(/[.,]/g, '');
  if (STREET_SUFFIX.has(t)) return t;
  if (t === 'IN' || t.length > 4 || !/[1I|05]/.test(t) || !/[A-HJ-Z]/.test(t)) return null;
  const fixed = t.replace(/[1I|]/g, 'L').replace(/0/g, 'O').replace(/5/g, 'S');
  return STREET_SUFFIX.has(fixed) ? fixed : null;
}

/**
 * Splits "123 Main St Fort Collins" (no comma) into street and city at the last street suffix,
 * keeping a unit after it ("Apt 4B", "#4B") with the street. A street with no suffix word
 * ("1200 Broadway Suite 300 New York") splits after its unit.
 */
export function splitStreetCity(s: string): { street: string; city: string } | null {
  const toks = s.split(/\s+/);
  // "Fl 17" that a scan read "El 17" or "FI 17" after the street's suffix is the floor, not the
  // city's first word ("29 W Commerce Trail El 17 Albuquerque")
  for (let j = 1; j + 1 < toks.length; j++)
    if (/^(?:E[lI1|]|F[I1|i])$/.test(toks[j]!) && /^\d{1,3}$/.test(toks[j + 1]!) && suffixOf(toks[j - 1]!))
      toks[j] = 'Fl';
  const cut = (j: number) =>
    j >= toks.length || !/[A-Za-z]/.test(toks.slice(j).join(' '))
      ? null
      : { street: toks.slice(0, j).join(' '), city: toks.slice(j).join(' ') };
  for (let i = toks.length - 2; i >= 1; i--) {
    const t = suffixOf(toks[i]!);
    if (!t) continue;
    // "… Apt 4B St. Petersburg", "… Bldg A St. Petersburg": a "St." after a unit or another
    // suffix opens the city
    const prev = toks[i - 1]!.toUpperCase().replace(/[.,]/g, '');
    if (
      t === 'ST' &&
      (/\d/.test(prev) || STREET_SUFFIX.has(prev) || (i >= 3 && unitWords(toks, i - 2) === 2)) &&
      i - 1 >= 1
    )
      continue;
    return cut(i + 1 + unitWords(toks, i + 1));
  }
  for (let j = toks.length - 2; j >= 1; j--) {
    const n = unitWords(toks, j);
    if (n) return cut(j + n);
  }
  return null;
}

const LETTER_OF: Record<string, [string, string]> = {
  '0': ['O', 'o'],
  '1': ['I', 'l'],
  '5': ['S', 's'],
  '8': ['B', 'b'],
};

/**
 * Look-alike digits inside words ("5chool", "Whitfie1d", "JANK0WSKI") read as the letters they
 * stand for. Only words of three or more letters whose every digit touches a letter qualify, so
 * "21st", "B2B", "Route 66" and house numbers stay.
 */
export function repairLetters(s: string): string {
  return s.replace(/[A-Za-z0-9]+/g, (w) => {
    if ((w.match(/[A-Za-z]/g) ?? []).length < 3 || !/\d/.test(w)) return w;
    const cs = w.split('');
    const isL = (c: string | undefined) => !!c && /[A-Za-z]/.test(c);
    if (!cs.every((c, i) => !/\d/.test(c) || (LETTER_OF[c] && (isL(cs[i - 1]) || isL(cs[i + 1]))))) return w;
    return cs
      .map((c, i) => {
        const l = LETTER_OF[c];
        if (!l) return c;
        const prev = cs[i - 1];
        const next = cs[i + 1];
        const lower =
          i > 0 && ((isL(prev) && /[a-z]/.test(prev!)) || (!isL(prev) && isL(next) && /[a-z]/.test(next!)));
        return lower && !(isL(prev) && /[A-Z]/.test(prev!)) ? l[1] : l[0];
      })
      .join('');
  });
}

const PARTICLES = new Set(
  'and of the de del della la le las los van von der den da du dos das di y e en at on in for by to c o et al'.split(
    ' ',
  ),
);

/**
 * Rejoins words OCR split inside ("Ros ewood", "Springfie ld", "Was hington"): in mixed-case
 * text a word never starts with a small letter after a capitalised one, unless it is a particle
 * ("de", "van", "and"). All-capital text gives no such sign and is left alone.
 */
export function joinFragments(s: string, o: { street?: boolean } = {}): string {
  if (!/[a-z]/.test(s) || !/[A-Z]/.test(s)) return s;
  const toks = s.split(' ');
  const out: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const prev = out[out.length - 1];
    const bare = t.replace(/[.,]$/, '');
    // A street suffix OCR read small ("6313 Aspen st") ends its street: the last word, or the
    // word before a unit ("Aspen st Floor 11").
    const suffix =
      STREET_SUFFIX.has(bare.toUpperCase()) &&
      (i === toks.length - 1 || /,$/.test(t) || UNIT_WORD.test(toks[i + 1]!.replace(/[.,]$/, '')));
    // (in a street, a lone N, S, E or W is the street's direction: "30700 S monroe Pl", a
    // photo's lower-case reading of "S Monroe", is no "Smonroe")
    const direction = o.street && /^[NSEW]$/.test(prev ?? '');
    // nor is a unit word after a street ("484 Willow Pl unit 40" is no "Plunit")
    const unit = UNIT_WORD.test(bare);
    if (
      prev &&
      /^[a-z]+[.,]?$/.test(t) &&
      !PARTICLES.has(bare) &&
      !suffix &&
      !direction &&
      !unit &&
      /^[A-Z][a-z]*$/.test(prev)
    )
      out[out.length - 1] = prev + t;
    else out.push(t);
  }
  return out.join(' ');
}

const UNIT_NAMES = ['SUITE', 'UNIT', 'FLOOR', 'BLDG', 'ROOM', 'APARTMENT', 'BUILDING', 'STE', 'APT'];
const UNIT_WORD = /^(SUITE|STE|APT|APARTMENT|UNIT|FL|FLR|FLOOR|BLDG|RM|ROOM)$/i;
const GLUED_UNIT = /^(SUITE|STE|APT|UNIT|FLR|FL|FLOOR|BLDG|RM|ROOM)(\d+[A-Za-z]?)$/i;
const DOUBLED_DIGIT = /^(SUITE|STE|APT|UNIT|RM|ROOM)([SBOZGl|])(\d+[A-Za-z]?[.,]?)$/i;

/**
 * The number after a unit word with the digits OCR read as letters put back, or null. A floor
 * is a number ("Fl S" -> Fl 5, "Floor 1O" -> Floor 10); an apartment, suite, unit or room is a
 * number with at most a letter at its end ("Apt Z5B" -> Apt 25B), so a letter only counts as a
 * digit before the end, among digits. A lettered unit ("Bldg B", "Apt B", "Suite 2S") is left.
 */
function unitNumber(word: string, next: string): string | null {
  const unit = word.toUpperCase().replace(/[.,]$/, '');
  // (only the classic look-alikes below, S B O D I l | Z G, are taken for digits here)
  const asDigits = (t: string) => [...t].map((c) => DIGIT_LIKE[c] ?? c).join('');
  if (/^(?:FL|FLR|FLOOR)$/.test(unit)) {
    // a floor is one to three digits, with no letter after them
    const f = /^([0-9SBODIlZG|]{1,3})([.,]?)$/.exec(next);
    return f && /[^0-9]/.test(f[1]!) ? asDigits(f[1]!) + f[2] : null;
  }
  if (!/^(?:APT|APARTMENT|STE|SUITE|UNIT|RM|ROOM|#)$/.test(unit)) return null;
  // a unit's letter OCR read as the sign it looks like ("Suite 7€" on a scan for "Suite 7C"): no
  // unit's id holds a currency or copyright sign
  const sign = /^(\d{1,4})([€¢©])([.,]?)$/.exec(next);
  if (sign) return sign[1]! + 'C' + sign[3]!;
  // among digits: "Z5B" holds a 5, "SB" is two letters someone may have printed
  const m = /^([0-9SBODIlZG|]+?)([A-Za-z]?)([.,]?)$/.exec(next);
  if (!m || !/[^0-9]/.test(m[1]!) || !/\d/.test(m[1]!) || m[1]!.length > 5) return null;
  return asDigits(m[1]!) + m[2] + m[3];
}

/**
 * Repairs a street or unit line the way a reader would: a street suffix with look-alike letters
 * ("Mill P1", "Willow PI", "Main 5t" -> Pl, St) and a unit glued to its number ("FL8", "Ste210").
 * Only the suffix position (last word, or the word before a unit) is touched, so names stay.
 */
export function repairStreetLine(line: string): string {
  const toks = dropStrayMarks(line)
    .trim()
    // a house number OCR ran into the street name ("963Mill Place"); ordinals stay ("21st")
    .replace(/^([1-9]\d*)(?!(?:st|nd|rd|th)\b)([A-Za-z]{2,})/i, '$1 $2')
    // a road by kilometre read with its spaces lost ("CARR.55KM 1.4" for "CARR. 55 KM 1.4"):
    // run together it is neither a street nor a place, and the line was dropped as a name
    .replace(/^(CARR(?:ETERA)?\.?)\s*(\d+[A-Z]?)\s*(KM\.?)\s*(?=\d)/i, '$1 $2 $3 ')
    .split(/\s+/)
    .filter(Boolean);
  const out: string[] = [];
  for (const [k, raw] of toks.entries()) {
    // a unit's number whose first digit OCR read twice, once as the letter it looks like
    // ("AptS5" for "Apt 5", "SuiteB8" for "Suite 8"): the letter is no part of it
    const t = raw.replace(DOUBLED_DIGIT, (m, u: string, l: string, d: string) =>
      DIGIT_LIKE[l] === d[0] ? u + d : m,
    );
    const g = GLUED_UNIT.exec(t);
    // right after the house number: a direction read with a 5 ("5W") or glued to the street
    // name ("NOrchard")
    const dir = k === 1 ? /^(?:([NS5][EW])|([NSEW])([A-Z][a-z]{2,}))$/.exec(t) : null;
    // a street name run into its suffix ("OakRd", "CommerceTrl")
    const suf = k >= 1 ? /^([A-Z][a-z]+)([A-Z][a-z]{1,5})([.,]?)$/.exec(t) : null;
    // "Fl 10" read with its l as a 1 or an I, and its space lost ("F110", "FI 9"), where a unit
    // stands: opening its line or after the street's suffix or a comma
    const prev = out[out.length - 1];
    const unitSpot =
      prev === undefined || prev.endsWith(',') || STREET_SUFFIX.has(prev.toUpperCase().replace(/\./g, ''));
    const floor = unitSpot ? /^F[1Il|](\d{1,3})$/.exec(t) : null;
    if (g) out.push(g[1]!, g[2]!);
    else if (floor) out.push('Fl', floor[1]!);
    else if (unitSpot && /^F[1I|]$/.test(t) && /^\d/.test(toks[k + 1] ?? '')) out.push('Fl');
    else if (suf && STREET_SUFFIX.has(suf[2]!.toUpperCase())) out.push(suf[1]!, suf[2]! + suf[3]!);
    else if (dir?.[1]) out.push(dir[1].replace('5', 'S'));
    else if (dir?.[2]) out.push(dir[2], dir[3]!);
    // a direction glued to a street name whose l OCR read as a capital I ("SEIm" for "S Elm")
    else if (k === 1 && /^[NSEW][A-Z]I[a-z]+$/.test(t)) out.push(t[0]!, `${t[1]}l${t.slice(3)}`);
    // a direction OCR read doubled, the second time small ("99 Ss Station Rd"): no street word
    // is so spelt
    else if (
      k === 1 &&
      /^([NSEW])([nsew])$/.test(t) &&
      t[0] === t[1]!.toUpperCase() &&
      /^[A-Z][a-z]/.test(toks[2] ?? '')
    )
      out.push(t[0]);
    // an l read as a capital I after a word's capital ("EIm Pl", "HIll Rd"): no word is so spelt
    else if (/^[A-Z]I[a-z]+[.,]?$/.test(t)) out.push(`${t[0]}l${t.slice(2)}`);
    else out.push(t);
  }
  // the number after a unit word, with digits OCR read as letters ("Fl S", "Apt Z5B")
  for (let i = 0; i + 1 < out.length; i++) {
    const fix = unitNumber(out[i]!, out[i + 1]!);
    if (fix) out[i + 1] = fix;
  }
  // "Fl 5" with its space lost and every glyph a look-alike ("FIS"): a line of its own
  const glued = out.length === 1 ? /^F[lI1|]([SBOZG])$/.exec(out[0]!) : null;
  if (glued) out.splice(0, 1, 'Fl', DIGIT_LIKE[glued[1]!]!);
  // a unit word with one OCR slip before its number ("Suitc 524", "Unlt 7")
  for (let i = 0; i + 1 < out.length; i++) {
    const w = out[i]!;
    // Three letters only as a line of its own unit ("STH 912" -> STE 912), keeping its first
    // letter: a route ("RTE 9") or a word of a street name must not turn into a unit.
    const shortUnitLine = w.length === 3 && i === 0 && out.length === 2;
    if (
      (w.length < 4 && !shortUnitLine) ||
      UNIT_WORD.test(w) ||
      !/^[#\dA-Za-z]{1,5}$/.test(out[i + 1]!) ||
      !/\d/.test(out[i + 1]!)
    )
      continue;
    // only where a unit can stand: opening its line or after the street ("Pl, Suitc 5")
    const prev = out[i - 1];
    if (
      prev !== undefined &&
      !prev.endsWith(',') &&
      !STREET_SUFFIX.has(prev.toUpperCase().replace(/\./g, ''))
    )
      continue;
    const u = w.toUpperCase();
    const fix = UNIT_NAMES.find(
      (n) =>
        n.length === u.length &&
        [...n].filter((c, k) => c !== u[k]).length === 1 &&
        (u.length > 3 || n[0] === u[0]),
    );
    if (fix) out[i] = /[a-z]/.test(w) ? fix[0] + fix.slice(1).toLowerCase() : fix;
  }
  for (let i = 1; i < out.length; i++) {
    const next = out[i + 1];
    if (!(i === out.length - 1 || (next !== undefined && UNIT_WORD.test(next.replace(/[.,]/g, '')))))
      continue;
    const raw = out[i]!;
    const m = /^([A-Za-z0-9|]{2,5})([.,]?)$/.exec(raw);
    // a suffix OCR read small on a mixed-case line ("Aspen st") takes the line's case
    if (m && /^[a-z]+$/.test(m[1]!) && STREET_SUFFIX.has(m[1]!.toUpperCase()) && /[A-Z]/.test(out[i - 1]!)) {
      out[i] = m[1]![0]!.toUpperCase() + m[1]!.slice(1) + m[2];
      continue;
    }
    if (!m || STREET_SUFFIX.has(m[1]!.toUpperCase()) || !/^[A-Za-z5]/.test(m[1]!) || !/[A-Za-z]/.test(m[1]!))
      continue;
    const fixed = m[1]!.toUpperCase().replace(/[1I|]/g, 'L').replace(/0/g, 'O').replace(/5/g, 'S');
    if (!STREET_SUFFIX.has(fixed) || fixed === m[1]!.toUpperCase()) continue;
    // the line's own case: "Mill Pl" on a mixed-case bill, "MILL PL" on an all-caps one
    const mixed = out.some((w, k) => k !== i && /[a-z]/.test(w));
    out[i] = (mixed ? fixed[0] + fixed.slice(1).toLowerCase() : fixed) + m[2];
  }
  return out.join(' ');
}

/**
 * The first line of a Puerto Rico address that is not a street: an urbanization, condominium,
 * public housing project, barrio or sector ("Urb. Villa Carolina" over "Calle 45 Bloque 12 #8"),
 * or a road by kilometre ("Carr. 2 Km 15.3"); and a street named before its number ("Calle
 * Amapola A-5", "Ave. Ponce de Leon 1250").
 */
export const PR_PLACE_RE =
  /^\s*(?:URB|URBANIZACI[OÓ]N|COND|CONDOMINIO|RES|RESIDENCIAL|BO|BARRIO|PARC|PARCELAS|SECTOR|CARR|CARRETERA|CALLE|AVE|AVENIDA|CAMINO|PASEO)\b\.?\s+\S/i;

/**
 * A street line: a house number and a name after it ("12 Elm St", "1402-88 Bay St"), or a PO box.
 * A business whose name opens with a number ("24 Hour Fitness") is no street (`numbered-names.ts`).
 * A number alone is no street: on a phone app's screen photographed, the transfer PIN above the
 * address ("6913320") was taken for line 1 once the labels between them were lost.
 */
export const looksLikeStreet = (s: string): boolean =>
  (/^\s*\d+[A-Za-z]?\b/.test(repairDigits(s)) &&
    /[A-Za-z]{2}/.test(s.replace(/^\s*\S+/, '')) &&
    !numberedName(s)) ||
  /^\s*(?:P\.?\s?O\.?\s+BOX|ONE|TWO)\b/i.test(s);

export const MONEY_RE = /-?\$\s?-?[\d,]+\.\d{2}|\b\d{1,3}(?:,\d{3})*\.\d{2}\b/;

/**
 * A customer's rubber stamp as read off the page: its word ("PAID", "RECEIVED 04/12/2025") or the
 * date it carries on a line of its own ("OCT 16 2024"). Stamped across an address block, it sits
 * between the block's lines.
 */
export function isStampText(text: string): boolean {
  const t = text.trim();
  return STAMP.test(t) || STAMP_DATE.test(t);
}
const STAMP =
  /^(?:PAID|RECEIVED|REC'?D|PAST DUE|VOID|FAXED|SCANNED|ENTERED|POSTED|APPROVED|PROCESSED)(?:\s+(?:ON\s+)?[\d/.-]+)?$/i;
const STAMP_DATE = /^[A-Z]{3}\.?\s+\d{1,2},?\s+\d{4}$/;
