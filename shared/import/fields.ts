// The columns of a reseller's request spreadsheet, recognised by their headers the way an agent
// reads them ("Phone", "TN", "BTN", "Acct #", "Service Address", "Zip" …). The agent can correct
// the guess; the desk remembers the correction for the next file with the same headers.

export const IMPORT_FIELDS = [
  'accountName',
  'accountNumber',
  'btn',
  'number',
  'action',
  'pin',
  'carrier',
  'accountType',
  'address',
  'line2',
  'city',
  'state',
  'zip',
  'focDate',
  'contactName',
  'contactEmail',
  'contactPhone',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  accountName: 'Account name',
  accountNumber: 'Account number',
  btn: 'BTN',
  number: 'Phone number (to port)',
  action: 'Port or keep',
  pin: 'Port-out PIN',
  carrier: 'Losing carrier',
  accountType: 'Account type',
  address: 'Service address (street, or all of it)',
  line2: 'Suite / unit',
  city: 'City',
  state: 'State',
  zip: 'ZIP',
  focDate: 'Requested port date',
  contactName: 'Authorized name',
  contactEmail: 'Authorized email',
  contactPhone: 'Authorized phone',
  notes: 'Notes',
};

/** Header words, normalized (lowercase, no punctuation) -> field. Checked whole, then by prefix. */
const SYNONYMS: [ImportField, string[]][] = [
  [
    'btn',
    [
      'btn',
      'billing telephone number',
      'billing number',
      'billing tn',
      'main number',
      'main line',
      'main',
      'primary number',
      'ban phone',
    ],
  ],
  [
    'accountNumber',
    [
      'account number',
      'account no',
      'account num',
      'account',
      'acct',
      'acct number',
      'acct no',
      'customer id',
      'customer number',
      'ban',
      'account id',
    ],
  ],
  [
    'accountName',
    [
      'account name',
      'customer name',
      'customer',
      'company',
      'company name',
      'business name',
      'business',
      'end user',
      'end user name',
      'subscriber',
      'name on account',
      'legal name',
    ],
  ],
  [
    'number',
    [
      'phone',
      'phone number',
      'tn',
      'tns',
      'telephone',
      'telephone number',
      'number',
      'numbers',
      'did',
      'dids',
      'line',
      'line number',
      'tel',
      'number to port',
      'numbers to port',
      'port number',
      'wtn',
      'working number',
    ],
  ],
  ['action', ['action', 'port or keep', 'port keep', 'port', 'keep', 'disposition', 'port y n']],
  ['pin', ['pin', 'port pin', 'port out pin', 'passcode', 'pass code', 'security pin', 'account pin']],
  [
    'carrier',
    [
      'carrier',
      'losing carrier',
      'current carrier',
      'old carrier',
      'provider',
      'current provider',
      'losing provider',
    ],
  ],
  ['accountType', ['account type', 'type', 'business residential']],
  [
    'address',
    [
      'service address',
      'address',
      'street',
      'street address',
      'address 1',
      'address line 1',
      'address1',
      'site address',
      'location address',
      'service location',
    ],
  ],
  [
    'line2',
    ['suite', 'unit', 'apt', 'ste', 'address 2', 'address line 2', 'address2', 'suite unit', 'floor'],
  ],
  ['city', ['city', 'town', 'service city']],
  ['state', ['state', 'st', 'province', 'service state']],
  ['zip', ['zip', 'zip code', 'zipcode', 'postal code', 'postcode', 'service zip']],
  [
    'focDate',
    ['foc', 'foc date', 'port date', 'requested date', 'requested foc', 'due date', 'desired date', 'date'],
  ],
  [
    'contactName',
    ['contact', 'contact name', 'authorized', 'authorized name', 'authorized person', 'signer', 'loa signer'],
  ],
  ['contactEmail', ['email', 'contact email', 'e mail', 'authorized email']],
  ['contactPhone', ['contact phone', 'contact number', 'callback', 'callback number', 'authorized phone']],
  ['notes', ['notes', 'note', 'comments', 'comment', 'remarks']],
];

export function normalizeHeader(h: string): string {
  return h
    .toLowerCase()
    .replace(/#/g, ' number ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\bno\b/g, 'number')
    .replace(/\s+/g, ' ')
    .trim();
}

const TABLE = new Map<string, ImportField>();
for (const [field, words] of SYNONYMS)
  for (const w of words) if (!TABLE.has(normalizeHeader(w))) TABLE.set(normalizeHeader(w), field);

/** The field each header stands for, or null; a field is given to one column only (the first). */
export function guessMapping(headers: string[]): (ImportField | null)[] {
  const taken = new Set<ImportField>();
  return headers.map((h) => {
    const n = normalizeHeader(h);
    let f = TABLE.get(n) ?? null;
    if (!f) {
      // "Phone Number 1", "Service Address (street)": the longest known header it starts with.
      const hit = [...TABLE.keys()]
        .filter((k) => k.length >= 3 && (n.startsWith(k + ' ') || n.endsWith(' ' + k)))
        .sort((a, b) => b.length - a.length)[0];
      f = hit ? TABLE.get(hit)! : null;
    }
    if (!f || taken.has(f)) return null;
    taken.add(f);
    return f;
  });
}

/** Files with the same headers (in any case and spacing) share the agent's corrected mapping. */
export function headerSignature(headers: string[]): string {
  return headers.map(normalizeHeader).join('|');
}
