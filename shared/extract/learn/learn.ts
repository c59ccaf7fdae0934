// Learning from one taught bill: where each taught value is printed on it (every place the field's
// reader, started there, reads the taught value), the label beside each place, the value's shape,
// and the words that say which carrier and layout this is. Merged into the carrier's profile when
// the bill is one of a layout already learned, a new profile otherwise.
import type { Address, BillFields, PageWords } from '../../domain';
import { normalizeAccount } from '../../normalize/account';
import { addressEqual } from '../../normalize/address';
import { basicName } from '../../normalize/name';
import { lev } from '../labels';
import { buildDoc, type Doc, type LWord } from '../layout';
import type { Labelled } from '../read';
import { labelDoc } from '../label-doc';
import { anchorsOf, findLabel, valueFrom, wordAt, wordKey } from './anchor';
import { billText, letters, namePrinted, nameTokensOf, SAME_LAYOUT, wordingSimilarity } from './identity';
import type { Anchor, CarrierProfile, FieldRule, LearnableField, Teaching } from './profile';
import { READ_FIELDS, readAt, type ReadField } from './readers';
import { landmarksOf } from './landmarks';
import { shapeOf } from './shape';

export type Taught = { [K in keyof BillFields]?: BillFields[K] | null };

export interface TeachInfo {
  at: string;
  by: string;
  bill: string;
  documentId?: number | null;
  caseId?: number | null;
}

export interface LearnResult {
  profile: CarrierProfile;
  /** profiles with this one replaced or added */
  profiles: CarrierProfile[];
  created: boolean;
  /** the taught fields this bill taught a place or a shape for */
  learned: LearnableField[];
  /** taught fields whose value is not printed on the bill where a reader finds it */
  notFound: LearnableField[];
  /** taught fields this version does not learn (the lines list is read the generic way) */
  notLearned: LearnableField[];
}

const MAX_ANCHORS = 12;
const MAX_WORDING = 400;

/** Whether a read value is the taught one, allowing the slip or two OCR makes in a taught scan. */
function same(field: ReadField, got: unknown, want: unknown): boolean {
  switch (field) {
    case 'accountNumber': {
      const a = normalizeAccount(String(got));
      const b = normalizeAccount(String(want));
      return a === b || (b.length >= 8 && lev(a, b, 1) <= 1);
    }
    case 'btn':
      return String(got).replace(/\D/g, '').slice(-10) === String(want).replace(/\D/g, '').slice(-10);
    case 'billDate':
      return got === want;
    case 'accountName': {
      const a = basicName(String(got));
      const b = basicName(String(want));
      return a === b || (b.length >= 10 && lev(a, b, 2) <= 2);
    }
    case 'serviceAddress': {
      const a = got as Address;
      const b = want as Address;
      if (addressEqual(a, b)) return true;
      // a taught scan may misread a letter of the street; the number, ZIP and city still agree
      return (
        a.zip.slice(0, 5) === b.zip.slice(0, 5) &&
        a.line1.split(/\s+/)[0] === b.line1.split(/\s+/)[0] &&
        lev(letters(a.line1 + (a.line2 ?? '')), letters(b.line1 + (b.line2 ?? '')), 2) <= 2
      );
    }
  }
}

/** Every place on the bill where the field's value is read as the taught value. */
export function locate(
  L: Labelled,
  field: ReadField,
  want: unknown,
  taught: ReadonlySet<string> = new Set(),
): Anchor[] {
  const out: Anchor[] = [];
  const used = new Set<object>();
  for (const line of L.doc.lines)
    for (const seg of line.segs)
      for (let i = 0; i < seg.words.length; i++) {
        if (used.has(seg.words[i]!)) continue;
        for (const lines of field === 'accountName' ? [1, 2] : [1]) {
          const r = readAt(L, field, { seg, first: i }, { lines });
          if (!r || !same(field, r.value, want)) continue;
          for (const w of r.words) used.add(w);
          // A caption the reader knows as this field's beats a nearer loose label: in two
          // columns the piece to a value's left is the other column's ("Attn: N. Underwood"
          // beside the premises address under "Premises Address").
          const cands = anchorsOf(L.doc, seg, i, lines, taught).map((c) => ({
            c,
            kinds: kindsOf(L, c.words),
          }));
          const pick = cands.find((x) => (x.kinds.get(field) ?? 0) >= STRONG) ?? cands[0]!;
          const { words: _words, ...a } = pick.c;
          const kinds = pick.kinds;
          // the taught value sat at a label the reader knows as another thing's ("Mailing
          // address", "thru"): on this bill only, by chance
          if (!kinds.has(field) && TRAPS[field].some((k) => kinds.has(k))) break;
          if (a.how !== 'page' && (kinds.get(field) ?? 0) < STRONG && ambiguous(L, field, a, lines)) break;
          out.push({ ...a, known: (kinds.get(field) ?? 0) >= STRONG });
          break;
        }
      }
  return out;
}

/**
 * A caption that heads several values of the field ("Number" over a column of lines, a caption
 * repeated on every page) names none of them in particular: read at each of its places, or one
 * row further down its column, it reads another value.
 */
function ambiguous(L: Labelled, field: ReadField, a: Anchor, lines: number): boolean {
  const whole = a.how === 'below' || a.how === 'above';
  const keys = new Set<string>();
  for (const f of findLabel(L.doc, a.label, null, whole)) {
    const spot = valueFrom(L.doc, a, f);
    const r = spot && readAt(L, field, spot, { lines });
    if (r) keys.add(r.key);
    // the next row of the same column
    if (spot && a.how === 'below') {
      const line = spot.seg.line;
      const w = spot.seg.words[spot.first]!;
      const next = L.doc.lines[line.index + 1];
      if (next && next.page === line.page && next.cy - line.cy < line.h * 2.5) {
        const below = wordAt(L.doc, line.page, w.x0, next.cy, line.h);
        const r2 = below && below.seg.line === next ? readAt(L, field, below, { lines }) : null;
        if (r2 && r2.key !== r?.key) return true;
      }
    }
  }
  return keys.size > 1;
}

/**
 * Labels at which a taught value is there by chance on the taught bill: the mailing address that
 * is the service address this time, a period that ends on the bill date, a table's first line.
 */
const TRAPS: Record<ReadField, string[]> = {
  accountNumber: ['btn', 'billDate', 'serviceAddress', 'accountName', 'remit', 'contact', 'due', 'amount'],
  btn: ['accountNumber', 'contact', 'lines', 'remit', 'mailing'],
  billDate: ['due', 'period', 'accountNumber', 'btn'],
  accountName: ['remit', 'contact', 'serviceAddress', 'btn', 'accountNumber'],
  serviceAddress: ['mailing', 'remit', 'contact', 'accountName'],
};

/** What the generic reader takes the label words for ("ACCOUNT NO" -> accountNumber). */
function kindsOf(L: Labelled, words: readonly LWord[]): Map<string, number> {
  const out = new Map<string, number>();
  if (!words.length) return out;
  const set = new Set(words);
  for (const hits of L.hitsByLine.values())
    for (const h of hits)
      if (h.words.some((w) => set.has(w)))
        for (const [k, v] of Object.entries(h.kinds))
          if ((v ?? 0) > 0) out.set(k, Math.max(v ?? 0, out.get(k) ?? 0));
  return out;
}

/** Weight from which the reader takes a label as naming the field, not as a loose caption. */
const STRONG = 0.9;

function identity(doc: Doc, taught: Taught) {
  const skip = new Set<string>();
  const a = taught.serviceAddress;
  for (const s of [taught.accountName, a?.line1, a?.line2, a?.city])
    for (const w of String(s ?? '').split(/\s+/)) skip.add(letters(w));
  return [...billText(doc, skip).tokens].slice(0, MAX_WORDING);
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'carrier';

const anchorKey = (a: Anchor) =>
  `${a.how}|${a.label}|${a.page}|${Math.round(a.dx)}|${Math.round(a.dy)}|${a.how === 'page' ? `${Math.round(a.px * 20)},${Math.round(a.py * 40)}` : ''}`;

function mergeRule(old: FieldRule | undefined, anchors: Anchor[], shape: string | null): FieldRule {
  const seen = new Set<string>();
  const all: Anchor[] = [];
  // newest first: a carrier that moved a field is read where it prints it now
  for (const a of [...anchors, ...(old?.anchors ?? [])]) {
    const k = anchorKey(a);
    if (seen.has(k)) continue;
    seen.add(k);
    all.push(a);
  }
  const shapes = [...new Set([...(shape ? [shape] : []), ...(old?.shapes ?? [])])].slice(0, 6);
  return { anchors: all.slice(0, MAX_ANCHORS), shapes };
}

/**
 * Learns from a taught bill. `taught` holds the right values (null or absent: not taught);
 * `carrierRead` is the carrier the generic reader found, used when the agent did not teach one.
 */
export function learnCarrier(
  pages: PageWords[],
  taught: Taught,
  profiles: readonly CarrierProfile[],
  info: TeachInfo,
  carrierRead: string | null = null,
): LearnResult {
  const doc = buildDoc(pages);
  const L = labelDoc(doc);
  const carrier = (taught.carrier ?? carrierRead ?? '').trim();
  if (!carrier) throw new Error('the carrier is not known: teach its name with the other fields');
  const nameTokens = nameTokensOf(carrier);
  const wording = identity(doc, taught);
  const text = billText(doc);

  // the profile of this carrier and layout, if one was learned before
  let existing: CarrierProfile | null = null;
  let bestSim = 0;
  for (const p of profiles) {
    if (basicName(p.carrier) !== basicName(carrier) || !namePrinted(p.nameTokens, text)) continue;
    const sim = wordingSimilarity(p.wording, text);
    if (sim >= SAME_LAYOUT && sim > bestSim) {
      existing = p;
      bestSim = sim;
    }
  }

  const fields: Partial<Record<LearnableField, FieldRule>> = { ...(existing?.fields ?? {}) };
  const learned: LearnableField[] = [];
  const notFound: LearnableField[] = [];
  const carrierKey = basicName(carrier).replace(/\s+/g, '');
  const valueWords = taughtWords(taught);
  for (const f of READ_FIELDS) {
    const want = taught[f];
    if (want === null || want === undefined || want === '') continue;
    // the carrier's own name is never the account holder's place
    if (
      f === 'accountName' &&
      typeof want === 'string' &&
      carrierKey &&
      basicName(want).replace(/\s+/g, '').startsWith(carrierKey)
    )
      continue;
    const anchors = locate(L, f, want, valueWords);
    if (!anchors.length) {
      notFound.push(f);
      continue;
    }
    fields[f] = mergeRule(
      fields[f],
      anchors,
      f === 'accountNumber' && typeof want === 'string' ? shapeOf(want) : null,
    );
    learned.push(f);
  }
  if (taught.carrier) {
    fields.carrier = fields.carrier ?? { anchors: [], shapes: [] };
    learned.unshift('carrier');
  }

  const teaching: Teaching = {
    at: info.at,
    by: info.by,
    bill: info.bill,
    documentId: info.documentId ?? null,
    caseId: info.caseId ?? null,
    fields: learned,
  };
  // A second bill of the layout keeps only the wording both printed: what is left is the
  // layout's fixed wording, which recognises its next bill more surely.
  const keptWording = existing ? existing.wording.filter((t) => wording.includes(t)) : wording;
  const profile: CarrierProfile = existing
    ? {
        ...existing,
        carrier,
        wording: keptWording.length >= existing.wording.length * 0.5 ? keptWording : existing.wording,
        fields,
        taught: [teaching, ...existing.taught].slice(0, 50),
        updatedAt: info.at,
      }
    : {
        id: uniqueId(slug(carrier), profiles),
        carrier,
        nameTokens,
        wording,
        landmarks: landmarksOf(doc, valueWords),
        fields,
        taught: [teaching],
        createdAt: info.at,
        updatedAt: info.at,
      };
  const rest = profiles.filter((p) => p.id !== profile.id);
  return {
    profile,
    profiles: existing ? profiles.map((p) => (p.id === profile.id ? profile : p)) : [...rest, profile],
    created: !existing,
    learned,
    notFound,
    notLearned: taught.numbers?.length ? ['numbers'] : [],
  };
}

/** Keys of the words of every taught value (names, address), as anchorOf compares words. */
function taughtWords(taught: Taught): Set<string> {
  const a = taught.serviceAddress;
  const out = new Set<string>();
  for (const s of [taught.accountName, a?.line1, a?.line2, a?.city])
    for (const w of String(s ?? '').split(/[\s,]+/)) {
      const k = wordKey({ text: w });
      if (k.length >= 2) out.add(k);
    }
  return out;
}

function uniqueId(base: string, profiles: readonly CarrierProfile[]): string {
  const ids = new Set(profiles.map((p) => p.id));
  if (!ids.has(base)) return base;
  for (let i = 2; ; i++) if (!ids.has(`${base}-${i}`)) return `${base}-${i}`;
}
