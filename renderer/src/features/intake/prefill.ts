// A new case's first values: from the bill, or from the customer's email and its bill together.
// The email says what the customer asks (numbers, PIN, date, who signs); the bill says what the
// account is. Each value notes where it came from, whether the other source disagrees, and
// whether the bill's reading of it is unsure, so the agent knows where to look.
import type { Extraction } from '../../../../shared/domain';
import type { EmailRead } from '../../../../shared/channels/email';
import { doubtNotes } from '../../../../shared/check/confidence';
import { numbersToPort } from '../../../../shared/email/merge';
import { compareAccounts } from '../../../../shared/normalize/account';
import { addressEqual } from '../../../../shared/normalize/address';
import { compareNames } from '../../../../shared/normalize/name';
import { formatPhone } from '../../components/format';
import { blankInput, type CaseFormIn } from '../cases/form-schema';
import { classify } from '../cases/paste-numbers';

export interface FieldNote {
  from: 'email' | 'bill';
  /** The email's words it was read from. */
  quote?: string;
  /** The bill's value, when the email says something else. */
  billSays?: string;
  /** Why the bill's reading should be checked by eye, when the desk doubts it. */
  doubts?: string[];
}

const addressText = (a: { line1: string; line2: string | null; city: string; state: string; zip: string }) =>
  [a.line1, a.line2, `${a.city}, ${a.state} ${a.zip}`].filter(Boolean).join(', ');

export function billPrefill(x: Extraction): { input: CaseFormIn; notes: Record<string, FieldNote> } {
  const base = blankInput();
  const f = x.fields;
  const notes: Record<string, FieldNote> = {};
  const note = (key: string, field: string, has: unknown) => {
    if (!has) return;
    const doubts = doubtNotes(x.meta[field]);
    notes[key] = { from: 'bill', ...(doubts.length ? { doubts } : {}) };
  };
  note('customer.accountName', 'accountName', f.accountName);
  note('customer.accountNumber', 'accountNumber', f.accountNumber);
  note('customer.btn', 'btn', f.btn);
  note('customer.losingCarrier', 'carrier', f.carrier);
  note('serviceAddress', 'serviceAddress', f.serviceAddress);
  if (f.numbers.length) notes.numbers = { from: 'bill' };
  return {
    input: {
      ...base,
      customer: {
        ...base.customer,
        accountName: f.accountName ?? '',
        accountNumber: f.accountNumber ?? '',
        btn: formatPhone(f.btn),
        losingCarrier: f.carrier ?? '',
      },
      serviceAddress: f.serviceAddress ? { ...f.serviceAddress } : base.serviceAddress,
      numbers: f.numbers.map((n) => ({ number: n, action: 'port' as const, kind: classify(n), e911: null })),
    },
    notes,
  };
}

export function emailPrefill(e: EmailRead): { input: CaseFormIn; notes: Record<string, FieldNote> } {
  const x = e.bill?.extraction ?? null;
  const fromBill = x ? billPrefill(x) : { input: blankInput(), notes: {} as Record<string, FieldNote> };
  const input = structuredClone(fromBill.input);
  const notes = { ...fromBill.notes };
  const r = e.request;
  const f = x?.fields;
  const fromEmail = (key: string, source: string, billSays?: string | null) => {
    notes[key] = {
      from: 'email',
      ...(e.sources[source] ? { quote: e.sources[source] } : {}),
      ...(billSays ? { billSays } : {}),
    };
  };
  if (r.accountName) {
    input.customer.accountName = r.accountName;
    const differs = f?.accountName && !compareNames(f.accountName, r.accountName).equal;
    fromEmail('customer.accountName', 'accountName', differs ? f.accountName : null);
  }
  if (r.accountNumber) {
    input.customer.accountNumber = r.accountNumber;
    const differs = f?.accountNumber && !compareAccounts(f.accountNumber, r.accountNumber).equal;
    fromEmail('customer.accountNumber', 'accountNumber', differs ? f.accountNumber : null);
  }
  if (r.btn) {
    input.customer.btn = formatPhone(r.btn);
    fromEmail('customer.btn', 'btn', f?.btn && f.btn !== r.btn ? formatPhone(f.btn) : null);
  }
  if (r.pin) {
    input.customer.pin = r.pin;
    fromEmail('customer.pin', 'pin');
  }
  if (r.accountType) {
    input.customer.accountType = r.accountType;
    fromEmail('customer.accountType', 'accountType');
  }
  if (r.serviceAddress) {
    input.serviceAddress = { ...r.serviceAddress };
    const differs = f?.serviceAddress && !addressEqual(f.serviceAddress, r.serviceAddress);
    fromEmail('serviceAddress', 'serviceAddress', differs ? addressText(f.serviceAddress!) : null);
  }
  if (r.requestedFocDate) {
    input.focDate = r.requestedFocDate;
    fromEmail('focDate', 'requestedFocDate');
  }
  const port = numbersToPort(r, f ?? null);
  if (port.length || r.numbersToKeep?.length) {
    // The numbers to port are the customer's; every other number on the bill stays ('keep'),
    // so Attachment A lists the whole account.
    const keep = new Set(
      [...(r.numbersToKeep ?? []), ...(f?.numbers ?? [])].filter((n) => !port.includes(n)),
    );
    input.numbers = [
      ...port.map((n) => ({ number: n, action: 'port' as const, kind: classify(n), e911: null })),
      ...[...keep].map((n) => ({ number: n, action: 'keep' as const, kind: classify(n), e911: null })),
    ];
    const off = f ? port.filter((n) => !f.numbers.includes(n) && n !== f.btn) : [];
    notes.numbers = {
      from: 'email',
      ...(e.sources.numbersToPort ? { quote: e.sources.numbersToPort } : {}),
      ...(off.length ? { billSays: `not on the bill: ${off.map(formatPhone).join(', ')}` } : {}),
    };
  }
  const who = r.authorized;
  for (const k of ['name', 'email', 'phone', 'title'] as const) {
    const v = who?.[k];
    if (!v) continue;
    input.authorized[k] = k === 'phone' ? formatPhone(v) : v;
    // The sender and signature: no words of the body to quote.
    notes[`authorized.${k}`] = { from: 'email' };
  }
  return { input, notes };
}
