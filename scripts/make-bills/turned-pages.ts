// The `rotate-pdf` rendition: pages that carry a /Rotate and whose content is drawn turned the
// other way, so a viewer shows them upright. Scanner software, imposition tools and some
// billing systems write landscape media with portrait content (or the reverse): the page looks
// like `text-pdf`, but its text runs, in the page's own space, go up or down or right to left.
import {
  PDFContentStream,
  PDFDocument,
  concatTransformationMatrix,
  degrees,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import type { Rng } from './rng';

/** `pdf` with every page turned by one /Rotate (90, 180 or 270, from `r`) and its content turned back. */
export async function turnedPages(
  pdf: Uint8Array,
  r: Rng,
): Promise<{ data: Uint8Array; render: Record<string, number> }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const rotate = r.pick([90, 180, 270] as const);
  for (const page of doc.getPages()) {
    const { width: W, height: H } = page.getSize();
    // the content turned against the viewer's turn: /Rotate 90 shows the page a quarter
    // clockwise, so the content is drawn a quarter anticlockwise on media W and H swapped
    const m: [number, number, number, number, number, number] =
      rotate === 90 ? [0, 1, -1, 0, H, 0] : rotate === 270 ? [0, -1, 1, 0, 0, W] : [-1, 0, 0, -1, W, H];
    page.node.normalize();
    const start = PDFContentStream.of(doc.context.obj({}), [
      pushGraphicsState(),
      concatTransformationMatrix(...m),
    ]);
    const end = PDFContentStream.of(doc.context.obj({}), [popGraphicsState()]);
    page.node.wrapContentStreams(doc.context.register(start), doc.context.register(end));
    if (rotate !== 180) page.setSize(H, W);
    page.setRotation(degrees(rotate));
  }
  return { data: await doc.save({ useObjectStreams: false }), render: { pageRotate: rotate } };
}
