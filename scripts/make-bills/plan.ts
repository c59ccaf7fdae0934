// Which rendition each bill gets: the renditions the generator knows, and the cycle that deals them.
import { PRODUCER_RENDITIONS } from './producers';

/** Renditions of paper, the default; a phone-screen template's bills are screenshots (or photos of the screen) whatever is asked. */
export const PAPER = ['text-pdf', 'scan-pdf', 'photo', 'scan-rot90', 'fax-tiff', 'mixed-pdf'] as const;
/**
 * Opt-in renditions, never in the default set (so existing seeds give the files they gave):
 * two bill pages side by side on each landscape sheet, as a copier's "2 pages per sheet" prints
 * them. `two-up-pdf` takes the cycle's text slots and `two-up-scan` its picture slots when the
 * plain renditions of those slots are not asked for.
 */
export const TWO_UP = ['two-up-pdf', 'two-up-scan'] as const;
/**
 * Opt-in: a scan turned a quarter clockwise (`scan-turn90`) or three quarters (`scan-turn270`)
 * every time, where `scan-rot90` draws which. They draw what `scan-rot90` draws, so one seed
 * gives the same scans both ways round: a set to measure each turn on, template by template.
 */
export const TURNED = ['scan-turn90', 'scan-turn270'] as const;
/**
 * Opt-in: a scan as an e-fax service delivers it, its header line ("Fax from: … Pg: 1/2") written
 * over the scanned page as real text. It takes the cycle's scan and photo slots when the plain
 * renditions of those slots are not asked for.
 */
export const EFAX = ['efax-pdf'] as const;
/**
 * Opt-in: a text PDF as a print-stream converter writes it, every font an embedded subset without
 * a ToUnicode map (unmapped-fonts.ts): it looks like `text-pdf`, but its text layer is glyph ids.
 * It takes the cycle's text slots when `text-pdf` is not asked for.
 */
export const CID = ['cid-pdf'] as const;
/**
 * Opt-in: a text PDF filled into a form and saved unflattened (form-fill.ts): the captions are
 * the page's content, the values are form fields' widgets. It takes the cycle's text slots when
 * neither `text-pdf` nor `cid-pdf` is asked for.
 */
export const FORM = ['form-pdf'] as const;
/**
 * Opt-in: text PDFs as other PDF writers write their text layer (producers.ts): every glyph
 * placed on its own with no spaces, the strings drawn out of reading order, typographic Unicode,
 * text styled with the text state (overstrike, letter spacing, condensed type, small caps).
 * Each takes the cycle's text slots when none of `text-pdf`, `cid-pdf`, `form-pdf` is asked for;
 * several named take turns by pairs of bills (and the picture slots too when no picture rendition is named).
 */
export const PRODUCER = PRODUCER_RENDITIONS;
/**
 * Opt-in: a text PDF whose pages carry a /Rotate, their content drawn turned back
 * (turned-pages.ts). Dealt in turn with the producer renditions.
 */
export const ROTATED = ['rotate-pdf'] as const;
export const RENDITIONS = [
  ...PAPER,
  'screenshot',
  'screen-photo',
  ...TWO_UP,
  ...TURNED,
  ...EFAX,
  ...CID,
  ...FORM,
  ...PRODUCER,
  ...ROTATED,
] as const;
export type Rendition = (typeof RENDITIONS)[number];

// A fixed cycle: half text PDFs (cheap, exact), 30% scans, 20% photos, plus one each of the odd
// intake cases. Text and picture slots alternate, so that a template's next pass over the cycle
// (one slot on, see index.ts) meets a picture where it met a text PDF and the other way round.
const CYCLE: Rendition[] = [
  'text-pdf',
  'scan-pdf',
  'text-pdf',
  'photo',
  'text-pdf',
  'scan-pdf',
  'text-pdf',
  'scan-pdf',
  'text-pdf',
  'photo',
];
/**
 * Rotation 1's cycle (the committed sets'): bill i takes slot i, with its template. It differs
 * only in its last two slots, which it had the other way round.
 */
const CYCLE_1: Rendition[] = [...CYCLE.slice(0, 8), 'photo', 'text-pdf'];

/** Bill i's rendition, on slot `slot` of the cycle, from the renditions `allowed`. */
export function renditionFor(
  i: number,
  slot: number,
  allowed: readonly string[],
  rotation: 1 | 2,
): Rendition {
  if (i === 5 && allowed.includes('scan-rot90')) return 'scan-rot90';
  if (i === 11 && allowed.includes('fax-tiff')) return 'fax-tiff';
  const cycle = rotation === 1 ? CYCLE_1 : CYCLE;
  const pick = cycle[slot % cycle.length]!;
  if (allowed.includes(pick)) return pick;
  // two-up stands in for the slot's plain rendition (text for text, scan for scan or photo)
  const twoUp = pick === 'text-pdf' ? 'two-up-pdf' : 'two-up-scan';
  if (allowed.includes(twoUp)) return twoUp;
  if (pick !== 'text-pdf' && allowed.includes('efax-pdf')) return 'efax-pdf';
  if (pick === 'text-pdf' && allowed.includes('cid-pdf')) return 'cid-pdf';
  if (pick === 'text-pdf' && allowed.includes('form-pdf')) return 'form-pdf';
  // several producers take turns: by pairs of bills, so text slots (every other bill) meet each;
  // named with no picture rendition, they take the picture slots too
  const producers = [...PRODUCER, ...ROTATED].filter((r) => allowed.includes(r));
  const pictures = allowed.some(
    (r) => (RENDITIONS as readonly string[]).includes(r) && !producers.includes(r as never),
  );
  if (producers.length && (pick === 'text-pdf' || !pictures))
    return producers[Math.floor(i / 2) % producers.length]!;
  // A set of scans or photos only (`--renditions scan-pdf`) is all scans or photos: a held-out
  // OCR set over every template must not fall back to text PDFs for the cycle's other slots.
  if (allowed.includes('text-pdf')) return 'text-pdf';
  const inCycle = allowed.find(
    (r) => CYCLE.includes(r as Rendition) || (TWO_UP as readonly string[]).includes(r),
  );
  if (inCycle) return inCycle as Rendition;
  // Nor a set of renditions outside the cycle (`--renditions scan-rot90`): all but bill 6 were
  // text PDFs. (Looked for last, so every list that found a rendition before finds the same.)
  const other = allowed.find((r) => (RENDITIONS as readonly string[]).includes(r) && !r.startsWith('screen'));
  return (other as Rendition | undefined) ?? 'text-pdf';
}
