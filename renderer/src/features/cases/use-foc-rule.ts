// The FOC picker's day rule from the check engine's calendar (foc:calendar): weekends, US (and
// Canadian) holidays, lead time and the 30-day limit, each with the engine's own reason.
import { useEffect, useMemo, useState } from 'react';
import type { z } from 'zod';
import type { FocCalendarSchema } from '../../../../shared/channels/checks';
import { call, hasChannel } from '../../desk/client';
import { addDays } from '../../components/format';
import type { DayRule } from './foc-days';

type Calendar = z.infer<typeof FocCalendarSchema>;

export interface FocRuleQuery {
  caseId?: number | undefined;
  portCount: number;
  canadian: boolean;
  from: string;
}

const SPAN = 70;

export function useFocRule(q: FocRuleQuery): {
  rule: DayRule | null;
  suggestions: string[];
  source: 'calendar' | 'basic';
  timeChoosable: boolean | null;
} {
  const [cal, setCal] = useState<{ key: string; cal: Calendar } | null>(null);
  const key = `${q.from}|${q.portCount}|${q.canadian}`;
  const available = hasChannel('foc:calendar');

  useEffect(() => {
    if (!available) return;
    let live = true;
    const t = setTimeout(() => {
      call('foc:calendar', {
        from: addDays(q.from, -35),
        to: addDays(q.from, SPAN),
        numbersCount: Math.max(0, q.portCount),
        canadian: q.canadian,
      })
        .then((c) => {
          if (live) setCal({ key, cal: c });
        })
        .catch(() => undefined);
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [available, key, q.from, q.portCount, q.canadian]);

  const rule = useMemo<DayRule | null>(() => {
    if (!cal) return null;
    const days = new Map(cal.cal.days.map((d) => [d.date, d]));
    const { earliest, latest } = cal.cal;
    return (iso) => {
      const d = days.get(iso);
      if (d) return { ok: d.selectable, reason: d.selectable ? null : d.reason };
      if (iso < earliest) return { ok: false, reason: 'Too soon: before the earliest possible port date' };
      if (iso > latest)
        return { ok: false, reason: 'More than 30 days out: carriers reject it (Bandwidth 7210)' };
      return { ok: false, reason: 'Outside the calendar the desk checked' };
    };
  }, [cal]);

  return {
    rule,
    suggestions: cal?.cal.suggestions ?? [],
    source: cal ? 'calendar' : 'basic',
    timeChoosable: cal ? cal.cal.timeChoosable : null,
  };
}
