// The print vendor's marks on a mailed bill: a carrier's billing system hands its statements to a
// print-and-mail workflow (Doxim, CSG, an Exstream composition) that adds what the Postal Service
// and its own inserters need. An opt-in overlay (index.ts --mailpiece), drawn on any template's
// pages before the rendition, from a stream of its own:
// - an Intelligent Mail barcode (65 bars in four states) by the mailing address; on some bills
//   the barcode font's letters (A D F T) sit in the text layer, on some the tracking digits are
//   printed under it;
// - the presort endorsement / sequence line above the recipient, and an ancillary service
//   endorsement (RETURN SERVICE REQUESTED);
// - OMR dashes in the left margin that tell the inserter how many sheets to fold, and a small 2D
//   code square;
// - a job slug (job name, run date and time, page sequence, a 10-digit batch id) in the bleed
//   outside the crop box: in the text layer, seen by no viewer.
// Nothing here is a fact of the account: the truth is unchanged.
import {
  PDFDocument,
  StandardFonts,
  TextRenderingMode,
  beginText,
  endText,
  setFontAndSize,
  setTextRenderingMode,
  showText,
  moveText,
  popGraphicsState,
  pushGraphicsState,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import { BLACK, type Doc, type Drawn } from './draw';
import { MON, addDays, type Bill } from './model';
import type { Rng } from './rng';
import { embedUnmapped } from './unmapped-fonts';

export interface Slug {
  job: string;
  /** the print run's date (ISO) and time: never the bill date */
  runDate: string;
  runTime: string;
  dateStyle: number;
  /** a 10-digit batch id that reads like a phone number: never on the account */
  batch: string;
  batchLabel: string;
  seqStart: number;
  bleed: number;
}

export interface Mailpiece {
  kinds: string[];
  presort?: string[];
  endorsement?: string;
  /** the barcode's letters are in the text layer, as a barcode font leaves them */
  imbLetters?: boolean;
  /** the tracking digits printed under the barcode */
  imbDigits?: string;
  slug: Slug;
}

interface Box {
  x: number;
  y: number; // top, from the top of the page
  w: number;
  h: number;
}
const boxOf = (d: Drawn): Box => ({ x: d.x, y: d.y - d.size * 0.85, w: d.w, h: d.size * 1.1 });
const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const pad = (n: number, k: number): string => String(n).padStart(k, '0');

/** The mailing block on page 1: the strings at the street line's left edge, one under another. */
function mailingBlock(doc: Doc, b: Bill): Box | null {
  const street = squash(b.mailing.line1);
  const first = doc.drawn
    .filter((d) => d.page === 0 && street.length > 3 && squash(d.s).startsWith(street))
    .sort((a, c) => a.y - c.y)[0];
  if (!first) return null;
  const col = doc.drawn
    .filter((d) => d.page === 0 && Math.abs(d.x - first.x) < 1.5)
    .sort((a, c) => a.y - c.y);
  let top = first;
  let bottom = first;
  for (let k = col.indexOf(first) - 1; k >= 0 && top.y - col[k]!.y < top.size * 1.9; k--) top = col[k]!;
  for (let k = col.indexOf(first) + 1; k < col.length && col[k]!.y - bottom.y < bottom.size * 1.9; k++)
    bottom = col[k]!;
  const inBlock = col.filter((d) => d.y >= top.y && d.y <= bottom.y);
  return {
    x: first.x,
    y: top.y - top.size,
    w: Math.max(...inBlock.map((d) => d.w)),
    h: bottom.y - top.y + top.size * 1.3,
  };
}

const PRESORT: ((zip: string, r: Rng) => string)[] = [
  (z, r) =>
    `*****AUTO**5-DIGIT ${z}${r.chance(0.5) ? '' : ` ${r.int(1000, 9999)} ${r.int(1, 9)} SP 0.${r.int(400, 699)}`}`,
  (z) => `**********ALL FOR AADC ${z.slice(0, 3)}`,
  (z, r) => `*****AUTO**SCH 3-DIGIT ${z.slice(0, 3)}${r.chance(0.5) ? '' : ` C0${r.int(10, 99)}`}`,
  (_, r) => `*******************ECRLOT **C0${r.int(10, 99)}`,
  (z, r) => `ECRLOT ${z} C0${r.int(10, 99)} ${r.int(1, 999)}`,
  (_, r) => `T${r.int(1, 40)} P${r.int(1, 9)} ${r.int(1000, 9999)}`,
  (_, r) => `${pad(r.int(1, 99999), 7)} ${pad(r.int(1, 30), 2)} AV 0.${r.int(380, 520)}`,
  (_, r) =>
    `#B${['W', 'X', 'Y', 'Z'][r.int(0, 3)]}NFTDF #${pad(r.int(0, 9999), 4)} ${pad(r.int(0, 9999), 4)}#`,
];
const ENDORSEMENTS = [
  'RETURN SERVICE REQUESTED',
  'ADDRESS SERVICE REQUESTED',
  'ELECTRONIC SERVICE REQUESTED',
];

/** The tracking code and routing ZIP: barcode id, service type, mailer id, serial, ZIP(+4)(+delivery point). */
function imbDigits(b: Bill, r: Rng): string {
  const longMid = r.chance(0.3);
  const id = `0${r.int(0, 4)}`;
  const stid = r.pick(['270', '271', '300', '301', '040', '700']);
  const mid = longMid ? `9${r.digits(8)}` : `${r.int(1, 8)}${r.digits(5)}`;
  const serial = r.digits(longMid ? 6 : 9);
  const zip = b.mailing.zip.replace(/\D/g, '');
  const routing = r.pick(['', zip.slice(0, 5), zip.length >= 9 ? zip : `${zip.slice(0, 5)}${r.digits(4)}`]);
  const route = routing.length === 9 && r.chance(0.5) ? routing + r.digits(2) : routing;
  const all = [id, stid, mid, serial, route].filter(Boolean);
  return r.pick([all.join(''), all.join(' '), `${all.slice(0, 4).join('')} ${route}`.trim()]);
}

/** 65 bars, each full, ascender, descender or tracker, drawn as rectangles; their letters invisible, on some bills. */
function drawImb(
  page: PDFPage,
  font: PDFFont,
  x: number,
  yTop: number,
  scale: number,
  letters: string,
  asText: boolean,
): void {
  const H = page.getHeight();
  const pitch = 3.3 * scale;
  const barW = 1.44 * scale;
  const full = 10.4 * scale;
  const track = 3.6 * scale;
  const mid = yTop + full / 2; // the tracker's centre, from the top
  for (let k = 0; k < 65; k++) {
    const c = letters[k]!;
    const up = c === 'F' || c === 'A' ? full / 2 : track / 2;
    const down = c === 'F' || c === 'D' ? full / 2 : track / 2;
    page.drawRectangle({
      x: x + k * pitch,
      y: H - (mid + down),
      width: barW,
      height: up + down,
      color: BLACK,
    });
  }
  if (!asText) return;
  // a barcode font's glyphs are the bars: its text is the letters, across the barcode's width
  const size = (65 * pitch) / font.widthOfTextAtSize(letters, 1);
  const key = page.node.newFontDictionary(font.name, font.ref);
  page.pushOperators(
    pushGraphicsState(),
    beginText(),
    setFontAndSize(key, size),
    setTextRenderingMode(TextRenderingMode.Invisible),
    moveText(x, H - (yTop + full * 0.8)),
    showText(font.encodeText(letters)),
    endText(),
    popGraphicsState(),
  );
}

/** A 2D code's square: a finder L on two sides, a clock pattern on the others, noise inside. */
function drawCode(page: PDFPage, x: number, yTop: number, n: number, cell: number, r: Rng): void {
  const H = page.getHeight();
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const on =
        i === 0 || j === n - 1 ? true : j === 0 ? i % 2 === 0 : i === n - 1 ? j % 2 === 1 : r.chance(0.5);
      if (on)
        page.drawRectangle({
          x: x + i * cell,
          y: H - (yTop + (j + 1) * cell),
          width: cell,
          height: cell,
          color: BLACK,
        });
    }
}

export function drawMailpiece(doc: Doc, b: Bill, r: Rng): Mailpiece {
  const page = doc.pages[0]!;
  const W = page.getWidth();
  const H = page.getHeight();
  const taken = doc.drawn.filter((d) => d.page === 0).map(boxOf);
  const free = (c: Box): boolean =>
    c.x > 4 &&
    c.x + c.w < W - 4 &&
    c.y > 4 &&
    c.y + c.h < H - 4 &&
    !taken.some((t) => overlaps(c, { x: t.x - 3, y: t.y - 2, w: t.w + 6, h: t.h + 4 }));
  const out: Mailpiece = { kinds: [], slug: slugOf(b, r) };
  const mono = doc.standardFont(StandardFonts.Courier);
  const font = r.chance(0.5) ? mono : doc.fonts.reg;
  const size = r.float(6.5, 8);
  const block = mailingBlock(doc, b);
  // where the window shows the address: the block, or the window's usual place on a letter page
  const anchor: Box = block ?? { x: r.float(60, 80), y: r.float(150, 175), w: 200, h: 40 };
  const write = (s: string, x: number, y: number): void => {
    page.drawText(s, { x, y: H - y, size, font, color: BLACK });
    taken.push({ x, y: y - size * 0.85, w: font.widthOfTextAtSize(s, size), h: size * 1.1 });
  };
  // 1. the barcode, the presort line(s) and the endorsement, stacked up from the recipient's
  // first line as a window shows them (endorsement, presort, barcode, name); what finds no room
  // there goes where a vendor's composition puts it instead (the barcode under the block)
  const scale = r.float(0.85, 1);
  const imbW = 65 * 3.3 * scale;
  const imbH = 10.4 * scale;
  const letters = Array.from({ length: 65 }, () => r.pick(['A', 'D', 'F', 'T'])).join('');
  const asText = r.chance(0.5);
  const digits = r.chance(0.4) ? imbDigits(b, r) : null;
  const digitsH = digits ? size + 2 : 0;
  const zip = b.mailing.zip.replace(/\D/g, '').slice(0, 5);
  const lines = r
    .shuffle(PRESORT)
    .slice(0, r.chance(0.35) ? 2 : 1)
    .map((f) => f(zip, r));
  const endorsement = r.chance(0.7) ? r.pick(ENDORSEMENTS) : null;
  const imbAbove = r.chance(0.6);
  const lh = size * 1.25;
  let top = anchor.y - 2; // the stack's top so far
  const imbBox = (x: number, y: number): Box => ({ x, y, w: imbW, h: imbH + digitsH + 2 });
  const placeImb = (spot: Box): void => {
    out.kinds.push('imb');
    drawImb(page, doc.fonts.reg, spot.x, spot.y, scale, letters, asText);
    taken.push(spot);
    if (asText) out.imbLetters = true;
    if (digits) {
      write(digits, spot.x, spot.y + imbH + size + 1);
      out.imbDigits = digits;
    }
  };
  let imbDone = false;
  if (imbAbove) {
    const spot = imbBox(anchor.x, top - imbH - digitsH - 4);
    if (free(spot)) {
      placeImb(spot);
      imbDone = true;
      top = spot.y - 1;
    }
  }
  const placed: string[] = [];
  for (const s of [...lines].reverse()) {
    const box: Box = { x: anchor.x, y: top - lh, w: font.widthOfTextAtSize(s, size), h: lh };
    if (!free(box)) break;
    write(s, anchor.x, top - size * 0.3);
    placed.unshift(s);
    top -= lh;
  }
  if (placed.length) {
    out.kinds.push('presort');
    out.presort = placed;
  }
  if (!imbDone)
    for (const spot of [
      imbBox(anchor.x, top - imbH - digitsH - 4),
      imbBox(anchor.x, anchor.y + anchor.h + 3),
      imbBox(anchor.x + anchor.w + 16, anchor.y),
    ])
      if (free(spot)) {
        placeImb(spot);
        if (spot.y < top) top = spot.y - 1;
        break;
      }
  if (endorsement) {
    const w = font.widthOfTextAtSize(endorsement, size);
    // over the stack, or the top of the page's left half, under the return address
    const spots: Box[] = [{ x: anchor.x, y: top - lh - 2, w, h: lh }];
    for (let y = 40; y < H * 0.3; y += 6) spots.push({ x: anchor.x, y, w, h: lh }, { x: 40, y, w, h: lh });
    const spot = spots.find(free);
    if (spot) {
      write(endorsement, spot.x, spot.y + size);
      out.kinds.push('endorsement');
      out.endorsement = endorsement;
    }
  }
  // 3. OMR dashes in the left margin: the inserter's marks, one per sheet position
  const omrX = r.float(6, 12);
  const omrW = r.float(14, 22);
  const marks = r.int(3, 8);
  const gap = r.float(10, 14);
  const omrTop = r.float(H * 0.25, H * 0.5);
  const omr: Box = { x: omrX, y: omrTop, w: omrW, h: marks * gap };
  if (free(omr)) {
    out.kinds.push('omr');
    for (let k = 0; k < marks; k++)
      if (k === 0 || k === marks - 1 || r.chance(0.6))
        page.drawRectangle({
          x: omrX,
          y: H - (omrTop + k * gap + 2),
          width: omrW,
          height: r.float(1.6, 2.6),
          color: BLACK,
        });
    taken.push(omr);
  }
  // 4. the 2D code: a corner of the margin or under the OMR dashes
  const n = r.pick([12, 14, 16, 18]);
  const cell = r.float(1.5, 2.2);
  const side = n * cell;
  const codeSpots = r.shuffle<Box>([
    { x: omrX, y: omrTop + marks * gap + 14, w: side, h: side },
    { x: W - side - 14, y: 14, w: side, h: side },
    { x: 14, y: H - side - 14, w: side, h: side },
    { x: anchor.x + imbW + 12, y: anchor.y, w: side, h: side },
  ]);
  const code = codeSpots.find(free);
  if (code) {
    out.kinds.push('2d-code');
    drawCode(page, code.x, code.y, n, cell, r);
  }
  out.kinds.push('slug');
  return out;
}

const JOBS = ['DXM_STMT', 'CSG.BILL', 'EXSTRM-TEL', 'TLCM_INV', 'PRTMAIL.STMT', 'CCM_BILLRUN'];

function slugOf(b: Bill, r: Rng): Slug {
  // the run is a day or more after the statement's date: never the bill date itself
  const run = addDays(b.billDate, r.int(1, 5));
  // a ten-digit id that reads like a phone number, outside the account's own numbers: often
  // one of the account's own area code and exchange, like the lines on the bill
  const nums = new Set([
    ...b.lines.map((l) => l.num),
    ...b.disconnected,
    b.btn,
    b.office,
    b.repairLocal,
    b.fax,
  ]);
  const local = r.chance(0.6);
  let batch = '';
  do batch = local ? `${b.btn.slice(0, 6)}01${r.digits(2)}` : `${r.int(2, 9)}${r.digits(2)}555${r.digits(4)}`;
  while (nums.has(batch));
  return {
    job: `${r.pick(JOBS)}${r.chance(0.5) ? '_' : '.'}C${pad(r.int(1, 28), 2)}${String.fromCharCode(65 + r.int(0, 5))}`,
    runDate: run.toISOString().slice(0, 10),
    runTime: `${pad(r.int(0, 23), 2)}:${pad(r.int(0, 59), 2)}:${pad(r.int(0, 59), 2)}`,
    dateStyle: r.int(0, 2),
    batch,
    batchLabel: r.pick(['BATCH', 'JOB ID', 'BATCH#', 'RUN ID']),
    seqStart: r.int(1, 48000),
    bleed: r.pick([18, 24, 36]),
  };
}

function runStamp(s: Slug): string {
  const [y, m, d] = s.runDate.split('-') as [string, string, string];
  if (s.dateStyle === 0) return `${m}/${d}/${y} ${s.runTime}`;
  if (s.dateStyle === 1) return `${s.runDate} ${s.runTime.slice(0, 5)}`;
  return `${d}${MON[Number(m) - 1]!.toUpperCase()}${y.slice(2)} ${s.runTime.replace(/:/g, '').slice(0, 4)}`;
}

/**
 * Every page on media `bleed` points bigger each way, the crop box the page it was, and the job
 * slug printed in the bleed below it: in the text layer, outside what any viewer shows.
 */
export async function addSlug(pdf: Uint8Array, s: Slug, o: { unmapped?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  // a print-stream PDF (cid-pdf) sets its slug in its own embedded fonts, whose maps go with the rest
  const font = o.unmapped
    ? await embedUnmapped(doc, StandardFonts.Helvetica)
    : await doc.embedFont(StandardFonts.Helvetica);
  const pages = doc.getPages();
  pages.forEach((page, k) => {
    const { x, y, width, height } = page.getMediaBox();
    const bl = s.bleed;
    page.setMediaBox(x - bl, y - bl, width + 2 * bl, height + 2 * bl);
    page.setCropBox(x, y, width, height);
    page.setTrimBox(x, y, width, height);
    const text = `${s.job}  ${runStamp(s)}  SEQ ${pad(s.seqStart + k, 6)}  PG ${k + 1} OF ${pages.length}  ${s.batchLabel} ${s.batch}`;
    page.drawText(text, { x: x + 18, y: y - bl * 0.6, size: 6, font, color: BLACK });
    // crop marks at the corners, in the bleed
    for (const [cx, cy] of [
      [x, y],
      [x + width, y],
      [x, y + height],
      [x + width, y + height],
    ] as const) {
      const sx = cx === x ? -1 : 1;
      const sy = cy === y ? -1 : 1;
      page.drawLine({
        start: { x: cx + sx * 3, y: cy },
        end: { x: cx + sx * (bl - 2), y: cy },
        thickness: 0.3,
      });
      page.drawLine({
        start: { x: cx, y: cy + sy * 3 },
        end: { x: cx, y: cy + sy * (bl - 2) },
        thickness: 0.3,
      });
    }
  });
  return doc.save({ useObjectStreams: false });
}
