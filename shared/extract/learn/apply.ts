// Reading a bill with what was learned about its carrier. Runs after the generic reader and only
// when the bill is recognised as a learned carrier's layout; a bill of any other carrier comes
// out exactly as the generic reader read it. Each learned place proposes a value; places that
// agree vote together, the generic reading votes too, and the learned reading wins only when a
// label it learned found it (a place on the page alone fills a field the reader left empty).
import type { BillFields, Extraction, FieldMeta, PageWords } from '../../domain';
import { normalizeAccount } from '../../normalize/account';
import { basicName } from '../../normalize/name';
import { ocrDoubt } from '../doubts';
import { accentedQcName } from '../words-qc';
import { boxOf, buildDoc, type Doc } from '../layout';
import { labelDoc } from '../label-doc';
import type { Labelled } from '../read';
import { findLabel, valueFrom, wordAt } from './anchor';
import { billText, namePrinted, SAME_LAYOUT, wordingSimilarity } from './identity';
import { pageMap, type PageMap } from './landmarks';
import type { Anchor, CarrierProfile, FieldSources, LearnableField } from './profile';
import { LEARNABLE } from './profile';
import { addressKey, nameKey, READ_FIELDS, readAt, type FieldRead, type ReadField } from './readers';
import { rewordedCaptions } from './reworded';
import { fitShape } from './shape';

export interface Recognised {
  profile: CarrierProfile;
  similarity: number;
}

/** The learned profile this bill belongs to: its carrier's name printed, most of its wording. */
export function recognise(doc: Doc, profiles: readonly CarrierProfile[]): Recognised | null {
  if (!profiles.length) return null;
  const text = billText(doc);
  let best: Recognised | null = null;
  for (const profile of profiles) {
    if (!namePrinted(profile.nameTokens, text)) continue;
    const similarity = wordingSimilarity(profile.wording, text);
    if (similarity >= SAME_LAYOUT && (!best || similarity > best.similarity)) best = { profile, similarity };
  }
  return best;
}

export const allRead = (): FieldSources =>
  Object.fromEntries(LEARNABLE.map((f) => [f, 'read'])) as FieldSources;

export interface Applied {
  extraction: Extraction;
  sources: FieldSources;
  /** the profile that supplied fields, when the bill was recognised */
  profile: CarrierProfile | null;
}

/** A field's value as the scorer and the checks compare it. */
export function fieldKey(field: ReadField, v: BillFields[ReadField]): string | null {
  if (v === null) return null;
  switch (field) {
    case 'accountNumber':
      return normalizeAccount(v as string);
    case 'accountName':
      return nameKey(v as string);
    case 'serviceAddress':
      return addressKey(v as Exclude<BillFields['serviceAddress'], null>);
    default:
      return v as string;
  }
}

interface Vote {
  read: FieldRead;
  weight: number;
  /** found from a learned label, and fits the learned shape */
  labelled: boolean;
  /** … and the generic reader knows that label as this field's */
  known: boolean;
  /** found by a caption in other words than the learned one (reworded.ts) */
  reworded?: boolean;
}

const PAGE_WEIGHT = 0.4;
const UNKNOWN_WEIGHT = 0.6;
/** A caption found where the learned one stood, in other words, weighs a little less than it. */
const REWORDED_WEIGHT = 0.9;
/** The generic reader's confidence below which its value came from a fallback, not a label. */
const FALLBACK = 0.5;

function pageLineHeight(doc: Doc, page: number): number {
  const hs = doc.lines.filter((l) => l.page === page).map((l) => l.h);
  if (!hs.length) return 10;
  return hs.sort((a, b) => a - b)[hs.length >> 1]!;
}

interface Group {
  key: string;
  read: FieldRead;
  /** votes of places found by their learned label, and the value fits the learned shape */
  labelled: number;
  known: number;
  /** votes of learned labels or their places, not of captions in other words */
  firm: number;
  score: number;
}

/** What the learned places read for a field, grouped by value, strongest first. */
function learnedReads(
  doc: Doc,
  L: Labelled,
  where: PageMap,
  field: ReadField,
  profile: CarrierProfile,
): Group[] {
  const rule = profile.fields[field];
  if (!rule) return [];
  const carrierKey = basicName(profile.carrier).replace(/\s+/g, '');
  const opts = (lines: number) => ({ lines, shapes: rule.shapes, carrierKey });
  const votes: Vote[] = [];
  const lost: Anchor[] = [];
  for (const a of rule.anchors) {
    if (a.how === 'page') continue;
    const whole = a.how === 'below' || a.how === 'above';
    let found = findLabel(doc, a.label, a.page, whole);
    if (!found.length) found = findLabel(doc, a.label, null, whole);
    let reads = 0;
    for (const f of found) {
      const spot = valueFrom(doc, a, f);
      const read = spot && readAt(L, field, spot, opts(a.lines));
      if (read) reads++;
      if (read)
        votes.push({
          read,
          weight: (a.known ? 1 : UNKNOWN_WEIGHT) * (read.fits ? 1 : 0.3),
          labelled: read.fits,
          known: a.known && read.fits,
        });
    }
    // the carrier worded the caption the other way on this bill: the caption the reader knows
    // for the field, where the learned one stood, standing to its value as the learned one did
    if (!found.length)
      for (const c of rewordedCaptions(L, where, a, field)) {
        const spot = valueFrom(doc, a, c);
        const read = spot && readAt(L, field, spot, opts(a.lines));
        if (!read) continue;
        reads++;
        votes.push({
          read,
          weight: (c.known ? 1 : UNKNOWN_WEIGHT) * REWORDED_WEIGHT * (read.fits ? 1 : 0.3),
          labelled: read.fits,
          known: c.known && read.fits,
          reworded: true,
        });
        break;
      }
    // a label found where nothing readable follows it (a speck of noise where its value starts
    // on a photo) is as good as lost: its place on the page is looked at instead
    if (!reads) lost.push(a);
  }
  // A place without a label, or whose label OCR lost, is looked at only when no learned label
  // found anything: where the landmarks around it put it on this page.
  // The place of a label OCR lost (a photo dropped a row of captions) is where a labelled value
  // sits: it counts as labelled against a generic value that came from a fallback.
  if (!votes.length)
    for (const a of [...rule.anchors.filter((x) => x.how === 'page'), ...lost]) {
      const at = where.map(a.page, a.px, a.py);
      if (!at) continue;
      const spot = wordAt(doc, a.page, at.x, at.y, pageLineHeight(doc, a.page));
      const read = spot && readAt(L, field, spot, opts(a.lines));
      if (read)
        votes.push({
          read,
          weight: PAGE_WEIGHT * (read.fits ? 1 : 0.3),
          labelled: a.how !== 'page' && read.fits,
          known: false,
        });
    }
  const groups = new Map<string, Group>();
  for (const v of votes) {
    const g = groups.get(v.read.key) ?? {
      key: v.read.key,
      read: v.read,
      labelled: 0,
      known: 0,
      firm: 0,
      score: 0,
    };
    if (v.read.conf > g.read.conf) g.read = v.read;
    g.labelled += v.labelled ? 1 : 0;
    g.known += v.known ? 1 : 0;
    g.firm += v.reworded ? 0 : 1;
    g.score += v.weight;
    groups.set(v.read.key, g);
  }
  return [...groups.values()].sort((a, b) => b.score - a.score || b.read.conf - a.read.conf);
}

/** Whether a reading of a field is one the learned profile can trust as it is. */
export function fitsProfile(
  field: ReadField,
  v: BillFields[ReadField],
  profile: CarrierProfile,
  ocr: boolean,
): boolean {
  if (v === null) return false;
  const shapes = profile.fields[field]?.shapes ?? [];
  if (field === 'accountNumber' && shapes.length) return fitShape(v as string, shapes, ocr) !== null;
  // the carrier's own name is not the account holder
  if (field === 'accountName')
    return !basicName(v as string)
      .replace(/\s+/g, '')
      .startsWith(basicName(profile.carrier).replace(/\s+/g, ''));
  return true;
}

/**
 * The learned value of a field, or null to keep the generic one. The generic reading stands when
 * a learned place reads it too. A learned value replaces it when the generic one is missing or
 * does not hold; when a label the reader knows for this field, at the learned place, reads
 * another value; or when the generic value came from a fallback and a learned label (one the
 * reader does not know) found a value. A learned place without a label only fills a gap.
 */
function decide(
  groups: Group[],
  genericKey: string | null,
  holds: boolean,
  genericConf: number,
): Group | null {
  if (!groups.length) return null;
  const agreeing = genericKey === null ? undefined : groups.find((g) => g.key === genericKey);
  if (agreeing && holds) return agreeing;
  const best = groups[0]!;
  if (!best.read.fits) return null;
  // A caption in other words says where the field is, not that the reader's own reading from a
  // label it knows is wrong: the other wording may print the other of the carrier's account
  // number styles (a BTN-based number with or without its suffix letter), which the one taught
  // shape does not know. It fills a gap, or replaces a reading that came from a fallback.
  if (!best.firm && genericKey !== null && genericConf >= FALLBACK) return null;
  if (!holds) return best;
  if (best.known > 0) return best;
  if (genericConf < FALLBACK && best.labelled > 0) return best;
  return null;
}

/** Whether name key a is name key b with its end cut off, within its last word or after a word. */
function cutShort(a: string, b: string): boolean {
  const aw = a.split(' ').filter(Boolean);
  const bw = b.split(' ').filter(Boolean);
  if (!aw.length || aw.length > bw.length) return false;
  const last = aw.length - 1;
  if (aw.slice(0, last).some((w, i) => w !== bw[i])) return false;
  const end = aw[last]!;
  return bw[last]!.startsWith(end) && (end.length < bw[last]!.length || aw.length < bw.length);
}

/** The extraction with what the recognised carrier's profile reads; unchanged for other bills. */
export function applyLearned(
  pages: PageWords[],
  extraction: Extraction,
  profiles: readonly CarrierProfile[],
): Applied {
  const sources = allRead();
  if (!profiles.length) return { extraction, sources, profile: null };
  const doc = buildDoc(pages);
  const hit = recognise(doc, profiles);
  if (!hit) return { extraction, sources, profile: null };
  const { profile } = hit;
  // labelled as the generic reader labels the bill, with its reading of the dates' order: a Quebec
  // bill's "09/12/2025" is the 9th of December at a learned place too (fleuve la-065 of dev seed
  // 11500 read September 12 there, where the generic reader read it right)
  const L = labelDoc(doc);
  const where = pageMap(doc, profile.landmarks);
  const fields: BillFields = { ...extraction.fields };
  const meta: Record<string, FieldMeta> = { ...extraction.meta };
  let numberMeta = extraction.numberMeta;

  for (const field of READ_FIELDS) {
    const generic = extraction.fields[field];
    const got = decide(
      learnedReads(doc, L, where, field, profile),
      fieldKey(field, generic),
      fitsProfile(
        field,
        generic,
        profile,
        doc.pages.some((p) => p.source === 'ocr'),
      ),
      extraction.meta[field]?.confidence ?? 0,
    );
    if (!got) continue;
    // the learned place read the generic value cut short (a photo's edge or a smudge took the end
    // of the name there; the reader found it whole in another block): the whole one stands
    // (heron lf-169 of seed 11505: "… D/B/A RAMIREZ STREET DR" for "… Ramirez Street Dry Cleaners")
    const genericKey = fieldKey(field, generic);
    if (field === 'accountName' && genericKey !== null && cutShort(got.key, genericKey)) continue;
    sources[field] = 'learned';
    // the same value as the generic reading: keep its wording and its boxes
    if (got.key === fieldKey(field, generic)) continue;
    (fields as Record<ReadField, unknown>)[field] = got.read.value;
    // read where the carrier prints it: no layout doubt, only how well OCR read it
    const ocr = ocrDoubt(got.read.words);
    meta[field] = {
      confidence: Math.round(Math.min(1, 0.6 + 0.4 * got.read.conf) * 1000) / 1000,
      boxes: boxOf(got.read.words),
      doubts: ocr ? [ocr] : [],
    };
  }

  // a learned name on a Quebec bill keeps the accents OCR dropped, as the generic reader's does
  if (
    fields.accountName !== extraction.fields.accountName &&
    fields.accountName &&
    fields.serviceAddress?.state === 'QC'
  )
    fields.accountName = accentedQcName(fields.accountName);

  if (profile.fields.carrier) {
    fields.carrier = profile.carrier;
    if (basicName(extraction.fields.carrier) !== basicName(profile.carrier))
      meta.carrier = { confidence: 0.9, boxes: [], doubts: [] };
    sources.carrier = 'learned';
  }

  // The lines list holds the BTN: keep it in step with a BTN the profile corrected.
  if (fields.btn !== extraction.fields.btn && fields.btn) {
    const old = extraction.fields.btn;
    let numbers = fields.numbers.slice();
    numberMeta = { ...numberMeta };
    // the old value was put there only for being the BTN (it has the BTN's boxes, not its own)
    if (old && JSON.stringify(numberMeta[old]?.boxes) === JSON.stringify(extraction.meta.btn?.boxes)) {
      numbers = numbers.filter((n) => n !== old);
      delete numberMeta[old];
    }
    if (!numbers.includes(fields.btn)) {
      numbers.unshift(fields.btn);
      numberMeta[fields.btn] = {
        confidence: meta.btn?.confidence ?? 0.5,
        boxes: meta.btn?.boxes ?? [],
        doubts: meta.btn?.doubts ?? [],
      };
    }
    fields.numbers = numbers;
  }
  return { extraction: { ...extraction, fields, meta, numberMeta }, sources, profile };
}

export type { LearnableField };
