import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  earliestFocDate,
  focCalendar,
  isBusinessDay,
  isSelectable,
  nextValidFocDates,
} from '../../../shared/foc/calendar';
import { holidayOn } from '../../../shared/foc/holidays';
import { validateFoc } from '../../../shared/foc/validate';
import { addDays, etInstant, etDate, etTime, weekday } from '../../../shared/foc/time';

const ctx = (asOf: string, numbersCount = 5, canadian = false) => ({ asOf, numbersCount, canadian });

describe('FOC calendar', () => {
  it('skips weekends and US federal holidays, with the reason', () => {
    expect(isSelectable('2025-12-25', ctx('2025-12-01'))).toMatchObject({
      selectable: false,
      holiday: expect.stringContaining('Christmas'),
    });
    expect(isSelectable('2025-12-27', ctx('2025-12-01')).reason).toMatch(/^Saturday/);
    expect(isSelectable('2026-07-03', ctx('2026-06-20')).reason).toMatch(
      /Independence Day \(substitute day\)/,
    );
    expect(isSelectable('2025-12-22', ctx('2025-12-01')).selectable).toBe(true);
  });

  it('adds Canadian statutory holidays only for Canadian numbers', () => {
    expect(isBusinessDay('2025-05-19', false)).toBe(true); // Victoria Day
    expect(isBusinessDay('2025-05-19', true)).toBe(false);
    expect(isBusinessDay('2025-07-01', true)).toBe(false); // Canada Day
    expect(isBusinessDay('2025-12-26', true)).toBe(false); // Boxing Day
    expect(holidayOn('2025-07-01', false)).toBeNull();
  });

  it('applies lead time: 1 business day simple, 4 non-simple', () => {
    // Friday 2025-08-29; Monday 2025-09-01 is Labor Day.
    expect(earliestFocDate({ ...ctx('2025-08-29', 1) })).toBe('2025-09-02');
    expect(earliestFocDate({ ...ctx('2025-08-29', 5) })).toBe('2025-09-05');
    expect(isSelectable('2025-09-03', ctx('2025-08-29', 5)).reason).toMatch(
      /too soon: a non-simple port needs 4 business days/,
    );
  });

  it('refuses more than 30 days out (Bandwidth 7210)', () => {
    expect(isSelectable('2025-10-01', ctx('2025-08-29')).reason).toMatch(/7210/);
    expect(isSelectable('2025-09-26', ctx('2025-08-29')).selectable).toBe(true);
  });

  it('offers the next valid dates', () => {
    expect(nextValidFocDates('2025-12-20', 3, ctx('2025-12-19'))).toEqual([
      '2025-12-26',
      '2025-12-29',
      '2025-12-30',
    ]);
  });

  it('validates a date and a chosen time', () => {
    expect(validateFoc({ date: '2025-09-08' }, ctx('2025-08-29')).valid).toBe(true);
    const sat = validateFoc({ date: '2025-09-06' }, ctx('2025-08-29'));
    expect(sat.valid).toBe(false);
    expect(sat.reasons[0]).toMatch(/Saturday/);
    expect(sat.reasons.at(-1)).toMatch(/Next valid dates/);
    expect(validateFoc({ date: '2025-09-08', time: '14:00' }, ctx('2025-08-29', 10)).reasons[0]).toMatch(
      /more than 49 numbers/,
    );
    expect(validateFoc({ date: '2025-09-08', time: '14:00' }, ctx('2025-08-29', 60))).toMatchObject({
      valid: true,
      window: { start: '14:00' },
    });
    expect(validateFoc({ date: '2025-09-08', time: '17:00' }, ctx('2025-08-29', 60)).valid).toBe(false);
    expect(validateFoc({ date: '2025-09-08' }, ctx('2025-08-29', 60)).warnings[0]).toMatch(/Bulk port/);
    expect(validateFoc({ date: null }, ctx('2025-08-29')).valid).toBe(false);
  });

  it('property: never offers a weekend or holiday, always within lead time and 30 days', () => {
    const day = fc.integer({ min: 0, max: 365 * 4 }).map((n) => addDays('2024-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 120 }), fc.boolean(), (asOf, count, canadian) => {
        const c = ctx(asOf, count, canadian);
        for (const d of nextValidFocDates(asOf, 5, c)) {
          expect([0, 6]).not.toContain(weekday(d));
          expect(holidayOn(d, canadian)).toBeNull();
          expect(d >= earliestFocDate(c)).toBe(true);
          expect(d <= addDays(asOf, 30)).toBe(true);
        }
        for (const s of focCalendar(asOf, addDays(asOf, 40), c))
          if (s.selectable) expect(isBusinessDay(s.date, canadian)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('property: adding n business days lands on a business day n business days later', () => {
    const day = fc.integer({ min: 0, max: 365 * 4 }).map((n) => addDays('2024-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 10 }), (from, n) => {
        const to = addBusinessDays(from, n, false);
        expect(isBusinessDay(to, false)).toBe(true);
        let count = 0;
        for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isBusinessDay(d, false)) count++;
        expect(count).toBe(n);
      }),
      { numRuns: 100 },
    );
  });
});

describe('Eastern time', () => {
  it('handles the DST boundaries (March and November)', () => {
    expect(etInstant('2025-03-07', '11:00').toISOString()).toBe('2025-03-07T16:00:00.000Z'); // EST
    expect(etInstant('2025-03-10', '11:00').toISOString()).toBe('2025-03-10T15:00:00.000Z'); // EDT
    expect(etInstant('2025-10-31', '11:00').toISOString()).toBe('2025-10-31T15:00:00.000Z'); // EDT
    expect(etInstant('2025-11-03', '11:00').toISOString()).toBe('2025-11-03T16:00:00.000Z'); // EST
  });

  it('property: wall time round-trips on every day of the year at port hours', () => {
    const day = fc.integer({ min: 0, max: 365 * 3 }).map((n) => addDays('2024-01-01', n));
    const time = fc.constantFrom('11:00', '12:30', '13:00', '16:00', '00:00', '23:59');
    fc.assert(
      fc.property(day, time, (d, t) => {
        const i = etInstant(d, t);
        expect(etDate(i)).toBe(d);
        expect(etTime(i)).toBe(t);
      }),
      { numRuns: 300 },
    );
  });
});
