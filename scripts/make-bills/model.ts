// The facts of one bill, drawn at random; templates decide only how they are printed.
import { luhnDigit } from './check-digits';
import type { Rng } from './rng';
import {
  BUSINESS_FORMS,
  BUSINESS_KINDS,
  BUSINESS_STEMS,
  CITIES,
  DIRS,
  FEATURES,
  FIRST,
  LAST,
  STREET_NAMES,
  SUFFIXES,
  WIRELESS_PLANS,
  WIRELINE_PLANS,
  type City,
} from './data';
import { addrCa, CA_CITIES, postalCodeCa } from './data-ca';
import { addrPr, namePr, personPr, PR_CITIES, PR_NPAS, WIRELINE_PLANS_PR, zipPr } from './data-pr';
import { addrQc, nameQc, personQc, postalCode, QC_CITIES, WIRELINE_PLANS_QC } from './data-qc';

export interface Addr {
  line1: string;
  line2: string | null;
  city: string;
  state: string;
  zip: string;
}
export interface Line {
  num: string; // 10 digits
  plan: string;
  user: string | null;
  charge: number;
  minutes: number;
  dataGb: number;
  texts: number;
  features: { name: string; amount: number }[];
}
export type AcctStyle =
  | 'dash433'
  | 'space444'
  | 'prefixed'
  | 'btn-embed'
  | 'long'
  | 'alnum'
  | 'plain9'
  | 'spaced16'
  | 'check3'
  | 'ilec'
  | 'csr'
  | 'suffix5';
/** A DID block: `count` consecutive numbers from `first`, billed as one range. */
export interface DidBlock {
  first: string;
  count: number;
  charge: number;
}
export type Kind = 'wireless' | 'wireline' | 'cable';

export interface Bill {
  id: string;
  template: string;
  carrier: string;
  kind: Kind;
  accountType: 'business' | 'residential';
  accountName: string;
  contact: string; // a person (ATTN line / authorised user), never the account name
  accountNumber: string;
  btn: string;
  lines: Line[];
  /** numbers recently removed: printed, but NOT part of truth.numbers */
  disconnected: string[];
  /** DID blocks (business numbering only); their numbers are in `lines` too */
  blocks: DidBlock[];
  /** same-area-code 555-01XX numbers that belong to the carrier (business office, repair) */
  office: string;
  repairLocal: string;
  fax: string;
  tollFree: { care: string; repair: string; tty: string; billing: string };
  service: Addr;
  mailing: Addr;
  mailingDiffers: boolean;
  remit: Addr;
  billDate: Date;
  periodStart: Date;
  periodEnd: Date;
  dueDate: Date;
  prevBillDate: Date;
  autopayDate: Date;
  prevBalance: number;
  payment: number;
  current: number;
  taxes: number;
  total: number;
  pin: string;
  /** the names a billing name printed as "LEGAL DBA TRADE" stands for (legal, trade): either one names the customer */
  aliases?: string[];
  /** the billing name's printed lines, where it takes two ("Acme Holdings LLC" over "DBA Joe's Pizza") */
  nameLines?: string[];
  /** the bill prints the account number only masked (Juniper): the truth has none */
  accountMasked?: boolean;
  /**
   * The numbers one port order names, when an order cannot name them all (a toll-free order is
   * taken apart from the local lines: Avocet), and the numbers not on the account such an order
   * may wrongly add (a "number not on the bill" request picks one).
   */
  order?: { nums: string[]; notOnBill: string[] };
}

const DAY = 86400000;
export const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * DAY);
export const iso = (d: Date): string => d.toISOString().slice(0, 10);

export const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const MONTH = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export type DateStyle = 'mon' | 'month' | 'mdy' | 'mdy2' | 'iso' | 'dmon' | 'MON';
export function fmtDate(d: Date, s: DateStyle): string {
  const y = d.getUTCFullYear(),
    m = d.getUTCMonth(),
    day = d.getUTCDate();
  const p = (n: number): string => String(n).padStart(2, '0');
  switch (s) {
    case 'mon':
      return `${MON[m]} ${day}, ${y}`;
    case 'MON':
      return `${MON[m]!.toUpperCase()} ${p(day)} ${y}`;
    case 'month':
      return `${MONTH[m]} ${day}, ${y}`;
    case 'mdy':
      return `${p(m + 1)}/${p(day)}/${y}`;
    case 'mdy2':
      return `${p(m + 1)}/${p(day)}/${String(y).slice(2)}`;
    case 'iso':
      return `${y}-${p(m + 1)}-${p(day)}`;
    case 'dmon':
      return `${day} ${MON[m]} ${y}`;
  }
}

export type PhoneStyle = 'paren' | 'dash' | 'dot' | 'plus' | 'space' | 'one';
export function fmtPhone(n: string, s: PhoneStyle): string {
  const a = n.slice(0, 3),
    b = n.slice(3, 6),
    c = n.slice(6);
  switch (s) {
    case 'paren':
      return `(${a}) ${b}-${c}`;
    case 'dash':
      return `${a}-${b}-${c}`;
    case 'dot':
      return `${a}.${b}.${c}`;
    case 'plus':
      return `+1 ${a} ${b} ${c}`;
    case 'space':
      return `${a} ${b} ${c}`;
    case 'one':
      return `1-${a}-${b}-${c}`;
  }
}
export const PHONE_STYLES: PhoneStyle[] = ['paren', 'dash', 'dot', 'plus', 'space', 'one'];

export const cityLine = (a: Addr, sep = ', '): string => `${a.city}${sep}${a.state} ${a.zip}`;
export const addrLines = (a: Addr): string[] => [a.line1, ...(a.line2 ? [a.line2] : []), cityLine(a)];
export const upperAddr = (ls: string[]): string[] => ls.map((l) => l.toUpperCase());

export function zipPlus4(r: Rng, zip: string): string {
  return r.chance(0.35) ? `${zip}-${r.digits(4)}` : zip;
}

export function street(r: Rng, short: boolean): string {
  const [long, abbr] = r.pick(SUFFIXES);
  const dir = r.chance(0.25) ? r.pick(DIRS) + ' ' : '';
  const num = r.pick([r.int(10, 99), r.int(100, 999), r.int(1000, 9999), r.int(10000, 48000)]);
  return `${num} ${dir}${r.pick(STREET_NAMES)} ${short ? abbr : long}`;
}

export function unit(r: Rng, business: boolean): string | null {
  if (r.chance(0.4)) return null;
  const n = r.int(2, 18);
  return business
    ? r.pick([
        `Suite ${r.int(100, 950)}`,
        `Ste ${r.int(100, 950)}`,
        `Fl ${n}`,
        `Floor ${n}`,
        `Unit ${r.int(1, 40)}`,
        `Bldg ${r.pick(['A', 'B', 'C', '2'])}`,
        `Suite ${r.int(1, 9)}${r.pick(['A', 'B', 'C'])}`,
      ])
    : r.pick([
        `Apt ${r.int(1, 40)}${r.pick(['', 'A', 'B', 'C'])}`,
        `Unit ${r.int(1, 300)}`,
        `Apt ${r.int(101, 950)}`,
      ]);
}

function name(r: Rng, business: boolean): string {
  if (!business) return `${r.pick(FIRST)} ${r.pick(LAST)}`;
  const stem = r.pick(BUSINESS_STEMS);
  const kind = r.pick(BUSINESS_KINDS);
  const form = r.pick(BUSINESS_FORMS);
  const base = form === '& Co.' ? `${stem} ${form}` : `${stem} ${kind}`;
  if (!form || form === '& Co.') return base;
  return r.chance(0.3) && form !== 'Co.' ? `${base}, ${form}` : `${base} ${form}`;
}
export const otherName = name;

function accountNumber(r: Rng, style: AcctStyle, btn: string, prefix: string): string {
  const L = [...'ABCDEFGHJKLMNPRSTUVWXYZ'];
  switch (style) {
    case 'dash433':
      return `${r.digits(4)}-${r.digits(3)}-${r.digits(3)}`;
    case 'space444':
      return `${r.int(1, 9)}${r.digits(3)} ${r.digits(4)} ${r.digits(4)}`;
    case 'prefixed':
      return `${prefix}-${r.digits(5)}-${r.digits(4)}`;
    case 'btn-embed':
      return r.chance(0.5)
        ? `${btn.slice(0, 3)} ${btn.slice(3, 6)}-${btn.slice(6)} ${r.digits(3)}`
        : `${btn}-${r.digits(2)}${r.pick(L)}`;
    case 'long':
      return `000${r.digits(2)}${r.int(1, 9)}${r.digits(7)}`;
    case 'alnum':
      return `${r.pick(L)}${r.pick(L)}${r.int(1, 9)}-${r.digits(3)}${r.pick(L)}-${r.digits(4)}`;
    case 'plain9':
      return `${r.int(1, 9)}${r.digits(8)}`;
    case 'spaced16':
      // grouped the way some ILEC billing systems print it: "8773 10 512 0044913"
      return `${r.int(1, 9)}${r.digits(3)} ${r.digits(2)} ${r.digits(3)} ${r.digits(7)}`;
    case 'check3':
      // an account with a three-digit suffix (a check digit or billing sequence): "0123-456789-001"
      return `${r.digits(4)}-${r.digits(6)}-00${r.int(1, 9)}`;
    case 'ilec': {
      // an old ILEC's account: the BTN, a three-digit customer code and a check digit,
      // "312 555-0147 847 2"
      const code = r.digits(3);
      return `${btn.slice(0, 3)} ${btn.slice(3, 6)}-${btn.slice(6)} ${code} ${luhnDigit(btn + code)}`;
    }
    case 'csr':
      // an ILEC's customer service record: the BTN and a three-digit customer code, "312-555-0147-847"
      return `${btn.slice(0, 3)}-${btn.slice(3, 6)}-${btn.slice(6)}-${r.digits(3)}`;
    case 'suffix5':
      // a national wireless carrier's account: 9 digits (or 10, shaped like a telephone number)
      // and a five-digit sub-account suffix, "442510987-00001"
      return r.chance(0.35)
        ? `${r.int(2, 9)}${r.digits(2)}${r.int(2, 9)}${r.digits(6)}-0000${r.int(1, 3)}`
        : `${r.int(1, 9)}${r.digits(8)}-0000${r.int(1, 3)}`;
  }
}

export interface BillSpec {
  id: string;
  template: string;
  carrier: string;
  kind: Kind;
  acctStyle: AcctStyle;
  acctPrefix: string;
  businessShare: number;
  lineRange: [number, number];
  disconnectedShare: number;
  remit: Addr;
  /** 'blocks': a big business account, numbers in DID blocks over several area codes */
  numbering?: 'classic' | 'blocks';
  /** 'qc': a Quebec account (French names, streets, postal codes, Canadian area codes);
   *  'ca': an English Canadian account (Ontario and the West: postal codes, Canadian area codes);
   *  'pr': a Puerto Rico account (Spanish names, island addresses, 787/939) */
  locale?: 'us' | 'qc' | 'ca' | 'pr';
}

/** Every number of a DID block, in order. */
export function blockNums(b: DidBlock): string[] {
  const base = Number(b.first.slice(6));
  return Array.from({ length: b.count }, (_, k) => b.first.slice(0, 6) + String(base + k).padStart(4, '0'));
}

// Area codes a big business account spreads over (branch offices, overlays).
const EXTRA_NPAS = [
  '312',
  '773',
  '872',
  '617',
  '857',
  '214',
  '469',
  '404',
  '470',
  '602',
  '480',
  '303',
  '720',
];

/**
 * A big business account: 60-250 numbers in DID blocks of 5-50 plus single lines, spread over as
 * many area codes as the fictitious 555-01XX range needs (at most 80 numbers in each, so the
 * carrier's own numbers, removed numbers and request traps still find free ones). The BTN is the
 * first single line in the home area code.
 */
function blockNumbers(
  r: Rng,
  home: string,
  n: number,
): { nums: string[]; blocks: DidBlock[]; take: (npa: string) => string } {
  const npas = [home, ...r.shuffle(EXTRA_NPAS.filter((x) => x !== home)).slice(0, Math.ceil(n / 80) - 1)];
  const free = new Map(npas.map((a) => [a, new Set(Array.from({ length: 100 }, (_, i) => i))]));
  const nums: string[] = [];
  const blocks: DidBlock[] = [];
  const num = (npa: string, i: number) => `${npa}55501${String(i).padStart(2, '0')}`;
  let left = n;
  npas.forEach((npa, k) => {
    const quota = k === npas.length - 1 ? left : Math.min(80, Math.ceil(left / (npas.length - k)));
    const f = free.get(npa)!;
    const mine: string[] = [];
    const use = (i: number) => {
      f.delete(i);
      mine.push(num(npa, i));
    };
    // DID blocks first, walking up the range with small gaps; then single lines anywhere free
    let inBlocks = Math.round(quota * r.float(0.45, 0.75));
    let at = r.int(0, 10);
    while (inBlocks >= 5) {
      at += r.int(1, 6);
      const size = Math.min(r.pick([5, 10, 10, 20, 20, 25, 30, 40, 50]), inBlocks);
      if (at + size > 100) break;
      blocks.push({
        first: num(npa, at),
        count: size,
        charge: Math.round(size * r.float(0.3, 1.2) * 100) / 100,
      });
      for (let i = at; i < at + size; i++) use(i);
      at += size;
      inBlocks -= size;
    }
    const rest = r.shuffle([...f]);
    while (mine.length < quota && rest.length) use(rest.pop()!);
    const singlesFirst = mine.filter((n) => !blocks.some((bk) => blockNums(bk).includes(n)));
    // the BTN is a single line of the home area code
    if (k === 0 && singlesFirst[0]) nums.push(singlesFirst[0]);
    for (const n of mine.sort()) if (!nums.includes(n)) nums.push(n);
    left -= mine.length;
  });
  const take = (npa: string): string => {
    const f = free.get(npa) ?? free.get(home)!;
    const i = r.pick([...f]);
    f.delete(i);
    return num(free.has(npa) ? npa : home, i);
  };
  return { nums, blocks, take };
}

export function makeBill(r: Rng, s: BillSpec): Bill {
  const business = r.chance(s.businessShare);
  // A Quebec account draws its places from data-qc (its own draws; US templates are unchanged).
  const qc = s.locale === 'qc';
  const qcCity = qc ? r.pick(QC_CITIES) : null;
  // An English Canadian account draws from data-ca the same way (draws only when asked for).
  const caCity = s.locale === 'ca' ? r.pick(CA_CITIES) : null;
  // and a Puerto Rico one from data-pr
  const prCity = s.locale === 'pr' ? r.pick(PR_CITIES) : null;
  const city: City = prCity
    ? { city: prCity.city, state: 'PR', zip: '', npa: r.pick(PR_NPAS) }
    : qcCity
      ? { city: qcCity.city, state: 'QC', zip: '', npa: r.pick(qcCity.npa) }
      : caCity
        ? { city: caCity.city, state: caCity.prov, zip: '', npa: r.pick(caCity.npa) }
        : r.pick(CITIES);
  const short = r.chance(0.6);
  const service: Addr = prCity
    ? addrPr(r, prCity, business)
    : qcCity
      ? addrQc(r, qcCity, business)
      : caCity
        ? addrCa(r, caCity, business, short)
        : {
            line1: street(r, short),
            line2: unit(r, business),
            city: city.city,
            state: city.state,
            zip: zipPlus4(r, city.zip),
          };
  const mailingDiffers = r.chance(business ? 0.75 : 0.45);
  const mcity = r.chance(0.6) ? city : r.pick(CITIES);
  // (Canadian and Quebec accounts mail within their province, a Canadian PO box or a street)
  const mailing = ((): Addr => {
    if (!mailingDiffers) return service;
    if (prCity)
      return r.chance(0.5)
        ? {
            line1: `PO Box ${r.int(100, 9800)}`,
            line2: null,
            city: prCity.city,
            state: 'PR',
            zip: zipPr(r, prCity),
          }
        : addrPr(r, r.pick(PR_CITIES), business);
    if (caCity)
      return r.chance(0.5)
        ? {
            line1: `PO Box ${r.int(100, 9800)}${r.chance(0.5) ? ' Stn Main' : ''}`,
            line2: null,
            city: caCity.city,
            state: caCity.prov,
            zip: postalCodeCa(r, caCity),
          }
        : addrCa(r, r.pick(CA_CITIES), business, short);
    if (qcCity)
      return r.chance(0.5)
        ? {
            line1: `C.P. ${r.int(100, 9800)}`,
            line2: null,
            city: qcCity.city,
            state: 'QC',
            zip: postalCode(r, qcCity),
          }
        : addrQc(r, r.pick(QC_CITIES), business);
    return r.chance(0.5)
      ? {
          line1: `PO Box ${r.int(100, 98000)}`,
          line2: null,
          city: mcity.city,
          state: mcity.state,
          zip: zipPlus4(r, mcity.zip),
        }
      : {
          line1: street(r, short),
          line2: unit(r, business),
          city: mcity.city,
          state: mcity.state,
          zip: zipPlus4(r, mcity.zip),
        };
  })();

  // All numbers share a pool of 01XX suffixes so account, carrier-office and removed numbers never collide.
  const pool = r.shuffle(Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0')));
  let take = (npa: string): string => `${npa}55501${pool.pop()}`;
  const n = r.int(s.lineRange[0], s.lineRange[1]);
  let nums: string[] = [];
  let blocks: DidBlock[] = [];
  let btn: string;
  if (s.numbering === 'blocks') {
    const big = blockNumbers(r, city.npa, n);
    ({ nums, blocks, take } = big);
    btn = nums[0]!;
  } else {
    // Real accounts have runs of consecutive numbers (hunt groups, DID blocks).
    btn = take(city.npa);
    nums.push(btn);
    while (nums.length < n) {
      const base = take(city.npa);
      nums.push(base);
      const run = r.chance(0.3) ? r.int(1, 3) : 0;
      for (let k = 1; k <= run && nums.length < n; k++) {
        const next = base.slice(0, 8) + String((Number(base.slice(8)) + k) % 100).padStart(2, '0');
        const idx = pool.indexOf(next.slice(8));
        if (idx >= 0) {
          pool.splice(idx, 1);
          nums.push(next);
        }
      }
    }
  }
  const disconnected = r.chance(s.disconnectedShare)
    ? Array.from({ length: r.int(1, 3) }, () => take(city.npa))
    : [];
  const plans = prCity
    ? WIRELINE_PLANS_PR
    : qc
      ? WIRELINE_PLANS_QC
      : s.kind === 'wireless'
        ? WIRELESS_PLANS
        : WIRELINE_PLANS;
  const contact = prCity ? personPr(r) : qc ? personQc(r) : `${r.pick(FIRST)} ${r.pick(LAST)}`;
  const lines: Line[] = nums.map((num, i) => ({
    num,
    plan:
      i === 0 && s.kind !== 'wireless'
        ? business
          ? prCity
            ? 'Línea comercial principal'
            : qc
              ? "Ligne d'affaires principale"
              : 'Business Line - Main'
          : prCity
            ? 'Línea residencial'
            : qc
              ? 'Ligne résidentielle'
              : 'Residential Line'
        : r.pick(plans),
    user: s.kind === 'wireless' ? `${r.pick(FIRST)} ${r.pick(LAST).charAt(0)}.` : null,
    charge: r.int(900, 9500) / 100,
    minutes: r.int(0, 2400),
    dataGb: r.int(0, 5000) / 100,
    texts: r.int(0, 1800),
    features: r
      .shuffle(FEATURES)
      .slice(0, r.int(1, 4))
      .map((f) => ({ name: f, amount: r.int(0, 1299) / 100 })),
  }));
  // numbers of a DID block are billed with the block, not one by one
  const inBlock = new Set(blocks.flatMap((bk) => blockNums(bk)));
  for (const l of lines)
    if (inBlock.has(l.num)) Object.assign(l, { plan: 'DID number', charge: 0, features: [], user: null });
  const billDate = new Date(Date.UTC(r.int(2024, 2025), r.int(0, 11), r.int(1, 28)));
  const periodEnd = addDays(billDate, -r.int(0, 3));
  const current =
    Math.round(lines.reduce((t, l) => t + l.charge + l.features.reduce((u, f) => u + f.amount, 0), 0) * 100) /
    100;
  const taxes = Math.round(current * r.float(0.06, 0.18) * 100) / 100;
  const prevBalance = Math.round(current * r.float(0.85, 1.15) * 100) / 100;
  const payment = -prevBalance;
  const npa = city.npa;
  return {
    id: s.id,
    template: s.template,
    carrier: s.carrier,
    kind: s.kind,
    accountType: business ? 'business' : 'residential',
    accountName: prCity ? namePr(r, business) : qc ? nameQc(r, business) : name(r, business),
    contact,
    accountNumber: accountNumber(r, s.acctStyle, btn, s.acctPrefix),
    btn,
    lines,
    disconnected,
    blocks,
    office: take(npa),
    repairLocal: take(npa),
    fax: take(npa),
    tollFree: {
      care: `1-800-555-01${r.digits(2)}`,
      repair: `1-888-555-01${r.digits(2)}`,
      tty: `1-877-555-01${r.digits(2)}`,
      billing: `1-866-555-01${r.digits(2)}`,
    },
    service,
    mailing,
    mailingDiffers,
    remit: s.remit,
    billDate,
    periodStart: addDays(periodEnd, -r.pick([29, 30, 31])),
    periodEnd,
    dueDate: addDays(billDate, r.int(14, 25)),
    prevBillDate: addDays(billDate, -r.pick([28, 30, 31])),
    autopayDate: addDays(billDate, r.int(10, 20)),
    prevBalance,
    payment,
    current,
    taxes,
    total: Math.round((prevBalance + payment + current + taxes) * 100) / 100,
    pin: r.digits(r.pick([4, 6])),
  };
}

export function truthOf(b: Bill) {
  return {
    carrier: b.carrier,
    accountName: b.accountName,
    accountNumber: b.accountNumber,
    btn: b.btn,
    serviceAddress: b.service,
    billDate: iso(b.billDate),
    numbers: b.lines.map((l) => l.num),
  };
}
