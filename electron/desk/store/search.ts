// What goes into the search index for a case, and how a typed query becomes an FTS5 MATCH.
// Pure, so it is unit-tested without SQLite.
import type { CaseInput } from '../../../shared/domain';

export interface FtsRow {
  name: string;
  numbers: string;
  account: string;
  address: string;
}

const alnum = (s: string) => s.replace(/[^0-9a-z]/gi, '');

export function ftsRow(input: CaseInput): FtsRow {
  const c = input.customer;
  const a = input.serviceAddress;
  const numbers = [c.btn.replace(/\D/g, ''), input.newBtn ?? '', ...input.numbers.map((n) => n.number)];
  // The account number twice: as written ("123-456 789") and bare ("123456789"), so either
  // spelling of it in the search box finds the case.
  const account =
    c.accountNumber === alnum(c.accountNumber)
      ? c.accountNumber
      : `${c.accountNumber} ${alnum(c.accountNumber)}`;
  return {
    name: c.accountName,
    numbers: [...new Set(numbers.filter(Boolean))].join(' '),
    account,
    address: [a.line1, a.line2 ?? '', a.city, a.state, a.zip].filter(Boolean).join(' '),
  };
}

export interface ParsedQuery {
  /** FTS5 MATCH expression over the terms of 3+ characters (the trigram minimum); null if none. */
  match: string | null;
  /** Those same terms, unquoted: each must appear in one field (PostgreSQL's trigram search). */
  terms: string[];
  /**
   * When every term is shorter than 3 characters ("ac", "b 2"): the account name must start with
   * the query. A 1–2 character substring search would scan every case (seconds at 100k cases) on
   * each keystroke of a search-as-you-type box; a name prefix uses the name index instead.
   * Short terms beside a longer one are dropped: the longer one already narrows the list.
   */
  namePrefix: string | null;
}

const PHONEISH = /^[\d\s()+.-]+$/;

/** Collapses "(212) 555-0124" or "+1 212 555 0124" to digits; drops the NANP country code. */
function phoneDigits(s: string): string {
  const d = s.replace(/\D/g, '');
  return d.length === 11 && d.startsWith('1') ? d.slice(1) : d;
}

/** null when the query has no searchable term (list everything). */
export function parseQuery(raw: string): ParsedQuery | null {
  const q = raw.trim();
  if (!q) return null;
  let terms: string[];
  if (PHONEISH.test(q) && /\d/.test(q)) {
    // A whole query that looks like a phone number is one number, spaces and all.
    terms = [phoneDigits(q)];
  } else {
    terms = q
      .split(/\s+/)
      .map((t) => (/^[\d()+.-]+$/.test(t) && /\d/.test(t) ? t.replace(/\D/g, '') : t))
      .filter(Boolean);
  }
  const long = terms.filter((t) => [...t].length >= 3);
  if (!long.length) return terms.length ? { match: null, terms: [], namePrefix: terms.join(' ') } : null;
  // Each term is quoted as an FTS5 string (inner quotes doubled), so operators and punctuation
  // typed by an agent are searched for literally, never parsed as query syntax.
  return {
    match: long.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND '),
    terms: long,
    namePrefix: null,
  };
}

/**
 * Folded as SQLite's trigram tokenizer folds ('remove_diacritics 1', case-insensitive), for the
 * PostgreSQL search column and its terms: "Café" and "CAFE" find each other on both backends.
 */
export const foldForSearch = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The PostgreSQL search column: the FTS row's four fields folded, one per line. */
export const searchDoc = (input: CaseInput): string =>
  Object.values(ftsRow(input))
    .map((v: string) => foldForSearch(v).replace(/\n/g, ' '))
    .join('\n');
