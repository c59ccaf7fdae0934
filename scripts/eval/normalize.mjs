// A copy of the eval set's normalization (../shared/eval/lib/normalize.mjs, beside the repo), so
// the fixture scorer and the accuracy test in CI score exactly as the eval does without that
// folder. Keep it identical to the original: a bill right here is right there.

export const digits = (s) => String(s ?? '').replace(/\D/g, '');

// Phone: digits only, last 10 (drops a leading 1 / +1).
export function normPhone(s) {
  const d = digits(s);
  return d.length >= 10 ? d.slice(-10) : d;
}

// Account number: uppercase alphanumerics only.
export const normAcct = (s) =>
  String(s ?? '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');

// Account name: uppercase, '&' == AND, punctuation removed (so L.L.C. == LLC), spaces collapsed.
export function normName(s) {
  return String(s ?? '')
    .toUpperCase()
    .replace(/&/g, ' AND ')
    .replace(/[.'’]/g, '')
    .replace(/[^A-Z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const STREET = {
  STREET: 'ST',
  STR: 'ST',
  AVENUE: 'AVE',
  AV: 'AVE',
  AVEN: 'AVE',
  BOULEVARD: 'BLVD',
  BOUL: 'BLVD',
  ROAD: 'RD',
  DRIVE: 'DR',
  DRV: 'DR',
  LANE: 'LN',
  COURT: 'CT',
  PLACE: 'PL',
  PARKWAY: 'PKWY',
  PKY: 'PKWY',
  HIGHWAY: 'HWY',
  CIRCLE: 'CIR',
  TERRACE: 'TER',
  TRAIL: 'TRL',
  SQUARE: 'SQ',
  EXPRESSWAY: 'EXPY',
  PIKE: 'PIKE',
  WAY: 'WAY',
  PLAZA: 'PLZ',
  CENTER: 'CTR',
  CENTRE: 'CTR',
  CROSSING: 'XING',
  POINT: 'PT',
  NORTH: 'N',
  SOUTH: 'S',
  EAST: 'E',
  WEST: 'W',
  NORTHEAST: 'NE',
  NORTHWEST: 'NW',
  SOUTHEAST: 'SE',
  SOUTHWEST: 'SW',
  SUITE: 'STE',
  APARTMENT: 'APT',
  FLOOR: 'FL',
  FLR: 'FL',
  BUILDING: 'BLDG',
  BLD: 'BLDG',
  ROOM: 'RM',
  DEPARTMENT: 'DEPT',
  UNIT: 'UNIT',
  NUMBER: '',
  NO: '',
};

const STATES = {
  ALABAMA: 'AL',
  ALASKA: 'AK',
  ARIZONA: 'AZ',
  ARKANSAS: 'AR',
  CALIFORNIA: 'CA',
  COLORADO: 'CO',
  CONNECTICUT: 'CT',
  DELAWARE: 'DE',
  FLORIDA: 'FL',
  GEORGIA: 'GA',
  HAWAII: 'HI',
  IDAHO: 'ID',
  ILLINOIS: 'IL',
  INDIANA: 'IN',
  IOWA: 'IA',
  KANSAS: 'KS',
  KENTUCKY: 'KY',
  LOUISIANA: 'LA',
  MAINE: 'ME',
  MARYLAND: 'MD',
  MASSACHUSETTS: 'MA',
  MICHIGAN: 'MI',
  MINNESOTA: 'MN',
  MISSISSIPPI: 'MS',
  MISSOURI: 'MO',
  MONTANA: 'MT',
  NEBRASKA: 'NE',
  NEVADA: 'NV',
  'NEW HAMPSHIRE': 'NH',
  'NEW JERSEY': 'NJ',
  'NEW MEXICO': 'NM',
  'NEW YORK': 'NY',
  'NORTH CAROLINA': 'NC',
  'NORTH DAKOTA': 'ND',
  OHIO: 'OH',
  OKLAHOMA: 'OK',
  OREGON: 'OR',
  PENNSYLVANIA: 'PA',
  'RHODE ISLAND': 'RI',
  'SOUTH CAROLINA': 'SC',
  'SOUTH DAKOTA': 'SD',
  TENNESSEE: 'TN',
  TEXAS: 'TX',
  UTAH: 'UT',
  VERMONT: 'VT',
  VIRGINIA: 'VA',
  WASHINGTON: 'WA',
  'WEST VIRGINIA': 'WV',
  WISCONSIN: 'WI',
  WYOMING: 'WY',
};

export function normStreet(s) {
  return String(s ?? '')
    .toUpperCase()
    .replace(/[.,]/g, ' ')
    .replace(/#/g, ' ')
    .replace(/\b(\d+)(?:ST|ND|RD|TH)\s+(?:FLOOR|FLR|FL)\b/g, 'FL $1')
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => (t in STREET ? STREET[t] : t))
    .filter(Boolean)
    .join(' ');
}

export function normState(s) {
  const u = String(s ?? '')
    .toUpperCase()
    .replace(/[^A-Z ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return STATES[u] || u;
}

export const normCity = (s) =>
  String(s ?? '')
    .toUpperCase()
    .replace(/[^A-Z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
export const zip5 = (s) => digits(s).slice(0, 5);

export function normAddr(a) {
  if (!a || typeof a !== 'object') return null;
  return {
    street: normStreet([a.line1, a.line2].filter(Boolean).join(' ')),
    city: normCity(a.city),
    state: normState(a.state),
    zip: zip5(a.zip),
  };
}

export function addrEqual(a, b) {
  const x = normAddr(a),
    y = normAddr(b);
  if (!x || !y) return false;
  return (
    x.street === y.street && x.city === y.city && x.state === y.state && x.zip === y.zip && x.street !== ''
  );
}

export const nameEqual = (a, b) =>
  a != null && b != null && normName(a) !== '' && normName(a) === normName(b);
export const acctEqual = (a, b) =>
  a != null && b != null && normAcct(a) !== '' && normAcct(a) === normAcct(b);
export const phoneEqual = (a, b) =>
  a != null && b != null && normPhone(a).length === 10 && normPhone(a) === normPhone(b);

export function daysBetween(isoA, isoB) {
  const a = Date.parse(isoA + 'T00:00:00Z'),
    b = Date.parse(isoB + 'T00:00:00Z');
  return Math.round((b - a) / 86400000);
}

export const STALE_AFTER_DAYS = 30;

// The cross-check rules. `bill` has extracted (or true) fields; `req` is the port request.
// Returns verdicts; a field the bill side lacks gives 'missing'.
export function crossCheck(bill, req) {
  const v = {};
  const cmp = (have, fn) => (have == null || have === '' ? 'missing' : fn() ? 'match' : 'mismatch');
  v.accountName = cmp(bill.accountName, () => nameEqual(bill.accountName, req.accountName));
  v.accountNumber = cmp(bill.accountNumber, () => acctEqual(bill.accountNumber, req.accountNumber));
  v.btn = cmp(bill.btn, () => phoneEqual(bill.btn, req.btn));
  v.serviceAddress = cmp(bill.serviceAddress, () => addrEqual(bill.serviceAddress, req.serviceAddress));
  const nums = new Set((bill.numbers || []).map(normPhone));
  v.numbersOnBill =
    !bill.numbers || bill.numbers.length === 0
      ? 'missing'
      : (req.numbersToPort || []).every((n) => nums.has(normPhone(n)))
        ? 'match'
        : 'mismatch';
  if (!bill.billDate || !/^\d{4}-\d{2}-\d{2}$/.test(bill.billDate) || !req.asOf) v.billAge = 'missing';
  else v.billAge = daysBetween(bill.billDate, req.asOf) > STALE_AFTER_DAYS ? 'stale' : 'ok';
  return v;
}

export const CHECK_KEYS = [
  'accountName',
  'accountNumber',
  'btn',
  'serviceAddress',
  'numbersOnBill',
  'billAge',
];
export const DISCREPANCY_KEY = {
  'account-number-digit': 'accountNumber',
  'btn-transposed': 'btn',
  'suite-number': 'serviceAddress',
  'street-number': 'serviceAddress',
  zip: 'serviceAddress',
  'account-name': 'accountName',
  'number-not-on-bill': 'numbersOnBill',
  'stale-bill': 'billAge',
};
