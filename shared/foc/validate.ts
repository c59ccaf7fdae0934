// Validates a requested FOC date and time against the calendar and the window rules.
import type { FocValidation } from '../check/types';
import {
  BULK_THRESHOLD,
  CHOSEN_TIME_MIN_NUMBERS,
  CHOSEN_TIME_RANGE,
  DEFAULT_WINDOW,
  earliestFocDate,
  isSelectable,
  leadDays,
  nextValidFocDates,
  type FocContext,
} from './calendar';
import { minutesOf, timeOf } from './time';

export interface FocRequest {
  date: string | null;
  /** A chosen time "HH:MM" ET; null for the default window. */
  time?: string | null;
}

/** The window a port runs in: the chosen time (a one-hour window) or the default 11:00–13:00 ET. */
export function portWindow(
  time: string | null | undefined,
  numbersCount: number,
): { start: string; end: string } {
  if (time && numbersCount >= CHOSEN_TIME_MIN_NUMBERS)
    return { start: time, end: timeOf(Math.min(minutesOf(time) + 60, 24 * 60 - 1)) };
  return { ...DEFAULT_WINDOW };
}

export function validateFoc(req: FocRequest, ctx: FocContext): FocValidation {
  const reasons: string[] = [];
  const warnings: string[] = [];
  const earliest = earliestFocDate(ctx);
  const suggestions = nextValidFocDates(earliest, 5, ctx);
  if (!req.date) reasons.push('No FOC date requested yet.');
  else {
    const day = isSelectable(req.date, ctx);
    if (!day.selectable) reasons.push(`${req.date} ${day.reason}.`);
  }
  if (req.time) {
    const m = minutesOf(req.time);
    if (ctx.numbersCount < CHOSEN_TIME_MIN_NUMBERS)
      reasons.push(
        `A chosen time (${req.time} ET) is only for projects of more than 49 numbers; this one has ${ctx.numbersCount}, so the default ${DEFAULT_WINDOW.start}–${DEFAULT_WINDOW.end} ET window applies.`,
      );
    else if (m < minutesOf(CHOSEN_TIME_RANGE.start) || m > minutesOf(CHOSEN_TIME_RANGE.end))
      reasons.push(
        `A chosen time must be between ${CHOSEN_TIME_RANGE.start} and ${CHOSEN_TIME_RANGE.end} ET, Monday to Friday; ${req.time} is outside.`,
      );
  }
  if (ctx.numbersCount > BULK_THRESHOLD)
    warnings.push(
      `Bulk port (${ctx.numbersCount} numbers, over ${BULK_THRESHOLD}): carriers usually need weeks, not days; expect the FOC to be pushed.`,
    );
  else if (req.date && reasons.length === 0 && leadDays(ctx) === 1 && req.date === earliest)
    warnings.push('The minimum lead time is legal, but 3 to 7 days is typical in practice.');
  if (reasons.length && suggestions.length)
    reasons.push(`Next valid dates: ${suggestions.slice(0, 3).join(', ')}.`);
  return {
    date: req.date,
    valid: reasons.length === 0,
    reasons,
    warnings,
    window: portWindow(req.time, ctx.numbersCount),
    earliest,
    suggestions,
  };
}
