// extractBill: words and boxes in, bill fields out, each with a confidence and its boxes.
import { accountFromSureCopy } from './account-copy';
import { csrAddress } from './csr';
import { tableAddress } from './address-table';
import type { Address, BillFields, Extraction, FieldDoubt, FieldMeta, PageWords } from '../domain';
import { doubtsOf, numbersDoubt, ocrDoubt, twinsDoubt } from './doubts';
import { twinNumbers } from './twins';
import { findCarrier } from './carrier';
import { coverSheetPages } from './cover';
import { billYearFromNeighbours } from './date-year';
import { newestStatement, type PageFacts } from './statements';
import { periodCloseDate } from './period-date';
import { faxHeaderLines } from './fax';
import { repairFromCopies } from './copies';
import { premiseInTown } from './premise';
import type { Picked } from './fields';
import {
  CARE_OF,
  DBA_LINE,
  cleanName,
  isAttentionLine,
  naturalOrder,
  findAccountName,
  findAccountNumber,
  findBillDate,
  findBtn,
  findServiceAddress,
  namedStreet,
  parseAddressLines,
} from './fields';
import type { Doc, Line, LWord, Segment } from './layout';
import { boxOf, buildDoc, columnPiece } from './layout';
import type { LabelHit } from './labels';
import { opensWithLabel } from './labels';
import { labelDoc } from './label-doc';
import { findNumbers, pickNumbers } from './numbers';
import type { Labelled } from './read';
import {
  findDates,
  findDatesDayFirst,
  findPhones,
  placesApart,
  looksLikeStreet,
  isScanLine,
  isStampText,
  maskedAccount,
  MASKED_OCR,
  MONEY_RE,
  parseAccountNumber,
  deviceIdShape,
  parseCityStateZip,
  validNanp,
  UNIT_RE,
  trailingUnit,
  zipForState,
} from './shapes';
import { accentedPrName } from './words-pr';
import { accentedQcName } from './words-qc';
import { onSheet, splitTwoUp } from './two-up';
import { accountTailsOut } from './account-tail';
import { lostGlyphs } from './lost-glyphs';

export { buildDoc } from './layout';
export { findDates, findPhones, parseDate, parsePhone, parseCityStateZip, repairDigits } from './shapes';

const meta = (confidence: number, words: LWord[], doubts: FieldDoubt[] = []): FieldMeta => {
  const ocr = words.filter((w) => w.ocr);
  return {
    confidence: Math.round(confidence * 1000) / 1000,
    boxes: boxOf(words),
    doubts,
    ...(ocr.length
      ? { ocrWords: ocr.map((w) => ({ text: w.text, conf: Math.round(w.conf * 1000) / 1000 })) }
      : {}),
  };
};

/** A value taken where no label named it, with how it was taken (the agent is told). */
const guessed = <T>(p: Picked<T> | null, how: string): Picked<T> | null => p && { ...p, guess: how };

/** An unsure ZIP beside a surely read state, put back where one slip explains it (zipForState). */
function zipBySureState<T extends { value: Address; words: LWord[] }>(p: T): T {
  const a = p.value;
  const zip5 = a.zip.slice(0, 5);
  const zipWord = p.words.find((w) => w.text.replace(/[^0-9]/g, '').startsWith(zip5));
  const stateWord = p.words.find((w) => w.text.replace(/[^A-Za-z]/g, '').toUpperCase() === a.state);
  if (!zipWord?.ocr || zipWord.conf >= SURE || !stateWord || stateWord.conf < SURE) return p;
  const zip = zipForState(a.zip, a.state);
  return zip === a.zip ? p : { ...p, value: { ...a, zip } };
}
const SURE = 0.9;

/** Extracts the porting fields from a bill's words. Pure: no I/O, deterministic. */
export function extractBill(pages: PageWords[]): Extraction {
  // a bill copied two pages per sheet is read page by page, and its boxes put back on the sheets
  const two = splitTwoUp(pages);
  if (!two) return extractSheets(pages);
  const x = extractSheets(two.pages);
  const moveMeta = (fm: FieldMeta): FieldMeta => ({
    ...fm,
    boxes: fm.boxes.map((b) => onSheet(b, two.halves)),
  });
  return {
    ...x,
    meta: Object.fromEntries(Object.entries(x.meta).map(([k, v]) => [k, moveMeta(v)])),
    numberMeta: Object.fromEntries(Object.entries(x.numberMeta).map(([k, v]) => [k, moveMeta(v)])),
  };
}

function extractSheets(pages: PageWords[]): Extraction {
  // a faxed bill's cover sheet is read as no part of the bill: the bill's first page is page 1
  // to every rule below, and the boxes are put back on the document's own pages
  const all = buildDoc(pages);
  const covers = coverSheetPages(all);
  const kept = covers.size
    ? pages
        .filter((p) => !covers.has(p.page))
        .slice()
        .sort((a, b) => a.page - b.page)
    : pages;
  // of two monthly statements printed together, the newest is the bill
  const newest = newestStatement(kept, pageFacts);
  if (!covers.size && !newest) return extractPages(pages, all);
  const rest = newest ?? kept;
  const bill = rest.map((p, i) => ({ ...p, page: i + 1 }));
  const back = new Map(rest.map((p, i) => [i + 1, p.page]));
  const moveMeta = (fm: FieldMeta): FieldMeta => ({
    ...fm,
    boxes: fm.boxes.map((b) => ({ ...b, page: back.get(b.page) ?? b.page })),
  });
  const x = extractPages(bill);
  return {
    ...x,
    meta: Object.fromEntries(Object.entries(x.meta).map(([k, v]) => [k, moveMeta(v)])),
    numberMeta: Object.fromEntries(Object.entries(x.numberMeta).map(([k, v]) => [k, moveMeta(v)])),
  };
}

/** A page read alone: its labelled account number and bill date (statements.ts). */
function pageFacts(page: PageWords): PageFacts {
  const L = labelDoc(buildDoc([{ ...page, page: 1 }]));
  const date = findBillDate(L);
  return {
    account: findAccountNumber(L)?.value ?? null,
    date: (date ?? fallbackDate(L))?.value ?? null,
    labelled: !!date,
  };
}

function extractPages(pages: PageWords[], doc = buildDoc(pages)): Extraction {
  const L = labelDoc(doc);
  const fields: BillFields = {
    carrier: null,
    accountName: null,
    accountNumber: null,
    btn: null,
    serviceAddress: null,
    billDate: null,
    numbers: [],
  };
  const m: Record<string, FieldMeta> = {};
  const set = <K extends Exclude<keyof BillFields, 'numbers'>>(k: K, p: Picked<BillFields[K]> | null) => {
    if (!p) return;
    fields[k] = p.value;
    m[k] = meta(p.confidence, p.words, doubtsOf(k, p));
  };

  const read = findAccountNumber(L);
  let labelled = read && accountFromSureCopy(doc, read);
  let masked = labelled ? null : maskedAccountOf(L);
  if (labelled && /^\d{2,6}$/.test(labelled.value)) {
    // a fax's threshold can wipe a mask's stars ("****6557" read "6557" beside its label): digits
    // that are the tail a mask elsewhere on the bill shows are that mask, not the account
    const mask = maskedAccountOf(L) ?? maskedWord(L);
    if (mask && maskedAccount(mask.text) === labelled.value) {
      masked = mask;
      labelled = null;
    } else if (labelled.words.length === 1 && lostGlyphs(L.doc, labelled.words[0]!)) {
      // a picture's mask printed once, its stars lost but its box as wide as the mask: the
      // digits are the mask's tail, not an account of four digits
      masked = { text: labelled.value, words: labelled.words };
      labelled = null;
    }
  }
  if (masked)
    // the bill shows the account only masked: no guess stands in for it, and the agent is told
    m.accountNumber = meta(0, masked.words, [
      {
        kind: 'layout',
        note: `The bill shows the account number only masked (“${masked.text}”): ask the customer for the full number`,
      },
    ]);
  else
    set(
      'accountNumber',
      labelled ?? guessed(fallbackAccount(L), 'took the identifier printed most near the top'),
    );
  set('btn', findBtn(L));
  const date =
    findBillDate(L) ??
    guessed(fallbackDate(L), 'took the first date near the top of page 1') ??
    guessed(periodCloseDate(L), 'took the close of the billing period: the bill prints no bill date');
  // (a year OCR misread is put back from the dates beside it: read words only)
  const year = date && date.words.some((w) => w.ocr) ? billYearFromNeighbours(L, date.value) : null;
  set(
    'billDate',
    date && year && year !== date.value ? { ...date, value: year, confidence: date.confidence * 0.8 } : date,
  );
  const carrier = findCarrier(L);
  if (carrier) {
    fields.carrier = carrier.name;
    // a name only a logo's letters gave is a guess; OCR'd logo letters are often unsure
    // themselves, and the agent sees the logo, so only the guess is said
    m.carrier = meta(
      carrier.confidence,
      carrier.words,
      carrier.confidence < 0.5
        ? [
            {
              kind: 'layout',
              note: 'The bill does not print its carrier’s name clearly: taken from its logo — check',
            },
          ]
        : [],
    );
  }
  // (a customer service record prints it as FID fields: `SA ... /CITY ... /ST ... /ZIP`)
  let service = findServiceAddress(L, fields.btn, tableAddress(L.doc, fields.btn) ?? csrAddress(L.doc));
  if (!service) {
    const block = fallbackAddress(L, fields.carrier);
    service =
      // (a utility's premise printed by its street alone lies in the town the customer's block names)
      premiseInTown(L, fields.carrier, block) ??
      guessed(block, 'took the customer’s address block on page 1');
  }
  set('serviceAddress', service && zipBySureState(repairFromCopies(L, service)));
  // a name printed the same in two places (address block and coupon) is the customer's: the
  // agent is told only of a name read once
  const nameAbove = fallbackName(L, fields.serviceAddress, fields.carrier);
  set(
    'accountName',
    findAccountName(L) ??
      (nameAbove && nameAbove.confidence < 0.5
        ? guessed(nameAbove, 'took the name above the address')
        : nameAbove),
  );
  // a Quebec customer's name keeps the accents OCR dropped ("Mélanie Coté", "Cafe Bistro Lea")
  // (a Spanish bill's day-first dates are no sign of Quebec)
  const state = fields.serviceAddress?.state;
  if (fields.accountName && (state === 'QC' || (L.dayFirst && state !== 'PR')))
    fields.accountName = accentedQcName(fields.accountName);
  // and a Puerto Rico customer's ("Rodriguez", "Negrén", "Quifiones" as OCR reads them)
  else if (fields.accountName && state === 'PR') fields.accountName = accentedPrName(fields.accountName);

  // Numbers: exclude the account-number value itself; the BTN value counts as a line.
  const acctWords = new Set<LWord>(wordsOf(m.accountNumber, doc));
  const btnWords = new Set<LWord>(wordsOf(m.btn, doc));
  const picked = accountTailsOut(pickNumbers(findNumbers(L, acctWords, btnWords)), fields);
  if (!fields.btn) {
    const fb = fallbackBtn(fields.accountNumber, picked);
    if (fb) {
      fields.btn = fb.number;
      const ocr = ocrDoubt(fb.words);
      m.btn = meta(fb.confidence, fb.words, [
        {
          kind: 'layout',
          note: `No label on the bill names the billing telephone number: ${fb.how} — check`,
        },
        ...(ocr ? [ocr] : []),
      ]);
    }
  }
  // the BTN's own words read as a line whose exchange OCR slipped, and repaired among the
  // account's numbers ("912.565.0171" among a hundred 912-555 lines): the repaired one is the BTN
  const btn0 = fields.btn;
  const own = btn0
    ? picked.find(
        (p) => p.words.some((w) => btnWords.has(w)) && p.number !== btn0 && placesApart(p.number, btn0) === 1,
      )
    : undefined;
  if (own && !picked.some((p) => p.number === btn0)) fields.btn = own.number;
  if (fields.btn && !picked.some((p) => p.number === fields.btn))
    picked.unshift({ number: fields.btn, words: [], confidence: (m.btn?.confidence ?? 0.5) * 0.8 });
  const numberMeta: Record<string, FieldMeta> = {};
  const unsure: string[] = [];
  for (const p of picked) {
    const ocr = ocrDoubt(p.words);
    if (ocr) unsure.push(p.number);
    numberMeta[p.number] = p.words.length
      ? meta(p.confidence, p.words, ocr ? [ocr] : [])
      : { confidence: p.confidence, boxes: m.btn?.boxes ?? [], doubts: m.btn?.doubts ?? [] };
  }
  fields.numbers = picked.map((p) => p.number);
  const nd = numbersDoubt(unsure);
  const td = twinsDoubt(twinNumbers(fields.numbers, pages));
  m.numbers = {
    confidence: picked.length
      ? Math.round((picked.reduce((s, p) => s + p.confidence, 0) / picked.length) * 1000) / 1000
      : 0,
    boxes: picked.flatMap((p) => boxOf(p.words)),
    doubts: [nd, td].filter((d): d is FieldDoubt => d !== null),
  };
  return { fields, meta: m, numberMeta };
}

/** Words whose original boxes lie inside a field's boxes (to exclude them from numbers). */
function wordsOf(fm: FieldMeta | undefined, doc: Doc): LWord[] {
  if (!fm) return [];
  const out: LWord[] = [];
  for (const line of doc.lines)
    for (const w of line.words)
      for (const b of fm.boxes)
        if (
          b.page === w.page &&
          w.box.x0 >= b.x0 - 0.5 &&
          w.box.x1 <= b.x1 + 0.5 &&
          w.box.y0 >= b.y0 - 0.5 &&
          w.box.y1 <= b.y1 + 0.5
        )
          out.push(w);
  return out;
}

// ---- fallbacks when no label names the field -------------------------------------------------

function fallbackBtn(acct: string | null, picked: { number: string; words: LWord[]; confidence: number }[]) {
  // Many telcos build the account number from the BTN ("860-555-0133-301").
  const d = (acct ?? '').replace(/\D/g, '');
  if (d.length >= 10 && validNanp(d.slice(0, 10))) {
    const n = d.slice(0, 10);
    const onBill = picked.find((p) => p.number === n);
    // grouped like a phone number ("860-555-0133-301", "8285550172-88L") or listed as a line
    // on the bill; twelve digits run together ("826388026117", a wireless BAN) embed nothing
    if (onBill || /^\(?\d{3}\)?[\s.-]\d{3}[\s.-]?\d{4}|^\d{10}(?=[\s.-]|[A-Za-z])/.test(acct ?? ''))
      return {
        number: n,
        words: onBill?.words ?? [],
        confidence: onBill ? 0.6 : 0.4,
        how: 'took it from the account number, which begins with it',
      };
  }
  const first = picked[0];
  return first
    ? { number: first.number, words: first.words, confidence: 0.3, how: 'took the first phone number listed' }
    : null;
}

function fallbackDate(L: Labelled): Picked<string> | null {
  // The first date in the top part of page 1 that no due/period label owns.
  const fax = faxHeaderLines(L.doc);
  for (const line of L.doc.lines) {
    if (line.page !== 1 || line.cy > line.pageHeight * 0.4 || fax.has(line)) continue;
    const hits = L.hitsByLine.get(line.index) ?? [];
    // a line that carries a due date or a period says nothing about the bill date
    if (hits.some((h) => (h.kinds.due ?? 0) > 0 || (h.kinds.period ?? 0) > 0)) continue;
    for (const seg of line.segs) {
      // payment-side dates spelled out without a label ("AutoPay scheduled May 25"), and the
      // day a copy was printed ("Reprinted 08/04/2025 from account archive": an Alderbrook scan
      // whose band caption was lost took it for the bill date, months after the bill)
      if (
        /auto\s?pay|due|pay\s?by|scheduled|draft|period|through|thru|received|last|previous|next|printed|archive/i.test(
          seg.text,
        )
      )
        continue;
      const ds = (L.dayFirst ? findDatesDayFirst : findDates)(seg.text);
      // a date with a time of day is a moment something happened (printed, faxed, paid)
      if (ds.length === 1 && !/^\W{0,2}\d{1,2}:\d{2}/.test(seg.text.slice(ds[0]!.end)))
        return { value: ds[0]!.iso, confidence: 0.3, words: seg.words, all: [] };
    }
  }
  return null;
}

/**
 * Whether a line holds nothing in a column and lies within a line's pitch above the column's
 * `top` piece: a line of a neighbouring column that a photo's slant or its own spacing put
 * between two lines of this one.
 */
function besideColumn(line: Line, top: Segment, h: number): boolean {
  return (
    line.page === top.line.page &&
    top.y0 - line.cy < h * 1.6 &&
    line.segs.every((x) => x.x1 < top.x0 - h || x.x0 > top.x1 + h)
  );
}

function fallbackAddress(L: Labelled, carrier: string | null): Picked<Address> | null {
  // No service label survived: take an address block (street lines over a city line) that no
  // mailing/remit label owns, preferring blocks without an addressee name on top (envelope-window
  // and bill-to blocks carry one; service blocks usually sit under their label instead), and
  // never one addressed to someone's attention.
  const lines = L.doc.lines;
  const carrierKey = (carrier ?? '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '')
    .slice(0, 8);
  let best: { p: Picked<Address>; score: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    for (const seg of lines[i]!.segs) {
      if (!parseCityStateZip(seg.text)) continue;
      const block: { text: string; words: LWord[]; seg: Segment }[] = [
        { text: seg.text, words: seg.words, seg },
      ];
      const inColumn = (k: number) => {
        const ln = lines[k];
        return ln?.page === lines[i]!.page
          ? ln.segs.find((x) => Math.abs(x.x0 - seg.x0) < lines[i]!.h * 1.5)
          : undefined;
      };
      // (a row of boxes a scan tilted comes out as two lines at one height, the column's piece
      // in either: "PO BOX 49534 | FLOOR 6" over "| DEPT 44")
      const at = (j: number) => {
        const ln = lines[j];
        if (!ln) return undefined;
        for (const k of [j, j - 1, j + 1]) {
          const o = lines[k];
          const piece = o && Math.abs(o.cy - ln.cy) < ln.h * 0.6 ? inColumn(k) : undefined;
          if (piece) return piece;
        }
        return undefined;
      };
      let j = i - 1;
      for (; j >= 0 && j >= i - 4; j--) {
        const s = at(j);
        if (s && block.some((b) => b.seg === s)) continue;
        // a line of the next column that sits between two of the block's in a photo ("PO Box
        // 52700" of a remit block beside, between "38390 Summit Trail" and "Reno, NV 89501-9878")
        if (!s && besideColumn(lines[j]!, block[0]!.seg, lines[i]!.h)) continue;
        if (!s || !(looksLikeStreet(s.text) || UNIT_RE.test(s.text.trim()))) break;
        block.unshift({ text: s.text, words: s.words, seg: s });
      }
      // a whole address on one line after its caption and the addressee's name ("Bill to:
      // Birchwood Yoga Studio, 18 Elm St, Aspen, CO 81611")
      let ownCaption: LabelHit | undefined;
      if (block.length === 1 && !looksLikeStreet(seg.text)) {
        const one = namedLine(L, lines[i]!, seg);
        ownCaption = one.caption;
        if (one.named) {
          const words = one.named.streetWords;
          block[0] = { text: words.map((w) => w.text).join(' '), words, seg };
        }
      }
      if (
        !block.some((b) => looksLikeStreet(b.text)) ||
        /P\.?\s?O\.?\s+BOX/i.test(block.map((b) => b.text).join(' '))
      )
        continue;
      let score = 1;
      let mailing = (ownCaption?.kinds.mailing ?? 0) > 0;
      let remit = (ownCaption?.kinds.remit ?? 0) > 0;
      for (let k = j; k >= 0 && k >= j - 2 && !ownCaption; k--) {
        const s = at(k);
        if (!s) break;
        // an attention line over the street names whom mail goes to: a bill-to block whose
        // caption OCR lost, beside the premises block that prints only the name
        if (isAttentionLine(s.text)) score -= 1;
        const hit = (L.hitsByLine.get(lines[k]!.index) ?? []).find((h) => h.seg === s);
        if (hit) {
          if ((hit.kinds.remit ?? 0) > 0) remit = true;
          else if ((hit.kinds.mailing ?? 0) > 0) mailing = true;
          break;
        }
        // the carrier's own block (remit address without a label)
        if (
          carrierKey &&
          s.text
            .toUpperCase()
            .replace(/[^A-Z]/g, '')
            .startsWith(carrierKey)
        )
          remit = true;
        if (k === j && cleanName(s.text) && /[A-Za-z]{3}/.test(s.text)) score -= 0.5;
      }
      if (remit) continue;
      const p = parseAddressLines(block.map((b) => b.text));
      if (!p) continue;
      // a mailing block is the last resort: it often is the service address, but not always
      if (mailing) score -= 2;
      if (!best || score > best.score)
        best = {
          p: { value: p.address, confidence: 0.3, words: block.flatMap((b) => b.words), all: [] },
          score,
        };
    }
  }
  if (best && best.score < 0) best.p.confidence = 0.15;
  return best?.p ?? null;
}

/**
 * Where inside line j's piece `seg` a caption starts that belongs to another column: one that
 * starts where a caption of the line above or below starts. The index of its first word, or 0.
 */
function columnCaptionAt(L: Labelled, j: number, seg: Segment): number {
  const lines = L.doc.lines;
  const h = lines[j]!.h;
  const starts = [j - 1, j + 1].flatMap((k) =>
    lines[k]?.page === lines[j]!.page ? (L.hitsByLine.get(k) ?? []).filter((o) => o.wordStart === 0) : [],
  );
  for (let w = 1; w < seg.words.length; w++) {
    const x = seg.words[w]!.x0;
    if (starts.some((o) => Math.abs(o.x0 - x) < h * 1.5) && opensWithLabel(seg.words.slice(w))) return w;
  }
  return 0;
}

/**
 * A piece that holds the caption opening it, if any, then an addressee's name and a street on one
 * line ("Service At: BIRCHWOOD YOGA STUDIO 18 ELM ST ASPEN CO 81611", "Bill to: Birchwood Yoga
 * Studio, 18 Elm St, …"): the caption, and the name's and the address's words (with whether the
 * address reaches its city line), or no `named` when the piece opens with no name before a street.
 */
function namedLine(
  L: Labelled,
  line: Line,
  seg: Segment,
): {
  caption: LabelHit | undefined;
  named: { name: string; nameWords: LWord[]; streetWords: LWord[]; city: boolean } | null;
} {
  const caption = (L.hitsByLine.get(line.index) ?? []).find((h) => h.seg === seg && h.wordStart === 0);
  const rest = seg.words.slice(caption?.wordEnd ?? 0);
  const text = rest.map((w) => w.text).join(' ');
  const named = namedStreet(text);
  if (!named) return { caption, named: null };
  const n = named.name.split(/\s+/).length;
  return {
    caption,
    named: {
      name: named.name,
      nameWords: rest.slice(0, n),
      streetWords: rest.slice(n),
      city: !!parseCityStateZip(text),
    },
  };
}

function fallbackName(L: Labelled, service: Address | null, carrier: string | null): Picked<string> | null {
  // The addressee: the line right above the street line of an address block. A name that shows up
  // in more than one block (envelope window and service block) is the customer; the carrier's own
  // name (remit block) is not.
  const lines = L.doc.lines;
  const carrierKey =
    (carrier ?? '')
      .toUpperCase()
      .replace(/[^A-Z]/g, ' ')
      .trim()
      .split(/\s+/)[0] ?? '';
  const found: { v: string; words: LWord[]; order: number }[] = [];
  for (let i = 1; i < lines.length; i++) {
    for (const seg of lines[i]!.segs) {
      if (!looksLikeStreet(seg.text)) {
        // the addressee opening a one-line service address ("Service At: BIRCHWOOD YOGA STUDIO
        // 18 ELM ST ASPEN CO 81611")
        const { caption, named } = namedLine(L, lines[i]!, seg);
        const v = (caption?.kinds.serviceAddress ?? 0) > 0 && named?.city ? cleanName(named.name) : null;
        if (named && v) found.push({ v, words: named.nameWords, order: found.length });
        continue;
      }
      const col = (k: number) => columnPiece(lines, k, seg);
      // (a rubber stamp across the block, "PAID" over "OCT 16 2024", is stepped over, and so
      // are the lines of another column that interleave with the block's: an account summary
      // beside an envelope window, its rows a little off the block's)
      const below = [1, 2, 3, 4, 5, 6, 7, 8]
        .filter((d) => !lines[i + d]?.segs.every((s) => isStampText(s.text)))
        .filter((d) => col(i + d) || !lines[i + d] || lines[i + d]!.cy - lines[i]!.cy > lines[i]!.h * 6)
        .slice(0, 3)
        .map((d) => col(i + d));
      if (!below.some((s) => parseCityStateZip(s?.text ?? '')) && !parseCityStateZip(seg.text)) continue;
      // up the column over at most two of its lines; lines of another column interleaved by a
      // tilted page are stepped over
      let seen = 0;
      for (let j = i - 1; j >= Math.max(0, i - 5) && seen < 2; j--) {
        const s = col(j);
        if (!s) {
          if (lines[i]!.cy - lines[j]!.cy > lines[i]!.h * 3.5) break;
          continue;
        }
        seen++;
        const hit = (L.hitsByLine.get(j) ?? []).find((h) => h.seg === s);
        if (hit && (hit.kinds.remit ?? 0) > 0) break;
        // the addressee after the name on its line ("BIRCHWOOD YOGA STUDIO, ATTN: JANE DOE")
        // leaves the name before it
        const attnAfter = !!hit && hit.wordStart > 0 && /^(?:ATTN|ATTENTION|ATENCION)$/.test(hit.phrase);
        if (hit && !attnAfter) continue;
        // a block's city line above is the end of another block (a mailing address over the
        // service address's caption): its name is not this block's
        if (parseCityStateZip(s.text)) break;
        // a "c/o" line sits between the addressee and the street: it is neither; nor is a unit
        // or a building's floor printed above the street ("Suite 200", "Oak Plaza, 2nd Floor")
        if (CARE_OF.test(s.text.trim()) || UNIT_RE.test(s.text.trim()) || trailingUnit(s.text)) {
          seen--;
          continue;
        }
        // a caption of the next column run into the name's piece ("… ENTERPRISES, INC. Due Date",
        // its ")" lost) is cut off where the captions above and below it start
        const cut = attnAfter ? hit.wordStart : columnCaptionAt(L, j, s);
        let words = cut ? s.words.slice(0, cut) : s.words;
        let v = cleanName(words.map((w) => w.text).join(' '));
        if (!v || looksLikeStreet(v)) continue;
        // "DBA Joe's Pizza" under the legal name: the billing name is both lines
        // (lines of another column a tilted page interleaves are stepped over)
        let up = j - 1;
        while (up > 0 && !col(up) && lines[j]!.cy - lines[up]!.cy < lines[j]!.h * 2.5) up--;
        const above = DBA_LINE.test(v) ? col(up) : undefined;
        const legal = above && cleanName(above.text);
        if (above && legal && !looksLikeStreet(legal) && !CARE_OF.test(legal)) {
          v = `${legal} ${v}`;
          words = [...above.words, ...words];
        }
        const vk = v
          .toUpperCase()
          .replace(/[^A-Z]/g, ' ')
          .trim();
        // the carrier's own block, also with its words run together ("BLUEBIRDFIBER")
        if (carrierKey.length >= 3 && vk.replace(/\s+/g, '').startsWith(carrierKey)) break;
        if (service && v.toUpperCase().includes(service.line1.toUpperCase())) break;
        found.push({ v, words, order: found.length });
        break;
      }
    }
  }
  if (!found.length) return null;
  const k = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const texts = L.doc.lines.flatMap((l) => l.segs.map((sg) => k(sg.text)));
  const count = (v: string) => texts.filter((t) => t === k(v)).length;
  // a name OCR cut short in one block ("… (UNDERWOOD PARTNE") loses to its whole copy in another
  const cut = (v: string) =>
    k(v).length >= 8 && found.some((o) => k(o.v) !== k(v) && k(o.v).startsWith(k(v)));
  const best = found
    .slice()
    .sort((a, b) => count(b.v) - count(a.v) || +cut(a.v) - +cut(b.v) || a.order - b.order)[0]!;
  return {
    value: naturalOrder(best.v),
    confidence: count(best.v) > 1 ? 0.5 : 0.3,
    words: best.words,
    all: [],
  };
}

const DEVICE_WORD =
  /^(?:\(?IMEI|MEID|ESN|SIM|\(?ICCID\)?|serial|S\/N|device|agreement|installment|EIP|order|invoice|ticket|confirmation|ref(?:erence)?|tracking)\b/i;

/** A masked account number the bill prints ("Account ending in 4821", "Acct: ****4821"). */
function maskedAccountOf(L: Labelled): { text: string; words: LWord[] } | null {
  for (const line of L.doc.lines) {
    const hits = L.hitsByLine.get(line.index) ?? [];
    const labelled = hits.some((h) => (h.kinds.accountNumber ?? 0) > 0);
    for (const seg of line.segs) {
      const text = seg.text.trim();
      const masked =
        /^[#:.\s]*[*xX\u2022\u25CF]{2,}/.test(text) || (seg.words[0]?.ocr && MASKED_OCR.test(text))
          ? maskedAccount(text)
          : null;
      if ((masked && labelled) || (/\b(?:ending|ends)\b/i.test(text) && maskedAccount(text)))
        return { text: text.replace(/^[#:.\s]+/, ''), words: seg.words };
    }
  }
  return null;
}

/** A word that is a mask by itself ("****6557", "xxxx6557"), wherever the bill prints it. */
function maskedWord(L: Labelled): { text: string; words: LWord[] } | null {
  for (const line of L.doc.lines)
    for (const w of line.words)
      if (/^[*xX\u2022\u25CF]{3,}\d{2,6}[.,]?$/.test(w.text)) return { text: w.text, words: [w] };
  return null;
}

function fallbackAccount(L: Labelled): Picked<string> | null {
  // No label survived (OCR lost it): an identifier-shaped token that is not a phone, date, ZIP or
  // amount, preferring ones that repeat and sit high on the first page.
  const seen = new Map<string, { v: string; words: LWord[]; score: number }>();
  const fax = faxHeaderLines(L.doc);
  for (const line of L.doc.lines) {
    if (fax.has(line)) continue;
    // a remittance stub's scan line runs the account into amounts and check digits
    if (isScanLine(line.segs.map((x) => x.text).join(' '))) continue;
    const hits = L.hitsByLine.get(line.index) ?? [];
    // table rows (a phone number or an amount on the line) hold usage and charges, not the account id
    const first = line.segs[0];
    if (
      line.segs.some((x) => MONEY_RE.test(x.text)) ||
      (first && findPhones(first.text).some((p) => p.start === 0))
    )
      continue;
    for (const seg of line.segs) {
      const owned = hits.find((h) => h.seg === seg);
      if (owned && !((owned.kinds.accountNumber ?? 0) > 0)) continue;
      // a whole piece of grouped digits ("8131 7198 4412") is one identifier
      const whole = parseAccountNumber(seg.text, seg.words[0]!.ocr);
      if (
        whole &&
        whole.includes(' ') &&
        whole.split(' ').length === seg.words.length &&
        !findPhones(seg.text).length &&
        !findDates(seg.text).length
      ) {
        const alnum = whole.replace(/[^A-Za-z0-9]/g, '');
        if (alnum.length >= 9) {
          const k = alnum.toUpperCase();
          const e = seen.get(k) ?? { v: whole, words: seg.words, score: 0 };
          e.score += (line.page === 1 ? 1 : 0.5) * (line.cy < line.pageHeight * 0.4 ? 1.5 : 1);
          seen.set(k, e);
        }
      }
      for (let i = 0; i < seg.words.length; i++) {
        const t = seg.words[i]!.text;
        if (
          !/\d/.test(t) ||
          MONEY_RE.test(t) ||
          findDates(t).length ||
          findPhones(t).some((p) => p.end - p.start >= t.length - 1)
        )
          continue;
        const v = parseAccountNumber(t, seg.words[i]!.ocr);
        if (!v || v.includes(' ')) continue;
        const alnum = v.replace(/[^A-Za-z0-9]/g, '');
        // a ZIP, also glued to its state ("NH03302-0077"), is no account number
        if (alnum.length < 8 || /^(?:[A-Z]{2})?\d{5}(-\d{4})?$/.test(v) || /^\d{1,6}$/.test(v)) continue;
        const prev = seg.words[i - 1]?.text ?? '';
        if (/^(box|suite|ste|#)$/i.test(prev)) continue;
        // a device or contract id: named by a word before it, or shaped like an IMEI or a SIM
        const named = seg.words.slice(Math.max(0, i - 3), i).some((w) => DEVICE_WORD.test(w.text));
        if (named || deviceIdShape(alnum)) continue;
        const k = alnum.toUpperCase();
        const e = seen.get(k) ?? { v, words: [seg.words[i]!], score: 0 };
        e.score +=
          (line.page === 1 ? 1 : 0.5) *
          (line.cy < line.pageHeight * 0.4 ? 1.5 : 1) *
          (/-|\d{8,}/.test(v) ? 1 : 0.7);
        seen.set(k, e);
      }
    }
  }
  const best = [...seen.values()].sort((a, b) => b.score - a.score)[0];
  return best
    ? { value: best.v, confidence: Math.min(0.45, 0.2 + 0.1 * best.score), words: best.words, all: [] }
    : null;
}
