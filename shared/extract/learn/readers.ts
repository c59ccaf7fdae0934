// Reading one field's value starting at a given word, with the generic reader's own parsers and
// repairs. Learning uses it to find where the taught value is printed (a place where the reader,
// started there, reads the taught value); applying uses it to read the value at that place.
import type { Address, BillFields } from '../../domain';
import { foldAccents } from '../../normalize/accents';
import { basicName } from '../../normalize/name';
import { normalizeAccount } from '../../normalize/account';
import { repairFromCopies } from '../copies';
import { addrKey, cleanName, completeFromCopy, naturalOrder, readAddressAt, trimNameWords } from '../fields';
import { isLabelWords } from '../labels';
import { meanConf, type LWord, type Segment } from '../layout';
import type { Labelled, ValueRead } from '../read';
import {
  findDates,
  findDatesDayFirst,
  joinFragments,
  looksLikeStreet,
  parseAccountNumber,
  parseCityStateZip,
  parsePhone,
  repairLetters,
  UNIT_RE,
} from '../shapes';
import { fitShape } from './shape';
import type { Spot } from './anchor';

export type ReadField = Exclude<keyof BillFields, 'carrier' | 'numbers'>;
export const READ_FIELDS: readonly ReadField[] = [
  'accountNumber',
  'btn',
  'billDate',
  'accountName',
  'serviceAddress',
];

/**
 * A name or an address as the learned places and the generic reading compare them: accents off,
 * since the generic reader puts back a Quebec word's accents ("Benoît") that a learned place,
 * reading the same print, leaves as OCR read it ("Benoit"). One value, not two.
 */
export const nameKey = (v: string): string => basicName(foldAccents(v));
export const addressKey = (a: Address): string =>
  addrKey({
    ...a,
    line1: foldAccents(a.line1),
    line2: a.line2 === null ? null : foldAccents(a.line2),
    city: foldAccents(a.city),
  });

export interface FieldRead {
  value: string | Address;
  /** compared the way the scorer and the checks compare this field */
  key: string;
  words: LWord[];
  conf: number;
  /** the value fits the learned shape (always true for fields without one) */
  fits: boolean;
}

const textOf = (ws: LWord[]) =>
  ws
    .map((w) => w.text)
    .join(' ')
    .trim();

export interface ReadOptions {
  /** lines the value runs over (a name wrapped in its column) */
  lines?: number;
  shapes?: readonly string[];
  /** the carrier's name words: a name that is the carrier's own is not the account holder */
  carrierKey?: string;
}

function vr(spot: Spot): ValueRead {
  const words = spot.seg.words.slice(spot.first);
  return { words, text: textOf(words), how: 'same', line: spot.seg.line, seg: spot.seg, x0: words[0]!.x0 };
}

/** The next line's piece in the same column, starting near x (a wrapped value's second line). */
function below(L: Labelled, seg: Segment, x: number): Segment | null {
  const line = seg.line;
  for (let i = line.index + 1; i < L.doc.lines.length; i++) {
    const ln = L.doc.lines[i]!;
    if (ln.page !== line.page || ln.cy - line.cy > line.h * 2.6) return null;
    const s = ln.segs.find((g) => Math.abs(g.x0 - x) < line.h * 1.2);
    if (s) return s;
  }
  return null;
}

const STREET_END =
  /\b(ST|STREET|AVE|AVENUE|RD|ROAD|DR|DRIVE|LN|LANE|CT|COURT|PL|PLACE|BLVD|BOULEVARD|PKWY|PARKWAY|HWY|HIGHWAY|CIR|CIRCLE|TER|TERRACE|TRL|TRAIL)\.?$/i;

/**
 * A piece of an address a learned place can land on when a scan shifts its lines ("MILL
 * PARKWAY", "UNIT 29"): never a name. (The generic reader, which reads by label, is not asked.)
 */
const streetPiece = (v: string) => UNIT_RE.test(v) || STREET_END.test(v);

export function readAt(L: Labelled, field: ReadField, spot: Spot, o: ReadOptions = {}): FieldRead | null {
  const r = vr(spot);
  const ocr = r.words.some((w) => w.ocr);
  switch (field) {
    case 'accountNumber': {
      const v = parseAccountNumber(r.text, ocr);
      if (!v) return null;
      const words = r.words.slice(0, v.split(/\s+/).length);
      const fitted = o.shapes?.length ? fitShape(v, o.shapes, ocr) : null;
      const value = fitted ?? v;
      return {
        value,
        key: normalizeAccount(value),
        words,
        conf: meanConf(words),
        fits: !o.shapes?.length || fitted !== null,
      };
    }
    case 'btn': {
      // the number must start at this word, not further along the piece
      if (!/^[(+]?\d/.test(r.words[0]!.text)) return null;
      const v = parsePhone(r.text.slice(0, 40));
      if (!v) return null;
      const words = r.words.slice(0, 4);
      return { value: v, key: v, words, conf: meanConf(words), fits: true };
    }
    case 'billDate': {
      const d = (L.dayFirst ? findDatesDayFirst : findDates)(r.text)[0];
      if (!d || d.start > 3) return null;
      const words = r.words.slice(0, 3);
      return { value: d.iso, key: d.iso, words, conf: meanConf(words), fits: true };
    }
    case 'accountName': {
      const words = trimNameWords(r.words);
      // a caption ("Statement Date") where a name was expected
      if (isLabelWords(words)) return null;
      let text = textOf(words).replace(/[,;]$/, '');
      let all = words;
      if ((o.lines ?? 1) > 1) {
        const next = below(L, spot.seg, words[0]!.x0);
        // the taught name ran on to a second line (a DBA line under the legal name); this bill's
        // fits on one, and the line under it is the next caption ("Location of Service")
        if (next && !isLabelWords(next.words)) {
          text = `${text} ${next.text}`;
          all = [...words, ...next.words];
        }
      }
      const v = cleanName(ocr ? joinFragments(repairLetters(text)) : text);
      if (!v || looksLikeStreet(v) || parseCityStateZip(v) || streetPiece(v)) return null;
      const p = completeFromCopy(L, { value: naturalOrder(v), confidence: 1, words: all, all: [] });
      const key = nameKey(p.value);
      if (o.carrierKey && key.replace(/\s+/g, '').startsWith(o.carrierKey)) return null;
      return { value: p.value, key, words: p.words, conf: meanConf(p.words), fits: true };
    }
    case 'serviceAddress': {
      if (!/\d/.test(r.words[0]!.text) && !/^(suite|ste|unit|apt|fl|floor|bldg|#)/i.test(r.words[0]!.text))
        return null;
      // a value starting its own piece right of its caption may be set flush right, its lines
      // sharing a right edge ("Service address      27109 Meadow Rd" over "Suite 2A" over
      // "Roanoke, VA 24011"): the reader looks for such lines only after a caption's piece
      const a = readAddressAt(L, spot.first === 0 && spot.seg.index > 0 ? { ...r, how: 'right' } : r);
      if (!a || !looksLikeStreet(a.address.line1)) return null;
      const p = repairFromCopies(L, { value: a.address, confidence: 1, words: a.words, all: [] });
      return {
        value: p.value,
        key: addressKey(p.value),
        words: p.words,
        conf: meanConf(p.words),
        fits: true,
      };
    }
  }
}
