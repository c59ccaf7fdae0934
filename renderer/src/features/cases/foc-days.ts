// Which days the FOC picker offers. The check engine's calendar (foc:calendar) is the authority
// when it is available; until then the picker applies the rules that need no holiday table.
import { addDays } from '../../components/format';

export interface DayInfo {
  ok: boolean;
  reason: string | null;
}

export type DayRule = (iso: string) => DayInfo;

const WEEKDAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function weekdayOf(iso: string): string {
  return WEEKDAY[new Date(iso + 'T00:00:00Z').getUTCDay()]!;
}

export function basicRule(today: string): DayRule {
  const max = addDays(today, 30);
  return (iso) => {
    const day = new Date(iso + 'T00:00:00Z').getUTCDay();
    if (day === 0 || day === 6)
      return { ok: false, reason: `${weekdayOf(iso)}: ports happen on business days only` };
    if (iso <= today)
      return {
        ok: false,
        reason: 'In the past or today: the FOC needs at least one business day of lead time',
      };
    if (iso > max) return { ok: false, reason: 'More than 30 days out: carriers reject it (Bandwidth 7210)' };
    return { ok: true, reason: null };
  };
}

/** The days of a month grid, Monday-first, padded with nulls. */
export function monthGrid(year: number, month0: number): (string | null)[] {
  const first = new Date(Date.UTC(year, month0, 1));
  const lead = (first.getUTCDay() + 6) % 7;
  const days = new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
  const out: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) out.push(new Date(Date.UTC(year, month0, d)).toISOString().slice(0, 10));
  while (out.length % 7) out.push(null);
  return out;
}
