import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyzePhone,
  describeDigitDifference,
  phoneDigits,
  phoneEqual,
} from '../../../shared/normalize/phone';

describe('phone numbers', () => {
  it.each([
    ['(970) 555-0124', '9705550124'],
    ['970.555.0124', '9705550124'],
    ['+1 970 555 0124', '9705550124'],
    ['1-970-555-0124', '9705550124'],
    ['970 555-0124 ext. 12', '9705550124'],
    ['9705550124', '9705550124'],
  ])('reads %s', (input, digits) => {
    expect(phoneDigits(input)).toBe(digits);
  });

  it.each(['+44 20 7946 0958', '555-0124', '12345', '', 'call us'])('refuses %s as non-NANP', (input) => {
    expect(phoneDigits(input)).toBeNull();
    expect(analyzePhone(input).valid).toBe(false);
  });

  it('applies the NANP plan rules', () => {
    expect(analyzePhone('212-456-7890').valid).toBe(true);
    expect(analyzePhone('112-456-7890').problem).toBe('bad_npa');
    expect(analyzePhone('292-456-7890').problem).toBe('bad_npa'); // middle digit 9
    expect(analyzePhone('212-056-7890').problem).toBe('bad_exchange');
    expect(analyzePhone('212-911-7890').problem).toBe('n11_exchange');
    const f = analyzePhone('970-555-0124');
    expect(f.fictitious).toBe(true);
    expect(f.valid).toBe(false);
    expect(analyzePhone('970-555-0200').valid).toBe(true); // 555 outside 01XX is assignable
  });

  it('knows toll-free and Canadian numbers', () => {
    for (const npa of ['800', '833', '844', '855', '866', '877', '888'])
      expect(analyzePhone(`${npa}-234-5678`).kind).toBe('tollfree');
    expect(analyzePhone('416-234-5678').kind).toBe('canadian');
    expect(analyzePhone('604 234 5678').canadian).toBe(true);
    expect(analyzePhone('212-234-5678').kind).toBe('local');
  });

  it('describes digit differences', () => {
    expect(describeDigitDifference('5055550113', '5055550131')).toBe('digits 9 and 10 transposed');
    expect(describeDigitDifference('2605550184', '2605551084')).toBe('digits 7 and 8 transposed');
    expect(describeDigitDifference('2605550184', '2605550185')).toBe('digit 10 differs');
  });

  const nanp = fc
    .tuple(
      fc.integer({ min: 2, max: 9 }),
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 2, max: 9 }),
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 9999 }),
    )
    .map(
      ([a, b, c, d, e]) =>
        `${a}${String(b).padStart(2, '0')}${c}${String(d).padStart(2, '0')}${String(e).padStart(4, '0')}`,
    );
  const formats = [
    (d: string) => d,
    (d: string) => `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
    (d: string) => `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`,
    (d: string) => `+1 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
    (d: string) => `1-${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  ];

  it('property: any human format reads back to the same digits, idempotently and symmetrically', () => {
    fc.assert(
      fc.property(
        nanp,
        fc.nat({ max: formats.length - 1 }),
        fc.nat({ max: formats.length - 1 }),
        (d, i, j) => {
          const a = formats[i]!(d);
          const b = formats[j]!(d);
          expect(phoneDigits(a)).toBe(d);
          expect(phoneDigits(phoneDigits(a))).toBe(d);
          expect(phoneEqual(a, b)).toBe(phoneEqual(b, a));
          expect(phoneEqual(a, b)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
