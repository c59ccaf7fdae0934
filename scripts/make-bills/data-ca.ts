// English Canadian places (Ontario, the West, the Maritimes) for the Canadian carrier. Postal codes
// are drawn in each city's own forward sortation area; numbers stay in the fictitious 555-01XX
// range of the city's real area codes, so the desk's Canadian-number rule must fire.
import type { Addr } from './model';
import type { Rng } from './rng';

export interface CaCity {
  city: string;
  /** province code as Canada Post prints it */
  prov: string;
  /** the province's name, as some bills print it in full ("Toronto, Ontario M5V 3L9") */
  province: string;
  fsa: string[];
  npa: string[];
}

export const CA_CITIES: CaCity[] = [
  {
    city: 'Toronto',
    prov: 'ON',
    province: 'Ontario',
    fsa: ['M5V', 'M5H', 'M4W', 'M5J'],
    npa: ['416', '647', '437'],
  },
  { city: 'Mississauga', prov: 'ON', province: 'Ontario', fsa: ['L5B', 'L4W'], npa: ['905', '289', '365'] },
  { city: 'Ottawa', prov: 'ON', province: 'Ontario', fsa: ['K1P', 'K2P', 'K1R'], npa: ['613', '343'] },
  { city: 'Hamilton', prov: 'ON', province: 'Ontario', fsa: ['L8P', 'L8N'], npa: ['905', '289'] },
  { city: 'London', prov: 'ON', province: 'Ontario', fsa: ['N6A', 'N6B'], npa: ['519', '226', '548'] },
  { city: 'Thunder Bay', prov: 'ON', province: 'Ontario', fsa: ['P7B'], npa: ['807'] },
  {
    city: 'Vancouver',
    prov: 'BC',
    province: 'British Columbia',
    fsa: ['V6B', 'V6C', 'V5K'],
    npa: ['604', '778', '236'],
  },
  { city: 'Burnaby', prov: 'BC', province: 'British Columbia', fsa: ['V5H', 'V5C'], npa: ['604', '778'] },
  { city: 'Kelowna', prov: 'BC', province: 'British Columbia', fsa: ['V1Y'], npa: ['250', '778'] },
  {
    city: 'Calgary',
    prov: 'AB',
    province: 'Alberta',
    fsa: ['T2P', 'T2G', 'T3E'],
    npa: ['403', '587', '825'],
  },
  { city: 'Edmonton', prov: 'AB', province: 'Alberta', fsa: ['T5J', 'T6E'], npa: ['780', '587'] },
  { city: 'Winnipeg', prov: 'MB', province: 'Manitoba', fsa: ['R3C', 'R3B'], npa: ['204', '431'] },
  { city: 'Saskatoon', prov: 'SK', province: 'Saskatchewan', fsa: ['S7K'], npa: ['306', '639'] },
  { city: 'Halifax', prov: 'NS', province: 'Nova Scotia', fsa: ['B3J', 'B3H'], npa: ['902', '782'] },
  { city: "St. John's", prov: 'NL', province: 'Newfoundland and Labrador', fsa: ['A1C'], npa: ['709'] },
];

// Canada Post never uses D, F, I, O, Q or U in a postal code.
const LETTERS = [...'ABCEGHJKLMNPRSTVWXYZ'];
export function postalCodeCa(r: Rng, c: CaCity): string {
  return `${r.pick(c.fsa)} ${r.int(1, 9)}${r.pick(LETTERS)}${r.int(0, 9)}`;
}

const STREETS_CA = [
  'Bay',
  'King',
  'Queen',
  'Yonge',
  'Front',
  'Wellington',
  'Granville',
  'Hastings',
  'Jasper',
  'Portage',
  'Barrington',
  'Elgin',
  'Bank',
  'Dundas',
  'Richmond',
  'Macleod',
  'Whyte',
  'Spadina',
  'Kingsway',
  'Sparks',
];
const TYPES_CA: [string, string][] = [
  ['Street', 'St'],
  ['Avenue', 'Ave'],
  ['Road', 'Rd'],
  ['Boulevard', 'Blvd'],
  ['Drive', 'Dr'],
  ['Trail', 'Trail'],
];
// Canada Post writes the direction after the street name, spelled out or as one letter.
const DIRS_CA = ['West', 'East', 'W', 'E', 'SW', 'NW'];

export function streetCa(r: Rng, short: boolean): string {
  const [long, abbr] = r.pick(TYPES_CA);
  const num = r.pick([r.int(10, 99), r.int(100, 999), r.int(1000, 9999)]);
  const dir = r.chance(0.3) ? ' ' + r.pick(DIRS_CA) : '';
  return `${num} ${r.pick(STREETS_CA)} ${short ? abbr : long}${dir}`;
}

/**
 * A Canadian address. A quarter of units are written the Canada Post way, before the civic
 * number with a hyphen ("1402-88 Harbour St"), which leaves line 2 empty.
 */
export function addrCa(r: Rng, c: CaCity, business: boolean, short: boolean): Addr {
  const street = streetCa(r, short);
  const zip = postalCodeCa(r, c);
  const u = r.float(0, 1);
  if (u < 0.25)
    return { line1: `${r.int(101, 2450)}-${street}`, line2: null, city: c.city, state: c.prov, zip };
  if (u < 0.6) return { line1: street, line2: null, city: c.city, state: c.prov, zip };
  const unit = business
    ? r.pick([`Suite ${r.int(100, 2900)}`, `Unit ${r.int(1, 40)}`, `Floor ${r.int(2, 30)}`])
    : r.pick([`Apt ${r.int(1, 40)}`, `Unit ${r.int(101, 1900)}`]);
  return { line1: street, line2: unit, city: c.city, state: c.prov, zip };
}
