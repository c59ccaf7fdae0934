// Values typed into a PDF form's fields are not in the page's content: they live in the fields'
// widgets, drawn over the page by their own appearance streams. A bill filled in by a billing
// portal or a small carrier's office and saved unflattened shows its account number, dates and
// lines on screen and on paper, while the page's text holds only the captions (intake read such a
// bill as a carrier name and nothing else). Each filled text field becomes a run of text laid
// where its widget shows it, so the page reads as a reader sees it.
import type { PdfPage } from './pdf-text';

/** A run of text in PDF user space, shaped as pdfjs's text items are. */
export interface FieldRun {
  str: string;
  /** [size, 0, 0, size, x, baseline] */
  transform: number[];
  /** along the baseline, user space */
  width: number;
  height: number;
}

/** What pdfjs gives of a widget annotation (only what is read here). */
interface WidgetData {
  /** where the appearance stream's first text starts, from the widget's lower left corner */
  textPosition?: number[];
  subtype?: string;
  fieldType?: string;
  fieldValue?: unknown;
  textContent?: unknown;
  rect?: number[];
  hidden?: boolean;
  annotationFlags?: number;
  defaultAppearanceData?: { fontSize?: number; fontName?: string };
  textAlignment?: number | null;
  multiLine?: boolean;
  comb?: boolean;
  maxLen?: number;
  password?: boolean;
}

/** Annotation flags (PDF 32000 table 165): Hidden, NoView. */
const HIDDEN = 2;
const NO_VIEW = 32;
/** The inset of a field's text from its border, as viewers draw it. */
const PAD = 2;
/** The size a viewer picks for an auto-sized (size 0) one-line field: most of its height. */
const AUTO_SHARE = 0.7;
/** Courier's fixed pitch, in ems. */
const EM_FIXED = 0.6;

/**
 * A proportional font's advance for one character, in ems: Helvetica's widths by class (Times'
 * are within a tenth of them). A run's width decides where its words end and whether the next
 * run on the line is the same piece of text: "Repair 1-888-555-0123 Billing 479.555.0133"
 * read short enough to open gaps splits a carrier's contact line into a lone "Billing" number.
 */
function advance(c: string): number {
  if (/[0-9$#_]/.test(c)) return 0.556;
  if (/[ .,:;'!|/\\]/.test(c)) return 0.278;
  if (/[-()[\]{}]/.test(c)) return 0.333;
  if (/[mw]/.test(c)) return 0.833;
  if (/[fijlrt]/.test(c)) return 0.3;
  if (/[a-z]/.test(c)) return 0.556;
  if (/[MW%&@]/.test(c)) return 0.889;
  if (/[IJ]/.test(c)) return 0.4;
  if (/[A-Z]/.test(c)) return 0.69;
  return 0.584;
}

function runWidth(line: string, size: number, fixed: boolean): number {
  if (fixed) return line.length * size * EM_FIXED;
  let em = 0;
  for (const c of line) em += advance(c);
  return em * size;
}

/** The lines a filled text or choice field shows, or none. */
function shownLines(a: WidgetData): string[] {
  if (a.password) return [];
  // pdfjs reads the text its appearance stream draws; the value is the fallback
  const shown = Array.isArray(a.textContent)
    ? a.textContent.filter((s): s is string => typeof s === 'string')
    : [];
  const value = Array.isArray(a.fieldValue) ? a.fieldValue.join(' ') : a.fieldValue;
  const lines = shown.length ? shown : typeof value === 'string' ? value.split(/\r\n|\r|\n/) : [];
  return lines.map((l) => l.trim()).filter(Boolean);
}

function overlap(a: number[], b: number[]): boolean {
  return a[0]! < b[2]! && b[0]! < a[2]! && a[1]! < b[3]! && b[1]! < a[3]!;
}

/**
 * The runs the page's filled text fields show. A value the page's content already draws inside
 * the widget (a form flattened by hand, its widgets left behind) is not given twice.
 */
export async function formFieldRuns(page: PdfPage, content: readonly FieldRun[]): Promise<FieldRun[]> {
  let annots: WidgetData[];
  try {
    annots = (await page.getAnnotations({ intent: 'display' })) as WidgetData[];
  } catch {
    return []; // a damaged annotation array hides nothing the content shows
  }
  const runs: FieldRun[] = [];
  for (const a of annots) {
    if (a.subtype !== 'Widget' || (a.fieldType !== 'Tx' && a.fieldType !== 'Ch')) continue;
    if (a.hidden || ((a.annotationFlags ?? 0) & (HIDDEN | NO_VIEW)) !== 0) continue;
    const r = a.rect;
    if (!r || r.length !== 4 || !r.every(Number.isFinite)) continue;
    const [x0, y0, x1, y1] = [
      Math.min(r[0]!, r[2]!),
      Math.min(r[1]!, r[3]!),
      Math.max(r[0]!, r[2]!),
      Math.max(r[1]!, r[3]!),
    ];
    const lines = shownLines(a);
    if (!lines.length) continue;
    const already = content.some(
      (c) =>
        lines.some((l) => c.str.includes(l)) &&
        overlap(
          [c.transform[4]!, c.transform[5]!, c.transform[4]! + c.width, c.transform[5]! + c.height],
          [x0, y0, x1, y1],
        ),
    );
    if (already) continue;
    const h = y1 - y0;
    const w = x1 - x0;
    const daSize = a.defaultAppearanceData?.fontSize ?? 0;
    const multi = a.multiLine || lines.length > 1;
    const size = daSize > 0 ? Math.min(daSize, multi ? daSize : h * 0.85) : Math.min(h * AUTO_SHARE, 12);
    const fixed = /cour|mono/i.test(a.defaultAppearanceData?.fontName ?? '');
    // where the appearance draws its first line, when pdfjs found it there
    const tp = a.textPosition?.length === 2 && a.textPosition.every(Number.isFinite) ? a.textPosition : null;
    lines.forEach((line, k) => {
      // a comb field spreads its characters over its cells; others run at the font's pitch
      const runW =
        a.comb && a.maxLen ? (w * line.length) / a.maxLen : Math.min(runWidth(line, size, fixed), w);
      const x =
        a.comb || !a.textAlignment
          ? x0 + (a.comb ? 0 : tp && !multi ? tp[0]! : PAD)
          : a.textAlignment === 1
            ? (x0 + x1 - runW) / 2
            : x1 - PAD - runW;
      const baseline =
        tp && !multi
          ? y0 + tp[1]!
          : multi
            ? y1 - PAD - size * (0.8 + 1.15 * k)
            : y0 + (h - size) / 2 + size * 0.22;
      runs.push({ str: line, transform: [size, 0, 0, size, x, baseline], width: runW, height: size });
    });
  }
  return runs;
}
