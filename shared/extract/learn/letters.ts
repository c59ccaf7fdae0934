// An account number's letter read as a digit. A carrier that prints lettered accounts
// ("KJ1-031S-0585") prints them in one shape, and OCR now and then reads one of the letters as a
// digit ("KJ1-0318-0585", "EF5-3477-2989" for "EF5-347Z-2989"). Which letter a digit stands for
// is not the digit's to say (an 8 is a B as often as an S), so the place is read again with
// letters only; the engine then reads the letters it sees and drops what it cannot make one of
// (the digits: "KJL-S-SBS"), so its groups line up with the shape's only at their ends.
import type { Extraction, PageWords, Word } from '../../domain';
import { normalizeAccount } from '../../normalize/account';
import type { CarrierProfile } from './profile';
import type { LookHow, LookRegion } from './second-look';
import { centreIn } from './second-look';
import { fitShape } from './shape';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ-';

/** Two looks at one line, letters only, at two sizes: both must read the same letter. */
export const LETTER_LOOKS: readonly LookHow[] = [
  { psm: '7', zoom: 2, chars: LETTERS },
  { psm: '7', zoom: 3, chars: LETTERS },
];

const SEP = /[\s\-./]+/;

/** A letter place the reading holds a digit in: its group, and its place from the group's start or end. */
interface Slot {
  group: number;
  /** index from the group's start (>= 0) or from its end (< 0: -1 is the last character) */
  at: number;
}

export interface LetterRepair {
  field: 'accountNumber';
  region: LookRegion;
  /** the reading's characters by the shape's groups */
  groups: string[];
  shape: string;
  slots: Slot[];
}

/**
 * The taught shape this reading fits but for digits in letter places, and those places, when
 * each is at an end of its group's run of letters (where a letters-only reading lines up) and the
 * reading already holds a letter in another of the shape's letter places: a carrier also prints
 * accounts of the same length in digits only ("5405550171-708" beside "5405550171-70X"), and
 * those are never made lettered.
 */
function letterSlots(
  value: string,
  shapes: readonly string[],
): Omit<LetterRepair, 'region' | 'field'> | null {
  const groups = value.trim().split(SEP).map(normalizeAccount).filter(Boolean);
  for (const shape of shapes) {
    const want = shape.split(SEP).filter(Boolean);
    if (want.length !== groups.length || want.some((w, i) => w.length !== groups[i]!.length)) continue;
    const slots: Slot[] = [];
    let lettersRead = 0;
    let ok = true;
    want.forEach((w, g) => {
      const got = groups[g]!;
      for (let i = 0; i < w.length && ok; i++) {
        const c = got[i]!;
        const digit = c >= '0' && c <= '9';
        if (w[i] === '9') {
          // a digit place is fitShape's to repair
          if (!digit && fitShape(c, ['9']) === null) ok = false;
          continue;
        }
        if (w[i] !== 'A') continue;
        if (!digit) {
          lettersRead++;
          continue;
        }
        // at an end of the group's letters: all letters before it (from the start) or after it
        if (/^A*$/.test(w.slice(0, i))) slots.push({ group: g, at: i });
        else if (/^A*$/.test(w.slice(i + 1))) slots.push({ group: g, at: i - w.length });
        else ok = false;
      }
    });
    if (ok && slots.length && lettersRead > 0) return { groups, shape, slots };
  }
  return null;
}

/** The account number's line to read again with letters only, or null when it fits its shape. */
export function letterRepair(
  pages: PageWords[],
  x: Extraction,
  profile: CarrierProfile,
): LetterRepair | null {
  const v = x.fields.accountNumber;
  const shapes = profile.fields.accountNumber?.shapes ?? [];
  if (!v || !shapes.length || fitShape(v, shapes) !== null) return null;
  const boxes = x.meta.accountNumber?.boxes ?? [];
  const b = boxes[0];
  const page = b && pages.find((p) => p.page === b.page);
  if (!b || !page || page.source !== 'ocr' || boxes.some((o) => o.page !== b.page)) return null;
  const found = letterSlots(v, shapes);
  if (!found) return null;
  const x0 = Math.min(...boxes.map((o) => o.x0));
  const x1 = Math.max(...boxes.map((o) => o.x1));
  const y0 = Math.min(...boxes.map((o) => o.y0));
  const y1 = Math.max(...boxes.map((o) => o.y1));
  const m = (y1 - y0) * 0.25;
  const region: LookRegion = {
    field: 'accountNumber',
    page: b.page,
    x0: Math.max(0, x0 - m),
    y0: Math.max(0, y0 - m),
    x1: Math.min(page.width, x1 + m),
    y1: Math.min(page.height, y1 + m),
  };
  return { field: 'accountNumber', region, ...found };
}

/** The letters a reading puts over a group's run of letter places at its start (or end). */
function runOf(want: string, got: string, fromEnd: boolean): string | null {
  const n = (fromEnd ? /A*$/ : /^A*/).exec(want)![0].length;
  if (!n || got.length < n) return null;
  return fromEnd ? got.slice(got.length - n) : got.slice(0, n);
}

/**
 * The letter a letters-only reading puts at each slot, or null when it does not line up: every
 * letter the first reading read at a group's ends must read alike in it (a look whose crop took
 * in a stray mark reads one letter more and lines up one off).
 */
function lettersAt(repair: LetterRepair, want: string[], read: string[]): string[] | null {
  for (let g = 0; g < want.length; g++)
    for (const fromEnd of [false, true]) {
      const first = runOf(want[g]!, repair.groups[g]!, fromEnd);
      if (first === null) continue;
      const mine = runOf(want[g]!, read[g]!, fromEnd);
      const slotted = repair.slots.some((s) => s.group === g && s.at < 0 === fromEnd);
      if (mine === null) {
        if (slotted) return null;
        continue;
      }
      for (let i = 0; i < first.length; i++) {
        const c = first[i]!;
        if (!(c >= '0' && c <= '9') && c !== mine[i]) return null;
      }
    }
  const out: string[] = [];
  for (const s of repair.slots) {
    const got = read[s.group]!;
    const c = s.at >= 0 ? got[s.at] : got[got.length + s.at];
    if (!c) return null;
    out.push(c);
  }
  return out;
}

/**
 * The account number with its letter places taken from the letters-only looks, or null (the
 * reading stands) unless every look lines up with the shape and reads the same letters there.
 */
export function settleLetters(repair: LetterRepair, reads: readonly Word[][]): string | null {
  const want = repair.shape.split(SEP).filter(Boolean);
  let pick: string[] | null = null;
  for (const words of reads) {
    const text = words
      .filter((w) => centreIn(w, repair.region))
      .sort((a, b) => a.x0 - b.x0)
      .map((w) => w.text)
      .join(' ');
    // a group the engine read no letter in is empty between its separators
    let read = text.toUpperCase().split(SEP);
    if (read.length !== want.length) read = read.filter(Boolean);
    if (read.length !== want.length) return null;
    const letters = lettersAt(repair, want, read);
    if (!letters || (pick && pick.join('') !== letters.join(''))) return null;
    pick = letters;
  }
  if (!pick) return null;
  const groups = repair.groups.map((g) => [...g]);
  repair.slots.forEach((s, i) => {
    const g = groups[s.group]!;
    g[s.at >= 0 ? s.at : g.length + s.at] = pick[i]!;
  });
  let k = 0;
  const flat = groups.flat();
  const value = repair.shape.replace(/[9A]/g, () => flat[k++]!);
  // the digits keep fitShape's look-alike repairs
  return fitShape(value, [repair.shape]);
}
