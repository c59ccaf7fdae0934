// NANP phone numbers. libphonenumber-js parses any human format ("(970) 555-0124", "+1 970.555.0124",
// "970 555 0124 x12") and knows which NPAs are Canadian; the NANP plan rules it does not enforce
// strictly (N11 exchanges, the 555-01XX fictitious range) are applied here, from DOMAIN.md.
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export const TOLL_FREE_NPAS = ['800', '833', '844', '855', '866', '877', '888'] as const;

// DOMAIN.md's list; used as a fallback and cross-check of libphonenumber's region CA metadata.
export const CANADIAN_NPAS = new Set(
  (
    '204 226 236 249 250 263 289 306 343 354 365 367 368 382 403 416 418 428 431 437 438 450 468 474 506 514 519 ' +
    '548 579 581 584 587 604 613 639 647 672 683 705 709 742 753 778 780 782 807 819 825 867 873 879 902 905'
  ).split(' '),
);

export type PhoneProblem =
  'empty' | 'not_a_number' | 'not_nanp' | 'bad_npa' | 'bad_exchange' | 'n11_exchange' | 'fictitious';

export interface PhoneInfo {
  /** What was given, trimmed. */
  input: string;
  /** Ten digits when the input holds a NANP number (valid or not); null otherwise. */
  digits: string | null;
  /** Plan-valid and not fictitious. */
  valid: boolean;
  /** 555-0100..555-0199: reserved for fiction (the sample bills use them). */
  fictitious: boolean;
  tollFree: boolean;
  canadian: boolean;
  kind: 'local' | 'tollfree' | 'canadian';
  problem: PhoneProblem | null;
  /** One line for the agent when problem is set. */
  reason: string | null;
}

/** "9705550124" -> "970-555-0124". Anything else is returned unchanged. */
export function formatPhone(d: string | null | undefined): string {
  if (!d) return '';
  return /^\d{10}$/.test(d) ? `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}` : d;
}

/** Ten NANP digits from any human format, or null when it is not a NANP number at all. */
export function phoneDigits(input: string | null | undefined): string | null {
  const s = String(input ?? '').trim();
  if (!s) return null;
  // Extensions are not part of the number.
  const core = s.replace(/\s*(?:x|ext\.?|extension|#)\s*\d{1,6}\s*$/i, '');
  const raw = core.replace(/\D/g, '');
  if (/^\+/.test(core) && !/^\+\s*1/.test(core)) return null; // another country code
  if (raw.length === 10) return raw;
  if (raw.length === 11 && raw.startsWith('1')) return raw.slice(1);
  const p = parsePhoneNumberFromString(core, 'US');
  if (p && p.countryCallingCode === '1' && /^\d{10}$/.test(p.nationalNumber)) return p.nationalNumber;
  return null;
}

export function isTollFree(d: string): boolean {
  return (TOLL_FREE_NPAS as readonly string[]).includes(d.slice(0, 3));
}

// Canada is a property of the area code alone; libphonenumber's lookup is the slow part of a
// 1,000-number case, so it runs once per NPA.
const canadianByNpa = new Map<string, boolean>();

export function isCanadian(d: string): boolean {
  const npa = d.slice(0, 3);
  let ca = canadianByNpa.get(npa);
  if (ca === undefined) {
    ca = CANADIAN_NPAS.has(npa) || parsePhoneNumberFromString(`+1${npa}2345678`)?.country === 'CA';
    canadianByNpa.set(npa, ca);
  }
  return ca;
}

export function analyzePhone(input: string | null | undefined): PhoneInfo {
  const s = String(input ?? '').trim();
  const base = { input: s, fictitious: false, tollFree: false, canadian: false, kind: 'local' as const };
  if (!s) return { ...base, digits: null, valid: false, problem: 'empty', reason: 'no number given' };
  const d = phoneDigits(s);
  if (!d) {
    const hasDigits = /\d/.test(s);
    return {
      ...base,
      digits: null,
      valid: false,
      problem: hasDigits ? 'not_nanp' : 'not_a_number',
      reason: hasDigits
        ? `"${s}" is not a 10-digit North American (NANP) number`
        : `"${s}" is not a phone number`,
    };
  }
  const npa = d.slice(0, 3);
  const nxx = d.slice(3, 6);
  const tollFree = isTollFree(d);
  const canadian = !tollFree && isCanadian(d);
  const kind = tollFree ? 'tollfree' : canadian ? 'canadian' : 'local';
  const info = { input: s, digits: d, tollFree, canadian, kind } as const;
  const bad = (problem: PhoneProblem, reason: string): PhoneInfo => ({
    ...info,
    valid: false,
    fictitious: problem === 'fictitious',
    problem,
    reason,
  });
  if (/^[01]/.test(npa)) return bad('bad_npa', `${formatPhone(d)}: an area code cannot start with 0 or 1`);
  if (npa[1] === '9')
    return bad('bad_npa', `${formatPhone(d)}: area code ${npa} is not assignable (middle digit 9)`);
  if (/^\d11$/.test(npa))
    return bad('bad_npa', `${formatPhone(d)}: ${npa} is a service code, not an area code`);
  if (/^[01]/.test(nxx))
    return bad('bad_exchange', `${formatPhone(d)}: an exchange cannot start with 0 or 1`);
  if (/^\d11$/.test(nxx))
    return bad('n11_exchange', `${formatPhone(d)}: exchange ${nxx} is an N11 service code`);
  if (nxx === '555' && /^01\d\d$/.test(d.slice(6)))
    return bad('fictitious', `${formatPhone(d)} is in the 555-01XX fictitious range`);
  return { ...info, valid: true, fictitious: false, problem: null, reason: null };
}

/** Same NANP number, whatever the formatting. */
export function phoneEqual(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = phoneDigits(a);
  return x !== null && x === phoneDigits(b);
}

/** Describes how two 10-digit numbers differ: "digits 7 and 8 transposed", "digit 4 differs". */
export function describeDigitDifference(a: string, b: string): string {
  if (a.length !== b.length) return `${a.length} digits against ${b.length}`;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  if (
    diff.length === 2 &&
    diff[1] === diff[0]! + 1 &&
    a[diff[0]!] === b[diff[1]] &&
    a[diff[1]] === b[diff[0]!]
  )
    return `digits ${diff[0]! + 1} and ${diff[1] + 1} transposed`;
  if (diff.length === 1) return `digit ${diff[0]! + 1} differs`;
  return `${diff.length} digits differ`;
}
