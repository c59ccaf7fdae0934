// The customer's numbers: phone numbers that sit in line/service tables on any page, minus the
// carrier's own contact numbers (care, repair, fax, remit) and anything inside another field.
import type { Line, LWord, Segment } from './layout';
import type { LabelHit } from './labels';
import type { Labelled } from './read';
import { overlapping } from './read';
import { faxHeaderLines } from './fax';
import { localAreaCode, localLists } from './local-lists';
import { countVouches, expandRange, expandShorthand, rowRange } from './ranges';
import type { PhoneHit } from './shapes';
import { findPhones, MONEY_RE, placesApart, TOLL_FREE, validNanp } from './shapes';

export interface NumberHit {
  number: string;
  words: LWord[];
  score: number;
  conf: number;
  /** the row says the number was disconnected or ported out: no line now, but the account's */
  gone?: boolean;
}

// ("Direct Inward Dial" names a kind of number, not a way to reach the carrier; "my cell",
// "reach me at", "ask for Maria" are the customer's own words, handwritten beside the bill's
// lines: the number they give is how to reach them, not a line of the account)
// ("BUS OFC", as a customer service record abbreviates the business office)
const CONTACT_WORDS =
  /\b(care|customer service|support|repair|fax|call|calls|contact|questions?|help|inquir\w*|sales|toll[- ]?free|tty|tdd|office|ofc|(?<!inward |direct )dial|report|outage|technical|trouble|text|visit|hours|mon|monday|emergency|remit|payments? by phone|pay by phone|automated|espa[nñ]ol|hearing|my (?:cell|mobile)|reach (?:me|us)|ask for)\b/i;

/** Word index range covered by a character range of a segment's text. */
function wordsIn(seg: Segment, start: number, end: number): LWord[] {
  const out: LWord[] = [];
  let pos = 0;
  for (const w of seg.words) {
    const s = pos;
    const e = pos + w.text.length;
    if (e > start && s < end) out.push(w);
    pos = e + 1;
  }
  return out;
}

const hasPhone = (seg: Segment | undefined) => !!seg && findPhones(seg.text).length > 0;

function labelLeftOf(hits: LabelHit[], seg: Segment, x: number): LabelHit | null {
  let best: LabelHit | null = null;
  for (const h of hits) {
    if (h.x1 > x + 1) continue;
    // a label in the previous piece owns this number only if that piece has no number of its own
    // and the label ends it ("Attn: Ana Ruiz" beside a number names a person, not the number)
    if (h.seg !== seg && (h.seg.index !== seg.index - 1 || hasPhone(h.seg) || h.wordEnd < h.seg.words.length))
      continue;
    if (!best || h.x1 > best.x1) best = h;
  }
  return best;
}

const isContactHit = (h: LabelHit | null) => !!h && ((h.kinds.contact ?? 0) > 0 || (h.kinds.remit ?? 0) > 0);

export function findNumbers(L: Labelled, exclude: Set<LWord>, btnWords: Set<LWord>): NumberHit[] {
  const out: NumberHit[] = [];
  const lines = L.doc.lines;
  const fax = faxHeaderLines(L.doc);
  const prefixes = prefixCounts(L);
  const { csr, printed } = csrPrints(lines);
  // lines listed without their area code: seven digits, last fours under an exchange, shorthand,
  // in the one area code the bill gives them (localAreaCode reads the declared one first)
  const lists = localLists(lines, localAreaCode(lines));
  for (const line of lines) {
    // the sending and receiving machines of a fax, never lines of the account
    if (fax.has(line)) continue;
    const hits = L.hitsByLine.get(line.index) ?? [];
    const onLine: NumberHit[] = [];
    for (const seg of line.segs) {
      const read = findPhones(seg.text);
      const doubled = seg.words[0]?.ocr
        ? [...doubledExchanges(seg.text, prefixes.count), ...doubledAreaCodes(seg.text)].filter(
            (d) => !read.some((p) => p.start < d.end && d.start < p.end),
          )
        : [];
      const phones = doubled.length ? [...read, ...doubled].sort((a, b) => a.start - b.start) : read;
      const pieceList = lists.bySeg.get(seg) ?? [];
      const local = [...pieceList.filter((h) => h.after === null), ...areaFromRowAbove(L, line, seg)];
      // the number before this one in the piece, when it was kept: a list printed on one line
      // ("Lines: (970) 555-0144, (970) 555-0145") gives every number its first one's standing
      let prevInSeg: { end: number; rowStart: boolean; listCaption: boolean } | null = null;
      for (const p of local.length ? [...phones, ...local].sort((a, b) => a.start - b.start) : phones) {
        const ws = wordsIn(seg, p.start, p.end);
        if (!ws.length) continue;
        if (ws.some((w) => exclude.has(w))) continue;
        // a web address's query or path holds digits, never a line ("…/bill?tn=3035550199")
        if (ws.some((w) => URLISH.test(w.text))) continue;
        // three bare numbers inside a run of bare numbers ("549 424 365 1674 797 677", a column
        // of minutes OCR read across) make a phone number only by coincidence
        if (ws.length >= 3 && ws.every((w) => /^\d+$/.test(w.text)) && bareRun(seg, ws)) continue;
        let score = 0;
        const before = seg.text.slice(0, p.start);
        const prevSeg = line.segs[seg.index - 1];
        const run = rowRun(L, line, seg);
        // a caption standing over the number ("Invoice #" over "225-6515921") names it too; over
        // a column of numbers it is the column's heading ("Main number"), naming its first row
        // no more than the others
        // (further items printed by their last four may stand between: "555-0148, -0149 and 555-0151")
        const listGap: string = prevInSeg ? seg.text.slice(prevInSeg.end, p.start) : '';
        const listed: boolean =
          prevInSeg !== null &&
          (LIST_SEPARATOR.test(listGap) || LIST_GAP.test(listGap.replace(LIST_TAILS, ' ')));
        const listCaption: boolean = listed
          ? prevInSeg!.listCaption
          : LIST_CAPTION.test(before.trim()) && !CONTACT_WORDS.test(before);
        // a toll-free number the account pays for, captioned as such in its priced row ("Toll
        // Free Number 1-800-555-0199 … $15.00"), is a line, not the carrier's help line
        const billedTollFree =
          TOLL_FREE_CAPTION.test(before) && line.segs.slice(seg.index + 1).some((x) => MONEY_RE.test(x.text));
        // (a toll-free service bill's own table of them, under a "Toll-Free Number" heading, lists
        // the account's lines: the heading is no caption of a care number)
        // the heading of the column the number stands in: orders, ring-tos, the account's toll-free numbers
        const heading = (columnHeading(L, line, ws) ?? '').trim();
        const tfColumn = TOLL_FREE.has(p.number.slice(0, 3)) && TOLL_FREE_HEADING.test(heading);
        const lab =
          billedTollFree || tfColumn
            ? null
            : (labelLeftOf(hits, seg, ws[0]!.x0) ??
              (before.trim() || run.rows >= 3 ? null : captionAbove(L, line, seg)));
        if (ws.some((w) => btnWords.has(w))) score += 3;
        // a number in its own cell of a priced table, among a column of numbers, is a line
        // whatever the row's first cell calls the place it rings ("Help Desk", "Front Office")
        const tableRow =
          before.trim() === '' &&
          run.rows >= 3 &&
          // (a row whose price OCR lost is still a row of a priced table)
          (run.priced >= 0.25 ||
            run.headed ||
            line.segs.slice(seg.index + 1).some((x) => MONEY_RE.test(x.text)));
        if (isContactHit(lab) && !tableRow) score -= 4;
        else if (lab && (lab.kinds.btn ?? 0) > 0) score += 2;
        // ("Numbers on this account:" names the numbers after it, not the account number)
        else if (lab && !listCaption && ((lab.kinds.accountNumber ?? 0) > 0 || (lab.kinds.other ?? 0) > 0))
          score -= 2;
        if (
          (CONTACT_WORDS.test(before) && !billedTollFree) ||
          (prevSeg &&
            prevSeg.words.length <= 4 &&
            !hasPhone(prevSeg) &&
            CONTACT_WORDS.test(prevSeg.text) &&
            // "Sales hunt group": a group of the account's lines, named for who answers them
            !/\bhunt\s*group/i.test(prevSeg.text) &&
            // a priced row that starts with the number is a line even beside a sidebar "Need help?"
            // (so is a row of a priced table whose price OCR lost)
            !tableRow &&
            !(before.trim() === '' && line.segs.slice(seg.index + 1).some((x) => MONEY_RE.test(x.text))))
        )
          score -= 3;
        // "(Mon-Fri 8-5)" or "24/7" after a number marks a contact line
        if (/^\s*\(?(mon|24\/7|m-f|weekdays|daily)/i.test(seg.text.slice(p.end))) score -= 3;
        // a number alone under a contact heading ("Customer Care" / "1-800-…"); in a grid of
        // numbers with their plans beneath, what sits above a number is the plan of the number
        // above it ("Fax Line"), not a heading
        if (seg.words.length <= 4 && !tfColumn) {
          const above = aboveSeg(L, line, seg);
          if (
            above &&
            (isContactHit(labelAt(L, above)) || CONTACT_WORDS.test(above.text)) &&
            !hasPhone(aboveSeg(L, above.line, above) ?? undefined) &&
            // a priced row is a row of the table, not a heading: a toll-free number's row
            // ("Toll-free 1-800-555-0199 … $12.00") over a line of the account
            !above.line.segs.some((x) => MONEY_RE.test(x.text)) &&
            // nor is a line's nickname over its number in a priced row ("Back office" over
            // "540.555.0159", the plan and price beside the two)
            !stackedInPricedRow(L, line, seg)
          )
            score -= 3;
        }
        // carriers print toll-free numbers everywhere; one counts as a line only in a priced row
        if (TOLL_FREE.has(p.number.slice(0, 3)) && !tfColumn)
          score -= line.segs.some((x) => MONEY_RE.test(x.text)) ? 1 : 2;
        const rowStart: boolean =
          before.trim() === '' ||
          /^[\d.\s)*-]*$/.test(before) ||
          // a short row caption ("Line 3 ·", "TN:", "Mobile -") heads a line's own section
          (ROW_CAPTION.test(before.trim()) && !CONTACT_WORDS.test(before)) ||
          listCaption ||
          (listed && prevInSeg!.rowStart) ||
          // a line's own section is headed by its number ("Local service for 303 555-0142")
          (SECTION_FOR.test(before.trim()) &&
            !CONTACT_WORDS.test(before) &&
            seg.text.slice(p.end).trim() === '');
        const others = line.segs.filter((s) => s !== seg);
        // a priced row that names a phone line in words before its number, as a cable bundle's
        // items do ("Voice Unlimited with your number (828) 555-0101 … $78.59", "Second line
        // (828) 555-0148 (Voice Mail Line) $36.49"): a line of the account, though not a table's
        const namedLine =
          !rowStart &&
          LINE_WORDS.test(before) &&
          !CONTACT_WORDS.test(before) &&
          others.some((x) => MONEY_RE.test(x.text));
        if (rowStart || namedLine || billedTollFree) score += 1;
        if (
          others.some((s) => MONEY_RE.test(s.text) || /[A-Za-z]{3}/.test(s.text)) ||
          seg.text.slice(p.end).trim().length > 2
        )
          score += 1;
        // a phone number in running prose is rarely one of the lines
        if (!rowStart && !namedLine && seg.words.length > 6) score -= 1;
        // call detail rows: a date or a time to the left means the number is the other party.
        // The rows aligned with this one decide: when enough of them carry a date or a time on
        // their left, every row of theirs with a short cell there is call detail (OCR garbles
        // some dates); when few do, what is on their left is another column (a portal's
        // account facts beside its list of lines).
        // (a date that is a label's value, "Statement date" over "10/25/2025", is a field of
        // another column, not a call's date)
        const leftText = line.segs
          .slice(0, seg.index)
          .filter((x) => !isFieldValue(L, x))
          .map((x) => x.text)
          .join(' ')
          .concat(' ', before);
        const dateHere = DATE_TIME_LEFT.test(leftText);
        const cellLeft = (prevSeg?.words.length ?? 9) <= 3 || /^\S{1,8}\s*$/.test(before);
        if (run.rows < 3 ? dateHere : run.dateLeft >= 0.3 && (dateHere || cellLeft)) score -= 3;
        // a service order's number ("RECORDS CHANGE ORDER 8999508155", or under an "ORDER NO"
        // or a "Meter #" column): bare digits as long as a telephone number, and no number of the account
        if (ORDER_BEFORE.test(before) || ORDER_HEADING.test(heading)) score -= 4;
        // where a toll-free number's calls ring (a "Ring-To" / "Term. #" column): a line of the
        // account only where the bill lists it as one of its own
        if (RING_TO_HEADING.test(heading)) score -= 4;
        // where a line's calls are forwarded ("/CFN 773 555-0123", "/RCF …" on a customer service
        // record; "Forwarded to …"): someone else's number, never a line of the account
        if (FORWARD_BEFORE.test(before)) score -= 4;
        // on a CSR, a number right of the row's TN in a piece of its own, printed nowhere else,
        // is a feature's value whose FID a photo lost ("/CFN 541-555-0155" read "541-555-0155"
        // beside "/TN 541-555-0116"): the account's TNs are printed on each of their USOC rows
        if (csr && onLine.length && before.trim() === '' && (printed.get(p.number) ?? 0) === 1) score -= 4;
        // disconnected / ported-out numbers are no longer on the account
        const ownRow = (run.gone >= 0.5 ? line.segs : line.segs.slice(seg.index))
          .map((x) => x.text)
          .join(' ');
        const stateBelow = (): boolean => {
          const below = belowSeg(L, line, seg);
          return !!below && !hasPhone(below) && GONE.test(below.text);
        };
        const gone =
          GONE.test(ownRow) ||
          // in a grid (a row of nothing but numbers), a number's state is printed beneath it
          // ("Disconnected 04/12/2025"); not when the number's piece is a whole row of its own
          // ("303-555-0143  Business line  $30.00" over "303-555-0144  Disconnected")
          (seg.words.length <= 4 &&
            others.every((x) => hasPhone(x)) &&
            !/[A-Za-z]{2}|\$/.test(seg.text.slice(p.end)) &&
            stateBelow());
        if (gone) score -= 3;
        if (sectionSays(L, line, GONE_OR_USAGE)) score -= 3;
        const conf = ws.reduce((t, w) => t + w.conf, 0) / ws.length;
        const hit: NumberHit = { number: p.number, words: ws, score, conf, ...(gone ? { gone } : {}) };
        out.push(hit);
        // the further items of its list ("-0101, -0102 and -0145", "through -0119"), as it stands
        for (const t of pieceList)
          if (t.after === p.start)
            out.push({
              number: t.number,
              words: wordsIn(seg, t.start, t.end),
              score,
              conf,
              ...(gone ? { gone } : {}),
            });
        prevInSeg = { end: p.end, rowStart, listCaption };
        onLine.push(hit);
        // "413-555-0140 thru 413-555-0145" / "413-555-0140 - 0145": every number of the block
        // (the end of the range may stand in the next piece when the scan opened a gap)
        const rest = seg.text.slice(p.end);
        const next = line.segs[seg.index + 1];
        const tail = /^\s*(?:-|–|—|~|to|thru|through)?\s*$/i.test(rest) && next ? ` ${next.text}` : '';
        let block = expandRange(
          seg.text.slice(p.start) + tail,
          p.number,
          ws[0]!.ocr ? prefixes.prefer : undefined,
        );
        // a first end whose exchange OCR read two digits off ("207.566.0154 thru 207.555.0158")
        // is no range until it stands in the bill's exchange
        if (!block.length && ws[0]!.ocr) {
          const moved = prefixes.settle(p.number.slice(0, 6)) + p.number.slice(6);
          const again = moved !== p.number ? expandRange(seg.text.slice(p.start) + tail, moved) : [];
          if (again.length) {
            hit.number = moved;
            block = again;
          }
        }
        // (a block moved to the exchange of the bill's other numbers moves its first number too)
        if (block[0] && block[0].slice(0, 6) !== hit.number.slice(0, 6)) hit.number = block.shift()!;
        // both ends slipped in the exchange ("773.566.0120 thru 773.565.0146" among a hundred
        // 773-555 numbers): the block lies in the exchange the bill prints its numbers in
        if (block.length && ws[0]!.ocr) {
          const ex = hit.number.slice(0, 6);
          const settled = prefixes.settle(ex);
          if (settled !== ex) {
            hit.number = settled + hit.number.slice(6);
            block.splice(0, block.length, ...block.map((n) => settled + n.slice(6)));
          }
        }
        // a range with its own tally beside it is a block of the account's numbers, worded as
        // the bill may word it ("DID block 970-555-0160 - 0169 (10 numbers)")
        if (block.length && countVouches(seg.text.slice(p.start) + tail, block.length + 1))
          score = hit.score = score + 1;
        for (const n of block) out.push({ number: n, words: ws, score, conf });
        // "312-555-0140/41/42": a hunt group printed once in full, then by its last digits
        for (const n of expandShorthand(seg.text.slice(p.start), p.number))
          out.push({ number: n, words: ws, score, conf });
      }
    }
    // a range as a table row: first and last number in their own cells, and the quantity
    const [x, y] = onLine;
    if (onLine.length === 2 && x && y) {
      const cells = line.segs.map((sg) => sg.text);
      // an end whose exchange OCR read a glyph off ("912.555.0105 | 912.565.0129" among a
      // hundred 912-555 numbers) stands in the exchange the bill prints its numbers in: a block
      // of numbers never crosses an exchange
      const end = (h: NumberHit) =>
        h.words[0]!.ocr ? prefixes.settle(h.number.slice(0, 6)) + h.number.slice(6) : h.number;
      const [first, last] = [end(x), end(y)];
      // (a photo that lost the quantity column still has the table's "First number | Last
      // number" heading to say the two are a block's ends)
      const headed = first.slice(0, 6) === last.slice(0, 6) && firstLastHeading(L, line);
      for (const n of rowRange(first, last, headed ? [...cells, qtyOf(first, last)] : cells))
        out.push({
          number: n,
          words: [...x.words, ...y.words],
          score: Math.min(x.score, y.score),
          conf: x.conf,
        });
    }
  }
  return out;
}

const qtyOf = (a: string, b: string): string => String(Number(b.slice(6)) - Number(a.slice(6)) + 1);

/** Whether a "First number … Last number" heading stands over this row's table (rows between). */
function firstLastHeading(L: Labelled, line: Line): boolean {
  for (let i = line.index - 1; i >= 0 && i >= line.index - 12; i--) {
    const ln = L.doc.lines[i]!;
    if (ln.page !== line.page) return false;
    const text = ln.segs.map((x) => x.text).join(' ');
    if (/\bfirst\s+(?:number|tn|did|telephone)\b.*\blast\s+(?:number|tn|did|telephone)\b/i.test(text))
      return true;
    if (!ROW.test(text)) return false;
  }
  return false;
}

/**
 * How many different numbers of each exchange (first six digits) the bill prints, and of two
 * exchanges the one it prints more numbers of (the first on a tie).
 */
function prefixCounts(L: Labelled): {
  prefer: (a: string, b: string) => string;
  settle: (p: string) => string;
  count: (p: string) => number;
} {
  let counts: Map<string, Set<string>> | null = null;
  const count = (p: string): number => {
    if (!counts) {
      counts = new Map();
      for (const line of L.doc.lines)
        for (const seg of line.segs)
          for (const h of findPhones(seg.text)) {
            const k = h.number.slice(0, 6);
            counts.set(k, (counts.get(k) ?? new Set()).add(h.number));
          }
    }
    return counts.get(p)?.size ?? 0;
  };
  // An exchange (area code kept) the bill prints one or two numbers of, one or two digits from
  // one it prints ten or more of, is that one misread. Used for DID blocks only: a single number
  // has its own, stricter repair (repairExchanges).
  const settle = (p: string): string => {
    if (count(p) > 2) return p;
    let best = p;
    for (const [q, set] of counts ?? []) {
      if (q.slice(0, 3) !== p.slice(0, 3) || set.size < 10 || set.size <= count(best)) continue;
      // (one glyph read wrong once or twice: "555" as "565" or "566")
      const diff = placesApart(q, p);
      if (diff >= 1 && diff <= 2) best = q;
    }
    return best;
  };
  return { prefer: (a, b) => (count(b) > count(a) ? b : a), settle, count };
}

/** An exchange the bill prints this many numbers under is the account's own. */
const COMMON_EXCHANGE = 6;
const FOUR_DIGIT_EXCHANGE = /(?<![\dA-Za-z-])\(?([2-9]\d{2})\)?[\s.-]{0,2}(\d{4})[\s.-](\d{4})(?![\d-])/g;

/**
 * "(505) 5565-0123" among thirty (505) 555 lines: OCR read one glyph of the exchange twice, and
 * eleven digits make no phone number, so the line was lost. When dropping one digit of a
 * four-digit exchange gives exactly one exchange the account holds (six numbers or more under
 * it, with the same area code), that is the line. OCR'd text only: a text layer prints what it
 * means.
 */
export function doubledExchanges(text: string, count: (prefix: string) => number): PhoneHit[] {
  const out: PhoneHit[] = [];
  for (const m of text.matchAll(FOUR_DIGIT_EXCHANGE)) {
    const [, npa, ex, line] = m;
    const fits = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const e = ex!.slice(0, i) + ex!.slice(i + 1);
      if (count(npa! + e) >= COMMON_EXCHANGE) fits.add(e);
    }
    if (fits.size !== 1) continue;
    out.push({ number: npa! + [...fits][0]! + line!, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const DOUBLED_AREA_CODE = /\(([2-9]\d{2})\)\s?\1[;:,.\]]?\s(\d{3})[\s.-](\d{4})(?![\d-])/g;

/**
 * "(303) 303; 555-0115" on an Ironwood photo: OCR read the area code twice, the second time with
 * a speck for its bracket, and the number was lost. No number prints its area code twice.
 */
export function doubledAreaCodes(text: string): PhoneHit[] {
  return [...text.matchAll(DOUBLED_AREA_CODE)].map((m) => ({
    number: m[1]! + m[2]! + m[3]!,
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** Whether the words sit among at least six bare numbers, with bare numbers on both sides. */
function bareRun(seg: Segment, ws: LWord[]): boolean {
  const i = seg.words.indexOf(ws[0]!);
  const j = seg.words.indexOf(ws[ws.length - 1]!);
  const bare = (w: LWord | undefined) => !!w && /^\d+$/.test(w.text);
  return bare(seg.words[i - 1]) && bare(seg.words[j + 1]) && seg.words.filter((w) => bare(w)).length >= 6;
}

/** Words that name a phone line of the account in a priced item ("Second line", "Voice …"). */
// (a query's key=value: "tn=3035550199")
const URLISH = /:\/\/|^www\.|\.(?:com|net|org|ca)\/|[a-z]=/i;
const LINE_WORDS = /\b(?:lines?|phone|voice|your number|telephone|mobile|wireless)\b/i;
const TOLL_FREE_CAPTION = /^\s*toll[- ]?free\s+(?:number|service|line|no\.?|#)\s*:?\s*$/i;

// the caption of a list of the account's numbers printed on one line ("Lines:", "Additional
// numbers:", "Other numbers billed to this account:", "Your phone number(s):")
// A count may follow the noun ("Lines (3):"), and a hunt group or a block of DIDs is such a
// list too ("Hunt group: …", "DIDs: …").
// ("This bill covers lines 806-555-0103 through -0118": a sentence that lists them)
const LIST_CAPTION =
  /^(?:this\s+(?:bill|statement)\s+(?:covers|includes)\s+|(?:your|other|additional|all|the)\s+)?(?:(?:phone|telephone|voice|business|wireless|mobile|home)\s+)?(?:numbers?|lines?|tns?|dids?|hunt\s*group(?:\s+(?:members|numbers))?)(?:\(s\))?(?:\s*\(\d{1,4}\))?(?:\s+(?:on|billed|included|under)\b[\w\s]*)?\s*[:\-–]?$/i;
// the heading of a line's section, its number after it
// (a wireless bill names the line's user before it: "Summary for Jane Doe: 970-555-0143")
const SECTION_FOR =
  /^(?:[\w&-]+\s+){0,3}(?:services?|charges|usage|activity|details?|summary)\s+for(?:\s+[A-Z][\w.'’-]*){0,4}\s*:?$/i;
// what stands between two numbers of such a list
const LIST_SEPARATOR = /^\s*(?:[,;&/]|and)?\s*$/i;
// a list's further items by their last four ("-0149"), and the joiners left between two numbers
// without them
const LIST_TAILS = /(?<![\w$.,/:-])-?\d{4}(?![\w/:-]|[.,]\d)/g;
const LIST_GAP = /^\s*(?:(?:[,;&]|and|through|thru)\s*)+$/i;

const ROW_CAPTION =
  // (OCR reads the middle dot as "+", "*", "." or ",", or as two of them: "+.", "- ,")
  // A line's kind may stand before the word: "Home phone", "Business line", "Main line",
  // "Additional line 2" (a Canadian carrier lists a home phone service by its number alone).
  // ("ne 4 -": a pen circle round the number crossed the caption's first letters)
  // A customer service record names its lines by FIDs after a slash: "/TN", a hunt group's
  // "/HTG" and its terminal's "/HTN".
  /^[/|]?(?:(?:home|business|main|primary|additional|second|residential|res|bus|office|direct|digital|voice)\s+(?=line|phone|tel|number))?(?:line|(?:l|\||\()?i?ne|ln|tel|tn|htn|htg|telephone|phone|mobile|cell|wireless|number|no|mdn|ctn|did|user|device)\.?\s*#?\s*\d{0,3}(?:\s*[·•:|–\-+*.,]){0,2}$/i;

interface Run {
  rows: number;
  /** share of the aligned rows with a date or a time on their left */
  dateLeft: number;
  /** share of the aligned rows saying disconnected/removed left of their number */
  gone: number;
  /** share of the aligned rows with a price right of their number */
  priced: number;
  /** the column has a heading that names it a column of telephone numbers ("Telephone number") */
  headed: boolean;
}

// A table's column heading over its numbers: the column holds the account's lines, whatever the
// first cell of each row calls the place ("Help Desk", "Fax - Accounting").
const NUMBER_COLUMN =
  /^(?:telephone|phone|tel\.?|wireless|mobile|line|service)?\s*(?:number|no\.?|#|tn|numbers)$|^(?:tn|did|wtn|num[ée]ro|num[ée]ro de t[ée]l[ée]phone|lignes?)$/i;
function columnHeaded(L: Labelled, top: Line, seg: Segment): boolean {
  for (let i = top.index - 1; i >= 0 && i >= top.index - 2; i--) {
    const ln = L.doc.lines[i]!;
    if (ln.page !== top.page || top.cy - ln.cy > top.h * 3.5) return false;
    const s = overlapping(ln, seg.x0, seg.x1);
    if (s && !hasPhone(s)) return NUMBER_COLUMN.test(s.text.trim());
  }
  return false;
}

const runCache = new WeakMap<Segment, Run>();
/**
 * The rows aligned with this number's piece (same page, a number opening a piece at the same
 * left edge, at most two other lines between them: a grid prints plans between its rows), and
 * what their left sides say. A run of fewer than three rows says nothing: its own row decides.
 */
function rowRun(L: Labelled, line: Line, seg: Segment): Run {
  const hit = runCache.get(seg);
  if (hit) return hit;
  const tol = Math.max(line.h, 3);
  const rows: { line: Line; seg: Segment }[] = [{ line, seg }];
  for (const dir of [-1, 1]) {
    let miss = 0;
    // each row is aligned with the last one found: a sheared photo's column drifts along the
    // page (11 pt over fifty rows of a Tamarack photo, seed 11102 hq-019), a little at each row
    let x0 = seg.x0;
    for (
      let i = line.index + dir;
      i >= 0 && i < L.doc.lines.length && miss <= 2 && rows.length < 80;
      i += dir
    ) {
      const ln = L.doc.lines[i]!;
      if (ln.page !== line.page) break;
      const s = ln.segs.find((x) => Math.abs(x.x0 - x0) < tol);
      const ph = s ? findPhones(s.text)[0] : undefined;
      if (s && ph && ph.start <= 2) {
        rows.push({ line: ln, seg: s });
        x0 = s.x0;
        miss = 0;
      } else miss++;
    }
  }
  // (a field's value in another column, "Statement date" over "01/13/2025" beside a portal's
  // second line, is not a call's date: with three rows it alone made the list call detail)
  const left = (r: { line: Line; seg: Segment }) =>
    r.line.segs
      .slice(0, r.seg.index)
      .filter((x) => !isFieldValue(L, x))
      .map((x) => x.text)
      .join(' ');
  const run =
    rows.length < 3
      ? { rows: rows.length, dateLeft: 1, gone: 1, priced: 0, headed: false }
      : {
          rows: rows.length,
          headed: columnHeaded(L, rows.reduce((a, b) => (b.line.index < a.line.index ? b : a)).line, seg),
          dateLeft: rows.filter((r) => DATE_TIME_LEFT.test(left(r))).length / rows.length,
          gone: rows.filter((r) => GONE.test(left(r))).length / rows.length,
          priced:
            rows.filter((r) => r.line.segs.slice(r.seg.index + 1).some((x) => MONEY_RE.test(x.text))).length /
            rows.length,
        };
  for (const r of rows) if (!runCache.has(r.seg)) runCache.set(r.seg, run);
  return run;
}

/**
 * Whether the document is a customer service record (three or more `/TN` fields), and how many
 * times it prints each number.
 */
function csrPrints(lines: Line[]): { csr: boolean; printed: Map<string, number> } {
  let tns = 0;
  const printed = new Map<string, number>();
  for (const ln of lines)
    for (const seg of ln.segs) {
      if (/(?:^|\s)\/TN\b/.test(seg.text)) tns++;
      for (const p of findPhones(seg.text)) printed.set(p.number, (printed.get(p.number) ?? 0) + 1);
    }
  return { csr: tns >= 3, printed };
}

// (an order, ticket or reference number named just before the digits)
const ORDER_BEFORE =
  /\b(?:order|ord|confirmation|conf|reference|ref|ticket|case)\s*(?:no\.?|number|nbr|#)?\s*[:.]?\s*$/i;
// (a call-forwarding destination named just before the digits: the FIDs of a CSR, or in words;
// OCR reads an F of a CSR's monospaced FIDs as an E: "/CEN 541 555-0147" on an outlined CSR)
const FORWARD_BEFORE =
  /(?:(?:^|[\s/|])(?:C[FE]N|RC[FE]|FWD|C[FE]D)|\bforward(?:ed|s|ing)?(?:\s+all)?(?:\s+calls)?\s+to|\bfwd\s+to)\s*[:#]?\s*$/i;
// (a column of identifiers: orders, or a utility's meters and premises, "Service  Meter #  Rate")
const ORDER_HEADING = /\b(?:order|ord|confirmation|reference|ref|ticket|case|meter|premise)\b/i;

// (the heading of a toll-free number's terminating line: "Ring-To", "Rings to", "Term. #",
// "Terminating number", "Routes to")
const RING_TO_HEADING =
  /^(?:rings?[- ]?to|term(?:inating|ination)?\.?\s*(?:#|no\.?|number|tn)|routes?\s+to|routing\s+(?:number|destination))$/i;

// (the heading of a column of the account's toll-free numbers: "Toll-Free Number", "TFN", "8XX #")
const TOLL_FREE_HEADING = /^(?:toll[- ]?free|8xx|tf)\s*(?:numbers?|no\.?|#|tns?)$|^tfns?$/i;

/**
 * The words heading the column the number stands in: the nearest line above with words over the
 * number's own span and no digits in them (rows of other numbers, or of dates, are passed over).
 */
function columnHeading(L: Labelled, line: Line, ws: LWord[]): string | null {
  const x0 = ws[0]!.x0;
  const x1 = ws[ws.length - 1]!.x1;
  for (let i = line.index - 1; i >= 0 && i >= line.index - 20; i--) {
    const ln = L.doc.lines[i]!;
    if (ln.page !== line.page) return null;
    const over = ln.words.filter((w) => w.x1 > x0 && w.x0 < x1).map((w) => w.text);
    if (!over.length || over.some((t) => /\d/.test(t))) continue;
    return over.join(' ');
  }
  return null;
}

const DATE_TIME_LEFT = /\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b|\b\d{1,2}:\d{2}\b|\b(?:AM|PM)\b/i;
// French too: "débranché(e)", "annulé", "résilié", "transféré" (accents optional, as OCR drops them)
const GONE_FR = /(?:^|[^A-Za-zÀ-ÿ])(?:d[ée]branch|annul[ée]|r[ée]sili[ée]|transf[ée]r[ée]|port[ée] vers)/i;
// ("suspended": a line on hold is printed, but a port names the account's active lines)
const GONE_EN =
  /\b(disconnect(?:ed)?|ported[- ]out|ported away|port[- ]out (?:complete|completed|done)|ported (?:over )?to (?:another|an?other|a new|other|new) (?:carrier|provider|service provider|company)|cancell?ed|removed|deactivated|terminated|suspended|discontinued|service ended)\b/i;
// Spanish (Puerto Rico): "desconectada(s)", "cancelada", "dada de baja", "portada a otra compañía"
const GONE_ES = /(?:^|[^A-Za-zÀ-ÿ])(?:desconectad[oa]s?|cancelad[oa]s?|dad[oa]s? de baja|portad[oa]s? a)/i;
/** Words that say a number has left the account. */
export const GONE = {
  test: (s: string): boolean => GONE_EN.test(s) || GONE_FR.test(s) || GONE_ES.test(s),
};
// Headings of lists whose numbers are not the account's lines: calls made, and a corporate bill's
// summary of its group's accounts (the other accounts' main numbers).
// ("calls to" heads a list of calls, "Calls to other carriers"; followed by a number it is a
// line's call forwarding, "all calls to 1-208-555-0189", and the next line's card is no call)
const USAGE =
  /\b(call details?|call logs?|calls made|call history|itemized calls|usage details?|numbers? called|places? called|city called|calls to(?!\s*(?:\+?1[\s.-]*)?\(?\d{3})|summary of (?:all )?accounts|accounts summary|(?:other|related|linked|associated) accounts|sub-?accounts|account hierarchy)\b/i;
const GONE_OR_USAGE = { test: (s: string): boolean => GONE.test(s) || USAGE.test(s) };

const ROW = /(?:^|\s)\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}|\$\s?\d/;

/** Whether the heading of the table a line sits in (the nearest non-row lines above) matches. */
const lineText = new WeakMap<Line, { text: string; row: boolean; says: boolean }>();
function lineInfo(ln: Line, re: { test(s: string): boolean }) {
  let v = lineText.get(ln);
  if (!v) {
    const text = ln.segs.map((x) => x.text).join(' ');
    v = { text, row: ROW.test(text), says: re.test(text) };
    lineText.set(ln, v);
  }
  return v;
}

// (one regex is ever asked, GONE_OR_USAGE: the answers are cached per line)
const sectionCache = new WeakMap<Line, boolean>();
/**
 * Whether the heading of the table a line sits in says `re`: the lines above, stepping over the
 * table's rows however many (a call-detail page runs 50 rows under its heading) and stopping at
 * the second line that is no row.
 */
function sectionSays(L: Labelled, line: Line, re: { test(s: string): boolean }): boolean {
  const known = sectionCache.get(line);
  if (known !== undefined) return known;
  let nonRows = 0;
  let result = false;
  for (let i = line.index - 1; i >= 0; i--) {
    const ln = L.doc.lines[i]!;
    if (ln.page !== line.page) break;
    const info = lineInfo(ln, re);
    // a row of a number of its own is that number's, never a heading over the rows below it
    // (a Status column's "Disconnected" says nothing of the next row)
    if (info.says && !(info.row && findPhones(info.text).length > 0)) {
      result = true;
      break;
    }
    // a row right under nothing but rows has the same heading as this line
    const above = nonRows === 0 && info.row ? sectionCache.get(ln) : undefined;
    if (above !== undefined) {
      result = above;
      break;
    }
    if (info.row) continue;
    if (++nonRows >= 2) {
      // a continuation page heads its table with three lines ("Call details (continued)", the
      // account and period every page repeats, the column captions): the line right above the
      // second speaks too, when it is no row (a row there is another table's)
      const over = L.doc.lines[i - 1];
      const overInfo = over && over.page === ln.page ? lineInfo(over, re) : null;
      if (overInfo && !overInfo.row && overInfo.says) {
        result = true;
        break;
      }
      // a heading a photo split into two pieces at one height ("Summary of accounts" | "-
      // corporate account …") is one line: its other piece speaks too
      for (let j = i - 1; j >= 0; j--) {
        const sib = L.doc.lines[j]!;
        if (sib.page !== ln.page || Math.abs(sib.cy - ln.cy) > ln.h * 0.6) break;
        if (lineInfo(sib, re).says) result = true;
      }
      break;
    }
  }
  sectionCache.set(line, result);
  return result;
}

function labelAt(L: Labelled, seg: Segment): LabelHit | null {
  return (L.hitsByLine.get(seg.line.index) ?? []).find((h) => h.seg === seg) ?? null;
}

/**
 * A piece of a line that a label owns: the label's own piece, the value under a caption, or the
 * value in the piece right of a label that ends its own piece ("Statement date:" | "10/25/2025").
 */
function isFieldValue(L: Labelled, seg: Segment): boolean {
  const prev = seg.line.segs[seg.index - 1];
  const left = prev ? labelAt(L, prev) : null;
  return (
    !!labelAt(L, seg) ||
    !!captionAbove(L, seg.line, seg) ||
    (!!left && !!prev && left.wordEnd >= prev.words.length && !hasPhone(prev))
  );
}

/** A label standing alone right above the piece (a caption over its value). */
function captionAbove(L: Labelled, line: Line, seg: Segment): LabelHit | null {
  const above = aboveSeg(L, line, seg);
  if (!above) return null;
  const h = labelAt(L, above);
  return h && h.wordStart === 0 && h.wordEnd >= above.words.length && Math.abs(above.x0 - seg.x0) < line.h * 2
    ? h
    : null;
}

const SPLIT_FULL = /^\(?([2-9]\d{2})\)?\s+(\d{3})\s+\d{4}\b/;
const SPLIT_LOCAL = /^(\d{3})\s+(\d{4})(?![\d-])/;
/** How many lines up a split-column table's row looks for the area code it leaves blank. */
const AREA_REACH = 15;

/**
 * A row of a split-column table (`AREA  EXCH  LINE`) whose area column is blank: a report that
 * prints the area code only where it changes, or a picture whose OCR dropped it ("555 0171" under
 * "570 555 0145"). Its exchange stands under the exchange of a full number higher in the table,
 * and it takes that number's area code.
 */
function areaFromRowAbove(L: Labelled, line: Line, seg: Segment): PhoneHit[] {
  const m = SPLIT_LOCAL.exec(seg.text);
  if (!m || seg.index !== 0) return [];
  const nxx = seg.words[0]!;
  const from = (k: number): PhoneHit[] | null => {
    const ln = L.doc.lines[k];
    if (!ln || ln.page !== line.page) return [];
    const first = ln.segs[0];
    const full = first && SPLIT_FULL.exec(first.text);
    if (!full) return null;
    const exch = first.words[1];
    if (!exch || Math.abs(exch.x0 - nxx.x0) > line.h * 1.5) return [];
    const number = `${full[1]}${m[1]}${m[2]}`;
    return validNanp(number) ? [{ number, start: 0, end: m[0].length }] : [];
  };
  for (let k = line.index - 1; k >= 0 && k >= line.index - AREA_REACH; k--) {
    const hit = from(k);
    if (hit) return hit;
  }
  // The table's first rows, read from a picture: a report prints the area code on its first row
  // whatever it leaves blank after, so only OCR dropped it, and the first full row below gives it.
  if (!nxx.ocr) return [];
  for (let k = line.index + 1; k < L.doc.lines.length && k <= line.index + AREA_REACH; k++) {
    const hit = from(k);
    if (hit) return hit;
  }
  return [];
}

/**
 * A number that is one of a priced row's stacked cells: the line next to it holds the row's plan
 * and price, and nothing in the number's column (the row's other cells stand between its two
 * lines, centred on the cell of a nickname over its number).
 */
function stackedInPricedRow(L: Labelled, line: Line, seg: Segment): boolean {
  for (const k of [line.index - 1, line.index + 1]) {
    const ln = L.doc.lines[k];
    if (!ln || ln.page !== line.page || Math.abs(ln.cy - line.cy) > line.h * 1.5) continue;
    if (!ln.segs.some((x) => MONEY_RE.test(x.text))) continue;
    if (!overlapping(ln, seg.x0, seg.x1) && ln.segs.every((x) => !hasPhone(x))) return true;
  }
  return false;
}

function belowSeg(L: Labelled, line: Line, seg: Segment): Segment | null {
  const ln = L.doc.lines[line.index + 1];
  if (!ln || ln.page !== line.page || ln.cy - line.cy > line.h * 2.5) return null;
  return overlapping(ln, seg.x0, seg.x1);
}

function aboveSeg(L: Labelled, line: Line, seg: Segment): Segment | null {
  for (let i = line.index - 1; i >= 0 && i >= line.index - 2; i--) {
    const ln = L.doc.lines[i]!;
    if (ln.page !== line.page || line.cy - ln.cy > line.h * 3) break;
    const s = overlapping(ln, seg.x0, seg.x1);
    if (s) return s;
  }
  return null;
}

/** Keeps a number when its best occurrence looks like a line of the account. */
/** How unsure OCR must be of a number before its odd exchange is read as the common one. */
const UNSURE = 0.92;

/**
 * An OCR slip in the area code or exchange ("517-565-0131" among a hundred 517-555 numbers):
 * a reader takes the account's common prefix when the odd one is one digit from it, rare on the
 * bill, and either read unsurely or printed elsewhere with the common prefix. Text layers are
 * exact and never repaired.
 */
export function repairExchanges(hits: NumberHit[]): NumberHit[] {
  const lines = new Map<string, Set<string>>();
  // prefixes some number was read surely under (or printed in a text layer)
  const surely = new Set<string>();
  for (const h of hits) {
    // (its disconnected lines were the account's too: they say which exchange it is in)
    if (h.score < 1 && !h.gone) continue;
    const p = h.number.slice(0, 6);
    lines.set(p, (lines.get(p) ?? new Set()).add(h.number));
    if (h.conf >= UNSURE || !h.words[0]?.ocr) surely.add(p);
  }
  const seen = new Set(hits.filter((h) => h.score >= 1).map((h) => h.number));
  const common = [...lines.entries()].filter(([, s]) => s.size >= 6);
  if (!common.length) return hits.map((h) => tollFreeTwin(h, lines, seen));
  // a prefix read surely on two different numbers is a real one (a branch office's area code)
  const sure = new Map<string, Set<string>>();
  for (const h of hits)
    if (h.conf >= 0.97) {
      const p = h.number.slice(0, 6);
      sure.set(p, (sure.get(p) ?? new Set()).add(h.number));
    }
  return hits.map((h) => {
    if (!h.words[0]?.ocr) return h;
    const p = h.number.slice(0, 6);
    if ((sure.get(p)?.size ?? 0) >= 2) return tollFreeTwin(h, lines, seen);
    // one or two numbers under an odd prefix, none read surely, are slips, not a second exchange
    // (OCR read "207-565" twice among twenty 207-555 lines)
    const n = lines.get(p)?.size ?? 0;
    const mine = n > 2 || surely.has(p) ? n : 0;
    for (const [q, s] of common) {
      if (q === p || s.size < 6 * Math.max(1, mine)) continue;
      const apart = placesApart(q, p);
      const fixed = q + h.number.slice(6);
      if (apart === 1 && (h.conf < UNSURE || seen.has(fixed))) return { ...h, number: fixed };
      // two slips in the exchange alone ("857.665.0117" for 857-555-0117 on a fax's appendix of
      // every number) when the line is already on the bill under the common exchange, and the
      // odd exchange holds nothing else
      if (apart === 2 && n === 1 && q.slice(0, 3) === p.slice(0, 3) && seen.has(fixed))
        return { ...h, number: fixed };
    }
    return tollFreeTwin(h, lines, seen);
  });
}

/**
 * A toll-free service bill spreads its lines over 800, 833, 844…, a few under each prefix, so no
 * exchange is common enough to repair a slip by. Its usage table prints every line again: an
 * OCR'd toll-free number alone under its prefix, one glyph of the exchange from a line kept with
 * the same area code and last four under a prefix of several lines ("1-800-565-0119" in the
 * usage table, 800-555-0119 in the numbers table beside 800-555-0127), is that line.
 */
function tollFreeTwin(h: NumberHit, lines: Map<string, Set<string>>, seen: Set<string>): NumberHit {
  if (!h.words[0]?.ocr || !TOLL_FREE.has(h.number.slice(0, 3))) return h;
  if ((lines.get(h.number.slice(0, 6))?.size ?? 0) > 1) return h;
  // (the twin's exchange holds other lines too, or the lone one was read unsurely: the twin is
  // the bill's, the lone one the slip)
  const twins = [...seen].filter(
    (n) =>
      n.slice(0, 3) === h.number.slice(0, 3) &&
      n.slice(6) === h.number.slice(6) &&
      placesApart(n.slice(3, 6), h.number.slice(3, 6)) === 1 &&
      ((lines.get(n.slice(0, 6))?.size ?? 0) >= 2 || h.conf < UNSURE),
  );
  return twins.length === 1 ? { ...h, number: twins[0]! } : h;
}

export function pickNumbers(hits0: NumberHit[]): { number: string; words: LWord[]; confidence: number }[] {
  const hits = repairExchanges(hits0);
  const best = new Map<string, NumberHit>();
  const worst = new Map<string, number>();
  for (const h of hits) {
    const b = best.get(h.number);
    if (!b || h.score > b.score) best.set(h.number, h);
    worst.set(h.number, Math.min(worst.get(h.number) ?? Infinity, h.score));
  }
  const out: { number: string; words: LWord[]; confidence: number }[] = [];
  for (const [n, h] of best) {
    if (h.score < 1) continue;
    const contactSomewhere = (worst.get(n) ?? 0) <= -2;
    const confidence = Math.max(
      0.05,
      Math.min(1, (0.55 + 0.15 * Math.min(3, h.score)) * (0.5 + 0.5 * h.conf) * (contactSomewhere ? 0.6 : 1)),
    );
    out.push({ number: n, words: h.words, confidence });
  }
  return out;
}
