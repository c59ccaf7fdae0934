// Turns an edit into audit events: one per changed field with its old and new value.
// Pure, so the audit rules are unit-tested without SQLite.
import type { CaseInput, CaseNumber } from '../../../shared/domain';
import { PIN_MASK } from '../../../shared/mask';

export interface FieldChange {
  field: string;
  oldValue: unknown;
  newValue: unknown;
  note?: string;
}

export { PIN_MASK };

/** Port-out PINs never reach the audit trail: the event says that it changed, not to what. */
export const maskPin = (pin: unknown): string | null => (pin ? PIN_MASK : null);

/** The input as it may be recorded in an event (PIN masked). */
export function auditableInput(input: CaseInput): CaseInput {
  return { ...input, customer: { ...input.customer, pin: maskPin(input.customer.pin) } };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Leaves as dotted paths: customer.accountName, serviceAddress.zip, flags.dsl, notes … */
function flatten(
  value: Record<string, unknown>,
  prefix: string,
  out: Map<string, unknown>,
): Map<string, unknown> {
  for (const [k, v] of Object.entries(value)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (k === 'numbers' && !prefix) continue; // diffed per number below
    if (isPlainObject(v)) flatten(v, key, out);
    else out.set(key, v ?? null);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A number's own fields in a fixed key order, so comparison does not depend on key order. */
const numberEntry = (n: CaseNumber) => ({ number: n.number, action: n.action, kind: n.kind, e911: n.e911 });

export function diffNumbers(before: readonly CaseNumber[], after: readonly CaseNumber[]): FieldChange[] {
  const old = new Map(before.map((n) => [n.number, numberEntry(n)]));
  const now = new Map(after.map((n) => [n.number, numberEntry(n)]));
  const changes: FieldChange[] = [];
  for (const [num, entry] of now) {
    const prev = old.get(num);
    if (!prev)
      changes.push({ field: `numbers.${num}`, oldValue: null, newValue: entry, note: 'number added' });
    else if (!same(prev, entry))
      changes.push({ field: `numbers.${num}`, oldValue: prev, newValue: entry, note: 'number changed' });
  }
  for (const [num, entry] of old) {
    if (!now.has(num))
      changes.push({ field: `numbers.${num}`, oldValue: entry, newValue: null, note: 'number removed' });
  }
  return changes;
}

export function diffCaseInput(before: CaseInput, after: CaseInput): FieldChange[] {
  const a = flatten(before, '', new Map());
  const b = flatten(after, '', new Map());
  const changes: FieldChange[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const oldValue = a.get(key) ?? null;
    const newValue = b.get(key) ?? null;
    if (same(oldValue, newValue)) continue;
    if (key === 'customer.pin') {
      changes.push({
        field: key,
        oldValue: maskPin(oldValue),
        newValue: maskPin(newValue),
      });
    } else {
      changes.push({ field: key, oldValue, newValue });
    }
  }
  return [...changes, ...diffNumbers(before.numbers, after.numbers)];
}

/** Fields an agent may still change once a case has left the editable statuses. */
export const ALWAYS_EDITABLE_FIELDS: ReadonlySet<string> = new Set(['notes']);
