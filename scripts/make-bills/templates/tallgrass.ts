// An ILEC's Customer Service Record (CSR): the printout a desk gets instead of a bill when it asks
// the losing carrier (or the customer asks their rep) for the account's record. It is not a bill,
// and what no other template has is the record's own grammar:
// - monospaced sections `---LIST---`, `---BILL---`, `---S&E---` of FID lines: `LN` (the directory
//   listed name, sometimes shorter than the billing name), `LA` (the listing's address), `BN1`/`BN2`
//   billing name, `BA1`/`BA2` billing address, `SA ... /LOC ... /CITY ... /ST ... /ZIP` or the
//   split `SAPR`/`SASD`/`SASN`/`SASS` street fields;
// - service and equipment rows `1  1FB  /TN 312 555-0148 /TAR 1234 /PIC 0288 /LPIC 0288`, where
//   the PIC/LPIC carrier codes, the TAR code and the OCN are 4-digit codes, never numbers;
// - hunt groups `HTG /HTG 312 555-0148, 312 555-0149`: every member is on the account, some only
//   there (a hunt terminal with no line row of its own);
// - a line's call-forwarding destination `/CFN 773 555-0123`: never the account's;
// - the record's date `AS OF 03/14/2025` or `CSR DATE 03-14-25` beside the service-established
//   and last-activity dates, and the account `ACCT 312-555-0147-847` (BTN + customer code).
import { type Doc } from '../draw';
import { type Addr, type Bill } from '../model';
import type { Rng } from '../rng';
import { freeNumbers } from './business';
import type { Template } from './types';

const SIZE = 8.5;
const LH = 11;
const X0 = 36;

const STATE_NAME: Record<string, string> = {
  AR: 'ARKANSAS',
  AZ: 'ARIZONA',
  CO: 'COLORADO',
  CT: 'CONNECTICUT',
  DE: 'DELAWARE',
  FL: 'FLORIDA',
  GA: 'GEORGIA',
  IA: 'IOWA',
  ID: 'IDAHO',
  KY: 'KENTUCKY',
  LA: 'LOUISIANA',
  MA: 'MASSACHUSETTS',
  ME: 'MAINE',
  MI: 'MICHIGAN',
  MN: 'MINNESOTA',
  MT: 'MONTANA',
  NC: 'NORTH CAROLINA',
  NE: 'NEBRASKA',
  NH: 'NEW HAMPSHIRE',
  NJ: 'NEW JERSEY',
  NM: 'NEW MEXICO',
  NV: 'NEVADA',
  NY: 'NEW YORK',
  OH: 'OHIO',
  OK: 'OKLAHOMA',
  OR: 'OREGON',
  PA: 'PENNSYLVANIA',
  RI: 'RHODE ISLAND',
  SD: 'SOUTH DAKOTA',
  TN: 'TENNESSEE',
  TX: 'TEXAS',
  VA: 'VIRGINIA',
  VT: 'VERMONT',
  WA: 'WASHINGTON',
  WI: 'WISCONSIN',
};

const FEATURE_USOC: Record<string, string> = {
  'Caller ID': 'NSD',
  'Call Waiting': 'ESC',
  'Voice Mail Box': 'MVB',
  'Three-Way Calling': 'ESC3',
  'Call Forward Busy': 'CFB',
  Hunting: 'HTG',
  'Directory Listing': 'ADL',
  'Inside Wire Maintenance': 'IWM',
  'Long Distance Package': 'LDP',
  'Federal SLC': '9ZR',
  'E911 Fee': 'E91',
};

/** `MM-DD-YY` or `MM/DD/YY(YY)`, as a CSR prints dates. */
function csrDate(d: Date, sep: string, yy: boolean): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  const y = String(d.getUTCFullYear());
  return `${p(d.getUTCMonth() + 1)}${sep}${p(d.getUTCDate())}${sep}${yy ? y.slice(2) : y}`;
}

/** A street `1420 N Main St` in the split fields: number, directional, name, suffix. */
function splitStreet(line1: string): [string, string, string, string] {
  const t = line1.toUpperCase().split(' ');
  const num = t.shift() ?? '';
  const sfx = t.length > 1 ? t.pop()! : '';
  const dir = t.length > 1 && /^(N|S|E|W|NE|NW|SE|SW)$/.test(t[0]!) ? t.shift()! : '';
  return [num, dir, t.join(' '), sfx];
}

function draw(doc: Doc, b: Bill, r: Rng): void {
  const upper = (s: string): string => s.toUpperCase();
  const tnStyle = r.pick(['ilec', 'ilec', 'dash'] as const);
  const tn = (n: string): string =>
    tnStyle === 'ilec'
      ? `${n.slice(0, 3)} ${n.slice(3, 6)}-${n.slice(6)}`
      : `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`;
  const asOf = r.chance(0.5);
  const docDate = asOf
    ? `AS OF ${csrDate(b.billDate, '/', false)}`
    : `CSR DATE ${csrDate(b.billDate, r.pick(['-', '/']), true)}`;
  const splitSa = r.chance(0.4);
  const longName = r.chance(0.5);
  const carrier = longName
    ? `TALLGRASS TELEPHONE CO OF ${STATE_NAME[b.service.state] ?? b.service.state}`
    : 'TALLGRASS TELEPHONE CO';
  const ocn = r.digits(4);
  const tar = r.digits(4);
  const picCodes = ['0288', '0432', '5123', '0555', '0732', '5102'];
  const pic = r.pick(picCodes);
  const lpic = r.chance(0.6) ? pic : r.pick(picCodes);
  const code = b.accountNumber.split('-')[3]!;
  const est = new Date(Date.UTC(r.int(1998, 2019), r.int(0, 11), r.int(1, 28)));
  const lastAct = new Date(b.billDate.getTime() - 86400000 * r.int(5, 60));
  const free = r.shuffle(freeNumbers(b));

  let y = 0;
  let page = 1;
  const put = (s: string): void => {
    doc.text(s, X0, y, { size: SIZE, font: 'reg' });
    y += LH;
  };
  const cols = (cells: [number, string][]): void => {
    let s = '';
    for (const [c, t] of cells) s = s.padEnd(c) + t;
    put(s);
  };
  const head = (): void => {
    y = 42;
    cols([
      [0, carrier],
      [60, 'CUSTOMER SERVICE RECORD'],
      [88, `PAGE ${String(page).padStart(3)}`],
    ]);
    if (page === 1) {
      cols([
        [0, docDate],
        [30, `CO CODE TGT  OCN ${ocn}`],
        [60, `BILL CYC ${String(b.billDate.getUTCDate()).padStart(2, '0')}`],
      ]);
    } else
      cols([
        [0, `ACCT ${b.accountNumber}`],
        [30, docDate],
      ]);
    put('');
  };
  const room = (n: number): void => {
    if (y + n * LH > 750) {
      doc.addPage();
      page++;
      head();
    }
  };

  head();
  cols([
    [0, `BTN ${tn(b.btn)}`],
    [24, `ACCT ${b.accountNumber}`],
    [50, `CUS CODE ${code}`],
    [66, `CLS ${b.accountType === 'business' ? 'BUS' : 'RES'}`],
  ]);
  cols([
    [0, `SVC EST ${csrDate(est, '-', true)}`],
    [24, `LAST ACT ${csrDate(lastAct, '-', true)}`],
    [50, `TAX EXEMPT N`],
  ]);
  put('');

  // The listing: the directory name may be the billing name without its corporate form.
  const name = upper(b.accountName);
  const listed =
    b.accountType === 'business' && r.chance(0.35)
      ? name.replace(/,?\s+(INC\.?|LLC|L\.L\.C\.|CORP\.?|LTD\.?|PLLC|LLP|CO\.)$/, '')
      : name;
  const la: Addr = r.chance(0.7) ? b.service : b.mailing;
  put('---LIST---');
  cols([
    [0, 'LN'],
    [6, listed],
  ]);
  cols([
    [0, 'LA'],
    [6, upper(`${la.line1} ${la.city} ${la.state}`)],
  ]);
  cols([
    [0, 'LTN'],
    [6, tn(b.btn)],
  ]);
  if (b.accountType === 'business')
    cols([
      [0, 'YPH'],
      [6, r.pick(['RESTAURANTS', 'HARDWARE-RETAIL', 'PLUMBING CONTRACTORS', 'ACCOUNTANTS', 'DENTISTS'])],
    ]);
  put('');

  put('---BILL---');
  const bill: string[] = [name];
  if (b.accountType === 'business' && b.mailingDiffers) bill.push(`ATTN ${upper(b.contact)}`);
  bill.forEach((l, i) =>
    cols([
      [0, `BN${i + 1}`],
      [6, l],
    ]),
  );
  const ba = [
    b.mailing.line1,
    ...(b.mailing.line2 ? [b.mailing.line2] : []),
    `${b.mailing.city} ${b.mailing.state} ${b.mailing.zip}`,
  ];
  ba.forEach((l, i) =>
    cols([
      [0, `BA${i + 1}`],
      [6, upper(l)],
    ]),
  );
  put('');

  put('---S&E---');
  const a = b.service;
  const loc = a.line2 ? ` /LOC ${upper(a.line2)}` : '';
  if (splitSa) {
    const [num, dir, st, sfx] = splitStreet(a.line1);
    cols([
      [0, 'SAPR'],
      [6, `${num}${dir ? ` /SASD ${dir}` : ''} /SASN ${st}${sfx ? ` /SASS ${sfx}` : ''}`],
    ]);
    if (a.line2)
      cols([
        [0, 'LOC'],
        [6, upper(a.line2)],
      ]);
    cols([
      [0, 'CITY'],
      [6, `${upper(a.city)} /ST ${a.state} /ZIP ${a.zip}`],
    ]);
  } else
    cols([
      [0, 'SA'],
      [6, `${upper(a.line1)}${loc} /CITY ${upper(a.city)} /ST ${a.state} /ZIP ${a.zip}`],
    ]);
  put('');
  cols([
    [0, 'QTY'],
    [5, 'USOC'],
    [12, 'FIDS'],
    [78, 'RATE'],
  ]);

  // Hunt groups: runs of the account's lines; some members (terminals) have no line row of their own.
  const nums = b.lines.map((l) => l.num);
  const hunts: string[][] = [];
  if (nums.length >= 3 && r.chance(0.7)) {
    const start = r.int(0, Math.max(0, nums.length - 3));
    hunts.push(nums.slice(start, start + r.int(2, Math.min(5, nums.length - start))));
  }
  const terminalsOnly = new Set(
    hunts.length && r.chance(0.45) ? hunts[0]!.slice(1).slice(0, r.int(1, 2)) : [],
  );
  const rate = (n: number): string => n.toFixed(2).padStart(7);
  b.lines.forEach((l, i) => {
    if (terminalsOnly.has(l.num)) return;
    room(2 + l.features.length);
    const usoc = b.accountType === 'business' ? (i === 0 ? '1FB' : r.pick(['1FB', '1MB'])) : '1FR';
    const lp = r.chance(0.8) ? pic : r.pick(picCodes);
    cols([
      [0, '1'],
      [5, usoc],
      [12, `/TN ${tn(l.num)} /TAR ${tar} /PIC ${lp} /LPIC ${r.chance(0.8) ? lpic : lp}`],
      [76, rate(l.charge)],
    ]);
    for (const f of l.features) {
      const u = FEATURE_USOC[f.name] ?? 'ESX';
      const fid =
        u === 'CFB' && free.length ? `/TN ${tn(l.num)} /CFN ${tn(free.pop()!)}` : `/TN ${tn(l.num)}`;
      cols([
        [0, '1'],
        [5, u],
        [12, fid],
        [76, rate(f.amount)],
      ]);
    }
  });
  for (const h of hunts) {
    room(3);
    const members = h.map(tn);
    cols([
      [0, '1'],
      [5, 'HTG'],
      [12, `/HTG ${members.slice(0, 3).join(', ')}`],
      [76, rate(0)],
    ]);
    if (members.length > 3) cols([[12, `/HTG ${members.slice(3).join(', ')}`]]);
    for (const t of terminalsOnly)
      cols([
        [0, '1'],
        [5, 'MHT'],
        [12, `/HTN ${tn(t)} /TAR ${tar}`],
        [76, rate(4.5)],
      ]);
  }
  if (r.chance(0.35) && free.length) {
    // remote call forwarding on a line of the account: the destination is someone else's
    room(2);
    cols([
      [0, '1'],
      [5, 'RCF'],
      [12, `/TN ${tn(b.btn)} /RCF ${tn(free.pop()!)}`],
      [76, rate(12)],
    ]);
  }
  cols([
    [0, '1'],
    [5, '9ZR'],
    [12, 'FEDERAL SUBSCRIBER LINE CHARGE'],
    [76, rate(6.5 * b.lines.length)],
  ]);
  put('');

  room(6);
  put('---RMKS---');
  cols([
    [0, 'RMKR'],
    [6, `BUS OFC ${tn(b.office)}  REPAIR ${tn(b.repairLocal)}`],
  ]);
  cols([
    [0, 'RMKR'],
    [6, `PIC ${pic} LPIC ${lpic} FREEZE ${r.pick(['Y', 'N'])}`],
  ]);
  if (b.disconnected.length)
    for (const n of b.disconnected)
      cols([
        [0, 'RMKR'],
        [6, `TN ${tn(n)} DISC ORD N${r.digits(7)} ${csrDate(lastAct, '-', true)}`],
      ]);
  put('');
  put('*** END OF CSR ***');
}

export const tallgrass: Template = {
  id: 'tallgrass-csr',
  carrier: 'Tallgrass Telephone Co',
  kind: 'wireline',
  family: 'courier',
  alt: 'courier',
  acctStyle: 'csr',
  businessShare: 0.75,
  lineRange: [1, 14],
  disconnectedShare: 0.3,
  remit: { line1: 'PO Box 7720', line2: null, city: 'Wichita', state: 'KS', zip: '67277-7720' },
  layout:
    'an ILEC customer service record (CSR) printout: monospaced ---LIST---/---BILL---/---S&E--- sections of FID lines (LN, LA, BN1, BA1, SA /LOC /CITY /ST /ZIP or SAPR/SASN), USOC rows with /TN /TAR /PIC /LPIC, hunt groups (/HTG), call-forward destinations (/CFN, /RCF), AS OF or CSR DATE as the document date',
  suite: 'business',
  faxShare: 0.2,
  draw,
};
