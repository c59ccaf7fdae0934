// Field finders: every label of a field proposes values; values are checked against the field's
// shape, and candidates that agree vote together.
import type { Address } from '../domain';
import type { TableAddress } from './address-table';
import { LOOKS_LIKE_DIGIT } from '../normalize/account';
import { DBA_WORDS } from '../normalize/name';
import type { Line, LWord, Segment } from './layout';
import { meanConf } from './layout';
import type { FieldKind, LabelHit } from './labels';
import { isGarbledLabel, isLabelWords } from './labels';
import { localAreaCode, sevenDigitValue } from './local-lists';
import { GONE } from './numbers';
import { accentedQcCity } from './places-qc';
import { primarySiteWeights } from './sites';
import { accentedQcStreet } from './words-qc';
import type { Labelled, ValueRead } from './read';
import { continuation, overlapping, reads, segStartsWithLabel } from './read';
import {
  findDates,
  findDatesDayFirst,
  joinFragments,
  looksLikeStreet,
  PR_PLACE_RE,
  parseAccountNumber,
  parseCityStateZip,
  parsePhone,
  repairDigits,
  repairLetters,
  repairStreetLine,
  splitStreetCity,
  STATE_CODES,
  UNIT_RE,
  trailingUnit,
} from './shapes';

export interface Candidate<T> {
  value: T;
  key: string;
  score: number;
  words: LWord[];
  /** the label's wording as the bill prints it ("Account Number"), to tell the agent */
  label?: string;
}

/** Another value the bill offers for the field, that came close to winning. */
export interface Rival<T> {
  value: T;
  label?: string;
}

export interface Picked<T> {
  value: T;
  confidence: number;
  words: LWord[];
  all: Candidate<T>[];
  /** the winning value's label wording */
  label?: string;
  /** other values the bill gives the field that came close: the agent is told which won */
  rivals?: Rival<T>[];
  /** how the value was taken when no label named it ("the first date near the top") */
  guess?: string;
}

/** A group scoring this share of the winner's is a real rival: the agent hears of it. */
const RIVAL = 0.5;
/** A rival value read less surely than this (mean word confidence) is OCR noise. */
const RIVAL_READ = 0.6;

/** The label's wording as printed, for a note to the agent. */
export const labelText = (hit: LabelHit): string =>
  hit.words
    .map((w) => w.text)
    .join(' ')
    .replace(/:.*$/, '')
    .replace(/[\s#.]+$/, '');

const HOW: Record<ValueRead['how'], number> = { same: 1, right: 0.95, below: 0.85, above: 0.8 };

function baseScore(hit: LabelHit, kind: FieldKind, r: ValueRead): number {
  const w = hit.kinds[kind] ?? 0;
  const page = hit.line.page === 1 ? 1 : 0.8;
  const conf = 0.6 + 0.4 * Math.min(hit.conf, meanConf(r.words));
  return w * HOW[r.how] * page * conf;
}

/** Sums agreeing candidates; the strongest group wins. */
export function vote<T>(cands: Candidate<T>[]): Picked<T> | null {
  if (!cands.length) return null;
  const groups = new Map<string, Candidate<T>[]>();
  for (const c of cands) groups.set(c.key, [...(groups.get(c.key) ?? []), c]);
  let best: Candidate<T>[] | null = null;
  let bestS = -1;
  let secondS = 0;
  for (const g of groups.values()) {
    const sorted = g.slice().sort((a, b) => b.score - a.score);
    const s = sorted[0]!.score + 0.3 * sorted.slice(1).reduce((t, c) => t + c.score, 0);
    if (s > bestS) {
      secondS = Math.max(secondS, bestS);
      bestS = s;
      best = sorted;
    } else secondS = Math.max(secondS, s);
  }
  const top = best![0]!;
  const agreement = Math.min(1, 0.8 + 0.1 * best!.length);
  const margin = bestS > 0 ? Math.max(0, 1 - secondS / bestS) : 0;
  const confidence = Math.max(0, Math.min(1, Math.min(1, top.score) * agreement * (0.75 + 0.25 * margin)));
  const rivals: Rival<T>[] = [];
  for (const g of groups.values()) {
    // the winner read with more or less around it ("175488605 2024-07-17") is no other value
    if (g[0]!.key.includes(top.key) || top.key.includes(g[0]!.key)) continue;
    const lead = g.reduce((a, b) => (b.score > a.score ? b : a));
    // a rival OCR could hardly read ("[ers" under "Nombre") is noise, not a choice to explain
    if (bestS > 0 && lead.score >= RIVAL * bestS && meanConf(lead.words) >= RIVAL_READ)
      rivals.push({ value: lead.value, label: lead.label });
  }
  return {
    value: top.value,
    confidence,
    words: top.words,
    all: cands,
    ...(top.label ? { label: top.label } : {}),
    ...(rivals.length ? { rivals } : {}),
  };
}

const hitsFor = (L: Labelled, kind: FieldKind): LabelHit[] => {
  const out: LabelHit[] = [];
  for (const hs of L.hitsByLine.values()) for (const h of hs) if ((h.kinds[kind] ?? 0) > 0) out.push(h);
  return out;
};

// ---- account number ------------------------------------------------------------------------

/**
 * Headings that name what the statement is for ("Statement for 4471 0912", "Your bill for
 * 303-555-0142"): their value is on their own line; below them stands the bill, not their value
 * ("Statement for April 2024" over the customer's block).
 */
const HEADINGS = new Set([
  'STATEMENT FOR',
  'MONTHLY STATEMENT FOR',
  'BILL FOR',
  'INVOICE FOR',
  'YOUR BILL FOR',
]);
const headingReads = (L: Labelled, hit: LabelHit): ValueRead[] =>
  HEADINGS.has(hit.phrase)
    ? reads(L, hit).filter((r) => r.how === 'same' || r.how === 'right')
    : reads(L, hit);
/** A value that is one phone number as phones are printed ("303-555-0142", "(303) 555-0142"). */
const isWholePhone = (t: string): boolean =>
  /^\s*(?:\+?1[-.\s]?)?(?:\(\d{3}\)\s?|\d{3}[-.\s])\d{3}[-.\s]\d{4}(?![-\d])/.test(t);

/**
 * Identifiers a carrier prints beside the account number ("Customer ID", "Member Number"): the
 * account number when they stand alone, second to it when a bill prints both.
 */
const SECOND_IDS = new Set([
  'CUSTOMER ID',
  'CUSTOMER #',
  'CUSTOMER CODE',
  'CLIENT ID',
  'CLIENT #',
  'MEMBER ID',
  'MEMBER #',
  'SUBSCRIBER ID',
  'SUBSCRIBER #',
]);

/**
 * A master (parent, corporate) account heads sub-accounts; the numbers are billed under the
 * sub-account, which is what a port request names. The master's number counts only when the
 * bill names no other account.
 */
const MASTER_IDS = new Set([
  'MASTER ACCOUNT',
  'MASTER ACCOUNT #',
  'PARENT ACCOUNT',
  'PARENT ACCOUNT #',
  'CORPORATE ACCOUNT',
  'CORPORATE ACCOUNT #',
  'SUMMARY ACCOUNT',
]);
const isSubAccount = (phrase: string): boolean => /^(SUB ACC|SUBACCOUNT|SOUS ?COMPTE)/.test(phrase);

export function findAccountNumber(L: Labelled): Picked<string> | null {
  const cands: (Candidate<string> & { second: boolean; master: boolean; hit: LabelHit; x0: number })[] = [];
  for (const hit of hitsFor(L, 'accountNumber')) {
    for (const r of headingReads(L, hit)) {
      const v = parseAccountNumber(
        r.text,
        r.words.some((w) => w.ocr),
      );
      if (!v) continue;
      // "Statement for 303-555-0142" names the line the statement is for: the BTN's, not the account
      if (HEADINGS.has(hit.phrase) && isWholePhone(r.text)) continue;
      const n = v.split(/\s+/).length;
      cands.push({
        value: v,
        key: v.toUpperCase().replace(/[^A-Z0-9]/g, ''),
        score: baseScore(hit, 'accountNumber', r),
        words: r.words.slice(0, n),
        label: labelText(hit),
        second: SECOND_IDS.has(hit.phrase),
        master: MASTER_IDS.has(hit.phrase),
        hit,
        x0: r.x0,
      });
      break;
    }
  }
  // "Account 8773 1051 / Sub-account 0044": a short sub-account numbers the account under its
  // parent, printed before it on the same line; the parent alone names no account the numbers
  // are billed under
  for (const sub of cands.filter((c) => isSubAccount(c.hit.phrase) && c.key.length <= 5)) {
    const parent = cands
      .filter((c) => c !== sub && c.hit.line === sub.hit.line && c.x0 < sub.x0 && !isSubAccount(c.hit.phrase))
      .sort((a, b) => b.x0 - a.x0)[0];
    if (!parent) {
      sub.score *= 0.2;
      continue;
    }
    const value = `${parent.value} ${sub.value}`;
    cands.push({
      ...sub,
      value,
      key: value.toUpperCase().replace(/[^A-Z0-9]/g, ''),
      score: Math.max(sub.score, parent.score),
      words: [...parent.words, ...sub.words],
    });
    sub.score = 0;
    parent.score = 0;
  }
  // "Account number" beside "Customer ID": the port request wants the account number
  if (cands.some((c) => !c.second && !c.master)) for (const c of cands) if (c.second) c.score *= 0.2;
  if (cands.some((c) => !c.master && c.score > 0)) for (const c of cands) if (c.master) c.score *= 0.1;
  agreeOnGlyphs(cands);
  const picked = vote(cands);
  // only a second id was read where the bill also has an account-number label whose value OCR
  // lost: say so through the confidence, so the agent checks it
  const unread = hitsFor(L, 'accountNumber').some((h) => !h.generic && !SECOND_IDS.has(h.phrase));
  if (picked && cands.every((c) => c.second) && unread) picked.confidence *= 0.5;
  if (!picked) return null;
  // a Customer ID or master account set aside for the account number is still a choice the
  // agent should know was made: a port request carrying the other one is rejected
  const rivals = [...(picked.rivals ?? [])];
  const own = lookKey(keyOf(picked.value));
  for (const c of cands) {
    const k = lookKey(c.key);
    if (c.score <= 0 || k === own) continue;
    if ((c.second || c.master) && !rivals.some((r) => lookKey(keyOf(r.value)) === k))
      rivals.push({ value: c.value, label: c.label });
  }
  return {
    ...picked,
    all: picked.all.filter((c) => c.score > 0),
    ...(rivals.length ? { rivals } : {}),
  };
}

/**
 * Glyph families OCR mixes up in identifiers, each read as its digit (keys are upper case): the
 * desk's account-comparison table, and J for 7, which a photo reads in an account number.
 */
const LOOK_ALIKE: Readonly<Record<string, string>> = { ...LOOKS_LIKE_DIGIT, J: '7' };
const keyOf = (v: string): string => v.toUpperCase().replace(/[^A-Z0-9]/g, '');
const lookKey = (key: string): string => [...key].map((c) => LOOK_ALIKE[c] ?? c).join('');

/**
 * Copies of one account number that OCR read with different look-alike glyphs ("ZN8-546J-3932"
 * in the header, "ZNB-546J-3932" on the stub) are one number: each character they dispute is
 * the one the surer copies read (their score times their words' confidence), and every copy
 * then votes for that reading. A text layer's copy is exact and takes no part.
 */
export function agreeOnGlyphs(cands: Candidate<string>[]): void {
  const groups = new Map<string, Candidate<string>[]>();
  for (const c of cands) {
    if (c.score <= 0 || !c.words.some((w) => w.ocr)) continue;
    const k = lookKey(c.key);
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  for (const g of groups.values()) {
    if (new Set(g.map((c) => c.key)).size < 2) continue;
    const chars = [...g[0]!.key].map((_, i) => {
      const tally = new Map<string, number>();
      for (const c of g) tally.set(c.key[i]!, (tally.get(c.key[i]!) ?? 0) + c.score * meanConf(c.words));
      return [...tally].sort((a, b) => b[1] - a[1])[0]![0];
    });
    for (const c of g) {
      let i = 0;
      c.value = c.value.replace(/[A-Za-z0-9]/g, (ch) => {
        const v = chars[i++]!;
        return ch.toUpperCase() === v ? ch : v;
      });
      c.key = chars.join('');
    }
  }
}

// ---- BTN -----------------------------------------------------------------------------------

const NAMED_NUMBER = /^(?:[A-Za-z&'’-]+\s+){0,5}(?:number|no\.?|#|tn)\s*:?\s*(?=[(+]?\d)/i;

export function findBtn(L: Labelled): Picked<string> | null {
  const cands: (Candidate<string> & { phrase: string; order: number })[] = [];
  // a small telco may print the BTN in seven digits too, under the area code it gives once
  let area: string | null | undefined;
  const seven = (text: string): string | null => {
    if (area === undefined) area = localAreaCode(L.doc.lines);
    return area ? sevenDigitValue(text, area) : null;
  };
  for (const hit of hitsFor(L, 'btn')) {
    // "Phone numbers removed from your bundle" heads numbers that are gone, not the BTN
    if (GONE.test(hit.line.segs.map((x) => x.text).join(' '))) continue;
    for (const r of headingReads(L, hit)) {
      // (the value may come after a few words that name it: "Home Phone Unlimited with your
      // number (302) 555-0135")
      const lead = NAMED_NUMBER.exec(r.text)?.[0].length ?? 0;
      const v =
        parsePhone(r.text.slice(0, 40)) ??
        (lead ? parsePhone(r.text.slice(lead, lead + 20)) : null) ??
        seven(r.text.slice(lead));
      if (!v) continue;
      cands.push({
        value: v,
        key: v,
        score: baseScore(hit, 'btn', r),
        words: r.words.slice(0, 4),
        label: labelText(hit),
        // only weak captions ("Telephone Number") head listings; a BTN label read in several
        // places with OCR slips keeps voting
        phrase: (hit.kinds.btn ?? 0) < 1 ? hit.phrase : `${hit.phrase}@${hit.line.index}`,
        order: hit.line.index,
      });
      break;
    }
  }
  // A generic caption repeated over a listing ("Telephone Number 207-555-0120" heading each line's
  // charges) names every line, not the BTN: of those, a reader takes the first, the main line.
  const byPhrase = new Map<string, typeof cands>();
  for (const c of cands) byPhrase.set(c.phrase, [...(byPhrase.get(c.phrase) ?? []), c]);
  const kept = cands.filter((c) => {
    const g = byPhrase.get(c.phrase)!;
    if (new Set(g.map((x) => x.key)).size < 3) return true;
    const first = g.reduce((a, b) => (b.order < a.order ? b : a));
    if (c !== first) return false;
    c.score *= 0.8;
    return true;
  });
  return vote(kept);
}

// ---- bill date -----------------------------------------------------------------------------

export function findBillDate(L: Labelled): Picked<string> | null {
  const cands: Candidate<string>[] = [];
  for (const hit of hitsFor(L, 'billDate')) {
    for (const r of reads(L, hit)) {
      const find = L.dayFirst ? findDatesDayFirst : findDates;
      let ds = find(r.text);
      // the value of a date label whose slashes a fax or scan read as ones ("0211612024")
      if (!ds.length) ds = find(slashesReadAsOnes(r.text));
      const d = ds[0];
      // a value that is a range ("Jun 6 - Jul 6") belongs to a period label, not a bill date
      if (!d || d.start > 3) continue;
      const range = ds.length > 1 && /^\s*(-|–|to|thru|through)\s*$/i.test(r.text.slice(d.end, ds[1]!.start));
      cands.push({
        value: d.iso,
        key: d.iso,
        score: baseScore(hit, 'billDate', r) * (range ? 0.3 : 1),
        words: r.words.slice(0, 3),
        label: labelText(hit),
      });
      break;
    }
  }
  return vote(cands);
}

/** "0211612024" -> "02/16/2024": a numeric date whose two slashes OCR read as 1, l or |. */
export function slashesReadAsOnes(text: string): string {
  return text.replace(
    /^(\s*)(\d{2})[1lI|](\d{2})[1lI|](\d{4}|\d{2})(?!\d)/,
    (_m, sp: string, a: string, b: string, c: string) => `${sp}${a}/${b}/${c}`,
  );
}

// ---- account name --------------------------------------------------------------------------

// also glued to the name that follows ("AttnOluwaseun"); Spanish bills write "Atención"; and
// with its colon, as OCR reads it with a letter lost ("ttn: Maria O'Malley" under the name)
const ATTN = /^(?:ATTN|Attn|attn|ATTENTION|Attention|ATENCI[OÓ]N|Atenci[oó]n)(?![a-z])|^(?:A?TT?N|A?tt?n):/;
// "c/o", also as OCR reads its slash: an l, a 1 or a bar ("clo Iverson & Associates"); not
// "CLO" or "CIO", which open names
// (a French bill's "a/s", aux soins de, is the same line)
export const CARE_OF = /^(?:[Cc]\/[Oo]|c[l1|]o|C[1|]O|[Aa]\/[Ss])(?![A-Za-z])/;
/** A trade name's line under the legal name ("DBA Joe's Pizza", "d/b/a …", "T/A …"): part of the billing name. */
export const DBA_LINE = new RegExp(String.raw`^${DBA_WORDS}\s+\S`, 'i');
const NOT_A_NAME = /^(PO BOX|P\.O\.)(\b|\s)/i;

/** An attention or care-of line ("ATTN: Oluwaseun Iverson", "c/o …"): mail is addressed so, places are not. */
export const isAttentionLine = (s: string): boolean => {
  const t = s.replace(/^[\s:#\-–]+/, '');
  return ATTN.test(t) || CARE_OF.test(t);
};
/** Lower-case words of four letters or more a name may hold after an initial. */
const NAME_SMALL_WORDS = new Set([
  'with',
  'from',
  'della',
  'dell',
  'bint',
  'para',
  'pour',
  'avec',
  'plus',
  'over',
]);

// who the mail goes to, printed after the name on its line ("BIRCHWOOD YOGA / ATTN ACCOUNTS
// PAYABLE", "Birchwood Yoga Studio c/o Jane Doe"): the addressee, not the account's name
const INLINE_ADDRESSEE =
  /\s*[/,;|\-–]?\s+(?:(?:ATTN|Attn|attn)\b[:.]?|(?:ATTENTION|Attention):|[Cc]\/[Oo]\b|[Aa]\/[Ss]\b).*$/;

export function cleanName(s: string): string | null {
  const t = s
    .replace(/^[\s:#\-–]+/, '')
    .replace(INLINE_ADDRESSEE, '')
    // (and the mark that stood between them when the addressee was cut off as a caption of its own)
    .replace(/(?:\s+[/|;\-–]+|,)$/, '')
    // a legal suffix OCR ran into the word before it ("CHIROPRACTICLLP")
    .replace(/\b([A-Za-z]{4,}?)(PLLC|(?<!P)LLC|LLP|INC\.?)$/, '$1 $2')
    // "Ltd." whose t OCR read as an i or l ("Okonkwo Brewing Company Lid.")
    .replace(/(\s)L[il1|]d\.$/, '$1Ltd.')
    // "Ltd." whose d OCR lost into the dot ("Hollis Print Shop Lt"): no name ends in "Lt"
    .replace(/(\s)Lt\.?$/, '$1Ltd.')
    // a capital I read as a small l ("James lverson"): no name word starts with an l before a
    // consonant, so in a name printed in mixed case it is the I of Iverson, Ingrid, Isaac
    .replace(/(^|\s)l(?=[b-df-hj-km-np-tv-xz][a-z]+)/g, (m, sp: string) =>
      /[A-Z][a-z]/.test(s) ? `${sp}I` : m,
    )
    // a capital OCR set apart from the rest of its word ("Oluwaseun F itzgerald"): in a name
    // printed in mixed case an initial stands with a capital word or a dot after it, and the
    // short lower-case words a name may hold after a letter ("J van Dyke", "A and B") are kept
    .replace(/(^|\s)([A-Z]) ([a-z]{4,})(?=\s|$)/g, (m, sp: string, cap: string, rest: string) =>
      /[A-Z][a-z]/.test(s) && !NAME_SMALL_WORDS.has(rest) ? `${sp}${cap}${rest}` : m,
    )
    // an LLC whose C a scan lost at the edge of its box ("COPPER KETTLE FAMILY MEDICINE LL"):
    // no name ends in a lone "LL"
    .replace(/(\s)(P?)LL\.?$/, '$1$2LLC')
    // an Inc. cut the same way ("ALDER CREEK PLUMBING & HEATING I", the template's box edge):
    // no business name of three words or more ends in a lone capital "I" or "IN"
    .replace(/^(\S+(?:\s+\S+){2,}\s)(I|IN)\.?$/, (_m, head: string) =>
      /[a-z]/.test(head) ? `${head}Inc.` : `${head}INC`,
    )
    // (and its dotted form, "HEATING L.L.")
    .replace(/(\s)((?:P\.)?)L\.L\.$/, '$1$2L.L.C.')
    // an LLC whose C OCR read as a G ("PRINT SHOP LLG.", "L.L.G."): no legal form ends so
    .replace(/(\s)(P?)LLG\.?$/, '$1$2LLC')
    .replace(/(\s)((?:P\.)?)L\.L\.G\.?$/, '$1$2L.L.C.')
    // and a French bill's lower-case form ("Poirierinc.", "Bélangerltée")
    .replace(/([a-zà-ÿ]{4,}?)(inc\.|lt[ée]e)$/, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim();
  if (t.length < 3 || !/[A-Za-z]{3}/.test(t)) return null;
  if (NOT_A_NAME.test(t) || CARE_OF.test(t) || ATTN.test(t)) return null;
  if (parsePhone(t) && /\d{3}/.test(t)) return null;
  // (a store's number after the name is no sign of an identifier: "7-Eleven #3321")
  const body = t.replace(/\s+(?:#\s?|No\.?\s)\d+$/i, '');
  if ((body.match(/\d/g) ?? []).length > body.length / 3) return null;
  if (findDates(t).length) return null;
  if (/\$\s?\d/.test(t)) return null;
  return t;
}

const normName = (s: string) =>
  s
    .toUpperCase()
    .replace(/&/g, ' AND ')
    .replace(/[.'’]/g, '')
    .replace(/[^A-Z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const LEGAL_TAIL =
  /^(L\.?L\.?C\.?|L\.?L\.?P\.?|P\.?L\.?L\.?C\.?|INC\.?|CORP\.?|CO\.?|LTD\.?|P\.?C\.?|L\.?P\.?)$/i;

/** A long name wrapped onto the next line of its column ("Haverford Machine Works" / "LLP"). */
function wrappedTail(L: Labelled, r: ValueRead): { text: string; words: LWord[] } | null {
  let seg: Segment | undefined;
  let far = false;
  for (let i = r.line.index + 1; i < L.doc.lines.length && !seg; i++) {
    const next = L.doc.lines[i]!;
    // a little further down only when the name says it goes on (below)
    if (next.page !== r.line.page || next.cy - r.line.cy > r.line.h * 2.6) break;
    seg = next.segs.find((s) => Math.abs(s.x0 - r.x0) < r.line.h * 1.2);
    far = next.cy - r.line.cy > r.line.h * 1.8;
  }
  // (a trade name's line under the legal name may run long: "DBA Eriksen Street Barber Shop")
  if (!seg || (seg.words.length > 4 && !(seg.words.length <= 9 && DBA_LINE.test(seg.text.trim()))))
    return null;
  const endsLegal = LEGAL_TAIL.test(seg.text.trim().split(/\s+/).pop() ?? '');
  // a label's words ending in a legal form are a name's ("Repair Corp.")
  if (segStartsWithLabel(L, seg) && !(endsLegal && seg.words.length <= 3)) return null;
  if (far && !/(&|\bAND|,)$/i.test(r.text.trim()) && !endsLegal) return null;
  // a bare legal suffix ("L.L.C.", "Co.") is always the end of the name above
  if (LEGAL_TAIL.test(seg.text.trim())) return { text: seg.text.trim(), words: seg.words };
  const t = cleanName(seg.text);
  if (!t || looksLikeStreet(t) || parseCityStateZip(t) || ATTN.test(t) || CARE_OF.test(t)) return null;
  // the trade name the legal name above does business as is the billing name's second line
  if (DBA_LINE.test(t)) return { text: t, words: seg.words };
  // only a tail that cannot stand alone as a name: legal suffixes or a lower-case continuation,
  // or the last words of a name cut by its column that end in the legal form the name above
  // lacks ("Copper Kettle Auto" / "Repair Corp.")
  const finishes =
    endsLegal &&
    seg.words.length <= 3 &&
    seg.words.every((w) => /^[A-Z&]/.test(w.text)) &&
    !LEGAL_TAIL.test(r.text.trim().split(/\s+/).pop() ?? '');
  if (
    !finishes &&
    !/^(LLC|LLP|L\.L\.C\.|PLLC|INC\.?|CORP\.?|CO\.?|LTD\.?|P\.?C\.?|LP|PLC|COMPANY|&|AND|OF|[a-z])/i.test(
      t,
    ) &&
    !/(&|\bAND|,)$/i.test(r.text)
  )
    return null;
  return { text: t, words: seg.words };
}

const LEGAL =
  /^(LLC|L\.?L\.?C\.?|LLP|PLLC|INC\.?|CORP\.?|CO\.?|LTD\.?|P\.?C\.?|LP|PLC|PA|DDS|MD|CPA|ESQ\.?|JR\.?|SR\.?|II|III)$/i;

/** "JOHANSSON, HANNAH F" (last name first, as billing systems print people) -> "HANNAH F JOHANSSON". */
export function naturalOrder(name: string): string {
  const m = /^([A-Za-z'’-]{2,}),\s*([A-Za-z'’-]{2,}(?:\s+[A-Za-z]\.?)?)$/.exec(name.trim());
  if (!m || LEGAL.test(m[2]!.split(/\s+/)[0]!) || LEGAL.test(m[2]!.trim())) return name;
  return `${m[2]} ${m[1]}`;
}

/**
 * A name read where OCR ran it into the next column's label ("BREWING COMPANY, ve ADDRESS:"): the
 * name stops before a word that ends in a colon, and unsure scraps of the lost label go with it.
 */
export function trimNameWords(words: LWord[]): LWord[] {
  const stop = words.findIndex((w, i) => i > 0 && /[A-Za-z]{2}:$/.test(w.text));
  const out = words.slice(0, stop < 0 ? words.length : stop);
  while (out.length > 1) {
    const w = out[out.length - 1]!;
    const letters = w.text.replace(/[^A-Za-z]/g, '').length;
    // unsure scraps, and a lone letter (what is left of the lost label's first word); with the
    // label's colon lost too ("GROUP CORP, poo wc" where "MAILING ADDRESS:" overlapped the name),
    // only scraps OCR all but guessed
    const scrap = stop < 0 ? !!w.ocr && w.conf < 0.4 : w.conf < 0.5 || letters === 1;
    if (scrap && letters <= 3 && !LEGAL.test(w.text)) out.pop();
    else break;
  }
  return out.length === words.length ? words : out;
}

/** A name's last word as a box cuts a legal form ("I", "IN", "LL", "PLL"), which cleanName completes. */
const CUT_FORM = /^(?:I|IN|P?LL|(?:P\.)?L\.L\.)\.?$/;

/** Below this, OCR was unsure of a name's last word: it may have run into print beside it. */
const GLUED_CONF = 0.85;

/**
 * A name cut short of its legal form ("NAKAMURA PLUMBING & HEATING," where OCR lost "L.L.C."
 * into the next column) is completed from a copy printed in full elsewhere on the bill (the
 * envelope window, the stub): the same words, then only the legal form. So is a name whose last
 * word OCR ran, unsure, into the next column's caption printed over it ("INC" and "MAILING"
 * read "INGAILING"), when that word begins as the copy's legal form does.
 */
export function completeFromCopy(L: Labelled, picked: Picked<string>): Picked<string> {
  const whole = normName(picked.value);
  // a legal form cleanName guessed from a cut ("GROUP I" read as "GROUP INC") yields to the one
  // a copy prints in full ("OSPREY POINT DENTAL GROUP LLC" in the envelope window)
  const guessed =
    CUT_FORM.test(picked.words[picked.words.length - 1]?.text ?? '') &&
    LEGAL.test(whole.split(' ').pop() ?? '');
  const mine = guessed && whole.includes(' ') ? whole.slice(0, whole.lastIndexOf(' ')) : whole;
  const lastWord = mine.split(' ').pop() ?? '';
  if (!mine || (!guessed && LEGAL.test(lastWord))) return picked;
  const tail = picked.words[picked.words.length - 1];
  const glued =
    tail?.ocr && tail.conf < GLUED_CONF && mine.includes(' ') && lastWord.length > 3
      ? mine.slice(0, mine.lastIndexOf(' '))
      : null;
  const own = new Set(picked.words);
  for (const line of L.doc.lines)
    for (const seg of line.segs) {
      if (seg.words.some((w) => own.has(w))) continue;
      const t = normName(seg.text);
      const stem = t.startsWith(`${mine} `) ? mine : glued && t.startsWith(`${glued} `) ? glued : null;
      if (!stem) continue;
      const legal = t.slice(stem.length + 1).replace(/ /g, '');
      if (!LEGAL.test(legal)) continue;
      if (stem === glued && !(lastWord.startsWith(legal.slice(0, 2)) && lastWord.length > legal.length))
        continue;
      const v = cleanName(seg.text);
      if (!v) continue;
      const words = stem === glued || guessed ? picked.words.slice(0, -1) : picked.words;
      return { ...picked, value: naturalOrder(v), words: [...words, ...seg.words] };
    }
  return picked;
}

export function findAccountName(L: Labelled): Picked<string> | null {
  const cands: Candidate<string>[] = [];
  for (const hit of hitsFor(L, 'accountName')) {
    for (const r0 of reads(L, hit)) {
      const kept = trimNameWords(r0.words);
      let r: ValueRead =
        kept === r0.words
          ? r0
          : {
              ...r0,
              words: kept,
              text: kept
                .map((w) => w.text)
                .join(' ')
                .replace(/[,;]$/, ''),
            };
      // the next label ("Número de cuenta / Account Number"), not a name
      if (isLabelWords(r.words) || isGarbledLabel(r.words)) continue;
      // a table's "Name" column (users of a hosted-voice account, one a row) names no account
      if (r.line !== hit.line && tableColumn(L, hit.line, r.line)) break;
      let v = cleanName(r.words.some((w) => w.ocr) ? joinFragments(repairLetters(r.text)) : r.text);
      if (!v) continue;
      // the name and the whole address on one line ("Bill to: Birchwood Yoga, 18 Elm St, Aspen,
      // CO 81611"): the name is what stands before the street
      const named = parseCityStateZip(v) ? namedStreet(v) : null;
      if (named) {
        const n = named.name.split(/\s+/).length;
        r = { ...r, words: r.words.slice(0, n), text: named.name };
        v = cleanName(named.name);
        if (!v) break;
      } else if (looksLikeStreet(v) || parseCityStateZip(v)) break;
      const wrap = named ? null : wrappedTail(L, r);
      const full = wrap ? `${v} ${wrap.text}` : v;
      const words = wrap ? [...r.words, ...wrap.words] : r.words;
      // a header cell cut short ("Delgado Title Compa...") loses to the full name elsewhere
      const cut = /(\.{3}|…)$/.test(full);
      const value = naturalOrder(cut ? full.replace(/\s*(\.{3}|…)$/, '') : full);
      cands.push({
        value,
        key: normName(value),
        score: baseScore(hit, 'accountName', r) * (cut ? 0.4 : 1),
        words,
        label: labelText(hit),
      });
      break;
    }
  }
  const picked = vote(cands);
  return picked && completeFromCopy(L, spacesFromCopy(L, picked));
}

/**
 * Whether a value under its caption is a cell of a table: the caption is one of a heading row of
 * three or more captions with no values among them, and the row below the value's goes on with
 * cells at three or more of the same places (a caption strip has one row of values; a table has
 * many), none of them a caption.
 */
function tableColumn(L: Labelled, heading: Line, line: Line): boolean {
  if (heading.segs.length < 3 || heading.segs.some((x) => /\d/.test(x.text))) return false;
  const next = L.doc.lines[line.index + 1];
  if (!next || next.page !== line.page || line.segs.length < 3 || next.segs.length < 3) return false;
  if (next.cy - line.cy > line.h * 2.5) return false;
  if (L.hitsByLine.get(next.index)?.length) return false;
  const same = line.segs.filter((a) => next.segs.some((b) => Math.abs(a.x0 - b.x0) < line.h)).length;
  return same >= 3;
}

/** The places a text has spaces at, counted in letters and digits before each. */
function spaceStops(text: string): { compact: string; stops: Set<number> } {
  const stops = new Set<number>();
  let compact = '';
  for (const ch of text.toUpperCase()) {
    if (/[A-Z0-9]/.test(ch)) compact += ch;
    else if (/\s/.test(ch) && compact) stops.add(compact.length);
  }
  return { compact, stops };
}

/**
 * A name OCR read with a space opened inside a word ("WHI TCOMB DENTAL GROUP LLC": Courier's
 * narrow I leaves a gap on either side) loses the spaces a copy printed elsewhere on the bill
 * does not have ("WHITCOMB DE NTAL GROUP LLC" in the window block): the same letters and digits,
 * and a space kept only where both copies have one. Only spaces are taken away, never added.
 */
export function spacesFromCopy(L: Labelled, picked: Picked<string>): Picked<string> {
  if (!picked.words.some((w) => w.ocr)) return picked;
  const mine = spaceStops(picked.value);
  if (mine.stops.size < 2 || mine.compact.length < 6) return picked;
  const own = new Set(picked.words);
  const keep = new Set(mine.stops);
  let copies = 0;
  for (const line of L.doc.lines)
    for (const seg of line.segs) {
      if (seg.words.some((w) => own.has(w))) continue;
      const other = spaceStops(seg.text);
      if (other.compact !== mine.compact) continue;
      copies++;
      for (const k of keep) if (!other.stops.has(k)) keep.delete(k);
    }
  if (!copies || keep.size === mine.stops.size) return picked;
  let n = 0;
  let value = '';
  for (const ch of picked.value) {
    if (/[A-Za-z0-9]/.test(ch)) n++;
    else if (/\s/.test(ch) && n > 0 && !keep.has(n)) continue;
    value += ch;
  }
  return { ...picked, value };
}

// ---- service address -----------------------------------------------------------------------

export interface AddrRead {
  address: Address;
  words: LWord[];
}

/** Turns the lines of an address block into an Address. */
/**
 * A one-line value that opens with the addressee's name before the street ("Service At:
 * BIRCHWOOD YOGA STUDIO 18 ELM ST …", "Bill to: Birchwood Yoga Studio, 18 Elm St, …"): the name
 * and the street, or null when the line opens with its street, a unit or digits.
 */
export function namedStreet(s: string): { name: string; street: string } | null {
  if (looksLikeStreet(s)) return null;
  const m = /^([A-Za-z][^\d]*?)[\s,]+(\d+[A-Za-z]?(?:-\d+)?\s+[A-Za-z].*)$/.exec(s.trim());
  if (!m || !looksLikeStreet(m[2]!)) return null;
  const name = m[1]!.replace(/[\s,]+$/, '');
  if (!/[A-Za-z]{3}/.test(name) || UNIT_RE.test(name) || isAttentionLine(name)) return null;
  // a mailing box is no name ("PO Box 9001 Denver CO"), nor a unit run before the street
  if (/\b(?:BOX|SUITE|STE|APT|UNIT|FLOOR|FL|BLDG|BUILDING|ROOM|RM)\b/i.test(name)) return null;
  return { name, street: m[2]! };
}

export function parseAddressLines(lines: string[]): { address: Address; used: number } | null {
  for (let k = 0; k < lines.length; k++) {
    const csz = parseCityStateZip(lines[k]!);
    if (!csz) continue;
    let street = lines
      .slice(0, k)
      // the +4 of the ZIP below, carried to a line of its own by a scan ("-3012")
      .filter((l) => !/^\s*[-–]\s?\d{4}\s*$/.test(l))
      .map(repairStreetLine)
      .filter(Boolean);
    let city = csz.city;
    const pr0 = csz.state === 'PR';
    if (csz.before)
      street = [...street, repairStreetLine((!pr0 && namedStreet(csz.before)?.street) || csz.before)];
    else if (k === 0 || !street.some(looksLikeStreet)) {
      // one-line address without commas: split at the street suffix
      const sp = splitStreetCity(city);
      const st = sp && (looksLikeStreet(sp.street) ? sp.street : !pr0 && namedStreet(sp.street)?.street);
      if (sp && st) {
        street = [...street, repairStreetLine(st)];
        city = sp.city;
      }
    }
    // leading name/attention lines are not part of the street; a unit printed above the street
    // ("Suite 210" / "123 Main St") is kept, after the street
    // (in Puerto Rico the address may open with its urbanization or condominium, or a street
    // named before its number)
    const pr = csz.state === 'PR';
    const firstStreet = street.findIndex((s) => looksLikeStreet(s) || (pr && PR_PLACE_RE.test(s)));
    if (firstStreet > 0) {
      const units = street
        .slice(0, firstStreet)
        .map((s) => (UNIT_RE.test(s.trim()) ? s : trailingUnit(s)))
        .filter((s): s is string => !!s);
      street = [...street.slice(firstStreet), ...units];
    }
    // look-alike digits in street words ("434 5chool Ave"); the house number is left alone
    street = street
      .map((s) => joinFragments(s.replace(/[,\s]+$/, ''), { street: true }))
      // a house number OCR split in two at a narrow gap ("41 69 NE Juniper Lane"): no street
      // line opens with two bare numbers
      .map((s) => s.replace(/^(\d{1,4}) (\d{1,4})(?= [A-Za-z])/, '$1$2'))
      .map((s) =>
        s.replace(/^(\S+)(.*)$/, (_m, a: string, b: string) => {
          // a direction OCR ran into the house number ("61S Mill PI" for "61 S Mill Pl") is a
          // letter: among digits tesseract reads a 5 as a 5, and an S it read is the letter
          const dir = /^(\d+)([NSEW])$/.exec(a);
          if (dir && /^ [A-Za-z]{2}/.test(b)) return `${dir[1]} ${dir[2]}${repairLetters(b)}`;
          // and the house number is all digits ("42O45" -> 42045)
          const d = repairDigits(a);
          return (/^\d{2,}[A-Za-z]?$/.test(d) && /\d{2}/.test(a) ? d : a) + repairLetters(b);
        }),
      )
      .filter(Boolean);
    // "Suite 210, 123 Main St" on one line: the unit goes after the street
    street = street.flatMap((s) => {
      const m =
        /^((?:SUITE|STE|APT|APARTMENT|UNIT|FL|FLOOR|BLDG|BUILDING|RM|ROOM|#)\s*[\w-]+)\s*,\s*(\d.*)$/i.exec(
          s,
        );
      return m ? [m[2]!, m[1]!] : [s];
    });
    if (!street.length) return null;
    let line1 = street[0]!;
    let line2: string | null = street.slice(1).join(' ') || null;
    // "123 Main St, Suite 4" on one line stays merged; a separate unit line becomes line2.
    if (line2 && !UNIT_RE.test(line2) && !looksLikeStreet(line1) && !pr) {
      line1 = street.join(' ');
      line2 = null;
    }
    if (street.length > 2) {
      line1 = street[0]!;
      line2 = street.slice(1).join(' ');
    }
    if (csz.state === 'QC') {
      line1 = accentedQcStreet(line1);
      line2 = line2 && accentedQcStreet(line2);
    }
    return {
      address: {
        line1,
        line2,
        city:
          csz.state === 'QC'
            ? accentedQcCity(city.replace(/,$/, '').trim())
            : joinFragments(repairLetters(city.replace(/,$/, '').trim())),
        state: csz.state,
        zip: csz.zip,
      },
      used: k + 1,
    };
  }
  return null;
}

export function readAddressAt(L: Labelled, first: ValueRead): AddrRead | null {
  const block = continuation(L, first, 5);
  const parsed = parseAddressLines(block.map((b) => b.text));
  // lines set flush right of the label ("Primary place of use   3625 Prospect Highway" over
  // "Unit 1" over "Sioux Falls, SD 57104"): their left edges do not line up, and a city line
  // that starts under the street by chance would leave the unit out
  const flush = first.how === 'right' ? continuation(L, first, 5, { rightAligned: true }) : [];
  const p = flush.length > 1 ? parseAddressLines(flush.map((b) => b.text)) : null;
  if (p && (!parsed || p.used > parsed.used))
    return { address: p.address, words: flush.slice(0, p.used).flatMap((b) => b.words) };
  if (!parsed) return hangingAddress(L, first);
  return { address: parsed.address, words: block.slice(0, parsed.used).flatMap((b) => b.words) };
}

/**
 * "Service address: 18 Elm St" with "Aspen CO 81611" on the next line back at the caption's edge,
 * as a paragraph wraps it: the street after its caption, the city line under the caption.
 */
function hangingAddress(L: Labelled, first: ValueRead): AddrRead | null {
  if ((first.how !== 'right' && first.how !== 'same') || !looksLikeStreet(first.text)) return null;
  const next = L.doc.lines[first.line.index + 1];
  if (!next || next.page !== first.line.page || next.cy - first.line.cy > first.line.h * 2) return null;
  const edges = [first.seg.x0, first.line.segs[first.seg.index - 1]?.x0].filter((x) => x !== undefined);
  const seg = next.segs.find((s) => edges.some((x) => Math.abs(s.x0 - x) < first.line.h));
  if (!seg || !parseCityStateZip(seg.text)) return null;
  const parsed = parseAddressLines([first.text, seg.text]);
  return parsed && parsed.used === 2
    ? { address: parsed.address, words: [...first.words, ...seg.words] }
    : null;
}

const PROVINCES = new Set('AB BC MB NB NL NS NT NU ON PE QC SK YT'.split(' '));

/**
 * A labelled address block whose city line OCR garbled ("gton, KY ¢" at a photo's edge,
 * "Montréal Qc [HAN SRZ,,"): its street lines, the state when a code stands after the city, and
 * the city when it reads as one; what could not be read is left empty. The check then asks the
 * agent to verify those parts, where another block of the bill (the envelope's mailing address)
 * would have been compared as if it were the service address.
 */
export function readPartialAddressAt(L: Labelled, first: ValueRead): AddrRead | null {
  const block = continuation(L, first, 3);
  const texts = block.map((b) => b.text.trim());
  if (!looksLikeStreet(texts[0]!)) return null;
  const unit = texts[1] !== undefined && UNIT_RE.test(texts[1]);
  let cityLine = texts[unit ? 2 : 1];
  const last = block[unit ? 1 : 0]!;
  if (cityLine === undefined) {
    // its start lost, the city line no longer lines up with the street: the piece under it
    const next = L.doc.lines[last.line.index + 1];
    const x1 = Math.max(...block.map((b) => b.words[b.words.length - 1]!.x1));
    const under =
      next && next.page === last.line.page && next.cy - last.line.cy < last.line.h * 2.2
        ? overlapping(next, first.x0, x1)
        : null;
    if (under && under.x0 >= first.x0 - last.line.h) {
      cityLine = under.text.trim();
      block.push({
        words: under.words,
        text: under.text,
        how: 'below',
        line: next!,
        seg: under,
        x0: under.x0,
      });
    }
  }
  if (cityLine === undefined || parseCityStateZip(cityLine) || looksLikeStreet(cityLine)) return null;
  const m = /^(.*?)[\s,]+([A-Z][A-Za-z])(?=$|[^A-Za-z])/.exec(cityLine);
  const code = m?.[2]!.toUpperCase() ?? '';
  if (!m || !(STATE_CODES.has(code) || PROVINCES.has(code))) return null;
  // a city starts with a capital and holds only letters; a cut-off fragment ("gton") is no city
  const city = m[1]!.replace(/,$/, '').trim();
  const address: Address = {
    line1: repairStreetLine(texts[0]!),
    line2: unit ? texts[1]! : null,
    city: /^\p{Lu}[\p{L} .'-]{2,}$/u.test(city) ? city : '',
    state: code,
    zip: '',
  };
  return { address, words: block.slice(0, unit ? 3 : 2).flatMap((b) => b.words) };
}

export const addrKey = (a: Address) =>
  [a.line1, a.line2 ?? '', a.city, a.state, a.zip.slice(0, 5)]
    .join('|')
    .toUpperCase()
    .replace(/[^A-Z0-9|]/g, '');

/**
 * The service address: every service-address label's block of lines, and the account's row of
 * a table of address columns (`table`, address-table.ts) where the bill prints one; scored as a
 * label read below its value, a table's captions being as sure a sign as a label.
 */
export function findServiceAddress(
  L: Labelled,
  btn: string | null = null,
  table: TableAddress | null = null,
): Picked<Address> | null {
  const cands: (Candidate<Address> & { line: Line })[] = [];
  if (table)
    cands.push({
      value: table.address,
      key: addrKey(table.address),
      score: HOW.below * (table.line.page === 1 ? 1 : 0.8),
      words: table.words,
      line: table.line,
    });
  const partial: (Candidate<Address> & { line: Line })[] = [];
  for (const hit of hitsFor(L, 'serviceAddress')) {
    for (const r of reads(L, hit)) {
      const a = readAddressAt(L, r);
      if (!a) {
        const p = readPartialAddressAt(L, r);
        if (p && !partial.length)
          partial.push({
            value: p.address,
            key: addrKey(p.address),
            score: baseScore(hit, 'serviceAddress', r) * 0.5,
            words: p.words,
            label: labelText(hit),
            line: hit.line,
          });
        continue;
      }
      const shape =
        looksLikeStreet(a.address.line1) || (a.address.state === 'PR' && PR_PLACE_RE.test(a.address.line1))
          ? 1
          : 0.7;
      cands.push({
        value: a.address,
        key: addrKey(a.address),
        score: baseScore(hit, 'serviceAddress', r) * shape,
        words: a.words,
        label: labelText(hit),
        line: hit.line,
      });
      break;
    }
  }
  // a bill of several sites: the primary site's address
  // (weighed in document order; the candidates keep their order, which breaks the vote's ties)
  const order = cands.map((_, i) => i).sort((a, b) => cands[a]!.line.index - cands[b]!.line.index);
  const weights = primarySiteWeights(
    L,
    order.map((i) => cands[i]!.line),
    order.map((i) => cands[i]!.key),
    btn,
  );
  order.forEach((i, k) => (cands[i]!.score *= weights[k]!));
  // a label whose block reads only in part stands only where no label's block reads whole
  return vote(cands.length ? cands : partial);
}
