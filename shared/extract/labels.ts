// Label vocabulary and a fuzzy matcher that finds labels on lines the way a reader spots them:
// at the start of a column piece, or followed by a colon or a dotted leader.
import type { Line, LWord, Segment } from './layout';
import { isLeader } from './layout';
import { foldAccents } from '../normalize/accents';

export type FieldKind = 'accountNumber' | 'btn' | 'serviceAddress' | 'billDate' | 'accountName';
export type OtherKind = 'mailing' | 'remit' | 'contact' | 'due' | 'period' | 'lines' | 'amount' | 'other';
export type LabelKind = FieldKind | OtherKind;

interface Phrase {
  tokens: string[];
  kinds: Partial<Record<LabelKind, number>>;
  /** generic one-word labels need stronger layout evidence */
  generic: boolean;
  /** a caption only where a value follows it: a colon or digits next ("Your account: 5512 0091") */
  valueNext?: boolean;
}

// Token synonyms collapse to one canonical spelling before phrases are compared.
const CANON: Record<string, string> = {
  NO: '#',
  NUMBER: '#',
  NBR: '#',
  NUM: '#',
  // "Núm." as OCR reads it on a Spanish bill ("Cuenta nam.")
  NAM: '#',
  NMBR: '#',
  '#': '#',
  ACCT: 'ACCOUNT',
  ACCNT: 'ACCOUNT',
  ACC: 'ACCOUNT',
  ACCOUNT: 'ACCOUNT',
  TEL: 'TELEPHONE',
  TELEPHONE: 'TELEPHONE',
  PHONE: 'PHONE',
  ADDR: 'ADDRESS',
  ADDRESS: 'ADDRESS',
  CUST: 'CUSTOMER',
  CUSTOMER: 'CUSTOMER',
  STMT: 'STATEMENT',
  STATEMENT: 'STATEMENT',
  INV: 'INVOICE',
  INVOICE: 'INVOICE',
  SVC: 'SERVICE',
  SERVICE: 'SERVICE',
  SERVICES: 'SERVICE',
  BILLING: 'BILLING',
  BILL: 'BILL',
  BILLED: 'BILLED',
  IDENTIFIER: 'ID',
  ID: 'ID',
  // "ID" as OCR reads it off a photo ("Premise 10", "Customer 10"): the D taken for a 0
  IO: 'ID',
  LOC: 'LOCATION',
  LOCATION: 'LOCATION',
  // "A/C No." reads as one token AC
  AC: 'ACCOUNT',
};

// (a token is spelled as canonToken spells what it reads: "E911" is read as "EII", so a phrase
// with digits in a word would otherwise never match)
/**
 * A token of digits only, some of which no letter looks like ("1345", "911"), or four of them
 * ("1150"): a number, never a word OCR garbled ("1345" would otherwise read as "IS", the 1 and the 5 taken for letters and
 * the rest dropped, and open "Account number 1345 3166 6718" as "Account number is").
 */
const numberToken = (t: string): boolean =>
  (/^[\d.,\-/]+$/.test(t) && /[2-46-9]|\d{4}/.test(t)) ||
  // and a word that holds two such digits ("A1985"), which no label word does ("E911" holds one)
  (t.match(/[2-46-9]/g) ?? []).length >= 2;

const P = (text: string, kinds: Phrase['kinds'], generic = false): Phrase => ({
  tokens: text.split(' ').map((t) => {
    if (numberToken(t)) return t;
    const c =
      t === '#'
        ? t
        : t
            .replace(/0/g, 'O')
            .replace(/1/g, 'I')
            .replace(/5/g, 'S')
            .replace(/[^A-Z#]/g, '');
    return CANON[c] ?? c;
  }),
  kinds,
  generic,
});

const A = { accountNumber: 1 };
const PHRASES: Phrase[] = [
  // account number
  ...[
    'ACCOUNT NUMBER',
    'ACCOUNT #',
    'ACCT #',
    'ACCOUNT ID',
    'ACCOUNT CODE',
    'CUSTOMER ID',
    'CUSTOMER NUMBER',
    'CUSTOMER ACCOUNT',
    'CUSTOMER ACCOUNT NUMBER',
    'MEMBER ACCOUNT',
    'MEMBER ACCOUNT NUMBER',
    'MEMBER NUMBER',
    'MEMBER ID',
    'BILLING ACCOUNT',
    'BILLING ACCOUNT NUMBER',
    'BAN',
    'CLIENT NUMBER',
    'CLIENT ID',
    'CLIENT ACCOUNT',
    'YOUR ACCOUNT NUMBER',
    // a letter's sentence ("Your account number is 5512009144.")
    'YOUR ACCOUNT NUMBER IS',
    'ACCOUNT NUMBER IS',
    'ACCOUNT NUMBER BAN',
    'BILLING ACCOUNT NUMBER BAN',
    'BILLING ACCOUNT # BAN',
    'WIRELESS ACCOUNT NUMBER',
    'MOBILE ACCOUNT NUMBER',
    'BILLING ACCOUNT #',
    'MASTER ACCOUNT',
    'MASTER ACCOUNT NUMBER',
    'PARENT ACCOUNT',
    'CORPORATE ACCOUNT',
    'SUMMARY ACCOUNT',
    'CUSTOMER CODE',
    'ACCOUNT NO',
    'CUSTOMER ACCOUNT ID',
    'SERVICE ACCOUNT',
    'SERVICE ACCOUNT NUMBER',
    'SUBSCRIBER NUMBER',
    'SUBSCRIBER ID',
    // the account the numbers are billed under, below a master account
    'SUB ACCOUNT',
    'SUBACCOUNT',
    'SUB ACCOUNT #',
    'SUBACCOUNT #',
    'SUB ACCT',
    'SUB ACCOUNT NUMBER',
    'BILLING ACCOUNT ID',
    // a town's combined utility bill (electric, water and telephone on one account)
    'UTILITY ACCOUNT',
    'UTILITY ACCOUNT NUMBER',
    'UTILITY ACCOUNT #',
  ].map((t) => P(t, A)),
  P('ACCOUNT', { accountNumber: 0.6 }, true),
  // "Your account: 5512 0091"; elsewhere "Your Account" heads a section (below)
  { ...P('YOUR ACCOUNT', { accountNumber: 0.6 }, true), valueNext: true },
  // a carrier that renumbered its accounts prints the new number beside the old one
  ...['NEW ACCOUNT NUMBER', 'NEW ACCOUNT #', 'NEW ACCOUNT ID', 'CURRENT ACCOUNT NUMBER'].map((t) => P(t, A)),
  ...[
    'PREVIOUS ACCOUNT NUMBER',
    'PREVIOUS ACCOUNT #',
    'PREVIOUS ACCOUNT',
    'OLD ACCOUNT NUMBER',
    'OLD ACCOUNT #',
    'OLD ACCOUNT',
    'FORMER ACCOUNT NUMBER',
    'FORMER ACCOUNT',
    'PRIOR ACCOUNT NUMBER',
    'PRIOR ACCOUNT',
    // people the holder lets call about the account: never its name
    'AUTHORIZED USER',
    'AUTHORIZED USERS',
    'AUTHORIZED CONTACT',
    'AUTHORIZED CONTACTS',
    'AUTHORIZED PERSON',
    'AUTHORIZED PERSONS',
    'AUTHORIZED MANAGER',
    'AUTHORIZED MANAGERS',
  ].map((t) => P(t, { other: 1 })),
  // BTN
  ...[
    'BTN',
    'BILLING TELEPHONE NUMBER',
    'BILLING TELEPHONE #',
    'BILLING PHONE NUMBER',
    'BILLING PHONE',
    'BILLING NUMBER',
    'MAIN NUMBER',
    'MAIN PHONE',
    'MAIN PHONE NUMBER',
    'MAIN TELEPHONE NUMBER',
    'MAIN LINE',
    'MAIN BILLING NUMBER',
    'PRIMARY NUMBER',
    'PRIMARY PHONE',
    'PRIMARY PHONE NUMBER',
    'PRIMARY LINE',
    'PRIMARY TELEPHONE NUMBER',
    'YOUR NUMBER',
    'YOUR PHONE NUMBER',
    'YOUR TELEPHONE NUMBER',
    'ACCOUNT PHONE',
    'ACCOUNT PHONE NUMBER',
    'ACCOUNT TELEPHONE NUMBER',
    'PILOT NUMBER',
    'BILLED TELEPHONE NUMBER',
    'BILLING TN',
    'MAIN TN',
    'MAIN BTN',
    'BILLING TELEPHONE',
    'BILLED NUMBER',
    // a consumer bill's summary box: "Number billed"
    'NUMBER BILLED',
    'BILLED TELEPHONE',
    'BILLING TEL',
    'MAIN TEL',
    'PRIMARY TN',
    'MAIN ACCOUNT NUMBER',
    'ACCOUNT TELEPHONE',
    'PRIMARY LINE NUMBER',
    'MAIN LINE NUMBER',
    'BILLED TN',
    'NUMBER BILLED',
    'TELEPHONE NUMBER BILLED',
    'YOUR SERVICE NUMBER',
    'HOME PHONE',
    'HOME PHONE NUMBER',
    'HOME TELEPHONE NUMBER',
    'MAIN LISTED NUMBER',
    'LISTED TELEPHONE NUMBER',
  ].map((t) => P(t, { btn: 1 })),
  // a consumer bill's heading names the line it is for ("Your bill for 303-555-0142"); the
  // same words before a month or a name give no number and so no BTN
  P('YOUR BILL FOR', { btn: 0.6 }),
  // "Statement for 4471 0912" / "Statement for 303-555-0142": a heading that names the account,
  // by its number or by its line; its value is read only on its own line (fields.ts), as a
  // heading's words before a month ("Statement for April 2024") give none
  ...['STATEMENT FOR', 'MONTHLY STATEMENT FOR', 'BILL FOR', 'INVOICE FOR'].map((t) =>
    P(t, { accountNumber: 0.6, btn: 0.6 }),
  ),
  // and naming it plainly ("Statement for account 4471 0912", Lumen, Frontier)
  ...[
    'STATEMENT FOR ACCOUNT',
    'STATEMENT FOR ACCOUNT NUMBER',
    'MONTHLY STATEMENT FOR ACCOUNT',
    'YOUR STATEMENT FOR ACCOUNT',
    'BILL FOR ACCOUNT',
    'YOUR BILL FOR ACCOUNT',
    'INVOICE FOR ACCOUNT',
    'SUMMARY FOR ACCOUNT',
  ].map((t) => P(t, { accountNumber: 0.9 })),
  // (also a column's caption over a table of lines: a number beside one is the BTN only when
  // nothing says so more plainly)
  ...[
    'TELEPHONE NUMBER',
    'PHONE NUMBER',
    'PHONE',
    'TELEPHONE',
    'TN',
    'SERVICE NUMBER',
    'LINE NUMBER',
    'LISTED NUMBER',
  ].map((t) => P(t, { btn: 0.4 }, t.split(' ').length === 1)),
  // service address
  ...[
    'SERVICE ADDRESS',
    'SERVICE LOCATION',
    'LOCATION OF SERVICE',
    'SERVICE INSTALLED AT',
    'INSTALLED AT',
    'PREMISES',
    'PREMISES ADDRESS',
    'SERVICE PREMISES',
    'SERVICE SITE',
    'SITE ADDRESS',
    'SERVICE AT',
    'ADDRESS OF SERVICE',
    'INSTALLATION ADDRESS',
    'SERVICE LOCATION ADDRESS',
    'SERVICE PROVIDED AT',
    'SERVICE ADDRESS FOR',
    'LOCATION ADDRESS',
    'SERVICE PLACE',
    'PLACE OF SERVICE',
    'SERVICE LOCATED AT',
    'INSTALLATION LOCATION',
    'SITE LOCATION',
    // hosted-voice invoices name the customer's main site
    'PRIMARY SITE',
    'MAIN SITE',
    'PRIMARY SERVICE LOCATION',
    'PRIMARY SERVICE ADDRESS',
    'MAIN SERVICE LOCATION',
    'MAIN SERVICE ADDRESS',
    'SERVICE PREMISE',
    'SERVICE FOR',
    'PREMISE ADDRESS',
    // wireless bills name the address a line is used at
    'PRIMARY PLACE OF USE',
    'PLACE OF PRIMARY USE',
    'PPU ADDRESS',
    'E911 ADDRESS',
    'E911 LOCATION',
    'E911 SERVICE ADDRESS',
    '911 ADDRESS',
    'EMERGENCY ADDRESS',
    'EMERGENCY SERVICE ADDRESS',
    'EMERGENCY LOCATION',
    // a consumer bill's plain words for it ("Where we provide service:")
    'WHERE WE PROVIDE SERVICE',
    'WHERE WE PROVIDE YOUR SERVICE',
    'WHERE YOUR SERVICE IS',
    // the street address beside a mailing box ("Physical address: 18 Elm St")
    'PHYSICAL ADDRESS',
    'PHYSICAL LOCATION',
    'SERVICE STREET ADDRESS',
  ].map((t) => P(t, { serviceAddress: 1 })),
  P('LOCATION', { serviceAddress: 0.6 }, true),
  // an ILEC's service-order shorthand for the service address, "SA: 1234 N MAIN ST ..."
  P('SA', { serviceAddress: 0.6 }, true),
  P('SITE', { serviceAddress: 0.5 }, true),
  // bill date
  ...[
    'BILL DATE',
    'BILLING DATE',
    'STATEMENT DATE',
    'INVOICE DATE',
    'DATE ISSUED',
    'ISSUE DATE',
    'DATE OF BILL',
    'DATE OF STATEMENT',
    'DATE OF INVOICE',
    'BILL ISSUED',
    'STATEMENT ISSUED',
    'INVOICE ISSUED',
    'ISSUED ON',
    'BILL ISSUE DATE',
    'DATE PREPARED',
    'BILL PRINT DATE',
    'STATEMENT ISSUE DATE',
    'DATE OF ISSUE',
    'BILL DT',
    'INVOICE DT',
    'STATEMENT DT',
    'BILLING STATEMENT DATE',
    'INVOICE ISSUE DATE',
    'DATE BILLED',
    'BILL CYCLE DATE',
    'STATEMENT PRINT DATE',
  ].map((t) => P(t, { billDate: 1 })),
  P('ISSUED', { billDate: 0.7 }, true),
  P('DATE', { billDate: 0.5 }, true),
  // account name
  ...[
    'ACCOUNT NAME',
    'CUSTOMER NAME',
    'BUSINESS NAME',
    'ACCOUNT HOLDER',
    'ACCOUNT HOLDER NAME',
    'SUBSCRIBER NAME',
    'COMPANY NAME',
    'PREPARED FOR',
    'ACCOUNT OWNER',
    'MEMBER NAME',
    'CLIENT NAME',
    'NAME ON ACCOUNT',
    'BILLING NAME',
    'SERVICE NAME',
  ].map((t) => P(t, { accountName: 1 })),
  ...['BILLED TO', 'BILL TO', 'SOLD TO', 'INVOICE TO', 'ISSUED TO', 'STATEMENT TO'].map((t) =>
    P(t, { accountName: 0.55, mailing: 1 }),
  ),
  ...['CUSTOMER', 'NAME', 'SUBSCRIBER', 'COMPANY', 'MEMBER', 'CLIENT'].map((t) =>
    P(t, { accountName: t === 'CUSTOMER' || t === 'NAME' ? 0.7 : 0.5 }, true),
  ),
  // Spanish (bilingual bills print "Número de cuenta / Account Number")
  ...['NUMERO DE CUENTA', 'NO DE CUENTA', 'CUENTA #', 'CUENTA'].map((t) =>
    P(t, { accountNumber: t === 'CUENTA' ? 0.6 : 1 }, t === 'CUENTA'),
  ),
  ...[
    'TELEFONO DE FACTURACION',
    'NUMERO PRINCIPAL',
    'TELEFONO PRINCIPAL',
    'NUMERO DE TELEFONO PRINCIPAL',
    'SU NUMERO',
  ].map((t) => P(t, { btn: 1 })),
  ...[
    'FECHA DE FACTURA',
    'FECHA DEL ESTADO',
    'FECHA DE FACTURACION',
    'FECHA DE EMISION',
    'FECHA DEL ESTADO DE CUENTA',
  ].map((t) => P(t, { billDate: 1 })),
  ...[
    'LUGAR DE SERVICIO',
    'DIRECCION DE SERVICIO',
    'DIRECCION DEL SERVICIO',
    'DOMICILIO DE SERVICIO',
    'UBICACION DEL SERVICIO',
  ].map((t) => P(t, { serviceAddress: 1 })),
  ...['NOMBRE', 'NOMBRE DE LA CUENTA', 'NOMBRE DEL CLIENTE', 'TITULAR', 'TITULAR DE LA CUENTA'].map((t) =>
    P(t, { accountName: t === 'NOMBRE' ? 0.7 : 1 }, t === 'NOMBRE' || t === 'TITULAR'),
  ),
  ...['VENCE', 'FECHA DE VENCIMIENTO', 'PAGAR ANTES DE', 'PERIODO', 'PERIODO DE FACTURACION'].map((t) =>
    P(t, t.startsWith('PERIODO') ? { period: 1 } : { due: 1 }),
  ),
  ...['PAGAR A', 'ENVIAR PAGOS A', 'REMITIR A', 'ENVIE SU PAGO A'].map((t) => P(t, { remit: 1 })),
  ...['ENVIAR A', 'DIRECCION POSTAL', 'DIRECCION DE FACTURACION'].map((t) => P(t, { mailing: 1 })),
  ...['SERVICIO AL CLIENTE', 'ATENCION AL CLIENTE', 'REPARACIONES', 'ESPANOL', 'OFICINA COMERCIAL'].map((t) =>
    P(t, { contact: 1 }),
  ),
  // French (Quebec bills, alone or first in "Numéro de compte / Account number"); accents are
  // folded before phrases are compared, "No"/"N°" is '#'
  ...[
    'NUMERO DE COMPTE',
    'NO DE COMPTE',
    'N DE COMPTE',
    'NUMERO DU COMPTE',
    'COMPTE CLIENT',
    'SOUS COMPTE',
    'SOUSCOMPTE',
  ].map((t) => P(t, { accountNumber: 1 })),
  P('COMPTE', { accountNumber: 0.6 }, true),
  ...[
    'NUMERO PRINCIPAL',
    'NO DE TELEPHONE PRINCIPAL',
    'NUMERO DE TELEPHONE PRINCIPAL',
    'TELEPHONE PRINCIPAL',
    'NO DE TELEPHONE DE FACTURATION',
    'NUMERO DE FACTURATION',
    'LIGNE PRINCIPALE',
  ].map((t) => P(t, { btn: 1 })),
  ...[
    'DATE DE FACTURATION',
    'DATE DE LA FACTURE',
    'DATE DE FACTURE',
    'DATE DU RELEVE',
    "DATE D'EMISSION",
  ].map((t) => P(t.replace("'", ''), { billDate: 1 })),
  ...[
    'ADRESSE DE SERVICE',
    'ADRESSE DU SERVICE',
    'LIEU DU SERVICE',
    "ADRESSE D'INSTALLATION",
    'LIEU DE SERVICE',
  ].map((t) => P(t.replace("'", ''), { serviceAddress: 1 })),
  ...['TITULAIRE DU COMPTE', 'NOM DU CLIENT', 'NOM DU TITULAIRE', 'RAISON SOCIALE'].map((t) =>
    P(t, { accountName: 1 }),
  ),
  P('NOM', { accountName: 0.7 }, true),
  // what OCR leaves of "Adresse du service" (the mailing and billing addresses name themselves)
  P('ADRESSE', { serviceAddress: 0.5 }, true),
  ...["DATE D'ECHEANCE", 'PAYABLE AU PLUS TARD LE', 'PAYABLE AVANT LE', 'ECHEANCE'].map((t) =>
    P(t.replace("'", ''), { due: 1 }, t === 'ECHEANCE'),
  ),
  ...['PERIODE DE FACTURATION', 'PERIODE'].map((t) => P(t, { period: 1 }, t === 'PERIODE')),
  ...['ADRESSE POSTALE', 'ADRESSE DE FACTURATION', 'ADRESSE DE CORRESPONDANCE'].map((t) =>
    P(t, { mailing: 1 }),
  ),
  ...[
    'LIBELLEZ VOTRE CHEQUE A',
    'LIBELLEZ VOTRE CHEQUE',
    'FAIRE LE CHEQUE A',
    'RETOURNER CE COUPON',
    'COUPON DE PAIEMENT',
  ].map((t) => P(t, { remit: 1 })),
  ...[
    'SERVICE A LA CLIENTELE',
    'SERVICE CLIENT',
    'DEPANNAGE',
    'REPARATIONS',
    'TELECOPIEUR',
    'SOUTIEN TECHNIQUE',
  ].map((t) => P(t, { contact: 1 })),
  ...['MONTANT TOTAL A PAYER', 'SOLDE PRECEDENT', 'FRAIS MENSUELS', 'PAIEMENT RECU', 'MONTANT'].map((t) =>
    P(t, { amount: 1 }, t === 'MONTANT'),
  ),
  // traps
  ...[
    'MAILING ADDRESS',
    'BILLING ADDRESS',
    'MAIL TO',
    'MAILING',
    'CORRESPONDENCE ADDRESS',
    'POSTAL ADDRESS',
    'SHIP TO',
    'SEND BILLS TO',
    'SEND BILL TO',
    'MAIL BILLS TO',
    'BILLS MAILED TO',
  ].map((t) => P(t, { mailing: 1 })),
  ...[
    'REMIT TO',
    'REMIT PAYMENT TO',
    'REMIT PAYMENTS TO',
    'SEND PAYMENT TO',
    'SEND PAYMENTS TO',
    'MAKE CHECKS PAYABLE TO',
    'PAYABLE TO',
    'PAYMENT ADDRESS',
    'MAIL PAYMENT TO',
    'MAIL PAYMENTS TO',
    'PLEASE REMIT TO',
    'PLEASE REMIT',
    'REMITTANCE ADDRESS',
    'REMIT',
    'PAY TO',
    'RETURN THIS PORTION',
    'PAYMENT COUPON',
    'DETACH AND RETURN',
    'PLEASE DETACH',
    'PAYMENT STUB',
  ].map((t) => P(t, { remit: 1 })),
  ...[
    'CUSTOMER CARE',
    'CUSTOMER SERVICE',
    'SUPPORT',
    'TECHNICAL SUPPORT',
    'TECH SUPPORT',
    'REPAIR',
    'REPAIR SERVICE',
    'REPAIRS',
    'FAX',
    'BUSINESS OFFICE',
    'CALL US',
    'CALL',
    'CONTACT US',
    'CONTACT',
    'QUESTIONS',
    'BILLING INQUIRIES',
    'BILLING QUESTIONS',
    'HELP',
    'SALES',
    'TOLL FREE',
    'TTY',
    'TDD',
    'TROUBLE',
    'OUTAGE',
    'OUTAGES',
    'CARE',
    'CUSTOMER CARE NUMBER',
    'CUSTOMER SUPPORT',
    'SERVICE DESK',
    'HELP DESK',
    'TECHNICAL',
    'EMERGENCY',
    'PAYMENTS BY PHONE',
    'PAY BY PHONE',
    'AUTOMATED PAYMENTS',
    'TO REPORT',
    'DIAL',
    'HEARING IMPAIRED',
    'SPANISH',
    'ESPANOL',
    'BILLING DEPARTMENT',
    'ACCOUNT SERVICES',
    'CUSTOMER RELATIONS',
    'FRAUD',
    'LOST OR STOLEN',
  ].map((t) => P(t, { contact: 1 })),
  ...[
    'DUE DATE',
    'PAYMENT DUE',
    'PAYMENT DUE DATE',
    'PAY BY',
    'PLEASE PAY BY',
    'DUE BY',
    'AUTOPAY DATE',
    'AUTO PAY DATE',
    'PAYMENT DUE BY',
    'DUE ON',
    'DUE',
    'LAST PAYMENT',
    'PAYMENT RECEIVED',
    'PAYMENT DATE',
    'PAID ON',
    'SCHEDULED PAYMENT',
    'DRAFT DATE',
    'NEXT BILL DATE',
    'NEXT BILL',
    'LATE FEE AFTER',
    'PAY ON OR BEFORE',
    'PAST DUE AFTER',
  ].map((t) => P(t, { due: 1 })),
  ...[
    'STATEMENT PERIOD',
    'BILLING PERIOD',
    'SERVICE PERIOD',
    'BILL PERIOD',
    'SERVICE FROM',
    'PERIOD',
    'BILLING CYCLE',
    'SERVICE DATES',
    'FOR SERVICE THROUGH',
    'FOR SERVICES FROM',
    'CHARGES FROM',
    'INVOICE PERIOD',
    'USAGE PERIOD',
    'CYCLE',
    'COVERAGE PERIOD',
    'SERVICE THROUGH',
    'BILLING CYCLE DATES',
  ].map((t) => P(t, { period: 1 })),
  ...[
    'AMOUNT DUE',
    'TOTAL AMOUNT DUE',
    'TOTAL DUE',
    'BALANCE DUE',
    'AMOUNT ENCLOSED',
    'PREVIOUS BALANCE',
    'NEW CHARGES',
    'TOTAL',
    'BALANCE',
  ].map((t) => P(t, { amount: 1 })),
  ...[
    'PAGE',
    'PIN',
    'PASSCODE',
    'SECURITY CODE',
    'INVOICE #',
    'INVOICE',
    'STATEMENT #',
    'BILL #',
    'ORDER #',
    'REFERENCE #',
    'CONFIRMATION #',
    'TAX ID',
    'FEDERAL TAX ID',
    'EIN',
    'ATTN',
    'ATTENTION',
    'ATENCION',
    'ACCOUNT SUMMARY',
    'SUMMARY OF CHARGES',
    'BILL SUMMARY',
    'YOUR ACCOUNT',
    'ACCOUNT INFORMATION',
    'IMPORTANT MESSAGES',
    'ACCOUNT DETAILS',
    'ACCOUNT OVERVIEW',
    'CHARGES SUMMARY',
    'LAST BILL DATE',
    'LAST BILL',
    'PREVIOUS BILL DATE',
    'PREVIOUS BILL',
    'PREVIOUS STATEMENT',
    'PREVIOUS STATEMENT DATE',
    'PRIOR BILL DATE',
    'LAST STATEMENT',
    'LAST STATEMENT DATE',
    'PREVIOUS INVOICE DATE',
    'LAST INVOICE DATE',
  ].map((t) => P(t, { other: 1 })),
  ...[
    // a utility's identifiers of its meters and of the premise it serves (a town's bill for
    // electric, water and telephone together): digit runs as long as a telephone number, and
    // sometimes shaped like one, that are neither a line nor the account
    'METER',
    'METER #',
    'METER NO',
    'METER NUMBER',
    'LOCATION ID',
    'LOCATION NO',
    'LOCATION NUMBER',
    'PREMISE ID',
    'PREMISE #',
    'PREMISE NO',
    'PREMISE NUMBER',
    'SERVICE POINT',
    'SERVICE POINT ID',
    'ESI ID',
  ].map((t) => P(t, { other: 1 }, !t.includes(' '))),
  ...[
    // device and contract identifiers on wireless bills: long digit strings that are neither
    // the account nor a phone number
    'IMEI',
    'MEID',
    'ESN',
    'ICCID',
    'SIM',
    'SIM #',
    'SIM CARD',
    'SIM ICCID',
    'DEVICE ID',
    'SERIAL #',
    'SERIAL',
    'AGREEMENT',
    'AGREEMENT #',
    'INSTALLMENT AGREEMENT',
    'DEVICE INSTALLMENT AGREEMENT',
    'INSTALLMENT PLAN',
    'EIP',
    'LEASE',
    'ORDER',
    'TICKET',
    'CASE #',
    // a browser's print header: when the page was printed, not when the bill was
    'PRINTED',
    'PRINTED ON',
    'FAX FROM',
    'FROM',
  ].map((t) => P(t, { other: 1 }, !t.includes(' '))),
];

// the numbers labels are spelled with ("911 ADDRESS"); any other number matches no label word
const LABEL_NUMBERS = new Set(PHRASES.flatMap((p) => p.tokens).filter(numberToken));
const BY_FIRST = new Map<string, Phrase[]>();
for (const p of PHRASES) {
  const k = p.tokens[0]!;
  BY_FIRST.set(k, [...(BY_FIRST.get(k) ?? []), p]);
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);

// Ordinary bill words that sit one OCR slip away from a label word ("SUITE" vs "SITE") and
// must stay themselves.
const PLAIN = [
  'SUITE',
  'UNIT',
  'FLOOR',
  'APT',
  'BLDG',
  'ROOM',
  'STATE',
  'DATA',
  'DATES',
  'LATE',
  'RATE',
  'PLAN',
  'LINE',
  'LINES',
  'NOTE',
  'SALE',
  'CODE',
  'USAGE',
  'STREET',
  'PLACE',
  'NAMES',
  'DUES',
  'CALLS',
  'BILLS',
  'FEES',
  'TAXES',
  'PAID',
  'SAVE',
  'SITES',
  // a Puerto Rico address's words ("Calle Amapola A-5", "Carr. 271 Km 27.9") are no "Call" or
  // "Care" line
  'CALLE',
  'CARR',
  'COND',
];
const DICT = [...new Set(PHRASES.flatMap((p) => p.tokens).concat(Object.keys(CANON), PLAIN))];

/** Label-vocabulary lookups run for every token of every page: a Set, not a scan of ~500 words. */
const DICT_SET = new Set(DICT);
/** The words a fuzzy match may land on, in DICT's order (ties go to the earlier word). */
const DICT_FUZZY = DICT.filter((d) => d.length >= 4);

// Two rows reused by every lev() call: it runs for each unknown token against the dictionary,
// and a fresh pair of arrays per row was most of its cost.
let levPrev = new Int32Array(64);
let levCur = new Int32Array(64);

/** Edit distance of a and b, or max + 1 as soon as it must exceed max. */
export function lev(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (levPrev.length <= n) {
    levPrev = new Int32Array(n + 1);
    levCur = new Int32Array(n + 1);
  }
  let prev = levPrev;
  let cur = levCur;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[n]!;
}

const canonCache = new Map<string, string>();
/** Maps an OCR'd token onto the label dictionary (one or two edits allowed on longer words). */
export function canonToken(raw: string): string {
  const hit = canonCache.get(raw);
  if (hit !== undefined) return hit;
  let t = foldAccents(raw).toUpperCase();
  if (numberToken(t)) {
    const v = LABEL_NUMBERS.has(t) ? t : '';
    canonCache.set(raw, v);
    return v;
  }
  if (t !== '#')
    t = t
      .replace(/[0]/g, 'O')
      .replace(/[1|]/g, 'I')
      .replace(/5/g, 'S')
      .replace(/[^A-Z#]/g, '');
  // "rn" read for "m" is the classic OCR slip ("Nurnber", "Narne")
  if (
    !CANON[t] &&
    !DICT_SET.has(t) &&
    t.includes('RN') &&
    (CANON[t.replace(/RN/g, 'M')] || DICT_SET.has(t.replace(/RN/g, 'M')))
  )
    t = t.replace(/RN/g, 'M');
  let out = CANON[t] ?? t;
  if (!CANON[t] && !DICT_SET.has(t) && t.length >= 4) {
    const max = t.length >= 8 ? 2 : 1;
    let best: string | null = null;
    let bestD = max + 1;
    for (const d of DICT_FUZZY) {
      const dist = lev(t, d, max);
      if (dist < bestD) {
        bestD = dist;
        best = d;
      }
    }
    if (best) out = CANON[best] ?? best;
  }
  canonCache.set(raw, out);
  return out;
}

export interface Tok {
  canon: string;
  word: number;
  /** the last word the token spans (a label word OCR split in two: "Pre mises") */
  wordLast?: number;
  /** the word ends with ':' (or the token is followed by a leader) */
  colon: boolean;
}

/** Splits a segment's words into label tokens ("Acct#:" -> ACCOUNT, #). Leaders become colons. */
export function tokenize(words: LWord[]): Tok[] {
  const toks: Tok[] = [];
  words.forEach((w, wi) => {
    if (isLeader(w.text) || w.text === ':' || w.text === '/' || w.text === '|') {
      const last = toks[toks.length - 1];
      if (last) last.colon = true;
      return;
    }
    const colon = /[:]\.*$|\.{2,}:?$/.test(w.text);
    const parts = w.text
      .replace(/[.:]+$/, '')
      .split(/(#)/)
      .map((p) => p.replace(/^[^A-Za-z0-9#]+|[^A-Za-z0-9#]+$/g, ''))
      .filter(Boolean);
    parts.forEach((p, i) => {
      const c = colon && i === parts.length - 1;
      const glued = splitGlued(p);
      if (glued) {
        toks.push({ canon: glued[0], word: wi, colon: false });
        toks.push({ canon: glued[1], word: wi, colon: c });
      } else toks.push({ canon: canonToken(p), word: wi, colon: c });
    });
  });
  // a doubled letter OCR read once ("Bil Date" under a photo's tile): a short word before a
  // label word is the label word it spells with one letter doubled
  for (let i = 0; i + 1 < toks.length; i++) {
    const t = toks[i]!;
    if (t.canon.length !== 3 || t.colon || known(t.canon) || !known(toks[i + 1]!.canon)) continue;
    const d = withDoubled(t.canon);
    if (d) t.canon = CANON[d] ?? d;
  }
  // a label word OCR split in two ("Pre mises", "Num ber"): the halves rejoin when together they
  // are a label word and the second half alone is none
  for (let i = 0; i + 1 < toks.length; i++) {
    const a = toks[i]!;
    const b = toks[i + 1]!;
    if (a.colon || b.word !== a.word + 1) continue;
    // the second half is a bare fragment of letters ("ount", "s:"), never a value
    if (!/^[\p{L}]+[:.]*$/u.test(words[b.word]!.text)) continue;
    // two words that are each a label word stay two, unless the first is only a fragment that
    // with the second makes one exact word ("Tele phone")
    if (known(b.canon) && known(a.canon)) continue;
    const plain = (t: string) => foldAccents(t).replace(/[^A-Za-z]/g, '');
    // (a capital read as the digit it looks like and set apart, "5 ervice ; location" on a photo)
    const wa = LETTER_OF_DIGIT[words[a.word]!.text] ?? plain(words[a.word]!.text);
    const wb = plain(words[b.word]!.text);
    if (
      !wa ||
      !wb ||
      wa.length + wb.length < 5 ||
      words[b.word]!.x0 - words[a.word]!.x1 > (words[a.word]!.y1 - words[a.word]!.y0) * 0.8
    )
      continue;
    const joined = canonToken(wa + wb);
    if (!known(joined)) continue;
    // a whole label word plus a fragment rejoins only into an exact word ("Acc ount", "Addres s:"),
    // so a label's neighbour is not swallowed by a fuzzy match ("Telephone Nu mber")
    const exact = CANON[(wa + wb).toUpperCase()] ?? DICT_SET.has((wa + wb).toUpperCase());
    if ((known(a.canon) || known(b.canon)) && !exact) continue;
    toks.splice(i, 2, { canon: joined, word: a.word, wordLast: b.word, colon: b.colon });
  }
  return toks;
}

const known = (canon: string) => canon === '#' || DICT_SET.has(canon);

/** The capital a lone digit stands for when OCR read a word's first letter as it. */
const LETTER_OF_DIGIT: Readonly<Record<string, string>> = {
  '5': 'S',
  '0': 'O',
  '8': 'B',
  '6': 'G',
  '2': 'Z',
};

/** The label word `t` spells with one of its letters doubled ("BIL" -> BILL), or null. */
function withDoubled(t: string): string | null {
  for (let k = 0; k < t.length; k++) {
    const d = t.slice(0, k + 1) + t.slice(k);
    if (DICT_SET.has(d)) return d;
  }
  return null;
}

/** A token that is two label words run together by OCR ("ofService", "Serviceinstalled"). */
const gluedCache = new Map<string, [string, string] | null>();
function splitGlued(raw: string): [string, string] | null {
  let v = gluedCache.get(raw);
  if (v === undefined) {
    v = splitGluedRaw(raw);
    gluedCache.set(raw, v);
  }
  return v;
}
function splitGluedRaw(raw: string): [string, string] | null {
  // look-alike digits as canonToken reads them ("5erviceLocation")
  const t = foldAccents(raw).toUpperCase().replace(/0/g, 'O').replace(/[1|]/g, 'I').replace(/5/g, 'S');
  // exact words only: a fuzzy match would read "OFSERVICE" as SERVICE and lose the OF
  if (t.length < 6 || !/^[A-Z]+$/.test(t) || CANON[t] || DICT_SET.has(t)) return null;
  for (let i = 2; i <= t.length - 2; i++) {
    const a = t.slice(0, i);
    const b = t.slice(i);
    const ca = CANON[a] ?? (DICT_SET.has(a) ? a : null);
    const cb = CANON[b] ?? (DICT_SET.has(b) ? b : null);
    if (ca && cb && Math.min(a.length, b.length) >= 2 && a.length + b.length >= 6) return [ca, cb];
  }
  return null;
}

/**
 * Words that are nothing but label vocabulary ("Number", "/ Account"): the rest of a bilingual or
 * wrapped label, not a value.
 */
export function isLabelWords(words: LWord[]): boolean {
  if (!words.length || words.some((w) => /\d/.test(w.text))) return false;
  const toks = tokenize(words);
  return toks.length > 0 && toks.every((t) => t.canon === '#' || DICT_SET.has(t.canon));
}

/**
 * Label words ending in an abbreviation OCR garbled ("Cuenta nim." for "Cuenta núm."): a
 * caption, never a value. A legal form is a name's end ("Service Co."), not an abbreviation.
 */
export function isGarbledLabel(words: LWord[]): boolean {
  if (words.length < 2 || words.some((w) => /\d/.test(w.text))) return false;
  const abbrev = (t: string) => /^[A-Za-zÀ-ÿ]{2,4}[.:]$/.test(t);
  const last = words[words.length - 1]!.text;
  // (its point read as a comma on a photo: "Cuenta nim,")
  if (
    /^[A-Za-zÀ-ÿ]{2,4}[.:,]$/.test(last) &&
    !/^(inc|co|corp|ltd|llc|llp|cia|plc)[.,]$/i.test(last) &&
    isLabelWords(words.slice(0, -1))
  )
    return true;
  // or opening it ("NGm. de cuenta" for "Núm. de cuenta"); a title opens a person's name
  const first = words[0]!.text;
  if (
    abbrev(first) &&
    !/^(dr|mr|mrs|ms|mx|sr|sra|srta|st|ste)\.$/i.test(first) &&
    isLabelWords(words.slice(1))
  )
    return true;
  // or a bilingual caption with one word read as noise and its slash lost ("No. de cusma Account
  // No." at 0.10 for "No. de cuenta / Account No.", a photo): every other word, three or more, is
  // a label word, so the line is a caption, never the name below the caption above it
  const noise = words.filter((w) => w.conf < GARBLED_WORD);
  const rest = words.filter((w) => w.conf >= GARBLED_WORD);
  return noise.length === 1 && rest.length >= 3 && isLabelWords(rest);
}

/** A word read below this is noise: what it spells says nothing of what was printed. */
const GARBLED_WORD = 0.3;

export interface LabelHit {
  kinds: Partial<Record<LabelKind, number>>;
  phrase: string;
  seg: Segment;
  line: Line;
  /** words of the label inside seg.words: [wordStart, wordEnd) */
  wordStart: number;
  wordEnd: number;
  colon: boolean;
  generic: boolean;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  conf: number;
  words: LWord[];
}

/**
 * A scan's box border or speck read as a lone unsure letter ("i BILLTO" where a boxed caption
 * reads BILL TO), or as two letters no label knows, read less surely still ("ol REMITTO" over a
 * remit-to box): such marks before a label leave it opening its piece.
 */
export function onlyStrayMarks(words: LWord[], before: number): boolean {
  if (before === 0) return false;
  for (let k = 0; k < before; k++) {
    const w = words[k]!;
    if (!w.ocr || /\d/.test(w.text)) return false;
    const one = w.text.length === 1 && w.conf < 0.75;
    const two = /^[a-z]{2}$/i.test(w.text) && w.conf < 0.6 && !known(canonToken(w.text));
    if (!one && !two) return false;
  }
  return true;
}

/** Whether `words` open with a label's phrase (wherever they stand, colon or not). */
export function opensWithLabel(words: LWord[]): boolean {
  const toks = tokenize(words);
  return toks.length > 0 && !!phraseAt(toks, 0);
}

/** The first label phrase the tokens spell from `i` on, or null. */
function phraseAt(toks: Tok[], i: number): Phrase | null {
  return phrasesAt(toks, i)[0] ?? null;
}

/** Every label phrase the tokens spell from `i` on, the longest first. */
function phrasesAt(toks: Tok[], i: number): Phrase[] {
  const cands = BY_FIRST.get(toks[i]!.canon);
  if (!cands) return [];
  return cands.filter((p) => {
    if (i + p.tokens.length > toks.length) return false;
    for (let k = 0; k < p.tokens.length; k++) {
      if (toks[i + k]!.canon !== p.tokens[k]) return false;
      // a colon inside the phrase means the label ended earlier
      if (k < p.tokens.length - 1 && toks[i + k]!.colon) return false;
    }
    return true;
  });
}

/** Finds every label on a line. */
export function findLabels(line: Line): LabelHit[] {
  const hits: LabelHit[] = [];
  for (const seg of line.segs) {
    const toks = tokenize(seg.words);
    let i = 0;
    while (i < toks.length) {
      const cands = phrasesAt(toks, i);
      // a caption that needs a value after it and has none gives way to the phrase's other sense
      const nextHasValue = (p: Phrase): boolean => {
        const end = toks[i + p.tokens.length - 1]!;
        const after = toks[i + p.tokens.length];
        return end.colon || (!!after && /\d/.test(seg.words[after.word]?.text ?? ''));
      };
      const matched = cands.find((p) => !p.valueNext || nextHasValue(p));
      if (!matched) {
        i++;
        continue;
      }
      const last = toks[i + matched.tokens.length - 1]!;
      const atStart = i === 0 || toks[i - 1]!.colon || onlyStrayMarks(seg.words, toks[i]!.word);
      const wordStart = toks[i]!.word;
      const wordEnd = (last.wordLast ?? last.word) + 1;
      const wholeSeg = wordEnd >= seg.words.length;
      const colon = last.colon;
      // Position rules: labels open a column piece or end with a colon; one-word generic labels
      // ("Customer", "Date") must stand alone or carry a colon.
      // "Account 4069 5483 2275": a generic label opening its piece, followed by digits
      const nextTok = toks[i + matched.tokens.length];
      const digitsNext =
        !!nextTok &&
        /\d/.test(seg.words[nextTok.word]?.text ?? '') &&
        ((matched.kinds.accountNumber ?? 0) > 0 || (matched.kinds.billDate ?? 0) > 0);
      let accept = matched.generic
        ? (atStart || i === 0) && (colon || wholeSeg || (i === 0 && digitsNext))
        : atStart || colon;
      // Mid-segment label after a value (dense "Acct: 123 Bill Date: 7/9/24") needs its colon.
      if (!accept && colon && matched.tokens.length >= 1) accept = true;
      if (accept) {
        const words = seg.words.slice(wordStart, wordEnd);
        hits.push({
          kinds: matched.kinds,
          phrase: matched.tokens.join(' '),
          seg,
          line,
          wordStart,
          wordEnd,
          colon,
          generic: matched.generic,
          x0: words[0]!.x0,
          x1: words[words.length - 1]!.x1,
          y0: Math.min(...words.map((w) => w.y0)),
          y1: Math.max(...words.map((w) => w.y1)),
          conf: words.reduce((s, w) => s + w.conf, 0) / words.length,
          words,
        });
        i += matched.tokens.length;
      } else i++;
    }
  }
  return hits;
}
