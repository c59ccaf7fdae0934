// Email bodies that ask for a port in the ways customers write (labelled lists, prose, short
// forms, an HTML table, a reply above a forwarded message), made from a fixture bill's request so a
// test knows what each body must be read as. The bills are the repo's own (test/fixtures/bills),
// so the email tests run on a clean checkout and never skip.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './bill-sets';

export interface EvalRequest {
  accountName: string;
  accountNumber: string;
  btn: string;
  serviceAddress: { line1: string; line2: string | null; city: string; state: string; zip: string };
  numbersToPort: string[];
  pin?: string | null;
  asOf: string;
  requestedFocDate: string | null;
  accountType: 'business' | 'residential';
}

/** What a fixture's truth record says its bill shows, and what the cross-check must find. */
export interface FixtureTruth {
  file: string;
  rendition: string;
  truth: {
    carrier: string;
    accountName: string;
    accountNumber: string;
    btn: string;
    serviceAddress: EvalRequest['serviceAddress'];
    billDate: string;
    numbers: string[];
  };
  expected: { asOf: string; verdicts: Record<string, string>; discrepancy: string | null };
}

const BILLS = path.join(ROOT, 'test/fixtures/bills');
const readJson = <T>(...parts: string[]): T =>
  JSON.parse(fs.readFileSync(path.join(BILLS, ...parts), 'utf8')) as T;

/** Every fixture bill with a request, e.g. fx-001. */
export function fixtureIds(): string[] {
  return fs
    .readdirSync(path.join(BILLS, 'requests'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

export function fixtureRequest(id: string): EvalRequest {
  return readJson<EvalRequest>('requests', `${id}.json`);
}

export function fixtureTruth(id: string): FixtureTruth {
  return readJson<FixtureTruth>('truth', `${id}.json`);
}

export function fixtureBill(id: string): { name: string; bytes: Buffer } {
  const name = fixtureTruth(id).file;
  return { name, bytes: fs.readFileSync(path.join(BILLS, name)) };
}

/** A number as its ten digits, without a leading country code. */
export const digits = (n: string) => n.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');

const MONTHS = [
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
const dashed = (n: string) => {
  const d = digits(n);
  return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`;
};
const paren = (n: string) => {
  const d = digits(n);
  return `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`;
};
const oneLine = (a: EvalRequest['serviceAddress']) =>
  [a.line1, a.line2, a.city, `${a.state} ${a.zip}`].filter(Boolean).join(', ');
const usDate = (iso: string) => `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}/${iso.slice(0, 4)}`;
const longDate = (iso: string) =>
  `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}, ${iso.slice(0, 4)}`;

/** Numbers as a customer lists them: the first in full, the next of the same exchange as "and 0143". */
function shortList(nums: string[]): string {
  const out: string[] = [];
  let prev = '';
  for (const n of nums.map(digits)) {
    out.push(prev && prev.slice(0, 6) === n.slice(0, 6) ? n.slice(6) : dashed(n));
    prev = n;
  }
  return out.length > 1 ? `${out.slice(0, -1).join(', ')} and ${out[out.length - 1]}` : out[0]!;
}

export const STYLES = ['labelled', 'prose', 'short-forms', 'html-table', 'forwarded'] as const;
export type Style = (typeof STYLES)[number];

export interface Body {
  text?: string;
  html?: string;
}

export function requestBody(r: EvalRequest, style: Style, person = 'Dana Whitfield'): Body {
  const a = r.serviceAddress;
  const pin = r.pin ? String(r.pin) : null;
  switch (style) {
    case 'labelled':
      return {
        text: [
          'Hello,',
          '',
          "We'd like to move our phone service to you.",
          '',
          `Account name: ${r.accountName}`,
          `Account number: ${r.accountNumber}`,
          `BTN: ${dashed(r.btn)}`,
          `Service address: ${a.line1}${a.line2 ? `, ${a.line2}` : ''}`,
          `${a.city}, ${a.state} ${a.zip}`,
          ...(pin ? [`Port-out PIN: ${pin}`] : []),
          '',
          'Numbers to port:',
          ...r.numbersToPort.map((n) => `  ${paren(n)}`),
          '',
          ...(r.requestedFocDate ? [`Requested port date: ${usDate(r.requestedFocDate)}`, ''] : []),
          'Thanks,',
          person,
          'Office Manager',
          'Cell: 312-555-0199',
        ].join('\n'),
      };
    case 'prose':
      return {
        text: [
          'Hi team,',
          '',
          `Please port ${r.numbersToPort.map(dashed).join(', ')} for ${r.accountName} (acct # ${r.accountNumber}, main number ${dashed(r.btn)}).`,
          `The service address is ${oneLine(a)}.`,
          ...(pin ? [`Our passcode is ${pin}, not the voicemail PIN 0000.`] : []),
          ...(r.requestedFocDate
            ? [`We would like the cutover on ${longDate(r.requestedFocDate)} if possible.`]
            : []),
          'If you have questions you can reach me at 312-555-0199.',
          '',
          'Best regards,',
          person,
        ].join('\n'),
      };
    case 'short-forms':
      return {
        text: [
          `please port ${shortList(r.numbersToPort)}${pin ? `, PIN ${pin}` : ''}, account ${r.accountNumber} under the name ${r.accountName}`,
          `billing number ${digits(r.btn)}`,
          `service location: ${oneLine(a)}`,
          ...(r.requestedFocDate ? [`FOC ${r.requestedFocDate} please`] : []),
          '',
          '--',
          person,
          '312.555.0199',
        ].join('\n'),
      };
    case 'html-table':
      return {
        html: [
          '<html><head><style>td{color:red}</style><script>alert("x");document.write("212-555-0111")</script></head><body>',
          '<p>Good morning,</p><p>Please port the numbers below.</p>',
          '<table>',
          `<tr><td>Company name:</td><td>${r.accountName.replace(/&/g, '&amp;')}</td></tr>`,
          `<tr><td>Acct #:</td><td>${r.accountNumber}</td></tr>`,
          `<tr><td>Billing telephone number:</td><td>${dashed(r.btn)}</td></tr>`,
          `<tr><td>Service address:</td><td>${a.line1}${a.line2 ? `<br>${a.line2}` : ''}<br>${a.city}, ${a.state}&nbsp;${a.zip}</td></tr>`,
          ...(pin ? [`<tr><td>Port-out PIN:</td><td>${pin}</td></tr>`] : []),
          ...(r.requestedFocDate
            ? [`<tr><td>FOC date:</td><td>${longDate(r.requestedFocDate)}</td></tr>`]
            : []),
          '</table>',
          `<p>Numbers to port:</p><ul>${r.numbersToPort.map((n) => `<li>${paren(n)}</li>`).join('')}</ul>`,
          `<p>Thank you,</p><p>${person}<br>312-555-0199</p>`,
          '</body></html>',
        ].join('\n'),
      };
    case 'forwarded':
      return {
        text: [
          'Can you set this one up? Customer request below.',
          '',
          'Thanks,',
          'Bob',
          '',
          '---------- Forwarded message ---------',
          `From: ${person} <dana@customer.example>`,
          'Date: Fri, Aug 2, 2024 at 9:14 AM',
          'Subject: Porting our lines',
          'To: Bob <bob@reseller.example>',
          '',
          `We are porting ${r.numbersToPort.length === 1 ? 'our line' : 'these lines'}: ${r.numbersToPort.map(dashed).join(' / ')}.`,
          `Account holder: ${r.accountName}`,
          `Account no. ${r.accountNumber}; BTN is ${paren(r.btn)}.`,
          `Address: ${oneLine(a)}`,
          ...(pin ? [`Port out PIN is ${pin}.`] : []),
          ...(r.requestedFocDate ? [`Port on ${usDate(r.requestedFocDate)}.`] : []),
          '',
          'Regards,',
          person,
        ].join('\n'),
      };
  }
}
