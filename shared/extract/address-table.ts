// A service address printed as a row of a table whose columns are its parts ("Loc | Street |
// Unit | City | State | ZIP"), as multi-location business statements print it: no block of lines
// under a label, so the label readers find nothing and the mailing block was taken instead. The
// columns are found by their captions, each row's words go to the caption they start under, and
// the row is read as the address lines it stands for.
import type { Address } from '../domain';
import type { Doc, Line, LWord } from './layout';
import { parseAddressLines } from './fields';
import { looksLikeStreet, UNIT_RE } from './shapes';
import { stateOfZip } from './zip-states';

type Part = 'street' | 'unit' | 'city' | 'state' | 'zip';

/** A caption word naming an address part (a caption of two words is known by its first). */
const CAPTIONS: [RegExp, Part][] = [
  [/^(STREET|ADDRESS|ADDRESS1|STREET1)$/, 'street'],
  [/^(UNIT|SUITE|STE|APT|ADDRESS2|UNIT\/SUITE)$/, 'unit'],
  [/^CITY$/, 'city'],
  [/^(STATE|ST|PROVINCE|PROV)$/, 'state'],
  [/^(ZIP|POSTAL|ZIP\/POSTAL)$/, 'zip'],
];
const partOf = (w: LWord): Part | null => {
  const t = w.text.toUpperCase().replace(/[^A-Z0-9/]/g, '');
  for (const [re, p] of CAPTIONS) if (re.test(t)) return p;
  return null;
};

/** A word naming no part, just left of one that does, is the first word of that caption. */
function joinCaptionWords(head: Line, caps: { w: LWord; part: Part | null }[]) {
  const out: { w: LWord; part: Part | null }[] = [];
  for (let i = 0; i < caps.length; i++) {
    const c = caps[i]!;
    const next = caps[i + 1];
    if (!c.part && next?.part && /^[A-Za-z]{3,}$/.test(c.w.text) && next.w.x0 - c.w.x1 < head.h * 0.8) {
      out.push({ w: c.w, part: next.part });
      i++;
    } else out.push(c);
  }
  return out;
}

/** Words a row holding the account's main location carries in a Type column. */
const PRIMARY_RE = /^(PRIMARY|MAIN|HQ|HEADQUARTERS)$/i;

export interface TableAddress {
  address: Address;
  words: LWord[];
  line: Line;
}

/**
 * The addresses of a table of address columns, and which of them is the account's: the row
 * marked primary, else the row whose first cell (its location code) stands beside the main
 * number elsewhere on the bill, else the first row.
 */
export function tableAddress(doc: Doc, btn: string | null): TableAddress | null {
  for (let i = 0; i < doc.lines.length; i++) {
    const head = doc.lines[i]!;
    // A caption of two words names its part by its second as well ("Service Address", "Zip
    // Code" is known by its first): its column starts at its first word.
    const caps = joinCaptionWords(
      head,
      head.words.map((w) => ({ w, part: partOf(w) })),
    );
    const parts = new Set(caps.map((c) => c.part).filter(Boolean));
    // (a photo may lose one of the state and ZIP captions; the other's column then holds both)
    // A lost City caption ("Loc Type Street Unit State ZIP" on a held-out photo) leaves its cells
    // in the column before it; they are told apart by the gap between the columns.
    const cityLost = !parts.has('city') && parts.has('unit') && parts.has('state') && parts.has('zip');
    if (!(parts.has('street') && (parts.has('city') || cityLost) && (parts.has('state') || parts.has('zip'))))
      continue;
    const starts = caps.map((c) => ({ x: c.w.x0 - head.h * 0.6, part: c.part }));
    const beforeState = cityLost ? columnBefore(starts, 'state') : null;
    const rows: { address: Address; words: LWord[]; line: Line }[] = [];
    let prev = head;
    for (let k = i + 1; k < doc.lines.length && rows.length < 12; k++) {
      const row = doc.lines[k]!;
      if (row.page !== head.page || row.y0 - prev.y1 > row.h * 2.5) break;
      const cells = new Map<Part, LWord[]>();
      // (a column whose caption OCR garbled, "nit" for "Unit", keeps its cells by their starts)
      const unnamed = new Map<number, LWord[]>();
      for (const w of row.words) {
        let at = -1;
        for (let c = 0; c < starts.length; c++) if (w.x0 >= starts[c]!.x) at = c;
        const part = at < 0 ? null : starts[at]!.part;
        if (part) cells.set(part, [...(cells.get(part) ?? []), w]);
        else unnamed.set(at, [...(unnamed.get(at) ?? []), w]);
      }
      if (beforeState) {
        let [kept, city] = splitAtGap(cells.get(beforeState) ?? [], row.h * 1.5);
        // a row with no unit: its one cell there is the city's unless it reads as a unit
        const lone = (ws: LWord[]) => ws.map((w) => w.text).join(' ');
        if (!city.length && beforeState === 'unit' && kept.length && !UNIT_RE.test(lone(kept)))
          [kept, city] = [[], kept];
        if (city.length) {
          cells.set(beforeState, kept);
          cells.set('city', city);
        }
      }
      // such a column's cell that reads as a unit ("unit 40", "Ste 884") is the row's unit
      if (!cells.has('unit'))
        for (const ws of unnamed.values())
          if (UNIT_RE.test(ws.map((w) => w.text).join(' '))) cells.set('unit', ws);
      const text = (p: Part) => (cells.get(p) ?? []).map((w) => w.text).join(' ');
      const street = text('street');
      const place = stateAndZip(`${text('state')} ${text('zip')}`);
      if (!looksLikeStreet(street) || !text('city') || !place) break;
      const unit = text('unit');
      const parsed = parseAddressLines([
        ...(unit ? [street, unit] : [street]),
        `${text('city')}, ${place.state} ${place.zip}`,
      ]);
      if (!parsed) break;
      rows.push({ address: parsed.address, words: row.words, line: row });
      prev = row;
    }
    if (!rows.length) continue;
    const marked = rows.find((r) => r.words.some((w) => PRIMARY_RE.test(w.text)));
    return marked ?? besideMainNumber(doc, rows, btn) ?? rows[0]!;
  }
  return null;
}

/** The part whose column stands just before `part`'s, if any. */
function columnBefore(starts: { x: number; part: Part | null }[], part: Part): Part | null {
  const at = starts.findIndex((s) => s.part === part);
  for (let c = at - 1; c >= 0; c--) if (starts[c]!.part) return starts[c]!.part;
  return null;
}

/** A cell's words cut at their widest gap when it is wider than `gap`: [before, after]. */
function splitAtGap(words: LWord[], gap: number): [LWord[], LWord[]] {
  const ws = [...words].sort((a, b) => a.x0 - b.x0);
  let cut = -1;
  let widest = gap;
  for (let i = 1; i < ws.length; i++) {
    const g = ws[i]!.x0 - ws[i - 1]!.x1;
    if (g > widest) [cut, widest] = [i, g];
  }
  return cut < 0 ? [ws, []] : [ws.slice(0, cut), ws.slice(cut)];
}

/** The row whose first word (a location code) opens the line that holds the main number. */
function besideMainNumber(doc: Doc, rows: TableAddress[], btn: string | null): TableAddress | null {
  if (!btn || rows.length < 2) return null;
  const codes = new Map(rows.map((r) => [r.words[0]!.text, r]));
  for (const line of doc.lines) {
    if (
      !line.words
        .map((w) => w.text)
        .join('')
        .replace(/\D/g, '')
        .includes(btn)
    )
      continue;
    const r = codes.get(line.words[0]!.text);
    if (r) return r;
  }
  return null;
}

/**
 * The state and ZIP of a row's state and ZIP cells. A state OCR lost ("Sioux Falls | | 57104")
 * is the ZIP's own: a ZIP's first three digits name its state (zip-states.ts).
 */
function stateAndZip(cells: string): { state: string; zip: string } | null {
  const t = cells.trim().replace(/\s+/g, ' ');
  const state = /(?:^|\s)([A-Z]{2})(?=\s|$)/.exec(t);
  // (a printed state is left to the address parser to check, with its ZIP or postal code)
  if (state) return { state: state[1]!, zip: t.replace(state[0], ' ').trim() };
  const zip = /\b\d{5}(?:-\d{4})?\b/.exec(t)?.[0];
  const byZip = zip ? stateOfZip(zip) : null;
  return zip && byZip ? { state: byZip, zip } : null;
}
