// The `form-pdf` rendition: a bill filled into a PDF form by a billing portal or a small carrier's
// office and saved unflattened. The captions and the layout are the page's content; the values
// (every string holding a digit, and the account name) are text fields whose widgets show them
// where the template drew them. A reader of the page's content alone finds captions and nothing else.
import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib';
import type { Bill } from './model';

/** pdf-lib lays a one-line field's text this far in from the widget's left edge. */
const INSET = 2;

/** The strings of bill `b` that are values of the form: anything with a digit, and the account's name. */
export function formValues(b: Bill): (s: string) => boolean {
  const names = new Set([b.accountName, ...(b.nameLines ?? [])].map((n) => n.toLowerCase()));
  return (s) => /\d/.test(s) || names.has(s.trim().toLowerCase());
}

/** `s` as a read-only text field whose widget shows it at (x, baseline) in size `size`. */
export function fillField(
  pdf: PDFDocument,
  page: PDFPage,
  s: string,
  x: number,
  baseline: number,
  w: number,
  size: number,
  font: PDFFont,
  color: RGB,
): void {
  const form = pdf.getForm();
  const field = form.createTextField(`value${form.getFields().length + 1}`);
  field.setText(s);
  const h = size * 1.25;
  // pdf-lib centres a one-line field's text in its height: the widget's middle sits about a
  // third of the size above the baseline
  field.addToPage(page, {
    x: x - INSET,
    y: baseline + size * 0.32 - h / 2,
    width: w + 2 * INSET + 1,
    height: h,
    font,
    textColor: color,
    borderWidth: 0,
    // the key present and empty: pdf-lib paints a white box behind a field whose options lack it
    backgroundColor: undefined,
    borderColor: undefined,
  });
  field.setFontSize(size);
  field.enableReadOnly();
}
