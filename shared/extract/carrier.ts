// The losing carrier's name: the logo text at the top of page 1, confirmed (or replaced) by what
// the bill says about itself ("payable to X", "Thank you for choosing X", "© 2025 X").
import { canonicalCarrier, squash } from './carrier-names';
import type { Doc, Line, LWord, Segment } from './layout';
import { lev } from './labels';
import { isStampText, joinFragments as joinWordFragments } from './shapes';
import type { Labelled } from './read';
import { readBelow } from './read';

export interface CarrierPick {
  name: string;
  confidence: number;
  words: LWord[];
}

const GENERIC = new Set([
  'INVOICE',
  'STATEMENT',
  'BILL',
  'YOUR',
  'ACCOUNT',
  'PAGE',
  'SUMMARY',
  'MONTHLY',
  'BILLING',
  'SERVICE',
  'SERVICES',
  'OF',
  'THE',
  'AND',
  'TOTAL',
  'AMOUNT',
  'DUE',
  'DATE',
  'CUSTOMER',
  'PAYMENT',
  'NOTICE',
  'IMPORTANT',
  'INFORMATION',
  'BUSINESS',
  'WELCOME',
  'NEW',
]);

// A telephone company's own name, as it signs a record ("TALLGRASS TELEPHONE CO OF DELAWARE").
const COMPANY_WORD =
  /\b(?:telephone|tel|telecom|communications|wireless|cellular|broadband)\s+(?:co|company|corp|corporation|inc|cooperative|co-?op|llc)\b/i;

/** "A C M E" -> "ACME": letter-spaced logos come out of the text layer one letter per word. */
function collapseSpacing(words: string[]): string {
  words = words.flatMap((w) =>
    w
      .replace(/([A-Z]{2,})([a-z]{3,})/g, '$1 $2')
      .replace(/([a-z]{2,})([A-Z][a-z]{2,})/g, '$1 $2')
      .split(' '),
  );
  const out: string[] = [];
  let run = '';
  for (const w of words) {
    if (/^[A-Za-z]$/.test(w)) run += w;
    else {
      if (run) out.push(run);
      run = '';
      out.push(w);
    }
  }
  if (run) out.push(run);
  return out.join(' ');
}

const SENTENCES: RegExp[] = [
  /payable to:?\s+(.+)/i,
  /thank you for (?:choosing|using|being an? |your business with|selecting)\s*(?:customer of\s+)?(.+)/i,
  /©\s*(?:\d{4}\s+)?(.+)/,
  /\(c\)\s*\d{4}\s+(.+)/i,
  /copyright\s+(?:©\s*)?\d{4}\s+(.+)/i,
  /welcome to\s+(.+)/i,
  /(?:send|mail|remit) payments? to:?\s+(.+)/i,
  /remit to:?\s+(.+)/i,
  /\bremit(?:tance)?:\s+(.+)/i,
];

function cleanCarrier(s: string): string {
  // a word OCR split before its last letters ("Fieldston e Telephone", "Ros ewood") is one word
  return joinWordFragments(s)
    .replace(/\b([A-Z][a-z]{3,}) ([b-xz])(?=[\s,.]|$)/g, '$1$2')
    .split(/[.!,;|]|\s{2,}|\b(?:all rights|customer|payment center|is a |are |for |and your|,)\b/i)[0]!
    .replace(/\b(?:Inc|LLC|Corp|Co)\.?$/i, (m) => m)
    .trim()
    .split(/\s+/)
    .slice(0, 4)
    .join(' ');
}

const key = (s: string) =>
  s
    .toUpperCase()
    .replace(/[^A-Z0-9 ]/g, '')
    .trim();

/**
 * The carrier as the desk shows it: a known carrier's canonical name when what the bill says is
 * close to one; otherwise the bill's own words, taken from clean text elsewhere on the bill
 * when the logo came out of OCR in pieces ("RED Woo D Fl BER" -> "Redwood Fiber").
 */
export function findCarrier(L: Labelled): CarrierPick | null {
  const raw = readCarrier(L);
  if (!raw) return null;
  const known = canonicalCarrier(raw.name) ?? (raw.logo ? canonicalCarrier(raw.logo) : null);
  if (known) return { name: known, confidence: Math.max(raw.confidence, 0.9), words: raw.words };
  if (raw.logoSeg && raw.name === raw.logo) {
    const clean = printedElsewhere(L, raw.logoSeg, raw.logo);
    if (clean) return { name: clean, confidence: Math.max(raw.confidence, 0.85), words: raw.words };
  }
  return { name: raw.name, confidence: raw.confidence, words: raw.words };
}

/**
 * The logo's letters printed as plain text somewhere else on the bill (a page header, the
 * remittance block, a footer), with the carrier words that follow it there ("Wireless").
 */
function printedElsewhere(L: Labelled, logoSeg: Segment, logo: string): string | null {
  const q = squash(logo);
  if (q.length < 4) return null;
  const room = q.length >= 10 ? 2 : q.length >= 6 ? 1 : 0;
  // (of copies as close, one that is its whole piece, a remit block's or a header's line, beats
  // the name inside a sentence: "Switch to Larkspur Fiber Gig" names a product)
  let best: { text: string; d: number; whole: boolean } | null = null;
  for (const line of L.doc.lines) {
    for (const seg of line.segs) {
      if (seg === logoSeg) continue;
      const ws = seg.text.split(/\s+/).map((w) => w.replace(/[,.;:]$/, ''));
      for (let i = 0; i < ws.length && i < 8; i++) {
        if (!/^[A-Z][A-Za-z&'-]*$/.test(ws[i]!)) continue;
        let acc = '';
        for (let j = i; j < ws.length && j < i + 5; j++) {
          if (!/^[A-Za-z&'-]+$/.test(ws[j]!)) break;
          acc += squash(ws[j]!);
          if (acc.length + room < q.length) continue;
          if (acc.length > q.length + room) break;
          const d = lev(acc, q, room);
          let k = j + 1;
          while (k < ws.length && k < j + 3 && NAME_TAIL.has(bare(ws[k]!))) k++;
          const whole = i === 0 && k === ws.length;
          if (d <= room && (!best || d < best.d || (d === best.d && whole && !best.whole))) {
            best = {
              whole,
              text: ws
                .slice(i, k)
                .join(' ')
                .replace(/[,.;:]$/, ''),
              d,
            };
          }
        }
      }
    }
  }
  if (best) return best.text;
  // only a logo OCR garbled is worth trading for one word of it
  const garbled = logoSeg.words.some((w) => !/^[A-Za-z&'-]{3,}$/.test(w.text) || w.conf < 0.6);
  return garbled ? firstWordElsewhere(L, logoSeg, q) : null;
}

/** Words that go on a carrier's name where it is printed in full ("Bayfront Wireless"). */
const NAME_TAIL = new Set(
  'WIRELESS MOBILE MOBILITY CELLULAR BUSINESS COMMUNICATIONS TELECOM TELCO NETWORKS BROADBAND FIBER CABLE VOICE PHONE TELEPHONE INTERNET SERVICES CO COMPANY INC LLC CORP LTD COOPERATIVE'.split(
    ' ',
  ),
);

const bare = (w: string) => w.toUpperCase().replace(/[^A-Z&]/g, '');

/**
 * A logo read cleanly only at its start ("Ti d ewate I' cree"): the one word printed elsewhere
 * that its first letters spell, most often seen.
 */
function firstWordElsewhere(L: Labelled, logoSeg: Segment, q: string): string | null {
  const seen = new Map<string, number>();
  for (let n = Math.min(q.length - 1, 14); n >= 6 && !seen.size; n--) {
    const head = q.slice(0, n);
    for (const line of L.doc.lines)
      for (const seg of line.segs) {
        if (seg === logoSeg) continue;
        for (const raw of seg.text.split(/\s+/)) {
          const w = raw.replace(/[,.;:]$/, '');
          if (!/^[A-Z][A-Za-z'-]+$/.test(w)) continue;
          const sw = squash(w);
          if (sw.length < n || sw.length > n + 1) continue;
          if (lev(sw.slice(0, n), head, n >= 8 ? 1 : 0) <= (n >= 8 ? 1 : 0))
            seen.set(w, (seen.get(w) ?? 0) + 1);
        }
      }
  }
  return [...seen.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

interface RawCarrier extends CarrierPick {
  logo: string | null;
  logoSeg: Segment | null;
}

/**
 * The pieces that stand under a caption on these lines as its value ("Name on account" over
 * "Rosewood Physical Therapy, LLC"): a phone app's account screen prints its customer's name large near the top,
 * where a bill's logo would be, and a screenshot's carrier was read as the customer.
 */
function captionValues(L: Labelled, lines: readonly Line[]): Set<Segment> {
  const out = new Set<Segment>();
  for (const line of lines)
    for (const h of L.hitsByLine.get(line.index) ?? []) {
      if (h.wordStart !== 0 || h.wordEnd < h.seg.words.length) continue;
      const v = readBelow(L, h, 1);
      if (v) out.add(v.seg);
    }
  return out;
}

/**
 * A phone's status bar across the top of a screenshot ("2:10 · 5G · 36%"): its signal bars read
 * as letters ("all") and were taken for the carrier's logo.
 */
function statusBar(line: Line): boolean {
  const t = line.segs.map((x) => x.text).join(' ');
  // (or without its clock, which a photo's slant can put on a line of its own: "LTE 74% mm |")
  return (
    (/(?:^|\s)\d{1,2}:\d{2}(?:\s|$)/.test(t) && /\b(?:\d{1,3}\s?%|[345]G|LTE|5GE|Wi-?Fi)(?:\s|$)/i.test(t)) ||
    (/\b\d{1,3}\s?%(?:\s|$)/.test(t) && /\b(?:[345]G|LTE|5GE|Wi-?Fi)(?:\s|$)/i.test(t))
  );
}

function readCarrier(L: Labelled): RawCarrier | null {
  const doc: Doc = L.doc;
  const stated: { name: string; words: LWord[] }[] = [];
  for (const line of doc.lines) {
    for (const seg of line.segs) {
      for (const re of SENTENCES) {
        const m = re.exec(seg.text);
        if (!m) continue;
        const name = cleanCarrier(m[1]!);
        if (
          name.length >= 3 &&
          /[A-Za-z]{2}/.test(name) &&
          !/^(P\.?\s?O\.?\s|BOX\b|\d|the\b|us\b|our\b)/i.test(name)
        )
          stated.push({ name, words: seg.words });
      }
    }
  }
  // The first line of a remit-to block names the payee ("Remit to" / "Beacon Telecom" / "PO Box …").
  for (const hs of L.hitsByLine.values()) {
    for (const h of hs) {
      if (!((h.kinds.remit ?? 0) > 0) || h.wordEnd < h.seg.words.length) continue;
      const r = readBelow(L, h, 1);
      if (r && /^[A-Za-z][A-Za-z&'. -]{3,40}$/.test(r.text) && !/^(P\.?\s?O\.?\s|BOX\b)/i.test(r.text))
        stated.push({ name: r.text, words: r.words });
    }
  }
  // Logo: the tallest text in the top fifth of page 1 that is not a label or a value.
  const first = doc.lines.filter((l) => l.page === (doc.pages[0]?.page ?? 1));
  const hMed = median(first.map((l) => l.h));
  // (a value lies below its caption, so the captions of the logo's region are all in it)
  const top = first.filter((l) => l.cy <= l.pageHeight * 0.22);
  const values = captionValues(L, top);
  let logo: { seg: Segment; h: number } | null = null;
  // The tallest piece OCR could read with some confidence: a big title turned to noise (a dark
  // phone screen's "Account", its thick strokes left hollow by the band's inversion, read "XC A
  // CO a. 4 Uli" at 0-0.3) stood over the carrier's name beside it. Only when every piece is
  // that unsure is the tallest taken as it is.
  let sureLogo: { seg: Segment; h: number } | null = null;
  for (const line of top) {
    if (statusBar(line)) continue;
    for (const seg of line.segs) {
      if ((L.hitsByLine.get(line.index) ?? []).some((h) => h.seg === seg)) continue;
      if (values.has(seg)) continue;
      // a customer's rubber stamp ("PAID", "RECEIVED 04/12/2025") is often the biggest type there
      if (isStampText(seg.text)) continue;
      const letters = seg.text.replace(/[^A-Za-z]/g, '');
      // (a known name of few letters stands: "8x8")
      if ((letters.length < 3 && !canonicalCarrier(seg.text)) || /\d{3}/.test(seg.text)) continue;
      const words = seg.text.toUpperCase().split(/\s+/);
      if (words.every((w) => GENERIC.has(w.replace(/[^A-Z]/g, '')))) continue;
      // the piece's typical height: one garbled word's box (OCR'd noise) must not make a
      // customer's name beside it the tallest thing on the page
      const sure = seg.words.filter((w) => w.conf >= 0.5);
      const h = median((sure.length ? sure : seg.words).map((w) => w.y1 - w.y0));
      if (!logo || h > logo.h * 1.05) logo = { seg, h };
      const mean = seg.words.reduce((t, w) => t + w.conf, 0) / seg.words.length;
      if (mean >= 0.5 && (!sureLogo || h > sureLogo.h * 1.05)) sureLogo = { seg, h };
    }
  }
  if (sureLogo) logo = sureLogo;
  // A record printed in one type size (a customer service record, a mainframe report) has no
  // logo: its "tallest" piece is whichever OCR boxed a hair taller, the customer's name as often
  // as not, or a short field name a photo boxed tall ("LTN"). There the first piece at the top
  // that names a telephone company is the carrier's.
  const plainWord = (seg: Segment) => seg.words.some((w) => /^[A-Za-z&'-]{4,}$/.test(w.text));
  if (logo && (logo.h <= hMed * 1.25 || !plainWord(logo.seg)) && !COMPANY_WORD.test(logo.seg.text)) {
    const named = top
      .flatMap((line) => line.segs.map((seg) => ({ line, seg })))
      .find(
        ({ line, seg }) =>
          COMPANY_WORD.test(seg.text) &&
          !/\d{3}/.test(seg.text) &&
          !values.has(seg) &&
          !(L.hitsByLine.get(line.index) ?? []).some((h) => h.seg === seg),
      );
    if (named) logo = { seg: named.seg, h: logo.h };
  }
  const logoName = logo
    ? (rejoinLogo(logo.seg.words) ?? collapseSpacing(joinFragments(logo.seg.words)))
        // (accented letters are the name's: "Vidéotron", "Télébec")
        .replace(/[^A-Za-zÀ-ÖØ-öø-ÿ0-9&'\- ]/g, '')
        .trim()
    : null;
  // OCR of decorative logos is often garbage ("Rie 0"): demand a real word and decent confidence.
  const logoClean =
    !!logo &&
    logo.seg.words.some((w) => /^[A-Za-z&'-]{4,}$/.test(w.text)) &&
    logo.seg.words.reduce((t, w) => t + w.conf, 0) / logo.seg.words.length >= 0.7;
  const logoStrong = !!logo && logo.h > hMed * 1.4 && logoClean;
  if (logoName && logo) {
    const lk = key(logoName).split(' ')[0] ?? '';
    // The stated name is clean text; prefer it when it starts like the logo.
    const flat = (x: string) => key(x).replace(/\s+/g, '');
    const agree = stated.find(
      (s) =>
        (/^[A-Za-z0-9&'.\- ]+$/.test(s.name) && key(s.name).split(' ')[0] === lk && lk.length >= 3) ||
        (flat(s.name).length >= 5 && flat(logoName).startsWith(flat(s.name))) ||
        // the logo is the first word of the name stated in full ("FIELDSTONE" / "Fieldstone
        // Telephone Cooperative")
        (flat(logoName).length >= 5 && flat(s.name).startsWith(flat(logoName))),
    );
    if (agree) {
      const a = key(agree.name);
      const l = key(logoName).replace(/\s+/g, '');
      if (
        a.replace(/\s+/g, '') === l ||
        l.startsWith(a.replace(/\s+/g, '')) ||
        a.length >= key(logoName).length
      )
        return {
          name: agree.name,
          confidence: 0.95,
          words: logo.seg.words,
          logo: logoName,
          logoSeg: logo.seg,
        };
      return { name: logoName, confidence: 0.9, words: logo.seg.words, logo: logoName, logoSeg: logo.seg };
    }
    if (logoStrong)
      return { name: logoName, confidence: 0.75, words: logo.seg.words, logo: logoName, logoSeg: logo.seg };
  }
  if (stated.length) {
    // the name the bill states most often ("payable to", "©", "remit to" …)
    const counts = new Map<string, number>();
    for (const s of stated) counts.set(key(s.name), (counts.get(key(s.name)) ?? 0) + 1);
    const top = stated
      .slice()
      .sort((a, b) => (counts.get(key(b.name)) ?? 0) - (counts.get(key(a.name)) ?? 0))[0]!;
    return { name: top.name, confidence: 0.6, words: top.words, logo: logoName, logoSeg: logo?.seg ?? null };
  }
  if (logoName && logo)
    return { name: logoName, confidence: 0.4, words: logo.seg.words, logo: logoName, logoSeg: logo.seg };
  return null;
}

function median(a: number[]): number {
  if (!a.length) return 0;
  const s = a.slice().sort((x, y) => x - y);
  return s[s.length >> 1]!;
}

/**
 * A logo OCR cut into fragments ("RED Woo D Fl BER"): the pieces of one word sit closer than the
 * words do, so the widest gaps are the word breaks; an all-capital logo's look-alike small
 * letters are read as the capitals they stand for. Null when the logo is not in fragments.
 */
export function rejoinLogo(words: LWord[]): string | null {
  const frag = (t: string) => t.length <= 3 || /^[A-Z]+[a-z]+$|^[a-z]/.test(t);
  if (words.length < 3 || words.filter((w) => frag(w.text)).length < 2) return null;
  const gaps = words.slice(1).map((w, i) => w.x0 - words[i]!.x1);
  const max = Math.max(...gaps);
  const min = Math.min(...gaps);
  // even gaps are word spaces: short words, not fragments ("BIG SKY RURAL TELEPHONE")
  if (max < min * 1.6 + 0.5) return null;
  const parts: string[] = [words[0]!.text];
  gaps.forEach((g, i) => {
    const t = words[i + 1]!.text;
    if (g >= max * 0.6) parts.push(t);
    else parts[parts.length - 1] += t;
  });
  const letters = parts.join('').replace(/[^A-Za-z]/g, '');
  const caps = (letters.match(/[A-Z]/g) ?? []).length;
  if (caps < letters.length * 0.6) return parts.join(' ');
  return parts.map((p) => p.replace(/[l1|]/g, 'I').replace(/0/g, 'O').toUpperCase()).join(' ');
}

/** OCR splits big logo words ("Ca ble"): a short lower-case fragment close to its neighbour joins it. */
function joinFragments(words: LWord[]): string[] {
  const out: string[] = [];
  let prev: LWord | null = null;
  for (const w of words) {
    const gap = prev ? w.x0 - prev.x1 : Infinity;
    if (
      prev &&
      /^[a-z]/.test(w.text) &&
      (prev.text.length <= 3 || w.text.length <= 3) &&
      gap < (w.y1 - w.y0) * 0.5
    )
      out[out.length - 1] += w.text;
    else out.push(w.text);
    prev = w;
  }
  return out;
}
