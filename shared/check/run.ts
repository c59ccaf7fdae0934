// One full check of a case: field checks against its bill, rule checks, the FOC date, and the
// readiness summary. Pure: the caller supplies the bill's fields, the other open cases' numbers
// and the document state.
import type { BillFields, CaseInput } from '../domain';
import { validateFoc } from '../foc/validate';
import { analyzePhone } from '../normalize/phone';
import { checkFields, type BillOcrWords, type CheckSubject } from './fields';
import { documentChecklist, summarize, type DocumentState } from './readiness';
import { checkRules, fieldRules, type OpenCaseNumber } from './rules';
import type { CheckReport } from './types';

export interface RunChecksInput {
  caseId: number | null;
  input: CaseInput;
  /** The latest bill extraction's fields; null when the case has no bill yet. */
  bill: BillFields | null;
  /** The OCR'd words of the bill's compared fields (eval.ts billOcrWords); none for a text PDF. */
  billOcr?: BillOcrWords;
  /** YYYY-MM-DD (ET) the bill's age and the FOC lead time are measured from. */
  asOf: string;
  otherOpenCases?: OpenCaseNumber[];
  documents?: DocumentState;
  /** ISO timestamp of the run (injected: shared/ reads no clock). */
  ranAt: string;
}

export function caseSubject(c: CaseInput): CheckSubject {
  return {
    accountName: c.customer.accountName,
    accountNumber: c.customer.accountNumber,
    btn: c.customer.btn,
    serviceAddress: c.serviceAddress,
    numbersToPort: c.numbers.filter((n) => n.action === 'port').map((n) => n.number),
  };
}

export function runChecks(x: RunChecksInput): CheckReport {
  const c = x.input;
  const fields = x.bill ? checkFields(x.bill, caseSubject(c), x.asOf, x.billOcr) : [];
  const rules = [
    ...fieldRules(fields),
    ...checkRules(c, { bill: x.bill, otherOpenCases: x.otherOpenCases ?? [] }),
  ];
  const port = c.numbers.filter((n) => n.action === 'port');
  const foc = validateFoc(
    { date: c.focDate, time: c.focTime },
    {
      asOf: x.asOf,
      numbersCount: port.length,
      canadian: port.some((n) => analyzePhone(n.number).canadian),
      // Simple port: one line on the account, nothing remaining.
      simple: port.length === 1 && c.numbers.length === 1 && !(x.bill && x.bill.numbers.length > 1),
    },
  );
  const documents = documentChecklist(c, x.bill !== null, fields, rules, x.documents ?? {});
  return {
    caseId: x.caseId,
    asOf: x.asOf,
    ranAt: x.ranAt,
    hasBill: x.bill !== null,
    fields,
    rules,
    foc,
    readiness: summarize(rules, documents, foc),
  };
}
