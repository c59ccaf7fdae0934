// A flattened photo is read and its fields found on the flat sheet (straight lines, true sizes),
// but the agent sees the photo itself: the words, the fields' boxes and the page sizes go back
// onto it here, each box as the upright box around its four corners' places on the photo.
import type { Box, Extraction, ExtractionPage, FieldMeta, PageWords, Word } from '../../../shared/domain';
import type { PageView } from './pipeline';
import { round2 } from './round';

type Rect = Pick<Box, 'x0' | 'y0' | 'x1' | 'y1'>;

function onView(view: PageView, r: Rect): Rect {
  const corners = [
    view.toView(r.x0, r.y0),
    view.toView(r.x1, r.y0),
    view.toView(r.x1, r.y1),
    view.toView(r.x0, r.y1),
  ];
  const xs = corners.map((p) => p.x);
  const ys = corners.map((p) => p.y);
  return {
    x0: round2(Math.min(...xs)),
    y0: round2(Math.min(...ys)),
    x1: round2(Math.max(...xs)),
    y1: round2(Math.max(...ys)),
  };
}

/** The pages and the extraction as the viewer shows them: flattened photos' pages on their photos. */
export function onViews<X extends Extraction & { pages: ExtractionPage[] }>(
  pages: PageWords[],
  extraction: X,
  views: Record<number, PageView> | undefined,
): { pages: PageWords[]; extraction: X } {
  if (!views || !Object.keys(views).length) return { pages, extraction };
  const meta = (m: FieldMeta): FieldMeta => ({
    ...m,
    boxes: m.boxes.map((b) => {
      const view = views[b.page];
      return view ? { ...b, ...onView(view, b) } : b;
    }),
  });
  const mapMetas = (r: Record<string, FieldMeta>) =>
    Object.fromEntries(Object.entries(r).map(([k, m]) => [k, meta(m)]));
  return {
    pages: pages.map((p) => {
      const view = views[p.page];
      if (!view) return p;
      const words: Word[] = p.words.map((w) => ({ ...w, ...onView(view, w) }));
      return { ...p, width: view.width, height: view.height, words };
    }),
    extraction: {
      ...extraction,
      meta: mapMetas(extraction.meta),
      numberMeta: mapMetas(extraction.numberMeta ?? {}),
      pages: extraction.pages.map((p) => {
        const view = views[p.page];
        return view ? { ...p, width: round2(view.width), height: round2(view.height) } : p;
      }),
    },
  };
}
