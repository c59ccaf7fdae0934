// Rows of a request spreadsheet -> the cases they ask for. Rows are grouped into one case per
// account number (or per BTN when there is none); a number already ported in an open case is a
// duplicate order and its row is refused, as is every row that cannot be used, each with why.
// Pure: the caller gives the open cases' numbers.
import { CaseInputSchema, type Address, type CaseInput } from '../domain';
import { normalizeAccount } from '../normalize/account';
import { normalizeState } from '../normalize/address';
import { analyzePhone, formatPhone } from '../normalize/phone';
import { STATE_CODE_SET } from '../normalize/usps';
import { parseAddressText } from '../email/address-text';
import { findDates, isoOf } from '../email/dates';
import { splitUnitLine } from '../normalize/unit-line';
import type { ImportField } from './fields';

export interface ImportRejection {
  /** The row as the spreadsheet numbers it (the header is row 1). */
  row: number;
  reason: string;
}

export interface ImportCase {
  /** "account 1234-5678" or "BTN 212-555-0100": what the rows were grouped by. */
  key: string;
  input: CaseInput;
  rows: number[];
}

export interface ImportPlan {
  cases: ImportCase[];
  rejected: ImportRejection[];
}

export interface OpenNumber {
  caseId: number;
  accountName: string;
}

/** Most numbers one case holds (CaseInputSchema). */
const MAX_NUMBERS = 5000;

const clean = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

function parseDate(s: string): string | null {
  const t = s.trim();
  if (!t) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return findDates(t, '2000-01-01')[0]?.iso ?? null;
}

interface Row {
  row: number;
  get: (f: ImportField) => string;
}

function addressOf(r: Row): { address: Address | null; problem: string | null } {
  const street = r.get('address');
  const city = r.get('city');
  const state = r.get('state');
  const zip = r.get('zip');
  if (!street && !city && !state && !zip) return { address: null, problem: null };
  if (street && !city && !state && !zip) {
    // The whole address in one column: "1779 W Franklin Ln, Suite 2, Fort Collins, CO 80537".
    const a = parseAddressText(street);
    if (!a) return { address: null, problem: `the service address "${street}" has no city, state and ZIP` };
    return { address: splitUnitLine({ ...a, line2: r.get('line2') || a.line2 }), problem: null };
  }
  // Spreadsheets drop a ZIP's leading zero ("7102" for 07102).
  const z = /^\d{4}$/.test(zip) ? `0${zip}` : zip;
  const st = normalizeState(state);
  if (state && !STATE_CODE_SET.has(st))
    return { address: null, problem: `"${state}" is not a US state or Canadian province` };
  if (z && !/^\d{5}(-?\d{4})?$/.test(z) && !/^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/.test(z))
    return { address: null, problem: `ZIP "${zip}" is not a ZIP code` };
  return {
    address: splitUnitLine({
      line1: street,
      line2: r.get('line2') || null,
      city,
      state: st || state,
      zip: z,
    }),
    problem: null,
  };
}

const same = (a: Address | null, b: Address | null) =>
  !!a &&
  !!b &&
  [a.line1, a.line2 ?? '', a.city, a.state, a.zip.slice(0, 5)].join('|').toUpperCase() ===
    [b.line1, b.line2 ?? '', b.city, b.state, b.zip.slice(0, 5)].join('|').toUpperCase();

export function buildImport(
  headers: string[],
  rows: string[][],
  mapping: (ImportField | null)[],
  openNumbers: ReadonlyMap<string, OpenNumber> = new Map(),
): ImportPlan {
  const rejected: ImportRejection[] = [];
  const col = new Map<ImportField, number>();
  mapping.forEach((f, i) => f && !col.has(f) && col.set(f, i));
  if (!col.has('number') && !col.has('btn'))
    return {
      cases: [],
      rejected: rows.map((_, i) => ({
        row: i + 2,
        reason: 'no column is mapped to the phone number (or BTN)',
      })),
    };
  interface Group {
    key: string;
    input: CaseInput;
    rows: number[];
    seen: Set<string>;
  }
  const groups = new Map<string, Group>();
  rows.forEach((cells, i) => {
    const r: Row = { row: i + 2, get: (f) => clean(col.has(f) ? cells[col.get(f)!] : '') };
    if (cells.every((c) => !clean(c))) return; // a blank line in the sheet
    const reject = (reason: string) => rejected.push({ row: r.row, reason });
    const rawNumber = r.get('number') || r.get('btn');
    const phone = analyzePhone(rawNumber);
    if (!rawNumber) return reject('no phone number');
    if (!phone.digits || (!phone.valid && !phone.fictitious))
      return reject(phone.reason ?? `"${rawNumber}" is not a valid NANP number`);
    const btnRaw = r.get('btn');
    const btn = btnRaw ? analyzePhone(btnRaw) : null;
    if (btnRaw && (!btn?.digits || (!btn.valid && !btn.fictitious)))
      return reject(`BTN "${btnRaw}" is not a valid NANP number`);
    const account = r.get('accountNumber');
    const key = account
      ? `account ${normalizeAccount(account)}`
      : btn?.digits
        ? `BTN ${formatPhone(btn.digits)}`
        : null;
    if (!key) return reject('no account number or BTN to group it into a case by');
    const { address, problem } = addressOf(r);
    if (problem) return reject(problem);
    const focRaw = r.get('focDate');
    const foc = focRaw ? parseDate(focRaw) : null;
    if (focRaw && !foc) return reject(`"${focRaw}" is not a date`);
    const action = /^(keep|k|no|n|stay|remain|do not port|don'?t port)$/i.test(r.get('action'))
      ? 'keep'
      : 'port';
    const dup = action === 'port' ? openNumbers.get(phone.digits) : undefined;
    if (dup)
      return reject(
        `${formatPhone(phone.digits)} is already being ported in open case ${dup.caseId}${dup.accountName ? ` (${dup.accountName})` : ''}: a second order would be rejected as a duplicate`,
      );
    let g = groups.get(key);
    if (!g) {
      const type = r.get('accountType').toLowerCase();
      g = {
        key,
        rows: [],
        seen: new Set(),
        input: CaseInputSchema.parse({
          customer: {
            accountName: r.get('accountName').slice(0, 120),
            accountType: /res|home|personal/.test(type) ? 'residential' : 'business',
            accountNumber: account.slice(0, 40),
            btn: btn?.digits ?? '',
            pin: r.get('pin').slice(0, 20) || null,
            losingCarrier: r.get('carrier').slice(0, 80),
          },
          authorized: {
            name: r.get('contactName').slice(0, 80),
            email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(r.get('contactEmail')) ? r.get('contactEmail') : '',
            phone: r.get('contactPhone').slice(0, 20),
          },
          serviceAddress: address ?? { line1: '', line2: null, city: '', state: '', zip: '' },
          focDate: foc,
          notes: r.get('notes').slice(0, 5000),
        }),
      };
      groups.set(key, g);
    } else {
      // Later rows fill what the first left empty.
      const c = g.input.customer;
      if (!c.accountName) c.accountName = r.get('accountName').slice(0, 120);
      if (!c.btn && btn?.digits) c.btn = btn.digits;
      if (!c.pin && r.get('pin')) c.pin = r.get('pin').slice(0, 20);
      if (!c.losingCarrier) c.losingCarrier = r.get('carrier').slice(0, 80);
      if (!g.input.serviceAddress.line1 && address) g.input.serviceAddress = address;
      if (!g.input.focDate && foc) g.input.focDate = foc;
    }
    if (g.seen.has(phone.digits)) return; // the same number twice for one account: once is enough
    if (g.input.numbers.length >= MAX_NUMBERS)
      return reject(`${key} already has ${MAX_NUMBERS} numbers, the most one case holds`);
    g.seen.add(phone.digits);
    g.rows.push(r.row);
    // A location whose address is not the case's gets it as the number's E911 address.
    const e911 =
      address && g.input.serviceAddress.line1 && !same(address, g.input.serviceAddress) ? address : null;
    g.input.numbers.push({ number: phone.digits, action, kind: phone.kind, e911 });
  });
  const cases: ImportCase[] = [];
  for (const g of groups.values()) {
    if (!g.input.customer.btn)
      g.input.customer.btn =
        g.input.numbers.find((n) => n.action === 'port')?.number ?? g.input.numbers[0]!.number;
    const ok = CaseInputSchema.safeParse(g.input);
    if (!ok.success) {
      const why = ok.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      for (const row of g.rows) rejected.push({ row, reason: `${g.key} cannot be a case: ${why}` });
      continue;
    }
    cases.push({ key: g.key, input: ok.data, rows: g.rows });
  }
  rejected.sort((a, b) => a.row - b.row);
  return { cases, rejected };
}
