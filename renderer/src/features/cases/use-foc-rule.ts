// Placeholder until the check engine ships foc:calendar; replaced with the real call then.
import type { DayRule } from './foc-days';

export interface FocRuleQuery {
  caseId?: number | undefined;
  portCount: number;
  canadian: boolean;
  from: string;
}

export function useFocRule(_q: FocRuleQuery): {
  rule: DayRule | null;
  suggestions: string[];
  source: 'calendar' | 'basic';
} {
  return { rule: null, suggestions: [], source: 'basic' };
}
