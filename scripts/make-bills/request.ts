// The port request as a customer would type it: harmless variations, or exactly one real discrepancy.
// Expected verdicts come from the shared crossCheck so truth, request and scorer can never disagree.
// @ts-expect-error plain ESM module shared with the scorer, no types
import { crossCheck, CHECK_KEYS, DISCREPANCY_KEY, nameEqual } from '../../../shared/eval/lib/normalize.mjs';
import { addDays, type Addr, type Bill, fmtPhone, iso, otherName, PHONE_STYLES } from './model';
import type { Rng } from './rng';

export const DISCREPANCIES = [
  'account-number-digit',
  'btn-transposed',
  'suite-number',
  'street-number',
  'zip',
  'account-name',
  'number-not-on-bill',
  'stale-bill',
] as const;
export type Discrepancy = (typeof DISCREPANCIES)[number];

export interface Request {
  accountName: string;
  accountNumber: string;
  btn: string;
  serviceAddress: Addr;
  numbersToPort: string[];
  pin?: string;
  asOf: string;
  requestedFocDate: string;
  accountType: string;
}

const SWAP: [RegExp, string][] = [
  [/\bStreet\b/, 'St'],
  [/\bSt\b/, 'Street'],
  [/\bAvenue\b/, 'Ave'],
  [/\bAve\b/, 'Avenue'],
  [/\bRoad\b/, 'Rd'],
  [/\bRd\b/, 'Road'],
  [/\bDrive\b/, 'Dr'],
  [/\bDr\b/, 'Drive'],
  [/\bLane\b/, 'Ln'],
  [/\bLn\b/, 'Lane'],
  [/\bBoulevard\b/, 'Blvd'],
  [/\bBlvd\b/, 'Boulevard'],
  [/\bParkway\b/, 'Pkwy'],
  [/\bPkwy\b/, 'Parkway'],
];
const UNIT: [RegExp, string][] = [
  [/^Suite\b/, 'Ste'],
  [/^Ste\b/, 'Suite'],
  [/^Apt\b/, 'Apartment'],
  [/^Fl\b/, 'Floor'],
  [/^Floor\b/, 'Fl'],
  [/^Bldg\b/, 'Building'],
];

function harmlessName(r: Rng, s: string): string {
  let t = s;
  if (r.chance(0.4)) t = t.replace(/\bL\.L\.C\./, 'LLC').replace(/\bLLC\b/, 'L.L.C.');
  if (r.chance(0.3)) t = t.replace(/ & /, ' and ');
  if (r.chance(0.3)) t = t.replace(/, (Inc|LLC|PLLC|LLP)/, ' $1');
  return r.chance(0.35) ? t.toUpperCase() : r.chance(0.15) ? t.toLowerCase() : t;
}

function harmlessAddr(r: Rng, a: Addr): Addr {
  let line1 = a.line1,
    line2 = a.line2,
    zip = a.zip;
  if (r.chance(0.5))
    for (const [re, to] of SWAP)
      if (re.test(line1)) {
        line1 = line1.replace(re, to);
        break;
      }
  if (line2 && r.chance(0.5))
    for (const [re, to] of UNIT)
      if (re.test(line2)) {
        line2 = line2.replace(re, to);
        break;
      }
  if (line2 && r.chance(0.35)) {
    line1 = `${line1} ${line2}`;
    line2 = null;
  }
  // A Canadian postal code has no +4: customers type it with or without its space, in any case.
  const canadian = /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i.test(zip);
  if (r.chance(0.3))
    zip = canadian
      ? zip.includes(' ')
        ? zip.replace(' ', '')
        : zip.toLowerCase()
      : zip.length > 5
        ? zip.slice(0, 5)
        : `${zip}-${r.int(1000, 9999)}`;
  const up = r.chance(0.3);
  const f = (s: string): string => (up ? s.toUpperCase() : s);
  return {
    line1: f(line1),
    line2: line2 && f(line2),
    city: r.chance(0.3) ? a.city.toUpperCase() : a.city,
    state: a.state,
    zip,
  };
}

function harmlessAcct(r: Rng, s: string): string {
  const raw = s.replace(/[^0-9A-Za-z]/g, '');
  return r.pick([s, raw, raw.toLowerCase() === raw ? raw : s]);
}

const bump = (c: string, r: Rng): string => {
  if (/\d/.test(c)) return String((Number(c) + r.int(1, 8)) % 10);
  return c === 'A' ? 'B' : 'A';
};
function changeOneDigit(r: Rng, s: string): string {
  const idx = [...s].map((c, i) => (/[0-9]/.test(c) ? i : -1)).filter((i) => i >= 0);
  const i = r.pick(idx);
  return s.slice(0, i) + bump(s[i]!, r) + s.slice(i + 1);
}

export function makeRequest(r: Rng, b: Bill, disc: Discrepancy | null): Request {
  const stale = disc === 'stale-bill';
  const asOf = addDays(b.billDate, stale ? r.int(34, 75) : r.int(2, 27));
  const ps = r.pick(PHONE_STYLES);
  let nums = b.order ? [...b.order.nums] : b.lines.map((l) => l.num);
  if (nums.length > 3 && r.chance(0.4)) nums = r.shuffle(nums).slice(0, r.int(2, nums.length - 1));
  const req: Request = {
    // a DBA account's request names the billing name, the legal name or the trade name, as agents write it
    accountName: harmlessName(r, b.aliases ? r.pick([b.accountName, ...b.aliases]) : b.accountName),
    accountNumber: harmlessAcct(r, b.accountNumber),
    btn: fmtPhone(b.btn, r.pick(PHONE_STYLES)),
    serviceAddress: harmlessAddr(r, b.service),
    numbersToPort: nums.map((n) => fmtPhone(n, r.chance(0.7) ? ps : r.pick(PHONE_STYLES))),
    asOf: iso(asOf),
    requestedFocDate: iso(addDays(asOf, r.int(7, 21))),
    accountType: b.accountType,
    ...(b.kind === 'wireless' ? { pin: b.pin } : {}),
  };
  const sa = req.serviceAddress;
  switch (disc) {
    case null:
    case 'stale-bill':
      break;
    case 'account-number-digit':
      req.accountNumber = changeOneDigit(r, req.accountNumber);
      break;
    case 'btn-transposed': {
      const d = b.btn;
      const cands = [3, 4, 5, 6, 7, 8].filter((i) => d[i] !== d[i + 1]);
      const i = r.pick(cands);
      req.btn = fmtPhone(d.slice(0, i) + d[i + 1] + d[i] + d.slice(i + 2), r.pick(PHONE_STYLES));
      break;
    }
    case 'suite-number': {
      const target = sa.line2 ? 'line2' : 'line1';
      const s = sa[target]!;
      const m = /(\d+)(\D*)$/.exec(s);
      if (!m) throw new Error('no unit number');
      sa[target] =
        s.slice(0, m.index) + String(Number(m[1]) + r.int(1, 9) * (m[1]!.length > 1 ? 10 : 1)) + m[2];
      break;
    }
    case 'street-number':
      if (/^\d/.test(sa.line1))
        sa.line1 = sa.line1.replace(/^\d+/, (n) => changeOneDigit(r, n).replace(/^0/, '1'));
      else {
        // a Puerto Rico address may lead with its urbanization or condominium ("Urb. Villa
        // Carolina" over "Calle 45 Bloque 12 #8"): the street's first number is then further on
        const target = /\d/.test(sa.line1) || !sa.line2 ? 'line1' : 'line2';
        sa[target] = sa[target]!.replace(/\d+/, (n) => changeOneDigit(r, n).replace(/^0/, '1'));
      }
      break;
    case 'zip':
      sa.zip = changeOneDigit(r, sa.zip.slice(0, 5)) + sa.zip.slice(5);
      break;
    case 'account-name': {
      let n = otherName(r, b.accountType === 'business');
      while (n === b.accountName) n = otherName(r, b.accountType === 'business');
      req.accountName = n;
      break;
    }
    case 'number-not-on-bill': {
      // On a bill of DID ranges, the number just past a range's end: a range read one too long.
      const past = b.blocks
        .map((k) => k.first.slice(0, 6) + String(Number(k.first.slice(6)) + k.count).padStart(4, '0'))
        .filter((n) => /^\d{6}01\d\d$/.test(n) && !b.lines.some((l) => l.num === n));
      if (past.length && r.chance(0.5)) {
        req.numbersToPort.splice(r.int(0, req.numbersToPort.length), 0, fmtPhone(r.pick(past), ps));
        break;
      }
      // An order of one kind of number (toll-free, or local) strays with a number of that kind.
      if (b.order) {
        req.numbersToPort.splice(
          r.int(0, req.numbersToPort.length),
          0,
          fmtPhone(r.pick(b.order.notOnBill), ps),
        );
        break;
      }
      // Half the time the extra number is one the bill lists as disconnected: still not on the account.
      const extra =
        b.disconnected.length && r.chance(0.6)
          ? r.pick(b.disconnected)
          : `${b.btn.slice(0, 6)}01${String(r.int(0, 99)).padStart(2, '0')}`;
      if (b.lines.some((l) => l.num === extra)) return makeRequest(r, b, disc);
      req.numbersToPort.splice(r.int(0, req.numbersToPort.length), 0, fmtPhone(extra, ps));
      break;
    }
  }
  return req;
}

export function possible(b: Bill, disc: Discrepancy): boolean {
  if (disc === 'suite-number') return !!b.service.line2 && /\d/.test(b.service.line2);
  return true;
}

export interface Expected {
  asOf: string;
  verdicts: Record<string, string>;
  discrepancy: Discrepancy | null;
}

export function expectedOf(
  truth: unknown,
  req: Request,
  disc: Discrepancy | null,
  aliases?: string[],
): Expected {
  const verdicts = crossCheck(truth, req) as Record<string, string>;
  // The scorer's name rule is one printed form; a request naming the legal or the trade name of a
  // "LEGAL DBA TRADE" billing name names the same customer, and the desk must say so.
  if (verdicts.accountName === 'mismatch' && aliases?.some((a) => nameEqual(a, req.accountName)))
    verdicts.accountName = 'match';
  // A document that shows no bill date (an app screenshot) ages as 'missing': that is its truth.
  const undated = (truth as { billDate?: string | null }).billDate == null;
  // A bill that shows the account only masked checks its account as 'missing' (the agent asks
  // the customer): that is its truth too.
  const masked = (truth as { accountNumber?: string | null }).accountNumber == null;
  const bad = (CHECK_KEYS as string[]).filter(
    (k) =>
      verdicts[k] !== 'match' &&
      verdicts[k] !== 'ok' &&
      !(k === 'billAge' && undated && verdicts[k] === 'missing') &&
      !(k === 'accountNumber' && masked && verdicts[k] === 'missing'),
  );
  const want = disc ? [(DISCREPANCY_KEY as Record<string, string>)[disc]] : [];
  if (bad.join() !== want.join())
    throw new Error(`request for ${disc ?? 'clean'} gave ${JSON.stringify(verdicts)}`);
  return { asOf: req.asOf, verdicts, discrepancy: disc };
}
