// A bill the customer faxed in often starts with their own fax cover sheet: "FAX", To: the new
// carrier's porting desk, From: a person with a direct line, a cell and a fax, "Pages: 5
// (including cover)", "Re: port of our lines". Its numbers are the sender's and the recipient's,
// its date is when the fax went out, and its "Re:" may name the customer: none of it is the bill.
import type { PageWords } from '../domain';
import { buildDoc } from './layout';

const TITLE = /\b(?:FAX|FACSIMILE|TELECOPY|TELEFAX|TRANSMITTAL|COVER\s+SHEET)\b/i;
// the captions a cover sheet fills in, at the start of a line (OCR may read the colon as ; or .)
const CAPTIONS: [string, RegExp][] = [
  ['to', /^(?:to|t0|attn)\s*[:;.]/i],
  ['from', /^(?:from|sender)\s*[:;.]/i],
  ['pages', /^(?:(?:no\.?\s*of\s*|number\s+of\s+|total\s+)?pages?|pgs?)\s*(?:\(incl[^)]*\))?\s*[:;.]/i],
  ['re', /^(?:re|subject|regarding)\s*[:;.]/i],
];
// "5 (including cover)", "Pages: 5 incl. cover sheet"
const INCLUDING_COVER = /\binc(?:l(?:uding|\.)?)?\s+(?:this\s+)?cover\b/i;

/** Whether one page is a fax cover sheet: a fax title, To: and From:, and Pages: or Re:. */
export function isCoverSheet(page: PageWords): boolean {
  const doc = buildDoc([page]);
  let title = false;
  const seen = new Set<string>();
  let including = false;
  for (const line of doc.lines) {
    // the machine's own header line across the top says FAX too; it is no cover sheet
    if (line.y1 < line.pageHeight * 0.04) continue;
    const text = line.segs.map((s) => s.text).join('  ');
    if (line.cy < line.pageHeight * 0.35 && TITLE.test(text)) title = true;
    if (INCLUDING_COVER.test(text)) including = true;
    for (const seg of line.segs) for (const [k, re] of CAPTIONS) if (re.test(seg.text.trim())) seen.add(k);
  }
  return (title || including) && seen.has('to') && seen.has('from') && (seen.has('pages') || seen.has('re'));
}

/** How many pages at the front of a document are fax cover sheets (never all of them). */
export function leadingCoverSheets(pages: PageWords[]): number {
  const sorted = pages.slice().sort((a, b) => a.page - b.page);
  let n = 0;
  while (n < sorted.length - 1 && isCoverSheet(sorted[n]!)) n++;
  return n;
}
