// A label OCR read without its value. On a photo, bold figures printed right-aligned in a grey
// box ("Statement Date … 07/26/2024" on a Heron photo) can be skipped whole while the label
// beside them reads cleanly; the field is then not found at all. Where a field the bill lacks has
// a label standing alone on its line, the stretch of the line right of it is read again on its
// own (the intake does the reading), and the field is taken from that reading only if the first
// reading found none.
import type { Extraction, PageWords } from '../domain';
import { findLabels, type FieldKind } from './labels';
import { buildDoc } from './layout';
import type { LookHow, LookRegion } from './learn/second-look';

/** One line alone, twice the size: the stretch holds one value. */
export const BARE_LABEL_LOOK: LookHow = { psm: '7', zoom: 2 };

/** Fields whose value is printed beside its label on one line. */
const BESIDE: readonly FieldKind[] = ['accountNumber', 'billDate'];

/** How far right of its label a value is looked for, in line heights (a box's other edge). */
const REACH = 40;

/** At most this many stretches per bill: the look must stay cheap. */
const MAX = 4;

/**
 * The stretches right of labels of missing fields that stand alone on their line, on OCR'd pages
 * (page points, the original boxes): up to the next piece of the line or the reach.
 */
export function bareLabelRegions(pages: readonly PageWords[], x: Extraction): LookRegion[] {
  const missing = BESIDE.filter((f) => x.fields[f] === null);
  if (!missing.length || !pages.some((p) => p.source === 'ocr')) return [];
  const doc = buildDoc(pages.filter((p) => p.source === 'ocr'));
  const out: LookRegion[] = [];
  for (const line of doc.lines) {
    for (const hit of findLabels(line)) {
      const field = missing.find((f) => (hit.kinds[f] ?? 0) >= 1);
      // the label ends its piece of the line: nothing was read after it
      if (!field || hit.wordEnd < hit.seg.words.length) continue;
      const page = pages.find((p) => p.page === line.page)!;
      const boxes = hit.words.map((w) => w.box);
      const y0 = Math.min(...boxes.map((b) => b.y0));
      const y1 = Math.max(...boxes.map((b) => b.y1));
      const h = y1 - y0;
      const x0 = Math.max(...boxes.map((b) => b.x1)) + 0.3 * h;
      const next = line.segs.find((s) => s.index > hit.seg.index);
      const end = next ? next.words[0]!.box.x0 - 0.3 * h : x0 + REACH * h;
      const x1 = Math.min(page.width, end);
      if (x1 - x0 < 4 * h) continue;
      out.push({ field, page: line.page, x0, y0: y0 - 0.35 * h, x1, y1: y1 + 0.35 * h });
      if (out.length >= MAX) return out;
    }
  }
  return out;
}

/** The first reading with each missing field the looked-at bill found filled in. */
export function withBareLabelValues(
  first: Extraction,
  regions: readonly LookRegion[],
  again: Extraction,
): Extraction {
  let out = first;
  for (const field of new Set(regions.map((r) => r.field))) {
    if (field === 'serviceAddress' || first.fields[field] !== null || again.fields[field] === null) continue;
    const meta = again.meta[field];
    out = {
      ...out,
      fields: { ...out.fields, [field]: again.fields[field] },
      meta: meta ? { ...out.meta, [field]: meta } : out.meta,
    };
  }
  return out;
}
