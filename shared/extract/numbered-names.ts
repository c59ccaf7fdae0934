// Business names that open with a number ("3M Company", "24 Hour Fitness", "7-Eleven Store
// 3321", "99 Cents Only Stores"): a street line opens with one too, so a reader that took every
// "<number> <words>" line for a street threw these names away and took them for line 1 of the
// address under them. A street names its kind (St, Ave, Blvd: the USPS suffixes); a name does
// not, and says what it is instead (a legal form, a trade, a count: "24 Hour", "99 Cents").
import { STREET_SUFFIX, UNIT_DESIGNATOR } from '../normalize/usps';

/** Legal forms: a street never ends in one, so they win even over a suffix ("12 Plaza Inc"). */
const LEGAL_FORM =
  /^(?:COMPANY|CO|INC|INCORPORATED|CORP|CORPORATION|LLC|LLP|PLLC|LTD|LIMITED|LP|PC|PLC|GROUP|ASSOCIATES|PARTNERS|BROS|BROTHERS)$/;

/** What a number in a name counts ("24 Hour", "99 Cents", "4 Seasons", "1 Stop"): never a street's name. */
const COUNT_WORD =
  /^(?:HOURS?|MINUTES?|DAYS?|NIGHTS?|SEASONS?|CENTS?|DOLLARS?|STARS?|POINTS?|STOP|STEP|BROTHERS|SISTERS|DEGREES?|PERCENT)$/;

/** Trades and shop words a business calls itself by, and no street is named without its suffix. */
const TRADE_WORD =
  /^(?:FITNESS|STORES?|SHOPS?|FLOWERS|FLORIST|AUTO|BODY|DENTAL|CLINIC|MEDICAL|PLUMBING|HEATING|ELECTRIC|LANDSCAPING|RESTAURANT|PIZZA|BAKERY|CAFE|DELI|SALON|PHARMACY|INSURANCE|REALTY|LAW|SERVICES|SOLUTIONS|SUPPLY|MOTORS|HARDWARE|CONSTRUCTION|CLEANERS|FOODS|TELECOM|WIRELESS|PRINTING|CONSULTING|LOGISTICS|TRUCKING|TOWING|STUDIO|STUDIOS|FURNITURE|ENTERPRISES|HOLDINGS|VENTURES|INDUSTRIES|SYSTEMS|LABS|MEDIA|PHOTO)$/;

/** A suffix OCR read with look-alike letters ("PI" for PL, "5t" for ST) still names a street. */
const isSuffix = (w: string): boolean =>
  STREET_SUFFIX[w] !== undefined ||
  (w.length <= 4 &&
    STREET_SUFFIX[w.replace(/[1I|]/g, 'L').replace(/0/g, 'O').replace(/5/g, 'S')] !== undefined);

/**
 * A line opening with a number (or a letter-digit brand, "A1") that is a business's name, not a
 * street: no street suffix or unit among its words (a legal form outranks a suffix), and a word
 * that says it is a name, or a first token no house number has ("7-Eleven", "A1").
 */
export function numberedName(s: string): boolean {
  const toks = s
    .trim()
    .split(/\s+/)
    .map((t) =>
      t
        .toUpperCase()
        .replace(/[.,;:]+$/g, '')
        .replace(/\./g, ''),
    );
  const first = toks[0] ?? '';
  if (!/\d/.test(first) || toks.length < 2) return false;
  // the words after it as a scan reads them: a look-alike digit inside a word ("C0MPANY",
  // "F1TNESS") is its letter
  const rest = toks
    .slice(1)
    .map((w) => (/[A-Z]/.test(w) ? w.replace(/0/g, 'O').replace(/[1|]/g, 'I').replace(/5/g, 'S') : w));
  const street = rest.some((w) => isSuffix(w) || UNIT_DESIGNATOR[w] !== undefined);
  // a legal form ends a name; "CO" after a street is Colorado ("18 ELM ST ASPEN CO 81611")
  const last = rest[rest.length - 1]!;
  if (LEGAL_FORM.test(last) && !(street && last === 'CO')) return true;
  // ("#412" after a name is its store's number, after a street its unit: the suffix decides)
  if (street) return false;
  // "7-ELEVEN", "1-800", "A1": a house number is digits with at most one letter ("12A", "1402-88")
  const brand = /^\d+-[A-Z]{2,}/.test(first) || /^[A-Z]+\d+$/.test(first) || /^1-8\d\d$/.test(first);
  // "2 Men and a Truck", "5 Guys Burgers & Fries": a street without its suffix joins nothing
  const joins = rest.some((w) => w === 'AND' || w === '&');
  return brand || joins || COUNT_WORD.test(rest[0]!) || rest.some((w) => TRADE_WORD.test(w));
}
