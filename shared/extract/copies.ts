// Bills print the customer's address more than once (envelope window, service box, stub). When
// OCR garbled a piece of the service address that another copy of the same address reads
// cleanly and surely, a reader takes the clean copy's reading of that piece.
import type { Address } from '../domain';
import type { Picked } from './fields';
import type { LWord, Segment } from './layout';
import { meanConf } from './layout';
import { lev } from './labels';
import type { Labelled } from './read';
import { parseCityStateZip, placesApart, repairStreetLine } from './shapes';

/** Characters no street or unit line carries: what is left of a glyph OCR could not read. */
const GARBLED = /[^A-Za-z0-9 .,#'&/-]/;
const SURE = 0.9;
const UNSURE = 0.85;
/** A city read below this is a guess at noise: the glyphs it reads say little about the city. */
const NOISE = 0.3;

const letters = (s: string) => s.toUpperCase().replace(/[^A-Z]/g, '');
const squash = (s: string) => s.toUpperCase().replace(/[\s.,]/g, '');

interface Copy {
  seg: Segment;
  city: string;
  zip: string;
  zipConf: number;
  cityConf: number;
  /** street and unit lines above the city line, in the same column */
  streets: string[];
  /** each street line's mean word confidence */
  streetConfs: number[];
  /** each street line's words, as read */
  streetWords: LWord[][];
}

function copyAt(L: Labelled, seg: Segment): Copy | null {
  const csz = parseCityStateZip(seg.text);
  if (!csz || csz.before) return null;
  const zipWord = seg.words[seg.words.length - 1]!;
  const cityWords = seg.words.filter((w) => letters(csz.city).includes(letters(w.text)) && letters(w.text));
  const streets: string[] = [];
  const streetConfs: number[] = [];
  const streetWords: LWord[][] = [];
  const line = seg.line;
  for (let i = line.index - 1; i >= 0 && i >= line.index - 4; i--) {
    const ln = L.doc.lines[i]!;
    if (ln.page !== line.page || line.cy - ln.cy > line.h * 6) break;
    const s = ln.segs.find((x) => Math.abs(x.x0 - seg.x0) < line.h * 1.5);
    if (s) {
      streets.unshift(repairStreetLine(s.text));
      streetConfs.unshift(meanConf(s.words));
      streetWords.unshift(s.words);
    }
  }
  return {
    seg,
    city: csz.city,
    zip: csz.zip,
    zipConf: zipWord.conf,
    cityConf: cityWords.length ? meanConf(cityWords) : 0,
    streets,
    streetConfs,
    streetWords,
  };
}

/** The picked unit line as its own copy read it, when that reading was unsure. */
function unsureUnit(mine: Copy, line2: string | null | undefined): string | null {
  if (!line2) return null;
  let best = -1;
  let bestD = 3;
  mine.streets.forEach((s, j) => {
    const d = lev(squash(s), squash(line2), 2);
    if (d < bestD) [best, bestD] = [j, d];
  });
  return best > 0 && mine.streetConfs[best]! < UNSURE ? mine.streets[best]! : null;
}

/**
 * A unit line whose designator OCR garbled ("as 173" at 0.46 for a photo's "Unit 173") is the
 * copy's line with the same id: the id read surely in both, only the words before it unsure.
 */
function sameUnitId(theirs: string, mine: string, words: readonly LWord[]): boolean {
  const id = /\s(\w+)$/.exec(mine)?.[1];
  const last = words[words.length - 1];
  if (!id || !last || last.text !== id || last.conf < SURE) return false;
  if (words.slice(0, -1).some((w) => w.conf >= UNSURE)) return false;
  return /\s(\w+)$/.exec(theirs)?.[1] === id && /^[A-Za-z#]/.test(theirs);
}

/** Glyphs OCR reads for one another in a photo's small print: one key per look-alike family. */
const glyphKey = (s: string): string =>
  s
    .replace(/rn/g, 'm')
    .replace(/[il1I|!]/g, 'l')
    .replace(/[0OoD]/g, 'O')
    .replace(/[5S]/g, 'S')
    .replace(/[8B]/g, 'B');

/**
 * The street line of another copy of the address, when it reads the picked line1 surely where
 * the picked copy read it unsurely: every word the same but for look-alike glyphs the other copy
 * read with more confidence ("63 Highiand Place" at 0.91 under a service box's "63 Highland
 * Place" at 0.97), or the picked line's last word a prefix of the copy's, its rest lost to the
 * photo ("47203 Harrison R" at 0.60 beside "47203 Harrison Road").
 */
function surerStreet(mine: Copy, o: Copy, line1: string): string | null {
  const j = mine.streets.findIndex((s) => squash(s) === squash(line1));
  const k = o.streets.findIndex((s) => /^\d/.test(s));
  if (j < 0 || k < 0) return null;
  const ws = mine.streetWords[j]!;
  const theirs = o.streetWords[k]!;
  if (ws.length !== theirs.length || o.streetConfs[k]! < SURE || o.streets[k] === line1) return null;
  let better = false;
  for (let i = 0; i < ws.length; i++) {
    const m = ws[i]!;
    const t = theirs[i]!;
    if (m.text === t.text) continue;
    const last = i === ws.length - 1;
    const cut =
      last &&
      m.conf < UNSURE &&
      /^[A-Za-z]+$/.test(m.text) &&
      t.text.length > m.text.length &&
      t.text.startsWith(m.text);
    const alike = glyphKey(m.text) === glyphKey(t.text);
    if (!(cut || (alike && t.conf >= SURE && t.conf >= m.conf + 0.04))) return null;
    better = true;
  }
  return better ? o.streets[k]! : null;
}

/**
 * The ZIP of a service address whose city line lost it ("Dayton, OH" at a photo's edge), from
 * another copy of the same address: the same street, city and state, with a ZIP.
 */
function zipFromCopy(L: Labelled, picked: Picked<Address>): Picked<Address> {
  const a = picked.value;
  const own = new Set<LWord>(picked.words);
  const zips = new Set<string>();
  for (const line of L.doc.lines)
    for (const seg of line.segs) {
      if (seg.words.some((w) => own.has(w)) || !/\d{3}/.test(seg.text)) continue;
      const o = copyAt(L, seg);
      if (!o || parseCityStateZip(o.seg.text)?.state !== a.state) continue;
      if (lev(letters(o.city), letters(a.city), 1) > 1) continue;
      const street = o.streets.find((s) => /^\d/.test(s));
      if (street && lev(squash(street), squash(a.line1), 1) <= 1) zips.add(o.zip);
    }
  // (two copies that disagree leave the ZIP to the agent)
  const [zip] = zips;
  return zip && zips.size === 1
    ? { ...picked, value: { ...a, zip }, confidence: picked.confidence * 0.9 }
    : picked;
}

/** Repairs garbled pieces of a picked service address from other copies of it on the bill. */
export function repairFromCopies(L: Labelled, picked0: Picked<Address>): Picked<Address> {
  const picked = picked0.value.zip ? picked0 : zipFromCopy(L, picked0);
  const own = new Set<LWord>(picked.words);
  let mine: Copy | null = null;
  const others: Copy[] = [];
  for (const line of L.doc.lines)
    for (const seg of line.segs) {
      const isMine = seg.words.every((w) => own.has(w));
      if (!isMine && seg.words.some((w) => own.has(w))) continue;
      if (!/\d{3}/.test(seg.text)) continue;
      const c = copyAt(L, seg);
      if (!c) continue;
      if (isMine) mine = c;
      else others.push(c);
    }
  if (!mine) return picked;
  const a = { ...picked.value };
  const cityOf = (c: Copy) => letters(c.city);
  let changed = false;
  for (const o of others) {
    const state = parseCityStateZip(o.seg.text)?.state;
    if (state !== a.state) continue;
    // (a city read as noise, "ASneviie" at 0.01 under the envelope's sure "ASHEVILLE, NC 28801",
    // is the same city when its first letter, state and ZIP are, even a few glyphs apart)
    const noise =
      mine.cityConf < NOISE &&
      o.cityConf >= SURE &&
      a.zip.slice(0, 5) === o.zip.slice(0, 5) &&
      cityOf(o)[0] === letters(a.city)[0];
    const room = noise ? Math.max(2, Math.floor(cityOf(o).length / 3)) : 2;
    const sameCity = lev(cityOf(o), letters(a.city), room) <= room;
    if (!sameCity) continue;
    // a copy whose street reads as another street is another address (mailing, remit)
    const theirLine1 = o.streets.find((s) => /^\d/.test(s));
    const surer = theirLine1 ? surerStreet(mine, o, a.line1) : null;
    if (theirLine1 && !surer && lev(squash(theirLine1), squash(a.line1), 2) > 2) continue;
    if (surer) {
      a.line1 = surer;
      changed = true;
    }
    if (
      cityOf(o) !== letters(a.city) &&
      mine.cityConf < UNSURE &&
      o.cityConf >= SURE &&
      a.zip.slice(0, 5) === o.zip.slice(0, 5)
    ) {
      a.city = o.city.replace(/[.,]+$/, '');
      changed = true;
    }
    if (
      a.zip !== o.zip &&
      placesApart(a.zip.slice(0, 5), o.zip.slice(0, 5)) === 1 &&
      cityOf(o) === letters(a.city) &&
      mine.zipConf < UNSURE &&
      o.zipConf >= SURE
    ) {
      a.zip = o.zip;
      changed = true;
    }
    for (const k of ['line1', 'line2'] as const) {
      const v = a[k];
      if (!v || !GARBLED.test(v)) continue;
      const fix = o.streets.find((s) => !GARBLED.test(s) && lev(squash(s), squash(v), 2) <= 2);
      if (fix) {
        a[k] = fix;
        changed = true;
      }
    }
    const unsure = unsureUnit(mine, a.line2);
    if (unsure && theirLine1) {
      // a unit line read unsurely ("FI13" at 0.35 for "Fl 3") under a copy of the same street
      // that reads its unit surely ("FL3" at 0.90)
      const after = o.streets.indexOf(theirLine1);
      const i = o.streets.findIndex(
        (s, j) =>
          j > after &&
          o.streetConfs[j]! >= SURE &&
          s !== unsure &&
          (lev(squash(s), squash(unsure), 2) <= 2 ||
            sameUnitId(s, unsure, mine.streetWords[mine.streets.indexOf(unsure)]!)),
      );
      if (i > after) {
        a.line2 = o.streets[i]!;
        changed = true;
      }
    }
  }
  return changed ? { ...picked, value: a, confidence: picked.confidence * 0.9 } : picked;
}
