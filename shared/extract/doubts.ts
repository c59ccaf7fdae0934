// Why a field's reading may be wrong, said the way an agent checks it. One confidence figure
// mixed two different doubts, so a text PDF whose labels sit in a sidebar read every field as
// "low confidence" although its text layer is exact. They are kept apart here:
// - OCR doubt: the characters may be misread. Only words OCR read can carry it, from their
//   confidences.
// - Layout doubt: the value was chosen among several the bill prints, or no label named it.
// A value read beside its label, with no close rival, carries neither, wherever the label sits.
import type { BillFieldKey, FieldDoubt } from '../domain';
import { formatPhone } from '../normalize/phone';
import type { Picked } from './fields';
import type { LWord } from './layout';

/**
 * Below this an OCR'd word may be misread. Tesseract gives clean print 0.85–0.96; a word it
 * read wrong mostly sits well under 0.6 (measured on the fixture scans and photos).
 */
export const OCR_UNSURE = 0.6;

const NAME: Record<Exclude<BillFieldKey, 'numbers'>, { one: string; many: string }> = {
  carrier: { one: 'carrier', many: 'carrier names' },
  accountName: { one: 'account name', many: 'account names' },
  accountNumber: { one: 'account number', many: 'account numbers' },
  btn: { one: 'billing telephone number', many: 'billing telephone numbers' },
  serviceAddress: { one: 'service address', many: 'service addresses' },
  billDate: { one: 'bill date', many: 'bill dates' },
};
const COUNT = ['', 'one', 'two', 'three', 'four', 'five'];

/** The least sure OCR'd word among a value's, when it is unsure enough to be misread. */
export function unsureWord(words: readonly LWord[]): LWord | null {
  let worst: LWord | null = null;
  for (const w of words) if (w.ocr && /\w/.test(w.text) && (!worst || w.conf < worst.conf)) worst = w;
  return worst && worst.conf < OCR_UNSURE ? worst : null;
}

const pct = (c: number) => `${Math.round(c * 100)}%`;

export function ocrDoubt(words: readonly LWord[]): FieldDoubt | null {
  const w = unsureWord(words);
  if (!w) return null;
  return {
    kind: 'ocr',
    note: `Read from a scan or photo, and “${w.text}” was hard to make out (${pct(w.conf)} sure): it may be misread — check it on the bill`,
  };
}

type Shown = string | { line1: string; city: string } | null;

function shown(field: BillFieldKey, v: Shown): string {
  if (v === null) return '';
  if (typeof v !== 'string') return `${v.line1}, ${v.city}`;
  return field === 'btn' ? formatPhone(v) : v;
}

/** A value chosen among others the bill prints: which, and by what label. */
export function layoutDoubt(field: Exclude<BillFieldKey, 'numbers'>, p: Picked<Shown>): FieldDoubt | null {
  if (p.guess)
    return { kind: 'layout', note: `No label on the bill names the ${NAME[field].one}: ${p.guess} — check` };
  const rivals = p.rivals ?? [];
  if (!rivals.length) return null;
  const n = rivals.length + 1;
  const others = rivals.map((r) => `${shown(field, r.value)}${r.label ? ` (“${r.label}”)` : ''}`).join(', ');
  const which = p.label ? `the one labelled “${p.label}”` : shown(field, p.value);
  return {
    kind: 'layout',
    note: `${COUNT[n] ?? n} ${NAME[field].many} on this bill; picked ${which} over ${others} — check`.replace(
      /^./,
      (c) => c.toUpperCase(),
    ),
  };
}

/** Both doubts of a picked value, layout first (it says which value; OCR says how well it read). */
export function doubtsOf(field: Exclude<BillFieldKey, 'numbers'>, p: Picked<Shown>): FieldDoubt[] {
  return [layoutDoubt(field, p), ocrDoubt(p.words)].filter((d): d is FieldDoubt => d !== null);
}

/** The numbers list: which of its numbers were hard to make out. */
export function numbersDoubt(unsure: readonly string[]): FieldDoubt | null {
  if (!unsure.length) return null;
  const list = unsure.slice(0, 3).map(formatPhone).join(', ') + (unsure.length > 3 ? ', …' : '');
  return {
    kind: 'ocr',
    note: `${unsure.length === 1 ? 'One number was' : `${unsure.length} numbers were`} hard to make out (${list}): a digit may be misread — check ${unsure.length === 1 ? 'it' : 'them'} on the bill`,
  };
}

/** Numbers an OCR'd page prints twice in one column: a line may have been misread as a copy. */
export function twinsDoubt(twins: readonly { number: string; page: number }[]): FieldDoubt | null {
  if (!twins.length) return null;
  const t = twins[0]!;
  const more = twins.length > 1 ? ` (and ${twins.length - 1} more)` : '';
  return {
    kind: 'ocr',
    note: `${formatPhone(t.number)} is read twice in one column on page ${t.page}${more}: another line may have been misread as it — check the list on the bill`,
  };
}
