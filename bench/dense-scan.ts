// A dense multi-page scanned bill for the intake bench: one carrier bill (a make-bills template
// with 300 lines) with enough lines to fill several pages with 40+ numbers each, rendered the
// way make-bills renders a multi-page scan (200 dpi, skew, blur, noise, heavy JPEG).
// `npx tsx bench/dense-scan.ts <out.pdf> [lines]` writes it and its truth beside it.
import fs from 'node:fs';
import { Doc } from '../scripts/make-bills/draw';
import { makeBill, truthOf } from '../scripts/make-bills/model';
import { renderRendition } from '../scripts/make-bills/render';
import { Rng } from '../scripts/make-bills/rng';
import { TEMPLATES } from '../scripts/make-bills/templates/index';

export interface DenseScan {
  pdf: Uint8Array;
  pages: number;
  numbers: number;
}

export async function denseScan(lines = 300, seed = 1717, template = 'harbor-telecom'): Promise<DenseScan> {
  const t = TEMPLATES.find((x) => x.id === template);
  if (!t) throw new Error(`no make-bills template ${template}`);
  const r = new Rng(seed);
  const bill = makeBill(r.fork(1), {
    id: 'dense',
    template: t.id,
    carrier: t.carrier,
    kind: t.kind,
    acctStyle: t.acctStyle,
    acctPrefix: t.acctPrefix ?? 'AC',
    businessShare: 1,
    lineRange: [lines, lines],
    disconnectedShare: t.disconnectedShare,
    remit: t.remit,
  });
  const doc = await Doc.create(t.family, t.alt, `${t.carrier} statement`, t.carrier);
  t.draw(doc, bill, r.fork(2));
  const text = await doc.save();
  const made = await renderRendition('scan-pdf', text, doc.pages.length, r.fork(4));
  return { pdf: made.data, pages: made.pages ?? doc.pages.length, numbers: truthOf(bill).numbers.length };
}

if (process.argv[1] && /dense-scan\.ts$/.test(process.argv[1])) {
  const out = process.argv[2] ?? 'dense.pdf';
  const d = await denseScan(Number(process.argv[3] ?? 300), 1717, process.argv[4] ?? 'harbor-telecom');
  fs.writeFileSync(out, d.pdf);
  console.log(`${out}: ${d.pages} pages, ${d.numbers} numbers, ${(d.pdf.length / 1024).toFixed(0)} KB`);
}
