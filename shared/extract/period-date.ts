// The bill date of a bill that prints no bill date, only the period it bills ("Billing period:
// Mar 14 - Apr 13, 2025", "Service period 03/14/25 to 04/13/25", "For service from March 14, 2025
// through April 13, 2025").
//
// Convention (neither DOMAIN.md nor make-bills' truth conventions name one): the bill date is the
// period's close. A carrier cuts the statement when its cycle closes: the generator's model draws
// the period's end 0-3 days before the bill date, and Kestrel prints it as "Statement closing
// date". The close is never later than the real statement date of a bill billed in arrears, so
// the bill's age is not understated; the field carries a doubt that says how it was taken, so
// the agent looks at the bill when its age is near the limit. A bill date caption, even one
// whose value a scan lost, always wins: the period is read only when the bill has none.
import type { Picked } from './fields';
import type { LWord } from './layout';
import type { Labelled } from './read';
import { reads } from './read';
import { findDates, findDatesDayFirst } from './shapes';

/** A period's caption, anywhere on its line ("For service from", "Statement period:"). */
const PERIOD_CAPTION =
  /\b(?:(?:billing|service|statement|bill|invoice|usage)\s+(?:period|cycle|dates)|services?\s+(?:from|through|thru)|charges\s+from|p[ée]riode\s+de\s+facturation|periodo\s+de\s+facturaci[oó]n)\b/i;
/** What joins a period's start to its close ("-", "to", "through"; "au", "al" in French and Spanish). */
const TO_CLOSE = /(?:[-–—]|\bto|\bthru|\bthrough|\bau|\bal|\bhasta)\s*$/i;

type Find = typeof findDates;

/**
 * The close of a period printed in `words` after character `from` of their text: the first date a
 * range word leads to ("Mar 14 - Apr 13, 2025": the start without its year is no date of its
 * own), or, after "through", the date that follows it ("Service through Apr 13, 2025").
 */
function closeIn(words: LWord[], from: number, through: boolean, find: Find) {
  const starts: number[] = [];
  let text = '';
  for (const w of words) {
    if (text) text += ' ';
    starts.push(text.length);
    text += w.text;
  }
  const after = text.slice(from);
  const close = [...find(after)]
    .sort((a, b) => a.start - b.start)
    .find((d) => TO_CLOSE.test(after.slice(0, d.start)) || (through && d.start < 3));
  if (!close) return null;
  const lo = from + close.start;
  const hi = from + close.end;
  return {
    iso: close.iso,
    words: words.filter((w, i) => starts[i]! < hi && starts[i]! + w.text.length > lo),
  };
}

/** The close of the first billing period printed, page 1 first; null when the bill has a bill date caption. */
export function periodCloseDate(L: Labelled): Picked<string> | null {
  for (const hs of L.hitsByLine.values()) if (hs.some((h) => (h.kinds.billDate ?? 0) > 0)) return null;
  const find = L.dayFirst ? findDatesDayFirst : findDates;
  const lines = [...L.doc.lines].sort(
    (a, b) => (a.page === 1 ? 0 : 1) - (b.page === 1 ? 0 : 1) || a.index - b.index,
  );
  for (const line of lines) {
    const cap = PERIOD_CAPTION.exec(line.words.map((w) => w.text).join(' '));
    if (!cap) continue;
    const through = /through|thru/i.test(cap[0]);
    let close = closeIn(line.words, cap.index + cap[0].length, through, find);
    // a caption over its value (a header table's cell, a tile): the period read under it
    for (const hit of L.hitsByLine.get(line.index) ?? []) {
      if (close || !(hit.kinds.period ?? 0)) continue;
      for (const r of reads(L, hit))
        if (r.how !== 'same' && !close) close = closeIn(r.words, 0, through, find);
    }
    if (close) return { value: close.iso, confidence: 0.5, words: close.words, all: [] };
  }
  return null;
}
