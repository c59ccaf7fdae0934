// A fax machine prints its own line across the top of every page it sends ("MAY-06-2025 10:42
// FROM: ACME 312 555 0188 TO: 18005550123 P.002/006"). Its numbers are the sender's and the
// recipient's machines, its date is when the fax went out: none of it is the bill's.
import type { Doc, Line } from './layout';

const TIME = /\b\d{1,2}:\d{2}\b/;
// "P.002/006", "PAGE 2/6", "Pg: 2/6", "@002/004", "p. 1 of 4"
const PAGE_COUNT = /(?:\bP\.?|\bPAGE|\bPG:?|@)\s*\d{1,3}\s*(?:\/|OF)\s*\d{1,3}\b/i;
const FAX_WORDS = /\b(?:FROM|TO|FAX|SENT|RECEIVED|RCVD|TX|RX)\b/i;

const cache = new WeakMap<Doc, Set<Line>>();

/**
 * The fax header lines of a document: on each page, the topmost line, in the top 4% of the
 * page, that carries a time and a page counter or fax wording.
 */
export function faxHeaderLines(doc: Doc): Set<Line> {
  let found = cache.get(doc);
  if (found) return found;
  found = new Set<Line>();
  const seen = new Set<number>();
  for (const line of doc.lines) {
    if (seen.has(line.page)) continue;
    seen.add(line.page);
    if (line.y0 > line.pageHeight * 0.04) continue;
    const text = lineText(line);
    if (TIME.test(text) && (PAGE_COUNT.test(text) || FAX_WORDS.test(text))) found.add(line);
  }
  // The machine prints the same line on every page, but a photo can cut a page's copy short
  // (its time and counter outside the picture) or split it in two across its slant: a line in
  // a page's top strip that carries a header's sending number is that page's header too. (A
  // Tamarack photo's "…OUNTING 302 555 0185" was counted as a line on the account.)
  const senders = new Set([...found].flatMap((l) => numbersIn(lineText(l))));
  if (senders.size)
    for (const line of doc.lines)
      if (
        !found.has(line) &&
        line.y0 <= line.pageHeight * 0.04 &&
        numbersIn(lineText(line)).some((n) => senders.has(n))
      )
        found.add(line);
  cache.set(doc, found);
  return found;
}

const lineText = (line: Line): string => line.segs.map((s) => s.text).join('  ');

/** The ten-digit numbers a line carries, however spaced or punctuated ("302 555 0185"). */
function numbersIn(text: string): string[] {
  return [...text.matchAll(/\(?\b(\d{3})\)?[\s.-]*(\d{3})[\s.-]*(\d{4})\b/g)].map(
    (m) => m[1]! + m[2]! + m[3]!,
  );
}
