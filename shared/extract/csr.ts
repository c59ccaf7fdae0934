// A customer service record (CSR): the ILEC's printout of an account's record, which desks get
// instead of a bill. Its service address is no block of lines under a label but FID fields on one
// line, `SA 1420 N MAIN ST /LOC STE 200 /CITY CHICAGO /ST IL /ZIP 60601`, or the street split in
// fields of its own, `SAPR 1420 /SASD N /SASN MAIN /SASS ST` over `LOC STE 200` over `CITY
// CHICAGO /ST IL /ZIP 60601`. The label readers find no label there and the billing address
// (`BA1`/`BA2`, an address block) was taken instead.
import type { Address } from '../domain';
import type { TableAddress } from './address-table';
import { parseAddressLines } from './fields';
import type { Doc, Line } from './layout';

const lineText = (ln: Line): string => ln.words.map((w) => w.text).join(' ');

// The FIDs of a service address. A slash OCR read as "|", "I", "l" or "1" run into the FID name
// ("ICITY") still opens a field; a bare "ST" needs its slash, as a street's suffix is "ST" too.
// OCR reads the printout's capitals in lower case at times ("Loc SUITE 281" on a photo): the
// names are matched in either case.
const FID =
  /(?:^|\s)(?:[/|]\s?|[Il1](?=(?:CITY|ZIP|LOC|SAS[DNSF])\b))(LOC|CITY|ST|ZIP|SASD|SASN|SASS|SASF)\b\s*/gi;
// (the opening FID in either case too: a scan read `sa 27 SYCAMORE LN /CITY …`; the address
// must still have its /CITY, so a line that merely starts "Sa" opens nothing)
const OPENS = /^\s*(SA|SAPR)\s+(?=\S)/i;
// a line that carries on the fields of the address: a field of its own, or one of the two lines
// the split form prints on their own (`LOC STE 200`, `CITY CHICAGO /ST IL /ZIP 60601`)
const CARRIES = /^\s*(?:[/|]\s?)?(LOC|CITY|SASD|SASN|SASS|SASF)\b/i;

/** The fields of a run of FID text: `{ SA: '1420 N MAIN ST', LOC: 'STE 200', CITY: ... }`. */
export function csrFields(text: string): Record<string, string> {
  const open = OPENS.exec(text);
  if (!open) return {};
  const out: Record<string, string> = {};
  const body = text.slice(open[0].length);
  const marks = [...body.matchAll(FID)];
  out[open[1]!.toUpperCase()] = body.slice(0, marks[0]?.index ?? body.length).trim();
  marks.forEach((m, i) => {
    const end = marks[i + 1]?.index ?? body.length;
    out[m[1]!.toUpperCase()] = body.slice(m.index + m[0].length, end).trim();
  });
  return out;
}

/** The address of a CSR's `SA` / `SAPR` fields, as the lines of an address block. */
export function csrAddressLines(f: Record<string, string>): string[] | null {
  const street = f.SA ?? [f.SAPR, f.SASD, f.SASN, f.SASS, f.SASF].filter(Boolean).join(' ');
  if (!street || !f.CITY) return null;
  return [street, ...(f.LOC ? [f.LOC] : []), [f.CITY, f.ST, f.ZIP].filter(Boolean).join(' ')];
}

/** The service address of a customer service record, where the document is one. */
export function csrAddress(doc: Doc): TableAddress | null {
  for (let i = 0; i < doc.lines.length; i++) {
    const head = doc.lines[i]!;
    const first = lineText(head);
    if (!OPENS.test(first)) continue;
    // the fields of the address run on over the next lines that carry them
    const used: Line[] = [head];
    let text = first;
    for (let k = i + 1; k < doc.lines.length && used.length < 3; k++) {
      const ln = doc.lines[k]!;
      const t = lineText(ln);
      if (ln.page !== head.page || !CARRIES.test(t)) break;
      used.push(ln);
      text += ` /${t.replace(/^\s*[/|]\s?/, '')}`;
    }
    const lines = csrAddressLines(csrFields(text));
    const parsed = lines && parseAddressLines(lines);
    if (!parsed || parsed.used !== lines.length) continue;
    const address: Address = parsed.address;
    return { address, words: used.flatMap((l) => l.words), line: head };
  }
  return null;
}
