// A bill the customer faxed in often starts with their own fax cover sheet: "FAX", To: the new
// carrier's porting desk, From: a person with a direct line, a cell and a fax, "Pages: 5
// (including cover)", "Re: port of our lines". Its numbers are the sender's and the recipient's,
// its date is when the fax went out, and its "Re:" may name the customer: none of it is the bill.
import type { Doc, Line } from './layout';

// the sheet's title, a piece of print of its own ("FAX", "F AX" as OCR spaces it, "Fax Cover
// Sheet", "FACSIMILE TRANSMITTAL"); a "Fax: 312 555 0188" line is no title
const TITLE =
  /^(?:F\s?A\s?X|FACSIMILE|TELECOPY|TELEFAX)(?:\s+(?:COVER(?:\s+SHEET)?|TRANSMITTAL(?:\s+SHEET)?|MESSAGE))?$|^(?:FAX\s+)?COVER\s+SHEET$|^(?:FACSIMILE\s+)?TRANSMITTAL(?:\s+SHEET)?$/i;
// the captions a cover sheet fills in, at the start of a piece of print (OCR may read the colon
// as ; or .): the addressing ones, and the sender's and recipient's numbers and the date
const CAPTIONS: [string, RegExp][] = [
  ['to', /^(?:to|t0|attn)\s*[:;.]/i],
  ['from', /^(?:from|sender)\s*[:;.]/i],
  ['pages', /^(?:(?:no\.?\s*of\s*|number\s+of\s+|total\s+)?pages?|pgs?)\s*(?:\(incl[^)]*\))?\s*[:;.]/i],
  ['re', /^(?:re|subject|regarding)\s*[:;.]/i],
];
const NUMBER_CAPTIONS: [string, RegExp][] = [
  ['fax', /^fax\s*(?:no\.?|#|number)?\s*[:;.]/i],
  ['phone', /^(?:phone|tel)\s*(?:no\.?|#)?\s*[:;.]/i],
  ['direct', /^direct\s*(?:line|dial)?\s*[:;.]/i],
  ['cell', /^(?:cell|mobile)\s*[:;.]/i],
  ['date', /^date\s*[:;.]/i],
];
// "5 (including cover)", "Pages: 5 incl. cover sheet"
const INCLUDING_COVER = /\binc(?:l(?:uding|\.)?)?\s+(?:this\s+)?cover\b/i;

/**
 * Whether one page is a fax cover sheet: a fax title (or "including cover"), From:, and two more
 * of To:, Pages: and Re: (or one of them and two of the numbers' and date's captions, where OCR
 * lost a caption).
 */
export function isCoverSheet(lines: readonly Line[]): boolean {
  let title = false;
  const seen = new Set<string>();
  const numbers = new Set<string>();
  for (const line of lines) {
    // the machine's own header line across the top says FAX too; it is no cover sheet
    if (line.y1 < line.pageHeight * 0.04) continue;
    const text = line.segs.map((s) => s.text).join('  ');
    if (INCLUDING_COVER.test(text)) title = true;
    for (const seg of line.segs) {
      const t = seg.text.trim();
      if (line.cy < line.pageHeight * 0.35 && TITLE.test(t)) title = true;
      for (const [k, re] of CAPTIONS) if (re.test(t)) seen.add(k);
      for (const [k, re] of NUMBER_CAPTIONS) if (re.test(t)) numbers.add(k);
    }
  }
  const addressing = ['to', 'pages', 're'].filter((k) => seen.has(k)).length;
  return title && seen.has('from') && (addressing >= 2 || (addressing === 1 && numbers.size >= 2));
}

/**
 * How many pages at the front of a document are fax cover sheets (never all of them), from the
 * lines the extractor lays out anyway (its pages in order).
 */
export function leadingCoverSheets(doc: Doc): number {
  const order = doc.pages.map((p) => p.page);
  let n = 0;
  while (n < order.length - 1 && isCoverSheet(doc.lines.filter((l) => l.page === order[n]))) n++;
  return n;
}

/**
 * The pages of a document that are fax cover sheets, wherever they stand: a customer who faxed
 * two months' bills sent a cover sheet with each (never every page: a lone page is the bill).
 */
export function coverSheetPages(doc: Doc): Set<number> {
  const order = doc.pages.map((p) => p.page);
  const out = new Set(order.filter((pg) => isCoverSheet(doc.lines.filter((l) => l.page === pg))));
  return out.size < order.length ? out : new Set(order.slice(0, leadingCoverSheets(doc)));
}
