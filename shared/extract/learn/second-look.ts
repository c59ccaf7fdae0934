// A second look at the places a learned carrier prints its fields. OCR of a whole page slips on a
// value now and then with full confidence (a 3 read as 2 in white-on-dark print, a street line
// or a city dropped from a photo), and the profile knows where each value is printed. So on an
// OCR'd bill of a learned carrier those places are read again on their own, enlarged, in more
// than one way, and a field takes the new reading only when the looks agree on it against the
// first reading, or the first reading had nothing that holds.
import type { BillFields, Extraction, PageWords, Word } from '../../domain';
import { buildDoc } from '../layout';
import { captionValue, findLabel, valueFrom } from './anchor';
import { fieldKey, fitsProfile } from './apply';
import { pageMap } from './landmarks';
import type { CarrierProfile } from './profile';
import type { ReadField } from './readers';

/** A region of a page, in points. */
export interface PageBox {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A region of a page to read again for a field. */
export interface LookRegion extends PageBox {
  field: ReadField;
}

/** How a region is read again: tesseract's page segmentation mode and the enlargement. */
export interface LookHow {
  psm: string;
  zoom: number;
  /** the only characters the look may read (letters.ts reads an account's letter places so) */
  chars?: string;
}

/**
 * The two looks. Both as a block of text (a region may hold an address's three lines); one twice
 * and one three times the size, because the two sizes slip on different characters.
 */
export const LOOKS: readonly LookHow[] = [
  { psm: '6', zoom: 2 },
  { psm: '6', zoom: 3 },
];

/** Fields worth a second look (the BTN is also in the lines list, read the generic way). */
export const LOOKED: readonly ReadField[] = ['accountNumber', 'accountName', 'serviceAddress', 'billDate'];

/**
 * The margin kept around a value the first reading found, in line heights: wider, and the crop
 * takes in its label's last letters or the caption over it, which a look then reads as part of
 * the value ("ACCOUM Liam Okafor" under "Account Name" on a photo).
 */
const EDGE = 0.25;
/** How far a value may run past where the first reading ended, in line heights. */
const RIGHT = 4;
/** A value the first reading missed: the region from where its learned place starts. */
const WIDTH = 22;
const LINES: Record<ReadField, number> = {
  accountNumber: 1,
  btn: 1,
  billDate: 1,
  accountName: 2,
  serviceAddress: 4,
};

function lineHeight(page: PageWords | undefined): number {
  const hs = (page?.words ?? []).map((w) => w.y1 - w.y0).filter((h) => h > 0);
  if (!hs.length) return 10;
  return hs.sort((a, b) => a - b)[hs.length >> 1]!;
}

function clamp(r: LookRegion, page: PageWords): LookRegion {
  return {
    ...r,
    x0: Math.max(0, r.x0),
    y0: Math.max(0, r.y0),
    x1: Math.min(page.width, r.x1),
    y1: Math.min(page.height, r.y1),
  };
}

/**
 * Where to look again on this bill for each learned field: around the value the reading found
 * (a little further right, where a lost word would be), or, when it found none, where the
 * field's learned place puts it (its label found again, or the landmarks' map of its place).
 */
export function lookRegions(pages: PageWords[], x: Extraction, profile: CarrierProfile): LookRegion[] {
  const out: LookRegion[] = [];
  const pageOf = (n: number) => pages.find((p) => p.page === n);
  let doc: ReturnType<typeof buildDoc> | null = null;
  for (const field of LOOKED) {
    const rule = profile.fields[field];
    if (!rule) continue;
    const boxes = x.fields[field] !== null ? (x.meta[field]?.boxes ?? []) : [];
    if (boxes.length) {
      for (const b of boxes) {
        const page = pageOf(b.page);
        if (!page || page.source !== 'ocr') continue;
        const h = lineHeight(page);
        out.push(
          clamp(
            {
              field,
              page: b.page,
              x0: b.x0 - EDGE * h,
              y0: b.y0 - EDGE * h,
              x1: b.x1 + RIGHT * h,
              y1: b.y1 + EDGE * h,
            },
            page,
          ),
        );
      }
      continue;
    }
    doc ??= buildDoc(pages);
    const start = learnedStart(doc, profile, field);
    const page = start && pageOf(start.page);
    if (!start || !page || page.source !== 'ocr') continue;
    const h = lineHeight(page);
    out.push(
      clamp(
        {
          field,
          page: start.page,
          x0: start.x - h,
          y0: start.y - 0.8 * h,
          x1: start.x + WIDTH * h,
          y1: start.y + (LINES[field] + 0.3) * h * 1.3,
        },
        page,
      ),
    );
  }
  return out;
}

/** Where a field's value should start on this bill (page points), from its learned places. */
function learnedStart(
  doc: ReturnType<typeof buildDoc>,
  profile: CarrierProfile,
  field: ReadField,
): { page: number; x: number; y: number } | null {
  const rule = profile.fields[field]!;
  for (const a of rule.anchors) {
    if (a.how === 'page') continue;
    const whole = a.how === 'below' || a.how === 'above';
    const found = findLabel(doc, a.label, a.page, whole)[0];
    if (!found) continue;
    const spot = valueFrom(doc, a, found);
    if (spot) {
      const w = spot.seg.words[spot.first]!;
      return { page: found.line.page, x: w.x0, y: (w.y0 + w.y1) / 2 };
    }
    const l0 = found.words[0]!;
    const last = found.words[found.words.length - 1]!;
    const h = found.line.h;
    return whole
      ? { page: found.line.page, ...captionValue(a, found) }
      : { page: found.line.page, x: last.x1 + h * 0.5, y: (l0.y0 + l0.y1) / 2 };
  }
  const where = pageMap(doc, profile.landmarks);
  for (const a of rule.anchors) {
    const at = where.map(a.page, a.px, a.py);
    if (at) return { page: a.page, x: at.x, y: at.y };
  }
  return null;
}

/** How much less sure than the first reading the looks may be and still replace it. */
const SURE = 0.02;
const conf = (x: Extraction, field: ReadField) => x.meta[field]?.confidence ?? 0;

const meets = (b: { page: number; x0: number; y0: number; x1: number; y1: number }, r: LookRegion) =>
  b.page === r.page && b.x0 < r.x1 && b.x1 > r.x0 && b.y0 < r.y1 && b.y1 > r.y0;

/** Whether a word's centre lies inside a region's box (matching its page is the caller's part). */
export const centreIn = (w: Word, r: PageBox): boolean => {
  const cx = (w.x0 + w.x1) / 2;
  const cy = (w.y0 + w.y1) / 2;
  return cx >= r.x0 && cx <= r.x1 && cy >= r.y0 && cy <= r.y1;
};

/**
 * The pages with each region's words replaced by what a look read there (regions whose look
 * read nothing keep their words: a look can only replace a reading, never erase it).
 */
export function withLooks(
  pages: PageWords[],
  regions: readonly LookRegion[],
  reads: readonly Word[][],
): PageWords[] {
  return pages.map((p) => {
    let words = p.words;
    regions.forEach((r, i) => {
      if (r.page !== p.page) return;
      const got = (reads[i] ?? []).filter((w) => centreIn(w, r));
      if (!got.length) return;
      words = [...words.filter((w) => !centreIn(w, r)), ...got];
    });
    return words === p.words ? p : { ...p, words };
  });
}

/** The words each reading was made from: the first reading's pages and each look's. */
export interface LookWords {
  first: readonly PageWords[];
  looks: readonly (readonly PageWords[] | undefined)[];
}

/** A word's letters and digits, upper case: what readings of a value are compared by. */
export const wordKey = (t: string): string => t.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * Whether a look read a word of its value otherwise than the first reading and less surely than
 * the first reading read the word it replaces (a word neither reading has alike, at its place).
 */
function weakerWords(
  field: ReadField,
  look: Extraction,
  lookPages: readonly PageWords[] | undefined,
  firstPages: readonly PageWords[],
  regions: readonly LookRegion[],
): boolean {
  if (!lookPages) return false;
  const boxes = look.meta[field]?.boxes ?? [];
  for (const r of regions) {
    const mine = lookPages.find((p) => p.page === r.page)?.words ?? [];
    const theirs = firstPages.find((p) => p.page === r.page)?.words ?? [];
    for (const w of mine) {
      if (!centreIn(w, r) || !boxes.some((b) => b.page === r.page && centreIn(w, b))) continue;
      const under = theirs.filter(
        (o) =>
          Math.min(o.x1, w.x1) - Math.max(o.x0, w.x0) > 0.5 * Math.min(o.x1 - o.x0, w.x1 - w.x0) &&
          Math.min(o.y1, w.y1) > Math.max(o.y0, w.y0),
      );
      if (!under.length || under.some((o) => wordKey(o.text) === wordKey(w.text))) continue;
      if (w.conf < Math.max(...under.map((o) => o.conf)) - SURE) return true;
    }
  }
  return false;
}

/**
 * The reading with each looked-at field settled: a look's value replaces the first reading's
 * when every look reads the same value and the first reading differs (it slipped), or when the
 * first reading has no value that holds for the profile (none, or an account number of another
 * shape) and a look has one. Otherwise the first reading stands.
 */
export function settleLooks(
  first: Extraction,
  looks: readonly Extraction[],
  profile: CarrierProfile,
  regions: readonly LookRegion[],
  ocr = true,
  words?: LookWords,
): { extraction: Extraction; changed: ReadField[] } {
  if (!looks.length) return { extraction: first, changed: [] };
  const fields: BillFields = { ...first.fields };
  const meta = { ...first.meta };
  const changed: ReadField[] = [];
  for (const field of LOOKED) {
    if (!profile.fields[field]) continue;
    const mine = regions.filter((r) => r.field === field);
    // a look answers for the place it read again: a value it moved elsewhere ("Send bills to"
    // taken for the name once the name's words were read anew) is not its reading
    const inPlace = (x: Extraction) =>
      x === first || (x.meta[field]?.boxes ?? []).some((b) => mine.some((r) => meets(b, r)));
    const holds = (x: Extraction) =>
      x.fields[field] !== null && fitsProfile(field, x.fields[field], profile, ocr) && inPlace(x);
    const key = (x: Extraction) => (holds(x) ? fieldKey(field, x.fields[field]) : null);
    const k0 = key(first);
    const keys = looks.map(key);
    let pick: Extraction | undefined;
    if (k0 === null)
      pick = looks.find((_, i) => keys[i] !== null && keys.every((k) => k === null || k === keys[i]));
    else if (
      keys[0] !== null &&
      keys.every((k) => k === keys[0]) &&
      keys[0] !== k0 &&
      // …and read no less surely: a crop that clips a letter reads it as another, and both
      // looks clip it alike ('pELGADO' for 'DELGADO' on a scan)
      Math.min(...looks.map((x) => conf(x, field))) >= conf(first, field) - SURE &&
      // …word for word: a field's mean hides the one word the looks changed ("Apt 268," at
      // 0.55 for "26B," read at 0.88, in an address of ten sure words)
      !(words && looks.some((x, i) => weakerWords(field, x, words.looks[i], words.first, mine)))
    )
      pick = looks[0];
    if (!pick) continue;
    (fields as Record<ReadField, unknown>)[field] = pick.fields[field];
    const m = pick.meta[field];
    if (m) meta[field] = m;
    changed.push(field);
  }
  return changed.length
    ? { extraction: { ...first, fields, meta }, changed }
    : { extraction: first, changed };
}
