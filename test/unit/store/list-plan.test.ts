import { describe, expect, it } from 'vitest';
import { planWalk } from '../../../electron/desk/store/list';

describe('planWalk', () => {
  it('walks the sort index for a common word or name prefix, first page to last', () => {
    // "plumbing": 11,145 of 100,000 cases; "ha": 8,512 names.
    expect(planWalk({ matches: 11_145, cases: 100_000, rows: 100 })).toBe(true);
    expect(planWalk({ matches: 11_145, cases: 100_000, rows: 11_145 })).toBe(true);
    expect(planWalk({ matches: 8_512, cases: 100_000, rows: 100 })).toBe(true);
  });

  it('sorts the matches of a rare term rather than walking every case to find them', () => {
    expect(planWalk({ matches: 1, cases: 100_000, rows: 1 })).toBe(false);
    expect(planWalk({ matches: 217, cases: 100_000, rows: 100 })).toBe(false);
  });

  it('switches to sorting on the deep pages of a middling one', () => {
    expect(planWalk({ matches: 1_000, cases: 100_000, rows: 100 })).toBe(true);
    expect(planWalk({ matches: 1_000, cases: 100_000, rows: 1_000 })).toBe(false);
  });
});
