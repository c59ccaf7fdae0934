// Property tests of the case state machine (shared/status.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CASE_STATUSES,
  IllegalTransitionError,
  OPEN_STATUSES,
  assertTransition,
  canTransition,
  nextStatuses,
  type CaseStatus,
} from '../../../shared/status';

const TERMINAL: CaseStatus[] = ['completed', 'canceled'];
const status = fc.constantFrom(...CASE_STATUSES);

describe('case status machine', () => {
  it('terminal states have no exits', () => {
    for (const t of TERMINAL) {
      expect(nextStatuses(t)).toEqual([]);
      for (const s of CASE_STATUSES) expect(canTransition(t, s)).toBe(false);
    }
  });

  it('a rejected case can be edited and resubmitted', () => {
    expect(canTransition('rejected', 'draft')).toBe(true);
    expect(canTransition('rejected', 'in_progress')).toBe(true);
  });

  it('every non-terminal state can still reach Completed or Canceled', () => {
    for (const s of CASE_STATUSES) {
      const seen = new Set<CaseStatus>([s]);
      const queue = [s];
      while (queue.length) {
        for (const n of nextStatuses(queue.shift()!)) {
          if (!seen.has(n)) {
            seen.add(n);
            queue.push(n);
          }
        }
      }
      expect(seen.has('canceled') || seen.has('completed')).toBe(true);
      if (!TERMINAL.includes(s)) expect(seen.has('canceled')).toBe(true);
    }
  });

  it('no transition goes to the same state or back to an unknown one', () => {
    for (const s of CASE_STATUSES)
      for (const n of nextStatuses(s)) {
        expect(n).not.toBe(s);
        expect(CASE_STATUSES).toContain(n);
      }
  });

  it('open statuses are exactly the non-terminal ones', () => {
    expect([...OPEN_STATUSES].sort()).toEqual(CASE_STATUSES.filter((s) => !TERMINAL.includes(s)).sort());
  });

  it('property: a random walk of attempted transitions never reaches an illegal state', () => {
    fc.assert(
      fc.property(fc.array(status, { maxLength: 60 }), (attempts) => {
        let cur: CaseStatus = 'draft';
        const path: CaseStatus[] = [cur];
        for (const to of attempts) {
          if (canTransition(cur, to)) {
            assertTransition(cur, to);
            cur = to;
            path.push(cur);
          } else {
            expect(() => assertTransition(cur, to)).toThrow(IllegalTransitionError);
          }
          expect(CASE_STATUSES).toContain(cur);
        }
        // Once terminal, the walk stays put; Completed is only reached from FOC Scheduled.
        const firstTerminal = path.findIndex((s) => TERMINAL.includes(s));
        if (firstTerminal >= 0) expect(path.length - 1).toBe(firstTerminal);
        for (let i = 1; i < path.length; i++)
          if (path[i] === 'completed') expect(path[i - 1]).toBe('foc_scheduled');
      }),
      { numRuns: 500 },
    );
  });

  it('illegal transitions explain what is allowed', () => {
    expect(() => assertTransition('draft', 'completed')).toThrow(
      /cannot go from Draft to Completed; from Draft it can go to/,
    );
    expect(() => assertTransition('completed', 'draft')).toThrow(/Completed is final/);
  });
});
