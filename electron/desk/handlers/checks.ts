// Handlers of the checks channels (see shared/channels/checks.ts): load what the pure engine
// needs from the store (case, latest bill extraction, other open cases, documents), run it, store
// the result.
import type { DeskHandlers } from '../../../shared/contract';
import type { checksChannels } from '../../../shared/channels/checks';
import type { BillFields, Case, CaseInput, Extraction } from '../../../shared/domain';
import { withBillConfidence } from '../../../shared/check/confidence';
import { billOcrWords } from '../../../shared/check/eval';
import { DeskError } from '../../../shared/errors';
import { runChecks } from '../../../shared/check/run';
import { CheckReportSchema, type AcceptableField, type CheckReport } from '../../../shared/check/types';
import {
  focCalendar,
  earliestFocDate,
  latestFocDate,
  nextValidFocDates,
  CHOSEN_TIME_MIN_NUMBERS,
} from '../../../shared/foc/calendar';
import { portWindow } from '../../../shared/foc/validate';
import { previewFees } from '../../../shared/foc/fees';
import { etDate } from '../../../shared/foc/time';
import { phoneDigits } from '../../../shared/normalize/phone';
import type { Store } from '../store';
import type { ServiceDeps } from '../service';

// Statuses after which the LOA has been signed (DOMAIN.md: "Port Submitted: the LOA is signed").
const LOA_SIGNED_STATUSES = new Set([
  'port_submitted',
  'in_progress',
  'port_pending',
  'in_review',
  'foc_scheduled',
  'completed',
]);

/** The fields of the newest bill on the case that has an extraction, or null. */
export async function latestBillFields(store: Store, caseId: number): Promise<BillFields | null> {
  return (await latestBillExtraction(store, caseId))?.fields ?? null;
}

/** The newest bill extraction on the case (fields and how sure each reading is), or null. */
export async function latestBillExtraction(store: Store, caseId: number): Promise<Extraction | null> {
  const bills = (await store.listDocuments(caseId))
    .filter((d) => d.kind === 'bill')
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id));
  for (const d of bills) {
    const ex = await store.getExtraction(d.id);
    if (ex) return ex;
  }
  return null;
}

export async function checkCase(store: Store, c: Case, asOf: string): Promise<CheckReport> {
  // Read first: a colleague's write after this point bumps it, and the saved report reads as
  // not current (checks:get then runs it again) instead of silently missing their case.
  const epoch = await store.checksEpoch(c.id);
  const [extraction, docs] = await Promise.all([
    latestBillExtraction(store, c.id),
    store.listDocuments(c.id),
  ]);
  const bill = extraction?.fields ?? null;
  const portNumbers = c.numbers.filter((n) => n.action === 'port').map((n) => n.number);
  const otherOpenCases = portNumbers.length ? await store.findOpenCasesWithNumbers(portNumbers, c.id) : [];
  const report = runChecks({
    caseId: c.id,
    input: c,
    bill,
    billOcr: billOcrWords(extraction?.meta),
    asOf,
    otherOpenCases,
    documents: {
      loaSigned: docs.some((d) => d.kind === 'signed_loa') || LOA_SIGNED_STATUSES.has(c.status),
      resporgSigned: docs.some((d) => /resp\s*org/i.test(d.filename)),
    },
    ranAt: new Date().toISOString(),
  });
  report.fields = withBillConfidence(report.fields, extraction?.meta);
  await store.saveChecks(c.id, { readiness: report.readiness.readiness, checks: report }, epoch);
  return report;
}

function withBillValue(
  c: Case,
  field: AcceptableField,
  bill: BillFields,
): { input: CaseInput; oldValue: unknown; newValue: unknown } {
  const input: CaseInput = structuredClone(c);
  switch (field) {
    case 'accountName':
      if (!bill.accountName) break;
      input.customer.accountName = bill.accountName.trim();
      return { input, oldValue: c.customer.accountName, newValue: input.customer.accountName };
    case 'accountNumber':
      if (!bill.accountNumber) break;
      input.customer.accountNumber = bill.accountNumber.trim();
      return { input, oldValue: c.customer.accountNumber, newValue: input.customer.accountNumber };
    case 'btn': {
      const d = phoneDigits(bill.btn);
      if (!d) break;
      input.customer.btn = d;
      return { input, oldValue: c.customer.btn, newValue: d };
    }
    case 'serviceAddress':
      if (!bill.serviceAddress) break;
      input.serviceAddress = { ...bill.serviceAddress };
      return { input, oldValue: c.serviceAddress, newValue: input.serviceAddress };
  }
  throw new DeskError('BAD_ARGUMENT', `The bill has no readable ${field} to use.`);
}

export function checksHandlers(deps: ServiceDeps): Pick<DeskHandlers, keyof typeof checksChannels> {
  const { store } = deps;
  // The desk works on New York time (DOMAIN.md's FOC windows), on the desk's clock.
  const todayEt = () => etDate(deps.clock());
  return {
    'checks:run': async ({ caseId, asOf }) =>
      checkCase(store, await store.getCase(caseId), asOf ?? todayEt()),

    'checks:get': async ({ caseId }) => {
      const c = await store.getCase(caseId); // NOT_FOUND for an unknown case rather than a silent null
      const saved = await store.getChecks(caseId);
      if (!saved) return null;
      const parsed = CheckReportSchema.safeParse(saved.checks);
      // A result stored by an older engine version, or compared against open cases that have
      // changed since, is simply re-run.
      return parsed.success && saved.current ? parsed.data : checkCase(store, c, todayEt());
    },

    'checks:acceptBillValue': async ({ caseId, field, version }, ctx) => {
      const c = await store.getCase(caseId);
      const bill = await latestBillFields(store, caseId);
      if (!bill)
        throw new DeskError('BAD_ARGUMENT', `Case #${caseId} has no bill whose ${field} could be used.`);
      const { input, oldValue, newValue } = withBillValue(c, field, bill);
      const updated = await store.updateCase(caseId, version ?? c.version, input, ctx.actor);
      await store.appendEvent(
        caseId,
        { kind: 'accept_bill_value', field, oldValue, newValue, note: "Used the bill's value" },
        ctx.actor,
      );
      deps.broadcast({ type: 'case-changed', caseId, version: updated.version });
      const report = await checkCase(store, updated, todayEt());
      return { case: updated, report };
    },

    'foc:calendar': ({ from, to, numbersCount, canadian, asOf, simple }) => {
      if (to < from)
        throw new DeskError('BAD_ARGUMENT', `foc:calendar: 'to' (${to}) is before 'from' (${from}).`);
      const ctx = { asOf: asOf ?? todayEt(), numbersCount, canadian, simple };
      return {
        days: focCalendar(from, to, ctx),
        earliest: earliestFocDate(ctx),
        latest: latestFocDate(ctx),
        window: portWindow(null, numbersCount),
        timeChoosable: numbersCount >= CHOSEN_TIME_MIN_NUMBERS,
        suggestions: nextValidFocDates(ctx.asOf, 5, ctx),
      };
    },

    'foc:fees': async (args) => {
      const at = args.at ? new Date(args.at) : new Date(deps.clock());
      if ('caseId' in args) {
        const c = await store.getCase(args.caseId);
        if (!c.focDate) throw new DeskError('BAD_ARGUMENT', `Case #${c.id} has no FOC date yet.`);
        const numbers = c.numbers.filter((n) => n.action === 'port').length;
        if (numbers === 0) throw new DeskError('BAD_ARGUMENT', `Case #${c.id} has no numbers to port.`);
        return previewFees({ focDate: c.focDate, focTime: c.focTime, numbers, at });
      }
      return previewFees({ focDate: args.focDate, focTime: args.focTime ?? null, numbers: args.numbers, at });
    },
  };
}
