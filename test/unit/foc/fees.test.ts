import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feeForHours, previewFees } from '../../../shared/foc/fees';
import { etInstant } from '../../../shared/foc/time';

const H = 3_600_000;

describe('cancel/reschedule fees', () => {
  it.each([
    [100, 0],
    [72, 0],
    [71.999, 25],
    [48, 25],
    [47.999, 95],
    [24, 95],
    [23.999, 350],
    [0, 350],
    [-5, 350],
  ])('%f hours of notice -> $%i per number', (hours, fee) => {
    expect(feeForHours(hours).perNumber).toBe(fee);
  });

  it('measures notice to the window start in ET, at the exact boundaries', () => {
    const port = etInstant('2025-06-12', '11:00').getTime();
    const at = (h: number) => new Date(port - h * H);
    expect(previewFees({ focDate: '2025-06-12', numbers: 10, at: at(72) }).total).toBe(0);
    expect(previewFees({ focDate: '2025-06-12', numbers: 10, at: new Date(port - 72 * H + 1) }).total).toBe(
      250,
    );
    expect(previewFees({ focDate: '2025-06-12', numbers: 10, at: at(48) }).total).toBe(250);
    expect(previewFees({ focDate: '2025-06-12', numbers: 10, at: new Date(port - 48 * H + 1) }).total).toBe(
      950,
    );
    expect(previewFees({ focDate: '2025-06-12', numbers: 10, at: at(24) }).total).toBe(950);
    expect(previewFees({ focDate: '2025-06-12', numbers: 10, at: new Date(port - 24 * H + 1) }).total).toBe(
      3500,
    );
  });

  it('counts the real hours across a DST change', () => {
    // Friday 11:00 EST to Monday 11:00 EDT is 71 real hours, not 72.
    const f = previewFees({ focDate: '2025-03-10', numbers: 2, at: '2025-03-07T16:00:00Z' });
    expect(f.hoursNotice).toBe(71);
    expect(f.perNumber).toBe(25);
    // In November it is 73.
    const n = previewFees({ focDate: '2025-11-03', numbers: 2, at: '2025-10-31T15:00:00Z' });
    expect(n.hoursNotice).toBe(73);
    expect(n.perNumber).toBe(0);
  });

  it('uses a chosen time only for projects over 49 numbers', () => {
    expect(
      previewFees({ focDate: '2025-06-12', focTime: '15:00', numbers: 60, at: '2025-06-01T00:00:00Z' })
        .scheduledLabel,
    ).toBe('2025-06-12 15:00 ET');
    expect(
      previewFees({ focDate: '2025-06-12', focTime: '15:00', numbers: 5, at: '2025-06-01T00:00:00Z' })
        .scheduledLabel,
    ).toBe('2025-06-12 11:00 ET');
  });

  it('explains the bracket and advises against moving', () => {
    const f = previewFees({ focDate: '2025-06-12', numbers: 3, at: '2025-06-11T16:00:00Z' });
    expect(f.explanation).toMatch(/less than 24 hours.*\$350 per number × 3 = \$1,050/);
    expect(f.advice).toMatch(/loss of service/);
  });

  it('property: the fee never decreases as notice shrinks, and total = per number × count', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -48, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.integer({ min: 1, max: 500 }),
        (h, dh, n) => {
          expect(feeForHours(h - dh).perNumber).toBeGreaterThanOrEqual(feeForHours(h).perNumber);
          const port = etInstant('2025-11-03', '11:00').getTime();
          const f = previewFees({ focDate: '2025-11-03', numbers: n, at: new Date(port - h * H) });
          expect(f.total).toBe(f.perNumber * n);
        },
      ),
      { numRuns: 300 },
    );
  });
});
