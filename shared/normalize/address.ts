// Service addresses, compared the way a USPS clerk would: Publication 28 suffixes, directionals
// and unit designators; a unit written on line 1 or line 2 is the same unit; "2nd Floor" is
// "FL 2"; ZIP is compared on its first five digits; state names become codes.
import type { Address } from '../domain';
import { DIRECTIONAL, ORDINAL_WORDS, STATE_CODES, STREET_SUFFIX, UNIT_DESIGNATOR, UNIT_WORD } from './usps';
import { foldAccents } from './accents';
import { LOOKS_LIKE_DIGIT } from './account';

export interface AddressUnit {
  /** Pub 28 designator (STE, APT, FL, ...) or '#' when only "#" was written. */
  designator: string;
  /** "210", "C"; '' for designators that take none (BSMT, REAR). */
  id: string;
}

export interface NormalizedAddress {
  /** House number, e.g. "1779"; '' when none. */
  number: string;
  /** Comparison key: street without the house number or units, every word Pub 28-abbreviated. */
  street: string;
  /** For reasons: only the directionals and the suffix abbreviated ("W HARBOR CIR"). */
  streetDisplay: string;
  units: AddressUnit[];
  /** The box number when this is a PO box; null otherwise. */
  poBox: string | null;
  city: string;
  state: string;
  /** First five digits of a US ZIP, or the six characters of a Canadian postal code. */
  zip: string;
  /** The +4 when given. */
  zip4: string | null;
}

const PO_BOX =
  /^\s*(?:P\.?\s*O\.?\s*B(?:OX)?\.?|POST\s+OFFICE\s+BOX|POB|BOX|P\.?\s*O\.?\s*DRAWER|CALLER\s+BOX|LOCKBOX)(?![A-Z])\s*#?\s*([A-Z0-9-]+)/i;

/** True when the line is a post-office box ("P.O. Box 12", "POB 12", "Post Office Box 12"). */
export function isPoBox(line: string | null | undefined): boolean {
  return PO_BOX.test(String(line ?? ''));
}

export function normalizeState(s: string | null | undefined): string {
  const u = foldAccents(String(s ?? ''))
    .toUpperCase()
    .replace(/[^A-ZÉ ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return STATE_CODES[u] ?? u;
}

const CITY_WORDS: Record<string, string> = { FT: 'FORT', MT: 'MOUNT', ST: 'SAINT', STE: 'SAINTE' };

export function normalizeCity(s: string | null | undefined): string {
  return foldAccents(String(s ?? ''))
    .toUpperCase()
    .replace(/[^A-Z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => CITY_WORDS[t] ?? t)
    .join(' ');
}

export function normalizeZip(s: string | null | undefined): { zip: string; zip4: string | null } {
  const raw = String(s ?? '').toUpperCase();
  const ca = raw.replace(/[^A-Z0-9]/g, '');
  if (/^[A-Z]\d[A-Z]\d[A-Z]\d$/.test(ca)) return { zip: ca, zip4: null };
  const d = raw.replace(/\D/g, '');
  return { zip: d.slice(0, 5), zip4: d.length >= 9 ? d.slice(5, 9) : null };
}

function tokenize(text: string): string[] {
  return (
    foldAccents(text)
      .toUpperCase()
      // "2nd Floor", "2nd Fl" -> FL 2; "Floor 2" is already in designator order.
      .replace(/\b(\d+)\s*(?:ST|ND|RD|TH)\s+(?:FLOOR|FLR|FL)\b/g, 'FL $1')
      .replace(
        /\b(FIRST|SECOND|THIRD|FOURTH|FIFTH|SIXTH|SEVENTH|EIGHTH|NINTH|TENTH)\s+(?:FLOOR|FLR|FL)\b/g,
        (_m, w: string) => `FL ${parseInt(ORDINAL_WORDS[w]!, 10)}`,
      )
      .replace(/#\s*/g, ' # ')
      .replace(/[.,;]/g, ' ')
      .split(/\s+/)
      .filter(Boolean)
  );
}

function looksLikeUnitId(t: string | undefined): boolean {
  return (
    t !== undefined &&
    (/\d/.test(t) || /^[A-Z]$/.test(t) || /^[A-Z]{1,2}-?\d*$/.test(t)) &&
    !(t in UNIT_DESIGNATOR)
  );
}

// Designators that name a place without an id ("Rear", "Basement").
const NO_ID = new Set(['BSMT', 'FRNT', 'LBBY', 'LOWR', 'PH', 'REAR', 'SIDE', 'UPPR']);

/** Street line(s) -> number, street, units, PO box. line2 is read as a continuation of line1. */
export function parseStreet(
  line1: string | null | undefined,
  line2?: string | null,
): Omit<NormalizedAddress, 'city' | 'state' | 'zip' | 'zip4'> {
  const joined = [line1, line2].filter((s) => s && String(s).trim()).join(' ');
  const po = PO_BOX.exec(joined);
  if (po) return { number: '', street: '', streetDisplay: '', units: [], poBox: po[1]!.toUpperCase() };
  const tokens = tokenize(joined);
  // Some bills print the unit first ("Suite 210, 123 Main St"): move it after the street.
  const lead = tokens[0] !== undefined ? UNIT_DESIGNATOR[tokens[0]] : undefined;
  if (
    lead &&
    lead !== '#' &&
    looksLikeUnitId(tokens[1]) &&
    /^\d+[A-Z]?$/.test(tokens[2] ?? '') &&
    tokens.length > 3
  )
    tokens.push(...tokens.splice(0, 2));
  let number = '';
  if (tokens[0] && /^\d+[A-Z]?(?:-\d+[A-Z]?)?$/.test(tokens[0])) number = tokens.shift()!;
  const street: string[] = [];
  const units: AddressUnit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const des = UNIT_DESIGNATOR[t];
    const afterStreet = street.length >= 1 || units.length > 0;
    if (des && afterStreet) {
      let j = i + 1;
      // "Unit No 5", "Suite # 5"
      while (tokens[j] === 'NO' || tokens[j] === 'NUMBER' || (tokens[j] === '#' && des !== '#')) j++;
      if (looksLikeUnitId(tokens[j])) {
        units.push({ designator: des, id: tokens[j]!.replace(/-/g, '') });
        i = j;
        continue;
      }
      if (NO_ID.has(des) && (units.length > 0 || j >= tokens.length)) {
        units.push({ designator: des, id: '' });
        i = j - 1;
        continue;
      }
    }
    if (units.length > 0 && looksLikeUnitId(t)) {
      // A bare id after a unit ("Bldg C 210") belongs to a further, unnamed unit.
      units.push({ designator: '#', id: t });
      continue;
    }
    street.push(t);
  }
  // Every word is abbreviated for the key, so "Court St" == "Ct Street" wherever the suffix sits.
  const key = street.map((t) => DIRECTIONAL[t] ?? STREET_SUFFIX[t] ?? ORDINAL_WORDS[t] ?? t);
  const last = street.length - 1;
  const display = street.map((t, i) => {
    if ((i === 0 || i === last) && DIRECTIONAL[t]) return DIRECTIONAL[t];
    if (i === last || (i === last - 1 && DIRECTIONAL[street[last]!])) return STREET_SUFFIX[t] ?? t;
    return t;
  });
  return { number, street: key.join(' '), streetDisplay: display.join(' '), units, poBox: null };
}

export function normalizeAddress(a: Address | null | undefined): NormalizedAddress | null {
  if (!a) return null;
  const { zip, zip4 } = normalizeZip(a.zip);
  return {
    ...parseStreet(a.line1, a.line2),
    city: normalizeCity(a.city),
    state: normalizeState(a.state),
    zip,
    zip4,
  };
}

/** One canonical line, e.g. "1779 W FRANKLIN LN STE 210, FORT COLLINS, CO 80537". Idempotent on its output's fields. */
export function formatNormalizedAddress(n: NormalizedAddress): string {
  const street = n.poBox
    ? `PO BOX ${n.poBox}`
    : [n.number, n.streetDisplay, ...n.units.map((u) => `${u.designator} ${u.id}`.trim())]
        .filter(Boolean)
        .join(' ');
  return `${street}, ${n.city}, ${n.state} ${n.zip}`;
}

export function unitText(u: AddressUnit): string {
  return `${UNIT_WORD[u.designator] ?? u.designator.toLowerCase()} ${u.id}`.trim();
}

export interface AddressDifference {
  part: 'poBox' | 'number' | 'street' | 'unit' | 'city' | 'state' | 'zip';
  /** "suite 210 on the bill, 201 on the request" */
  text: string;
  /** only in glyphs OCR confuses ("Apt 138" against "Apt 13B"): probably a misread, not another place */
  ocr?: boolean;
}

export interface AddressComparison {
  equal: boolean;
  differences: AddressDifference[];
  /** Harmless differences that were ignored ("ZIP+4 only on the bill"). */
  notes: string[];
}

const show = (s: string) => (s === '' ? 'none' : s);

export function compareAddresses(bill: Address, other: Address, otherLabel = 'request'): AddressComparison {
  const a = normalizeAddress(bill)!;
  const b = normalizeAddress(other)!;
  const d: AddressDifference[] = [];
  const notes: string[] = [];
  const on = (x: string, y: string) => `${x} on the bill, ${y} on the ${otherLabel}`;
  if (a.poBox !== null || b.poBox !== null) {
    if (a.poBox !== b.poBox)
      d.push({
        part: 'poBox',
        text: on(
          a.poBox !== null ? `PO Box ${a.poBox}` : 'a street address',
          b.poBox !== null ? `PO Box ${b.poBox}` : 'a street address',
        ),
      });
  } else {
    if (a.number !== b.number)
      d.push({ part: 'number', text: `street number ${on(show(a.number), show(b.number))}` });
    if (a.street !== b.street)
      d.push({ part: 'street', text: `street ${on(show(a.streetDisplay), show(b.streetDisplay))}` });
    d.push(...compareUnits(a.units, b.units, on));
  }
  if (a.city !== b.city) d.push({ part: 'city', text: `city ${on(show(a.city), show(b.city))}` });
  if (a.state !== b.state) d.push({ part: 'state', text: `state ${on(show(a.state), show(b.state))}` });
  if (a.zip !== b.zip) d.push({ part: 'zip', text: `ZIP ${on(show(a.zip), show(b.zip))}` });
  else if (a.zip4 && b.zip4 && a.zip4 !== b.zip4)
    notes.push(`ZIP+4 differs (${a.zip}-${a.zip4} against ${b.zip}-${b.zip4}); compared on 5 digits`);
  else if ((a.zip4 === null) !== (b.zip4 === null))
    notes.push(`ZIP+4 only on the ${a.zip4 ? 'bill' : otherLabel}; compared on 5 digits`);
  return { equal: d.length === 0, differences: d, notes };
}

/** A unit id with the letters OCR reads for digits (B for 8, O for 0, S for 5) read as those digits. */
const readAsDigits = (id: string): string =>
  id.toUpperCase().replace(/[A-Z]/g, (c) => LOOKS_LIKE_DIGIT[c] ?? c);

function compareUnits(
  a: AddressUnit[],
  b: AddressUnit[],
  on: (x: string, y: string) => string,
): AddressDifference[] {
  const out: AddressDifference[] = [];
  // "Bldg C, Fl 2" and "Fl 2 Bldg C" are the same place.
  const key = (us: AddressUnit[]) =>
    us
      .map((u) => `${u.designator} ${u.id}`)
      .sort()
      .join('|');
  if (a.length > 1 && key(a) === key(b)) return out;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y) {
      const u = (x ?? y)!;
      out.push({ part: 'unit', text: x ? on(unitText(u), 'no unit') : on('no unit', unitText(u)) });
      continue;
    }
    // "#210" names no designator, so it agrees with any designator carrying the same id.
    const sameDesignator = x.designator === y.designator || x.designator === '#' || y.designator === '#';
    if (x.id !== y.id && sameDesignator) {
      const word = UNIT_WORD[x.designator !== '#' ? x.designator : y.designator] ?? 'unit';
      const ocr = x.id.length === y.id.length && readAsDigits(x.id) === readAsDigits(y.id);
      out.push({ part: 'unit', text: `${word} ${on(show(x.id), show(y.id))}`, ...(ocr ? { ocr } : {}) });
    } else if (!sameDesignator) out.push({ part: 'unit', text: on(unitText(x), unitText(y)) });
  }
  return out;
}

/** Same service address (PO boxes compared by box number). */
export function addressEqual(a: Address | null | undefined, b: Address | null | undefined): boolean {
  if (!a || !b) return false;
  return compareAddresses(a, b).equal;
}
