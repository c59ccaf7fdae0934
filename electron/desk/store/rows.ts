// Mapping between SQLite rows and the domain shapes of shared/domain.ts.
import type { Address, Case, CaseInput, CaseNumber, CaseSummary } from '../../../shared/domain';
import { CaseFlagsSchema } from '../../../shared/domain';
import type { CaseStatus } from '../../../shared/status';
import type { DocumentKind, DocumentRecord, Readiness } from './types';

export interface CaseRow {
  id: number;
  account_name: string;
  account_type: 'business' | 'residential';
  account_number: string;
  btn: string;
  pin_enc: string | null;
  losing_carrier: string;
  wireless: number;
  auth_name: string;
  auth_title: string;
  auth_email: string;
  auth_phone: string;
  svc_line1: string;
  svc_line2: string | null;
  svc_city: string;
  svc_state: string;
  svc_zip: string;
  new_btn: string | null;
  foc_date: string | null;
  foc_time: string | null;
  flags: string;
  notes: string;
  status: CaseStatus;
  version: number;
  assignee: string | null;
  created_at: string;
  updated_at: string;
}

export interface NumberRow {
  number: string;
  action: 'port' | 'keep';
  kind: CaseNumber['kind'];
  e911: string | null;
}

export interface SummaryRow {
  id: number;
  account_name: string;
  btn: string;
  account_number: string;
  losing_carrier: string;
  number_count: number;
  status: CaseStatus;
  foc_date: string | null;
  updated_at: string;
  assignee: string | null;
  readiness: Readiness | null;
}

export interface DocumentRow {
  id: number;
  case_id: number;
  sha256: string;
  kind: DocumentKind;
  filename: string;
  mime: string;
  size: number;
  pages: number | null;
  created_at: string;
}

/** JSON written by this store; parsed back as the shape it was written with. */
export const parseJson = <T>(text: string | null): T | null =>
  text === null ? null : (JSON.parse(text) as T);

/** Named parameters of the cases table for an insert or update (without id, status, version, times). */
export function caseParams(input: CaseInput, pinEnc: string | null) {
  const c = input.customer;
  const a = input.authorized;
  const s = input.serviceAddress;
  return {
    account_name: c.accountName,
    account_type: c.accountType,
    account_number: c.accountNumber,
    btn: c.btn,
    pin_enc: pinEnc,
    losing_carrier: c.losingCarrier,
    wireless: c.wireless ? 1 : 0,
    auth_name: a.name,
    auth_title: a.title,
    auth_email: a.email,
    auth_phone: a.phone,
    svc_line1: s.line1,
    svc_line2: s.line2,
    svc_city: s.city,
    svc_state: s.state,
    svc_zip: s.zip,
    new_btn: input.newBtn,
    foc_date: input.focDate,
    foc_time: input.focTime,
    flags: JSON.stringify(input.flags),
    notes: input.notes,
  };
}

export const numberFromRow = (r: NumberRow): CaseNumber => ({
  number: r.number,
  action: r.action,
  kind: r.kind,
  e911: parseJson<Address>(r.e911),
});

export function caseFromRow(row: CaseRow, numbers: NumberRow[], pin: string | null): Case {
  return {
    id: row.id,
    customer: {
      accountName: row.account_name,
      accountType: row.account_type,
      accountNumber: row.account_number,
      btn: row.btn,
      pin,
      losingCarrier: row.losing_carrier,
      wireless: row.wireless === 1,
    },
    authorized: { name: row.auth_name, title: row.auth_title, email: row.auth_email, phone: row.auth_phone },
    serviceAddress: {
      line1: row.svc_line1,
      line2: row.svc_line2,
      city: row.svc_city,
      state: row.svc_state,
      zip: row.svc_zip,
    },
    numbers: numbers.map(numberFromRow),
    newBtn: row.new_btn,
    focDate: row.foc_date,
    focTime: row.foc_time,
    // Parsed through the schema so flags added later get their defaults on old rows.
    flags: CaseFlagsSchema.parse(parseJson<unknown>(row.flags) ?? {}),
    notes: row.notes,
    status: row.status,
    assignee: row.assignee ?? null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const summaryFromRow = (r: SummaryRow): CaseSummary => ({
  id: r.id,
  accountName: r.account_name,
  btn: r.btn,
  accountNumber: r.account_number,
  losingCarrier: r.losing_carrier,
  numberCount: r.number_count,
  status: r.status,
  focDate: r.foc_date,
  updatedAt: r.updated_at,
  assignee: r.assignee ?? null,
  readiness: r.readiness,
});

export const documentFromRow = (r: DocumentRow): DocumentRecord => ({
  id: r.id,
  caseId: r.case_id,
  sha256: r.sha256,
  kind: r.kind,
  filename: r.filename,
  mime: r.mime,
  size: r.size,
  pages: r.pages,
  createdAt: r.created_at,
});
