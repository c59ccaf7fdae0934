// Account names. Bills and customers disagree on case, punctuation, "&" vs "AND", "L.L.C." vs
// "LLC" and whether "The" or the entity suffix is written at all; none of that makes it another
// customer. Two *different* entity types ("Acme LLC" vs "Acme Inc") are a different legal entity
// and stay a mismatch.
import { foldAccents } from './accents';

// Entity suffixes, mapped to one class each (Inc == Incorporated, Corp == Corporation, ...).
const SUFFIX_CLASS: Record<string, string> = {
  LLC: 'LLC',
  'L L C': 'LLC',
  'LIMITED LIABILITY COMPANY': 'LLC',
  'LIMITED LIABILITY CO': 'LLC',
  PLLC: 'PLLC',
  LLP: 'LLP',
  LP: 'LP',
  INC: 'INC',
  INCORPORATED: 'INC',
  CORP: 'CORP',
  CORPORATION: 'CORP',
  CO: 'CO',
  COMPANY: 'CO',
  LTD: 'LTD',
  LIMITED: 'LTD',
  // Quebec: limitée
  LTEE: 'LTD',
  LIMITEE: 'LTD',
  PC: 'PC',
  PA: 'PA',
  PLC: 'PLC',
};
// Longest first so "LIMITED LIABILITY COMPANY" wins over "COMPANY".
const SUFFIXES = Object.keys(SUFFIX_CLASS).sort((a, b) => b.length - a.length);

/** Uppercase, '&' == AND, punctuation removed (L.L.C. == LLC), spaces collapsed. Same as the scorer. */
export function basicName(s: string | null | undefined): string {
  return String(s ?? '')
    .toUpperCase()
    .replace(/&/g, ' AND ')
    .replace(/[.'’]/g, '')
    .replace(/[^A-Z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface NameParts {
  /** The name without "The", without entity suffixes. */
  core: string;
  /** Entity suffix classes found at the end, e.g. ['LLC']. */
  suffixes: string[];
  hadThe: boolean;
}

export function nameParts(s: string | null | undefined): NameParts {
  // "L.L.C." has to be joined before the dots go, or it reads as "L L C".
  // Accents folded: a request typed "Cote" names the bill's "Côté" (French names on Quebec bills).
  let n = basicName(
    foldAccents(String(s ?? ''))
      .replace(/\bL\.\s*L\.\s*C\.?/gi, 'LLC')
      .replace(/\bL\.\s*L\.\s*P\.?/gi, 'LLP'),
  );
  const suffixes: string[] = [];
  for (let changed = true; changed;) {
    changed = false;
    for (const suf of SUFFIXES) {
      if (n.endsWith(' ' + suf)) {
        suffixes.unshift(SUFFIX_CLASS[suf]!);
        n = n.slice(0, -suf.length - 1).trim();
        changed = true;
        break;
      }
    }
  }
  const hadThe = /^THE /.test(n);
  while (/^THE /.test(n)) n = n.slice(4);
  return { core: n, suffixes, hadThe };
}

/** The comparison key: core name without "The" or entity suffixes. Idempotent. */
export function normalizeName(s: string | null | undefined): string {
  return nameParts(s).core;
}

export interface NameComparison {
  equal: boolean;
  /** Why they differ, or what harmless difference was ignored. */
  note: string | null;
}

/**
 * The words that put a trade name after a legal one: "DBA", "d/b/a", "D.B.A.", "T/A", "doing
 * business as", "trading as". One pattern for the name check here and for the extractor, which
 * joins a "DBA …" line to the name above it; match it case-blind.
 */
export const DBA_WORDS = String.raw`(?:d\.?\s*\/?\s*b\.?\s*\/?\s*a\.?|doing\s+business\s+as|t\s*\/\s*a|trading\s+as)`;
// "ACME HOLDINGS LLC DBA JOE'S PIZZA", "Acme Holdings LLC d/b/a Joe's Pizza", "… T/A …",
// "… doing business as …": a legal name and the trade name it does business under.
const DBA = new RegExp(String.raw`\s+${DBA_WORDS}\s+`, 'i');
// "Joe's Pizza (Acme Holdings LLC)": the trade name with its legal name in brackets (the closing
// one OCR may lose at the end of the line)
const BRACKETED = /^(.+?)\s*\(([^()]+)\)?$/;

/**
 * The legal name and the trade name of a billing name printed with both ("LEGAL DBA TRADE",
 * "Trade (Legal LLC)"), legal first; [] for a name of one form. A bracketed name counts only
 * where one of the two is a legal entity (an entity suffix): "Hannah Lee (Home)" is one name.
 */
export function dbaForms(s: string): [string, string] | [] {
  const t = s.trim();
  const m = DBA.exec(t);
  if (m) {
    const legal = t.slice(0, m.index).replace(/[,;]$/, '').trim();
    const trade = t.slice(m.index + m[0].length).trim();
    return legal && trade ? [legal, trade] : [];
  }
  const b = BRACKETED.exec(t);
  if (!b) return [];
  const [outer, inner] = [b[1]!.trim(), b[2]!.trim()];
  if (nameParts(inner).suffixes.length) return [inner, outer];
  if (nameParts(outer).suffixes.length) return [outer, inner];
  return [];
}

export function compareNames(bill: string, other: string, otherLabel = 'request'): NameComparison {
  const one = compareOneName(bill, other, otherLabel);
  if (one.equal) return one;
  // A business billed under its legal name and a trade name is named by either one, and by
  // both printed the other way round: agents write the name the customer gave them.
  const fb = dbaForms(bill);
  const fo = dbaForms(other);
  const same = (x: string, y: string) => compareOneName(x, y, otherLabel).equal;
  if (fb.length === 2 && fo.length === 2) {
    if (same(fb[0], fo[0]) && same(fb[1], fo[1]))
      return { equal: true, note: 'the same legal and trade names, printed another way' };
    return one;
  }
  const kinds = ['legal', 'trade'] as const;
  for (let i = 0; i < fb.length; i++)
    if (same(fb[i]!, other))
      return {
        equal: true,
        note: `the ${otherLabel} names the ${kinds[i]} name the bill prints beside its ${kinds[1 - i]} name`,
      };
  for (let i = 0; i < fo.length; i++)
    if (same(bill, fo[i]!))
      return {
        equal: true,
        note: `the bill prints the ${kinds[i]} name the ${otherLabel} gives beside its ${kinds[1 - i]} name`,
      };
  return one;
}

function compareOneName(bill: string, other: string, otherLabel: string): NameComparison {
  const a = nameParts(bill);
  const b = nameParts(other);
  if (!a.core || !b.core) return { equal: false, note: 'a name is empty' };
  if (a.core !== b.core) {
    // "JOHANSSON, HANNAH F" is how some bills print "Hannah F. Johansson": same words, same person.
    const words = (x: string) => x.split(' ').sort().join(' ');
    if (
      a.core.includes(' ') &&
      words(a.core) === words(b.core) &&
      a.suffixes.join(' ') === b.suffixes.join(' ')
    )
      return { equal: true, note: 'same words in a different order' };
    const cut = cutShort(bill, other);
    if (cut) return { equal: true, note: `the bill prints the name cut short at ${cut} characters` };
    return { equal: false, note: null };
  }
  const sa = a.suffixes.join(' ');
  const sb = b.suffixes.join(' ');
  if (sa && sb && sa !== sb)
    return { equal: false, note: `entity type ${sa} on the bill, ${sb} on the ${otherLabel}` };
  if (sa !== sb)
    return { equal: true, note: `entity suffix ${sa || sb} only on the ${sa ? 'bill' : otherLabel}` };
  return { equal: true, note: null };
}

/** Names a billing system cuts to its field width are long; a short name missing words is another name. */
const CUT_MIN_CHARS = 24;

/**
 * The bill's name is the other's cut short by the billing system's field width ("JUNIPER RIDGE
 * FAMILY MEDICINE L." for "Juniper Ridge Family Medicine L.L.C.", cut at 32): a long name whose
 * words are the other's first words and whose last word is cut off inside the other's word. A cut
 * that falls between words is no evidence (a word left out is another name), so that stays a
 * mismatch. Returns the printed length, or 0.
 */
function cutShort(bill: string, other: string): number {
  const printed = bill.trim();
  if (printed.length < CUT_MIN_CHARS) return 0;
  const words = (x: string) => foldAccents(x).toUpperCase().trim().split(/\s+/);
  const a = words(printed);
  const b = words(other);
  if (b.length < a.length) return 0;
  const last = a.length - 1;
  for (let i = 0; i < last; i++) if (basicName(a[i]) !== basicName(b[i])) return 0;
  const tail = a[last]!;
  return b[last]!.length > tail.length && b[last]!.startsWith(tail) ? printed.length : 0;
}
