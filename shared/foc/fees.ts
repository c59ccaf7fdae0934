// Cancel/reschedule fees after the FOC, per number, by hours of notice before the scheduled port
// (the FOC date at the window start, in ET). Computed on instants, so a DST change between now and
// the port counts as the real 23 or 25 hours it is.
import { etInstant } from './time';
import { portWindow } from './validate';

export const FEE_BRACKETS = [
  { minHours: 72, perNumber: 0, label: '72 hours or more of notice' },
  { minHours: 48, perNumber: 25, label: '48 to 72 hours of notice' },
  { minHours: 24, perNumber: 95, label: '24 to 48 hours of notice' },
  { minHours: -Infinity, perNumber: 350, label: 'less than 24 hours of notice (day of port)' },
] as const;

export const FEE_ADVICE =
  'Advise against moving the date: cancelling or rescheduling a confirmed port can cause loss of service.';

export function feeForHours(hours: number): { perNumber: number; label: string } {
  const b = FEE_BRACKETS.find((x) => hours >= x.minHours)!;
  return { perNumber: b.perNumber, label: b.label };
}

export interface FeePreview {
  /** The scheduled port instant (ISO, UTC) = FOC date + window start in ET. */
  scheduledAt: string;
  /** "2025-03-10 11:00 ET" */
  scheduledLabel: string;
  /** Notice from `at` to the scheduled port, in hours (negative when it has passed). */
  hoursNotice: number;
  perNumber: number;
  numbers: number;
  total: number;
  /** "50.0 hours of notice: 48 to 72 hours of notice, $25 per number x 10 = $250" */
  explanation: string;
  advice: string;
}

export function previewFees(opts: {
  focDate: string;
  focTime?: string | null;
  numbers: number;
  at: Date | string;
}): FeePreview {
  const window = portWindow(opts.focTime ?? null, opts.numbers);
  const scheduled = etInstant(opts.focDate, window.start);
  const at = typeof opts.at === 'string' ? new Date(opts.at) : opts.at;
  const hours = (scheduled.getTime() - at.getTime()) / 3_600_000;
  const { perNumber, label } = feeForHours(hours);
  const total = perNumber * opts.numbers;
  const passed = hours < 0 ? ' (the scheduled port time has passed)' : '';
  return {
    scheduledAt: scheduled.toISOString(),
    scheduledLabel: `${opts.focDate} ${window.start} ET`,
    hoursNotice: Math.round(hours * 1000) / 1000,
    perNumber,
    numbers: opts.numbers,
    total,
    explanation: `${hours.toFixed(1)} hours of notice before ${opts.focDate} ${window.start} ET${passed}: ${label}, $${perNumber} per number × ${opts.numbers} = $${total.toLocaleString('en-US')}.`,
    advice: FEE_ADVICE,
  };
}
