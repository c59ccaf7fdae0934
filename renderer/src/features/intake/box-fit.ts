// Whether the found fields' outlines can be laid on the page picture the viewer shows. Boxes are
// in points on the page as it was read (turned, for a page the OCR turned); drawn over a picture
// of another shape, or over pixels whose size in points is unknown, every one would be misplaced,
// and an agent trusts an outline more than a missing one.
import type { ExtractionPage } from '../../../../shared/domain';

export type Outlines = { draw: true } | { draw: false; why: 'no-record' | 'shape' };

/** Picture and record agree in shape (2% slack for rounding to whole pixels). */
export function fits(info: ExtractionPage, width: number, height: number): boolean {
  const want = info.width / info.height;
  return Math.abs(width / height - want) <= want * 0.02;
}

/**
 * `known`: the extraction's page records (empty for bills read before they were kept); `shown`:
 * the picture on screen (points for a PDF canvas, pixels for an image page).
 */
export function outlines(
  known: ExtractionPage[],
  page: number,
  shown: { width: number; height: number },
  isPdf: boolean,
): Outlines {
  const info = known.find((p) => p.page === page);
  if (info) return fits(info, shown.width, shown.height) ? { draw: true } : { draw: false, why: 'shape' };
  // A PDF's text layer is in the page's own points, so an old PDF extraction still fits; an
  // image's points cannot be matched to its pixels without the record.
  return isPdf && known.length === 0 ? { draw: true } : { draw: false, why: 'no-record' };
}
