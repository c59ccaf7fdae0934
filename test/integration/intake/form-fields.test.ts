// A bill filled into a PDF form and saved unflattened: the captions are the page's content, the
// values live in the form's field widgets. Intake read such a bill as its carrier name and nothing
// else; the filled fields are read where their widgets show them. Built here with pdf-lib.
import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts, TextAlignment } from 'pdf-lib';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { pdfTextWords } from '../../../electron/desk/intake/pdf-text';

async function filledForm(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([612, 792]);
  const form = doc.getForm();
  const field = (name: string, value: string, x: number, y: number, w: number, h: number) => {
    const f = form.createTextField(name);
    f.setText(value);
    f.addToPage(page, { x, y, width: w, height: h, font, borderWidth: 0.5 });
    f.enableReadOnly();
    return f;
  };
  page.drawText('Harrier Telephone Company', { x: 50, y: 740, size: 16, font: bold });
  page.drawText('Monthly Statement', { x: 50, y: 722, size: 10, font });
  const captions = ['Account Number', 'Billing Telephone Number', 'Bill Date', 'Customer Name'];
  captions.forEach((c, i) => page.drawText(c, { x: 50, y: 690 - i * 28, size: 9, font }));
  // the account number in a comb of one-digit cells
  const acct = form.createTextField('acct');
  acct.setMaxLength(12);
  acct.enableCombing();
  acct.setText('877310510044');
  acct.addToPage(page, { x: 200, y: 684, width: 216, height: 18, font, borderWidth: 0.5 });
  field('btn', '(312) 555-0147', 200, 656, 200, 18);
  field('date', 'March 14, 2025', 200, 628, 200, 18);
  field('name', 'Hollis Law Offices PLLC', 200, 600, 260, 18);
  page.drawText('Service Address', { x: 50, y: 566, size: 9, font });
  const addr = form.createTextField('addr');
  addr.enableMultiline();
  addr.setText('77 W Lake St Apt 4B\nChicago, IL 60601');
  addr.addToPage(page, { x: 200, y: 530, width: 260, height: 44, font, borderWidth: 0.5 });
  addr.setFontSize(10);
  const due = field('due', '$412.18', 400, 490, 120, 18);
  due.setAlignment(TextAlignment.Right);
  page.drawText('Amount Due', { x: 50, y: 496, size: 9, font });
  page.drawText('Your lines', { x: 50, y: 450, size: 11, font: bold });
  ['312-555-0147', '312-555-0148', '312-555-0190'].forEach((n, i) =>
    field(`line${i}`, n, 50, 424 - i * 22, 140, 18),
  );
  // a value the page's content draws too, inside its widget: read once
  page.drawText('312-555-0191', { x: 54, y: 364 - 2 * 22 + 5, size: 10, font });
  field('line3', '312-555-0191', 50, 358 - 2 * 22, 140, 18);
  // a hidden field: a clerk's scratch value no reader sees
  const scratch = field('scratch', '312-555-0999', 300, 424, 140, 18);
  scratch.acroField.dict.set(doc.context.obj('F'), doc.context.obj(2));
  scratch.acroField.getWidgets()[0]!.dict.set(doc.context.obj('F'), doc.context.obj(2));
  return doc.save();
}

describe('a bill filled into a PDF form and not flattened', () => {
  it('reads the values the form’s fields show, once each, and not a hidden field', async () => {
    const bytes = await filledForm();
    const [page] = await pdfTextWords(bytes);
    const texts = page!.words.map((w) => w.text);
    expect(texts).toContain('877310510044');
    expect(texts.filter((t) => t === '312-555-0191')).toHaveLength(1);
    expect(texts).not.toContain('312-555-0999');
    // a field's words sit on its caption's line
    const caption = page!.words.find((w) => w.text === 'Bill')!;
    const value = page!.words.find((w) => w.text === 'March')!;
    expect(Math.abs((caption.y0 + caption.y1) / 2 - (value.y0 + value.y1) / 2)).toBeLessThan(4);

    const res = await intakeBill(bytes, { name: 'filled-form.pdf' });
    expect(res.pages[0]!.source).toBe('text');
    const f = res.extraction.fields;
    expect(f.accountNumber).toBe('877310510044');
    expect(f.btn).toBe('3125550147');
    expect(f.billDate).toBe('2025-03-14');
    expect(f.accountName).toBe('Hollis Law Offices PLLC');
    expect(f.serviceAddress).toMatchObject({
      line1: '77 W Lake St',
      line2: 'Apt 4B',
      city: 'Chicago',
      state: 'IL',
      zip: '60601',
    });
    expect(new Set(f.numbers)).toEqual(new Set(['3125550147', '3125550148', '3125550190', '3125550191']));
  });
});
