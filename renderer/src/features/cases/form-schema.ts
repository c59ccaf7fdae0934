// The form validates with the contract's own CaseInputSchema, plus the few things an agent must
// get right before a case is worth saving (a name to find it by, well-formed numbers and ZIP).
import type { z } from 'zod';
import { CaseInputSchema, emptyAddress, type Case, type CaseInput } from '../../../../shared/domain';
import { nanpProblem } from './paste-numbers';
import { formatPhone } from '../../components/format';

const digits = (s: string | null | undefined) => (s ?? '').replace(/\D/g, '');

export const CaseFormSchema = CaseInputSchema.superRefine((v, ctx) => {
  if (!v.customer.accountName)
    ctx.addIssue({
      code: 'custom',
      path: ['customer', 'accountName'],
      message: 'Enter the account name as it appears on the bill',
    });
  if (v.customer.btn) {
    let d = digits(v.customer.btn);
    if (d.length === 11 && d.startsWith('1')) d = d.slice(1);
    const p = d.length === 10 ? nanpProblem(d) : 'must be a 10-digit number';
    if (p) ctx.addIssue({ code: 'custom', path: ['customer', 'btn'], message: `BTN ${p}` });
  }
  if (v.customer.wireless && !v.customer.pin)
    ctx.addIssue({
      code: 'custom',
      path: ['customer', 'pin'],
      message: 'A wireless account needs its port-out PIN (carriers reject without it, code 7117)',
    });
  const zip = v.serviceAddress.zip;
  if (zip && !/^\d{5}(-?\d{4})?$/.test(zip) && !/^[A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d$/.test(zip))
    ctx.addIssue({
      code: 'custom',
      path: ['serviceAddress', 'zip'],
      message: 'ZIP must be 12345 or 12345-6789 (or a Canadian postal code)',
    });
  if (v.focTime && v.numbers.filter((n) => n.action === 'port').length <= 49)
    ctx.addIssue({
      code: 'custom',
      path: ['focTime'],
      message:
        'A specific time can only be requested for projects over 49 numbers; leave it empty for the default 11:00–13:00 ET window',
    });
});

export type CaseFormIn = z.input<typeof CaseInputSchema>;
export type CaseFormOut = CaseInput;

export function blankInput(): CaseFormIn {
  return {
    customer: {
      accountName: '',
      accountType: 'business',
      accountNumber: '',
      btn: '',
      pin: null,
      losingCarrier: '',
      wireless: false,
    },
    authorized: { name: '', title: '', email: '', phone: '' },
    serviceAddress: emptyAddress(),
    numbers: [],
    newBtn: null,
    focDate: null,
    focTime: null,
    flags: { dsl: false, contractTerm: false, personalCell: false },
    notes: '',
  };
}

export function inputFromCase(c: Case): CaseFormIn {
  return {
    customer: { ...c.customer, btn: formatPhone(c.customer.btn) },
    authorized: { ...c.authorized },
    serviceAddress: { ...c.serviceAddress },
    numbers: c.numbers.map((n) => ({ ...n, e911: n.e911 ? { ...n.e911 } : null })),
    newBtn: c.newBtn,
    focDate: c.focDate,
    focTime: c.focTime,
    flags: { ...c.flags },
    notes: c.notes,
  };
}

/** What goes over the wire: BTN as digits, empty optional inputs as null. */
export function toWire(v: CaseFormOut): CaseInput {
  let btn = digits(v.customer.btn);
  if (btn.length === 11 && btn.startsWith('1')) btn = btn.slice(1);
  return {
    ...v,
    customer: { ...v.customer, btn, pin: v.customer.pin ? v.customer.pin : null },
    serviceAddress: { ...v.serviceAddress, line2: v.serviceAddress.line2 ? v.serviceAddress.line2 : null },
    newBtn: v.newBtn ? digits(v.newBtn) : null,
    focDate: v.focDate ? v.focDate : null,
    focTime: v.focTime ? v.focTime : null,
  };
}
