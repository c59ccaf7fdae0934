// Deterministic fake cases for the benchmarks (store, load, ui), so each fills its store the same
// way and runs compare. Not realistic bills: just enough variety for search and sort to work.
import type { CaseInput } from '../shared/domain';

export interface FakeCaseOptions {
  seed: number;
  numbersPerCase: number;
  /** Put the case index in the name, so every name is distinct (the UI bench searches for one). */
  uniqueNames?: boolean;
  /** Every n-th case is wireless with a PIN (0: none). */
  wirelessEvery?: number;
  /** Share of cases with a requested FOC date. */
  focShare?: number;
}

export const WORDS = [
  'Acme',
  'Blue',
  'Fern',
  'Harbor',
  'Summit',
  'Maple',
  'Granite',
  'Cedar',
  'Orchid',
  'Beacon',
];
export const TRADES = [
  'Plumbing',
  'Dental',
  'Bakery',
  'Logistics',
  'Law Group',
  'Realty',
  'Clinic',
  'Florist',
];
const SUFFIX = ['LLC', 'Inc', 'Co', 'Partners'];
export const NPAS = ['212', '315', '518', '607', '716', '845', '914', '201', '973', '617'];
const CITIES = ['Albany', 'Troy', 'Hudson', 'Utica', 'Ithaca', 'Buffalo', 'Yonkers', 'Newark', 'Boston'];
const CARRIERS = ['Verizon', 'Spectrum', 'Frontier', 'AT&T', 'Comcast'];

/** The 7 digits after the NPA of a case's k-th number: unique per case, and a valid exchange (2..9). */
export const lineDigits = (caseIndex: number, k: number, numbersPerCase: number): string =>
  String(2_000_000 + ((caseIndex * numbersPerCase + k) % 7_999_999)).padStart(7, '0');

export const accountNumberOf = (i: number): string => `${100 + (i % 900)}-${String(i).padStart(6, '0')}`;

export function fakeCases(opts: FakeCaseOptions) {
  // mulberry32
  let seed = opts.seed;
  const rand = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

  const makeCase = (i: number): CaseInput => {
    const npa = pick(NPAS);
    const numbers = Array.from(
      { length: opts.numbersPerCase },
      (_, k) => `${npa}${lineDigits(i, k, opts.numbersPerCase)}`,
    );
    const wireless = !!opts.wirelessEvery && i % opts.wirelessEvery === 0;
    const name = `${pick(WORDS)} ${pick(WORDS)} ${pick(TRADES)}`;
    return {
      customer: {
        accountName: opts.uniqueNames ? `${name} ${i}` : `${name} ${pick(SUFFIX)}`,
        accountType: 'business',
        accountNumber: accountNumberOf(i),
        btn: numbers[0]!,
        pin: wireless ? String(100000 + i) : null,
        losingCarrier: pick(CARRIERS),
        wireless,
      },
      authorized: { name: 'Pat Doe', title: 'Office Manager', email: 'pat@example.com', phone: '' },
      serviceAddress: {
        line1: `${1 + (i % 9000)} ${pick(WORDS)} St`,
        line2: null,
        city: pick(CITIES),
        state: 'NY',
        zip: String(10000 + (i % 89999)),
      },
      numbers: numbers.map((number) => ({
        number,
        action: 'port' as const,
        kind: 'local' as const,
        e911: null,
      })),
      newBtn: null,
      focDate:
        rand() < (opts.focShare ?? 0)
          ? `2026-12-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`
          : null,
      focTime: null,
      flags: { dsl: false, contractTerm: false, personalCell: false },
      notes: '',
    };
  };
  return { rand, pick, makeCase };
}

/** p-th percentile (nearest rank) of a sample. */
export const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
