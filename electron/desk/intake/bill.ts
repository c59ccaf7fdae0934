// A bill file in, its fields out: the words (text layer or OCR) handed to the pure extractor.
import type { Extraction, ExtractionPage, PageWords } from '../../../shared/domain';
import { DeskError } from '../../../shared/errors';
import { extractBill } from '../../../shared/extract';
import { BARE_LABEL_LOOK, bareLabelRegions, withBareLabelValues } from '../../../shared/extract/bare-labels';
import { DISPUTE_LOOKS, findDisputes, settleDispute, withSettled } from '../../../shared/extract/disputes';
import {
  applyLearned,
  CUT_NAME_LOOK,
  cutNameRegion,
  LETTER_LOOKS,
  letterRepair,
  lookRegions,
  LOOKS,
  nameLines,
  oddNumbers,
  settleLetters,
  settleLooks,
  settleCutName,
  settleOddNumbers,
  withLooks,
  type CarrierProfile,
} from '../../../shared/extract/learn';
import { splitUnitLine } from '../../../shared/normalize/unit-line';
import { readBillWords, type BillWords, type ReadOptions } from './pipeline';
import type { InkBeside, LookAgain } from './look-again';
import { onViews } from './views';

export interface IntakeResult extends BillWords {
  extraction: Extraction & { pages: ExtractionPage[] };
  /** The words as the extractor read them (a photo's on its flattened sheet): what a carrier is learned from. */
  readPages: PageWords[];
}

export interface IntakeOptions extends ReadOptions {
  /** Carriers the desk learned from agents' corrections; a bill of none of them reads as without. */
  profiles?: readonly CarrierProfile[];
}

/** True when the extractor found nothing an agent could use. */
export function isEmptyExtraction(x: Extraction): boolean {
  const f = x.fields;
  return (
    !f.carrier &&
    !f.accountName &&
    !f.accountNumber &&
    !f.btn &&
    !f.serviceAddress &&
    !f.billDate &&
    f.numbers.length === 0
  );
}

export function pageOf(p: PageWords): ExtractionPage {
  return { page: p.page, width: p.width, height: p.height, rotate: p.rotate ?? 0 };
}

export async function intakeBill(
  input: Uint8Array | string,
  opts: IntakeOptions = {},
): Promise<IntakeResult> {
  // The first pages' pictures are kept for second looks: at a learned carrier's places, and at
  // an account name OCR may have cut short.
  const words = await readBillWords(input, { ...opts, keepPictures: true });
  opts.signal?.throwIfAborted();
  opts.onProgress?.({ stage: 'extract', done: 0, total: 1 });
  // The viewer needs each page's size and turn to lay the boxes over the picture it shows;
  // a flattened photo's fields are found on the flat sheet (with what the desk learned of its
  // carrier), then placed on the photo.
  let generic = extractBill(words.pages);
  if (words.look) {
    const settled = await lookAtDisputes(words.pages, generic, words.look);
    if (settled !== words.pages) {
      words.pages = settled;
      generic = extractBill(settled);
    }
  }
  const applied = applyLearned(words.pages, generic, opts.profiles ?? []);
  const { sources, profile } = applied;
  let read = applied.extraction;
  if (profile && words.look) {
    const settled = await lookAgain(words.pages, read, profile, words.look);
    read = settled.extraction;
    for (const f of settled.changed) sources[f] = 'learned';
    const lettered = await lookAtLetters(words.pages, read, profile, words.look);
    if (lettered !== read) sources.accountNumber = 'learned';
    read = lettered;
  }
  if (words.look) read = await lookAtOddNumbers(words.pages, read, words.look);
  if (words.look) read = await lookBesideBareLabels(words.pages, read, words.look, profile);
  if (words.look && words.inkBeside && sources.accountName !== 'learned') {
    read = await lookAtCutName(words.pages, read, words.look, words.inkBeside, profile ? [profile] : []);
  }
  const shown = onViews(words.pages, { ...read, pages: words.pages.map(pageOf) }, words.views);
  const extraction = {
    ...shown.extraction,
    sources,
    learned: profile && { profileId: profile.id, carrier: profile.carrier },
    // stored with the fields: the viewer says it whenever the bill is shown, not just once
    ...(words.warnings.length ? { warnings: [...words.warnings] } : {}),
  };
  // A unit read onto the street line ("… Dr Apt 6") is the Suite / unit of the form and the LOA.
  const a = extraction.fields.serviceAddress;
  if (a) extraction.fields = { ...extraction.fields, serviceAddress: splitUnitLine(a) };
  opts.onProgress?.({ stage: 'extract', done: 1, total: 1 });
  if (isEmptyExtraction(extraction)) {
    const name = opts.name ?? (typeof input === 'string' ? input.split(/[\\/]/).pop() : 'The file');
    const count = words.pages.reduce((n, p) => n + p.words.length, 0);
    throw new DeskError(
      'BAD_INPUT_FILE',
      count === 0
        ? `No bill fields found in ${name}: no text could be read on its ${words.pages.length} page(s)`
        : `No bill fields found in ${name}: no account, phone number, address or bill date among its ${count} words`,
    );
  }
  return { ...words, pages: shown.pages, readPages: words.pages, extraction };
}

/**
 * Copies of a value OCR read a glyph apart (an account number's header and stub copies, a unit's
 * id): each copy is read again on its own, and the pages given the glyphs the readings settle on
 * (disputes.ts). The pages come back as they were when nothing was disputed or settled.
 */
async function lookAtDisputes(pages: PageWords[], read: Extraction, look: LookAgain): Promise<PageWords[]> {
  let out = pages;
  for (const d of findDisputes(pages, read)) {
    const reads = await Promise.all(
      DISPUTE_LOOKS.map((how) =>
        Promise.all(d.copies.map((c) => look(c.region, { ...how, chars: d.chars }))),
      ),
    );
    const key = settleDispute(d, reads);
    if (key) out = withSettled(out, d, key);
  }
  return out;
}

/**
 * A learned carrier's OCR'd bill: its fields' places are read again on their own, enlarged, in
 * each of the looks, and the bill re-read with each look's words (second-look.ts settles which
 * reading each field keeps).
 */
async function lookAgain(
  pages: PageWords[],
  first: Extraction,
  profile: CarrierProfile,
  look: LookAgain,
): Promise<ReturnType<typeof settleLooks>> {
  const regions = lookRegions(pages, first, profile);
  if (!regions.length) return { extraction: first, changed: [] };
  const looks = await Promise.all(
    LOOKS.map(async (how) => {
      const reads = await Promise.all(regions.map((r) => look(r, how)));
      const again = withLooks(pages, regions, reads);
      return { pages: again, x: applyLearned(again, extractBill(again), [profile]).extraction };
    }),
  );
  return settleLooks(
    first,
    looks.map((l) => l.x),
    profile,
    regions,
    true,
    { first: pages, looks: looks.map((l) => l.pages) },
  );
}

/**
 * A learned carrier's OCR'd bill whose account number holds a digit where the carrier prints a
 * letter: that line is read again with letters only (letters.ts settles which letter it is).
 */
async function lookAtLetters(
  pages: PageWords[],
  read: Extraction,
  profile: CarrierProfile,
  look: LookAgain,
): Promise<Extraction> {
  const repair = letterRepair(pages, read, profile);
  if (!repair) return read;
  const reads = await Promise.all(LETTER_LOOKS.map((how) => look(repair.region, how)));
  const value = settleLetters(repair, reads);
  return value ? { ...read, fields: { ...read.fields, accountNumber: value } } : read;
}

/**
 * An OCR'd bill (any carrier's: the print, not what was learned, tells a misread from a branch
 * line): a line read in an exchange one digit from the account's common one is read again on its
 * own in each of the looks (odd-exchange.ts settles where it belongs).
 */
async function lookAtOddNumbers(pages: PageWords[], read: Extraction, look: LookAgain): Promise<Extraction> {
  const odd = oddNumbers(read, pages);
  if (!odd.length) return read;
  const looks = await Promise.all(LOOKS.map((how) => Promise.all(odd.map((o) => look(o.region, how)))));
  return settleOddNumbers(read, odd, looks).extraction;
}

/**
 * A field the bill lacks whose label OCR read alone on its line: the line right of the label is
 * read again on its own, and the field taken from that reading (bare-labels.ts).
 */
async function lookBesideBareLabels(
  pages: PageWords[],
  read: Extraction,
  look: LookAgain,
  profile: CarrierProfile | null | undefined,
): Promise<Extraction> {
  const regions = bareLabelRegions(pages, read);
  if (!regions.length) return read;
  const reads = await Promise.all(regions.map((r) => look(r, BARE_LABEL_LOOK)));
  const again = withLooks(pages, regions, reads);
  return withBareLabelValues(
    read,
    regions,
    applyLearned(again, extractBill(again), profile ? [profile] : []).extraction,
  );
}

/**
 * An OCR'd name line with print beside its words that no word covers: the line is read again
 * on its own, and the bill re-read with its words (cut-name.ts keeps a name that carries the
 * first on). One crop per bill at most, and only where ink was left unread.
 */
async function lookAtCutName(
  pages: PageWords[],
  read: Extraction,
  look: LookAgain,
  inkBeside: InkBeside,
  profiles: readonly CarrierProfile[],
): Promise<Extraction> {
  for (const line of nameLines(pages, read)) {
    const words = pages.find((p) => p.page === line.page)?.words ?? [];
    const ink = inkBeside(line, words);
    if (!ink) continue;
    const region = cutNameRegion(line, ink);
    const again = withLooks(pages, [region], [await look(region, CUT_NAME_LOOK)]);
    return settleCutName(read, applyLearned(again, extractBill(again), profiles).extraction);
  }
  return read;
}
