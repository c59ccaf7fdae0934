// Field-by-field comparison for the conflict view: what the agent typed against what was saved
// elsewhere, with readable field names.
const NAMES: Record<string, string> = {
  'customer.accountName': 'Account name',
  'customer.accountType': 'Account type',
  'customer.accountNumber': 'Account number',
  'customer.btn': 'BTN',
  'customer.pin': 'Port-out PIN',
  'customer.losingCarrier': 'Losing carrier',
  'customer.wireless': 'Wireless',
  'authorized.name': 'Authorized name',
  'authorized.title': 'Authorized title',
  'authorized.email': 'Authorized email',
  'authorized.phone': 'Authorized phone',
  'serviceAddress.line1': 'Street',
  'serviceAddress.line2': 'Suite / unit',
  'serviceAddress.city': 'City',
  'serviceAddress.state': 'State',
  'serviceAddress.zip': 'ZIP',
  numbers: 'Numbers',
  newBtn: 'New BTN',
  focDate: 'FOC date',
  focTime: 'FOC time',
  notes: 'Notes',
};

function flatten(v: unknown, prefix: string, out: Map<string, string>) {
  if (prefix === 'numbers') {
    const list = (v as { number: string; action: string }[] | undefined) ?? [];
    out.set('numbers', list.map((n) => `${n.number}${n.action === 'keep' ? ' (keep)' : ''}`).join(', '));
    return;
  }
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  out.set(prefix, v == null || v === '' ? '' : typeof v === 'string' ? v : JSON.stringify(v));
}

export interface DiffRow {
  field: string;
  label: string;
  mine: string;
  theirs: string;
}

export function diffInputs(mine: unknown, theirs: unknown): DiffRow[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten(mine, '', a);
  flatten(theirs, '', b);
  const rows: DiffRow[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key) ?? '';
    const y = b.get(key) ?? '';
    if (x !== y) {
      const secret = key === 'customer.pin';
      rows.push({
        field: key,
        label: NAMES[key] ?? key,
        mine: secret ? (x ? '•••• (changed)' : '') : x,
        theirs: secret ? (y ? '••••' : '') : y,
      });
    }
  }
  return rows;
}
