// A learned caption printed in other words. A carrier's own template words a caption two ways
// ("Statement Date" on some bills, "Bill Date" on others; "Acct #" or "Account Number"), so the
// label learned from one bill is not printed on the next. The field still sits where it sat: the
// caption the reader knows for the field, printed where the learned one was (its place from the
// page's landmarks) and standing to the value as the learned one did, is the carrier's caption
// for it on this bill.
import type { Doc } from '../layout';
import type { Labelled } from '../read';
import type { Found } from './anchor';
import type { PageMap } from './landmarks';
import type { Anchor } from './profile';
import type { ReadField } from './readers';

/** A caption of this bill read in place of a learned one, and whether the reader knows it as the field's. */
export interface Reworded extends Found {
  known: boolean;
}

/** Weight from which the reader takes a label as naming the field (as learn.ts takes it). */
const STRONG = 0.9;
/** How far from the learned caption's place another caption may stand, in its line's heights. */
const ACROSS = 4;
const DOWN = 3;

/**
 * The captions the generic reader knows for `field` standing where the learned caption of `a`
 * stood on the taught bill, nearest first. A caption the reader takes more surely for another
 * field ("Account Name" over the account number's place, a billing period over the bill date's)
 * is never one; neither is a caption with other label words after it on its piece when the
 * learned one had its piece to itself (over or under its value).
 */
export function rewordedCaptions(L: Labelled, where: PageMap, a: Anchor, field: ReadField): Reworded[] {
  if (a.how === 'page') return [];
  const value = where.map(a.page, a.px, a.py);
  if (!value) return [];
  const doc: Doc = L.doc;
  const out: Array<Reworded & { d: number }> = [];
  for (const line of doc.lines) {
    if (line.page !== a.page) continue;
    const hits = L.hitsByLine.get(line.index);
    if (!hits) continue;
    const h = line.h;
    // the learned label's first word, from the value's place on this bill
    const lx = value.x - (a.dxPt ?? a.dx * h);
    const ly = value.y - (a.dyPt ?? a.dy * h);
    if (Math.abs(line.cy - ly) > DOWN * h) continue;
    for (const hit of hits) {
      const mine = hit.kinds[field] ?? 0;
      if (mine <= 0) continue;
      const other = Math.max(
        0,
        ...Object.entries(hit.kinds)
          .filter(([k]) => k !== field)
          .map(([, v]) => v ?? 0),
      );
      if (other > mine) continue;
      const words = hit.seg.words.slice(hit.wordStart, hit.wordEnd);
      if (!words.length) continue;
      const dx = words[0]!.x0 - lx;
      if (Math.abs(dx) > ACROSS * h) continue;
      const whole = a.how === 'below' || a.how === 'above';
      if (whole && hit.wordEnd < hit.seg.words.length) continue;
      out.push({
        words,
        line,
        seg: hit.seg,
        end: hit.wordEnd - 1,
        known: mine >= STRONG,
        d: Math.abs(dx) + 2 * Math.abs(line.cy - ly),
      });
    }
  }
  return out.sort((x, y) => x.d - y.d).map(({ d: _d, ...r }) => r);
}
