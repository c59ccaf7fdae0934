// Two consecutive monthly statements of one account in one PDF, as a customer prints them when
// asked for "your bill" and sends the last two (opt-in: index.ts --two-months). The truth is the
// newer statement's: its bill date, and its lines. The older one is the same carrier's layout a
// month earlier: its own bill date, period, due date and amounts, and on some bills a line the
// newer statement lists as disconnected since (active on the older one, not on the account now)
// or without the line the newer one added.
import { PDFDocument } from 'pdf-lib';
import { addDays, type Bill } from './model';
import type { Rng } from './rng';

export interface TwoMonths {
  older: Bill;
  /** the newer statement comes first in the PDF (a portal's list, newest first), else the older */
  newerFirst: boolean;
  /** a line active on the older statement that the newer one lists as disconnected */
  droppedLine?: string;
  /** a line the newer statement added (not on the older one) */
  addedLine?: string;
}

const cents = (n: number): number => Math.round(n * 100) / 100;

/** The statement a month before `b`. May add a disconnected line to `b` (before `b` is drawn). */
export function previousStatement(b: Bill, r: Rng): TwoMonths {
  const days = Math.round((b.billDate.getTime() - b.prevBillDate.getTime()) / 86400000);
  const back = (d: Date): Date => addDays(d, -days);
  const current = cents(b.current * r.float(0.9, 1.1));
  const taxes = cents(b.taxes * r.float(0.9, 1.1));
  const prevBalance = cents(current * r.float(0.85, 1.15));
  const older: Bill = {
    ...b,
    lines: b.lines.map((l) => ({ ...l, charge: cents(l.charge * r.float(0.95, 1.05)) })),
    disconnected: [],
    billDate: b.prevBillDate,
    periodStart: back(b.periodStart),
    periodEnd: back(b.periodEnd),
    dueDate: back(b.dueDate),
    prevBillDate: addDays(b.prevBillDate, -r.pick([28, 30, 31])),
    autopayDate: back(b.autopayDate),
    prevBalance,
    payment: -prevBalance,
    current,
    taxes,
    total: cents(current + taxes),
  };
  const out: TwoMonths = { older, newerFirst: r.chance(0.5) };
  const taken = new Set([...b.lines.map((l) => l.num), ...b.disconnected, b.office, b.repairLocal, b.fax]);
  const free = Array.from(
    { length: 100 },
    (_, i) => `${b.btn.slice(0, 6)}01${String(i).padStart(2, '0')}`,
  ).filter((n) => !taken.has(n));
  const singles = b.lines.filter(
    (l, i) => i > 0 && !b.blocks.some((k) => sameBlock(k.first, k.count, l.num)),
  );
  const pick = r.next();
  if (pick < 0.35 && free.length) {
    // a line cancelled between the two statements: active on the older, disconnected on the newer
    const num = r.pick(free);
    const model = r.pick(b.lines);
    older.lines.push({ ...model, num, user: model.user, plan: model.plan });
    b.disconnected = [...b.disconnected, num];
    out.droppedLine = num;
  } else if (pick < 0.65 && singles.length) {
    // a line added this month: only the newer statement has it
    const add = singles[singles.length - 1]!;
    older.lines = older.lines.filter((l) => l.num !== add.num);
    out.addedLine = add.num;
  }
  return out;
}

function sameBlock(first: string, count: number, n: string): boolean {
  const d = Number(n) - Number(first);
  return n.slice(0, 6) === first.slice(0, 6) && d >= 0 && d < count;
}

/** The two statements in one PDF, in the order the customer printed them. */
export async function joinStatements(first: Uint8Array, second: Uint8Array): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  const d = new Date(Date.UTC(2025, 0, 1));
  const a = await PDFDocument.load(first);
  out.setTitle(a.getTitle() ?? 'statements');
  out.setProducer(a.getProducer() ?? 'billing system');
  out.setCreationDate(d);
  out.setModificationDate(d);
  for (const src of [a, await PDFDocument.load(second)])
    for (const p of await out.copyPages(src, src.getPageIndices())) out.addPage(p);
  return out.save({ useObjectStreams: false });
}
