// Sanity check of a generated set: every truth value must be printed in the bill's text layer
// (text PDFs only), so a generator bug can never produce an unanswerable fixture.
// npx tsx scripts/make-bills/check.ts [dir]
import fs from 'node:fs';
import path from 'node:path';

interface Rec {
  id: string;
  template: string;
  rendition: string;
  file: string;
  notes?: {
    didBlocks?: { first: string; count: number }[];
    faxHeaderFrom?: string;
    mailpiece?: { slug: { batch: string; runDate: string } };
  };
  truth: {
    accountName: string;
    accountNumber: string;
    btn: string;
    serviceAddress: { line1: string; line2: string | null; city: string; zip: string };
    billDate: string;
    numbers: string[];
  };
}

async function textOf(file: string): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(file)), verbosity: 0 }).promise;
  let s = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const c = await (await doc.getPage(i)).getTextContent();
    s += c.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join('') + '\n';
  }
  await doc.destroy();
  return s;
}

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// Quebec (Fleuve): "23 novembre 2024", the day without a leading zero
const MOIS = 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(
  ' ',
);
const MESES =
  'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre'.split(' ');
function dateForms(iso: string): string[] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const p = (n: number): string => String(n).padStart(2, '0');
  const mon = MON[m - 1]!;
  return [
    iso,
    `${mon} ${d}, ${y}`,
    `${p(m)}/${p(d)}/${y}`,
    `${p(m)}/${p(d)}/${String(y).slice(2)}`,
    `${mon.toUpperCase()} ${p(d)} ${y}`,
    // Canadian billing systems: year first with slashes, or day-month-year
    `${y}/${p(m)}/${p(d)}`,
    `${p(d)}-${mon}-${y}`,
    // DD-MON-YY, as an older billing system prints it (Sorrel)
    `${p(d)}-${mon.toUpperCase()}-${String(y).slice(2)}`,
    // MON DD YY, as an old ILEC's mainframe prints it (Bellwether)
    `${mon.toUpperCase()} ${p(d)} ${String(y).slice(2)}`,
    // MM-DD-YY, as a customer service record prints it (Tallgrass)
    `${p(m)}-${p(d)}-${String(y).slice(2)}`,
    // Spanish (Puerto Rico): in words, or day first
    `${d} de ${MESES[m - 1]} de ${y}`,
    `${d} ${MOIS[m - 1]} ${y}`,
    `${p(d)}/${p(m)}/${y}`,
    `${p(d)}-${MESES[m - 1]!.slice(0, 3)}-${y}`,
    new Date(iso).toLocaleDateString('en-US', {
      month: 'long',
      day: 'numeric',
      year: 'numeric',
      timeZone: 'UTC',
    }),
  ];
}

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2] ?? 'test/fixtures/bills');
  const recs = fs
    .readdirSync(path.join(dir, 'truth'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, 'truth', f), 'utf8')) as Rec);
  let bad = 0,
    checked = 0;
  for (const r of recs) {
    if (r.rendition !== 'text-pdf') continue;
    checked++;
    const text = await textOf(path.join(dir, r.file));
    const up = text.toUpperCase();
    const digits = text.replace(/\D/g, '');
    const t = r.truth;
    const problems: string[] = [];
    if (!up.includes(t.accountName.toUpperCase())) problems.push('accountName');
    // a bill that shows the account only masked (Sorrel) has none in its truth
    if (t.accountNumber != null && !up.includes(t.accountNumber.toUpperCase()))
      problems.push('accountNumber');
    // a CSR may print the street in split fields (SAPR 1420 /SASD N /SASN MAIN /SASS ST): every word printed
    const l1 = t.serviceAddress.line1.toUpperCase();
    if (!up.includes(l1) && !l1.split(' ').every((w) => up.includes(w)))
      problems.push('serviceAddress.line1');
    if (!up.includes(t.serviceAddress.zip)) problems.push('serviceAddress.zip');
    if (!dateForms(t.billDate).some((f) => text.includes(f))) problems.push('billDate');
    // a small telco (Kittiwake) prints a line by its last four under an exchange heading ("(618)
    // 555-" over "0147  0148"), in a hunt group ("Hunt group: 0100, 0101") or a list ("-0101"),
    // and a block by its ends ("555-0100 through -0119", "0100 through 0119"): the last four
    // printed on their own or inside a printed range, the area code and exchange printed too
    const fours = [...text.matchAll(/(\d{4})\s*(?:through|thru)\s*-?(\d{4})(?!\d)/g)];
    const short = (n: string): boolean =>
      r.template === 'kittiwake-telephone' &&
      digits.includes(n.slice(0, 3)) &&
      text.includes(n.slice(3, 6)) &&
      (new RegExp(`(?<!\\d)${n.slice(6)}(?!\\d)`).test(text) ||
        fours.some((m) => +n.slice(6) >= +m[1]! && +n.slice(6) <= +m[2]!));
    // DID blocks print only the ends of a range: a block's numbers count as printed when its
    // first number is (Copperline's blocks are not listed in the notes)
    const inBlock = new Set<string>();
    for (const k of r.notes?.didBlocks ?? []) {
      for (let i = 0; i < k.count; i++)
        inBlock.add(k.first.slice(0, 6) + String(Number(k.first.slice(6)) + i).padStart(4, '0'));
      if (!digits.includes(k.first.slice(3)) && !short(k.first))
        problems.push(`DID block ${k.first} not printed`);
    }
    // slash shorthand prints a number by its last two or four digits after another ("0140/41/42")
    const tail = (n: string) => new RegExp(`/\\s?(?:${n.slice(8)}|${n.slice(6)})(?!\\d)`).test(text);
    const missing = t.numbers.filter(
      (n) => !inBlock.has(n) && !digits.includes(n.slice(3)) && !tail(n) && !short(n),
    );
    if (missing.length && r.template !== 'copperline-business') problems.push('numbers ' + missing.join(','));
    // the fax header's sender number must not be one of the account's
    const from = r.notes?.faxHeaderFrom;
    if (from && t.numbers.includes(from)) problems.push(`fax header number ${from} is on the account`);
    // the print vendor's job slug: its batch id is no line, its run is not the bill's date
    const slug = r.notes?.mailpiece?.slug;
    if (slug && t.numbers.includes(slug.batch))
      problems.push(`slug batch id ${slug.batch} is on the account`);
    if (slug && slug.runDate === t.billDate) problems.push(`slug run date is the bill date`);
    if (problems.length) {
      bad++;
      console.log(`${r.id} ${r.template}: not printed: ${problems.join('; ')}`);
    }
  }
  console.log(`${checked} text PDFs checked, ${bad} with truth not printed`);
  process.exit(bad ? 1 : 0);
}

void main();
