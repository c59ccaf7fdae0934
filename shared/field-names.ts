// A bill's fields as an agent reads them in a sentence ("learned where Verizon prints the BTN"),
// in the order the bill viewer and the case form list them.
import type { BillFieldKey } from './domain';

export const BILL_FIELD_NAMES: Record<BillFieldKey, string> = {
  carrier: 'carrier',
  accountName: 'account name',
  accountNumber: 'account number',
  btn: 'BTN',
  serviceAddress: 'service address',
  billDate: 'bill date',
  numbers: 'numbers',
};

const ORDER = Object.keys(BILL_FIELD_NAMES);

/** The field's name in a sentence; an unknown key (a newer version's) as it is. */
export function fieldName(field: string): string {
  return (BILL_FIELD_NAMES as Record<string, string>)[field] ?? field;
}

/** Fields in the form's order, unknown ones last. */
export function byFieldOrder(a: string, b: string): number {
  const i = (f: string) => (ORDER.includes(f) ? ORDER.indexOf(f) : ORDER.length);
  return i(a) - i(b);
}
