// The customer's numbers: phone numbers that sit in line/service tables on any page, minus the
// carrier's own contact numbers (care, repair, fax, remit) and anything inside another field.
import type { Line, LWord, Segment } from './layout';
import type { LabelHit } from './labels';
import type { Labelled } from './read';
import { overlapping } from './read';
import { findPhones, MONEY_RE, TOLL_FREE } from './shapes';

export interface NumberHit {
  number: string;
  words: LWord[];
  score: number;
  conf: number;
}

const CONTACT_WORDS =
  /\b(care|customer service|support|repair|fax|call|calls|contact|questions?|help|inquir\w*|sales|toll[- ]?free|tty|tdd|office|dial|report|outage|technical|trouble|text|visit|hours|mon|monday|emergency|remit|payments? by phone|pay by phone|automated|espa[nñ]ol|hearing)\b/i;

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
    if (h.seg !== seg && (h.seg.index !== seg.index - 1 || hasPhone(h.seg))) continue;
    if (!best || h.x1 > best.x1) best = h;
  }
  return best;
}

const isContactHit = (h: LabelHit | null) => !!h && ((h.kinds.contact ?? 0) > 0 || (h.kinds.remit ?? 0) > 0);

export function findNumbers(L: Labelled, exclude: Set<LWord>, btnWords: Set<LWord>): NumberHit[] {
  const out: NumberHit[] = [];
  const lines = L.doc.lines;
  for (const line of lines) {
    const hits = L.hitsByLine.get(line.index) ?? [];
    for (const seg of line.segs) {
      for (const p of findPhones(seg.text)) {
        const ws = wordsIn(seg, p.start, p.end);
        if (!ws.length) continue;
        if (ws.some((w) => exclude.has(w))) continue;
        let score = 0;
        const before = seg.text.slice(0, p.start);
        const prevSeg = line.segs[seg.index - 1];
        const lab = labelLeftOf(hits, seg, ws[0]!.x0);
        if (ws.some((w) => btnWords.has(w))) score += 3;
        if (isContactHit(lab)) score -= 4;
        else if (lab && (lab.kinds.btn ?? 0) > 0) score += 2;
        else if (lab && ((lab.kinds.accountNumber ?? 0) > 0 || (lab.kinds.other ?? 0) > 0)) score -= 2;
        if (
          CONTACT_WORDS.test(before) ||
          (prevSeg &&
            prevSeg.words.length <= 4 &&
            !hasPhone(prevSeg) &&
            CONTACT_WORDS.test(prevSeg.text) &&
            // a priced row that starts with the number is a line even beside a sidebar "Need help?"
            !(before.trim() === '' && line.segs.slice(seg.index + 1).some((x) => MONEY_RE.test(x.text))))
        )
          score -= 3;
        // "(Mon-Fri 8-5)" or "24/7" after a number marks a contact line
        if (/^\s*\(?(mon|24\/7|m-f|weekdays|daily)/i.test(seg.text.slice(p.end))) score -= 3;
        // a number alone under a contact heading ("Customer Care" / "1-800-…")
        if (seg.words.length <= 4) {
          const above = aboveSeg(L, line, seg);
          if (above && (isContactHit(labelAt(L, above)) || CONTACT_WORDS.test(above.text))) score -= 3;
        }
        // carriers print toll-free numbers everywhere; one counts as a line only in a priced row
        if (TOLL_FREE.has(p.number.slice(0, 3)))
          score -= line.segs.some((x) => MONEY_RE.test(x.text)) ? 1 : 2;
        const rowStart = before.trim() === '' || /^[\d.\s)*-]*$/.test(before);
        const others = line.segs.filter((s) => s !== seg);
        if (rowStart) score += 1;
        if (
          others.some((s) => MONEY_RE.test(s.text) || /[A-Za-z]{3}/.test(s.text)) ||
          seg.text.slice(p.end).trim().length > 2
        )
          score += 1;
        // a phone number in running prose is rarely one of the lines
        if (!rowStart && seg.words.length > 6) score -= 1;
        // call detail rows: a date or a time to the left means the number is the other party
        const leftText = line.segs
          .slice(0, seg.index)
          .map((x) => x.text)
          .join(' ')
          .concat(' ', before);
        if (DATE_TIME_LEFT.test(leftText)) score -= 3;
        // disconnected / ported-out numbers are no longer on the account
        if (GONE.test(line.segs.map((x) => x.text).join(' '))) score -= 3;
        if (sectionSays(L, line, GONE_OR_USAGE)) score -= 3;
        const conf = ws.reduce((t, w) => t + w.conf, 0) / ws.length;
        out.push({ number: p.number, words: ws, score, conf });
        // "413-555-0140 thru 413-555-0145" / "413-555-0140 - 0145": every number of the block
        for (const n of expandRange(seg.text.slice(p.start), p.number))
          out.push({ number: n, words: ws, score, conf });
      }
    }
  }
  return out;
}

const DATE_TIME_LEFT = /\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b|\b\d{1,2}:\d{2}\b|\b(?:AM|PM)\b/i;
const GONE = /\b(disconnect(?:ed)?|ported[- ]out|ported away|cancell?ed|removed|deactivated|terminated)\b/i;
const GONE_OR_USAGE =
  /\b(disconnect(?:ed)?|ported[- ]out|ported away|cancell?ed|removed|deactivated|terminated|call detail|call log|calls made|call history|itemized calls|usage detail|numbers? called|calls to)\b/i;

const ROW = /(?:^|\s)\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}|\$\s?\d/;

/** Whether the heading of the table a line sits in (the nearest non-row lines above) matches. */
const lineText = new WeakMap<Line, { text: string; row: boolean; says: boolean }>();
function lineInfo(ln: Line, re: RegExp) {
  let v = lineText.get(ln);
  if (!v) {
    const text = ln.segs.map((x) => x.text).join(' ');
    v = { text, row: ROW.test(text), says: re.test(text) };
    lineText.set(ln, v);
  }
  return v;
}

function sectionSays(L: Labelled, line: Line, re: RegExp): boolean {
  let nonRows = 0;
  for (let i = line.index - 1; i >= 0 && i >= line.index - 40; i--) {
    const ln = L.doc.lines[i]!;
    if (ln.page !== line.page) break;
    const info = lineInfo(ln, re);
    if (info.says) return true;
    if (info.row) continue;
    if (++nonRows >= 2) break;
  }
  return false;
}

function expandRange(text: string, first: string): string[] {
  const m =
    /^\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}\s*(?:-|–|thru|through|to)\s*(?:\(?(\d{3})\)?[\s.-]*(\d{3})[\s.-]*)?(\d{4})\b/i.exec(
      text,
    );
  if (!m) return [];
  if (m[1] && `${m[1]}${m[2]}` !== first.slice(0, 6)) return [];
  const a = Number(first.slice(6));
  const b = Number(m[3]);
  if (!(b > a) || b - a > 1000) return [];
  const out: string[] = [];
  for (let n = a + 1; n <= b; n++) out.push(first.slice(0, 6) + String(n).padStart(4, '0'));
  return out;
}

function labelAt(L: Labelled, seg: Segment): LabelHit | null {
  return (L.hitsByLine.get(seg.line.index) ?? []).find((h) => h.seg === seg) ?? null;
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
export function pickNumbers(hits: NumberHit[]): { number: string; words: LWord[]; confidence: number }[] {
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
