// The FOC calendar: which dates a port can be scheduled on, and why not. Business days only
// (no weekends, no US federal holidays, no Canadian statutory holidays for Canadian numbers),
// after the lead time, and not more than 30 days out (Bandwidth 7210).
import { holidayOn } from './holidays';
import { addDays, daysFrom, weekday } from './time';

export const MAX_DAYS_OUT = 30;
export const SIMPLE_LEAD_DAYS = 1;
export const NON_SIMPLE_LEAD_DAYS = 4;
export const BULK_THRESHOLD = 50;
export const CHOSEN_TIME_MIN_NUMBERS = 50; // "more than 49"
export const DEFAULT_WINDOW = { start: '11:00', end: '13:00' } as const;
export const CHOSEN_TIME_RANGE = { start: '11:00', end: '16:00' } as const;

export interface FocContext {
  /** Today, in ET (YYYY-MM-DD): lead time and the 30-day limit count from here. */
  asOf: string;
  /** Numbers being ported. */
  numbersCount: number;
  /** Any Canadian number in the port: Canadian statutory holidays apply too. */
  canadian: boolean;
  /**
   * A wireline simple port (FCC 52.35: one line on the account, no complex services): 1 business
   * day of lead time. Otherwise 4. Defaults to numbersCount === 1.
   */
  simple?: boolean;
}

export interface DayStatus {
  date: string;
  selectable: boolean;
  /** Why not (or null when selectable). */
  reason: string | null;
  /** The holiday's name when the date is one. */
  holiday: string | null;
  weekend: boolean;
}

export function isBusinessDay(date: string, canadian: boolean): boolean {
  const wd = weekday(date);
  return wd !== 0 && wd !== 6 && holidayOn(date, canadian) === null;
}

/** The n-th business day after `from` (n >= 1); n = 0 gives `from` itself. */
export function addBusinessDays(from: string, n: number, canadian: boolean): string {
  let d = from;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isBusinessDay(d, canadian)) left--;
  }
  return d;
}

export function leadDays(ctx: FocContext): number {
  const simple = ctx.simple ?? ctx.numbersCount === 1;
  return simple ? SIMPLE_LEAD_DAYS : NON_SIMPLE_LEAD_DAYS;
}

/** Earliest date the lead time allows. */
export function earliestFocDate(ctx: FocContext): string {
  return addBusinessDays(ctx.asOf, leadDays(ctx), ctx.canadian);
}

export function latestFocDate(ctx: FocContext): string {
  return addDays(ctx.asOf, MAX_DAYS_OUT);
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** For the date picker: can this date be chosen, and if not, why. */
export function isSelectable(date: string, ctx: FocContext): DayStatus {
  const wd = weekday(date);
  const weekend = wd === 0 || wd === 6;
  const holiday = holidayOn(date, ctx.canadian);
  const base = { date, holiday, weekend };
  if (weekend)
    return { ...base, selectable: false, reason: `${WEEKDAY_NAMES[wd]}: ports happen on business days only` };
  if (holiday) return { ...base, selectable: false, reason: `${holiday}: no ports on holidays` };
  if (date <= ctx.asOf)
    return { ...base, selectable: false, reason: 'in the past or today: a port needs lead time' };
  const earliest = earliestFocDate(ctx);
  if (date < earliest) {
    const n = leadDays(ctx);
    return {
      ...base,
      selectable: false,
      reason: `too soon: a ${n === SIMPLE_LEAD_DAYS ? 'simple' : 'non-simple'} port needs ${n} business day${n === 1 ? '' : 's'} of lead time (earliest ${earliest})`,
    };
  }
  if (daysFrom(ctx.asOf, date) > MAX_DAYS_OUT)
    return {
      ...base,
      selectable: false,
      reason: `more than ${MAX_DAYS_OUT} days out: carriers reject it (Bandwidth 7210); latest ${latestFocDate(ctx)}`,
    };
  return { ...base, selectable: true, reason: null };
}

/** Every day from..to (inclusive, at most 400 days) with its status, for the picker. */
export function focCalendar(from: string, to: string, ctx: FocContext): DayStatus[] {
  const out: DayStatus[] = [];
  for (let d = from, i = 0; d <= to && i < 400; d = addDays(d, 1), i++) out.push(isSelectable(d, ctx));
  return out;
}

/** The next n valid FOC dates on or after `from` (and after the lead time), within the 30-day limit. */
export function nextValidFocDates(from: string, n: number, ctx: FocContext): string[] {
  const out: string[] = [];
  const start = from > ctx.asOf ? from : addDays(ctx.asOf, 1);
  for (let d = start, i = 0; out.length < n && i <= MAX_DAYS_OUT + 1; d = addDays(d, 1), i++)
    if (isSelectable(d, ctx).selectable) out.push(d);
  return out;
}
