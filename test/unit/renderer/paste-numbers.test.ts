import { describe, expect, it } from 'vitest';
import {
  classify,
  nanpProblem,
  parsePastedNumbers,
} from '../../../renderer/src/features/cases/paste-numbers';
import { diffInputs } from '../../../renderer/src/features/cases/diff';
import { monthGrid, basicRule } from '../../../renderer/src/features/cases/foc-days';

describe('parsePastedNumbers', () => {
  it('reads every common format, several per line, and dedupes', () => {
    const r = parsePastedNumbers(
      '(212) 555-0142\t212.555.0143, +1 212 555 0144\n1-212-555-0145 2125550142',
      [],
    );
    expect(r.numbers.map((n) => n.number)).toEqual(['2125550142', '2125550143', '2125550144', '2125550145']);
    expect(r.duplicates).toBe(1);
    expect(r.invalid).toEqual([]);
  });

  it('classifies toll-free and Canadian numbers', () => {
    expect(classify('8005550100')).toBe('tollfree');
    expect(classify('4165550142')).toBe('canadian');
    expect(classify('3035550142')).toBe('local');
  });

  it('skips numbers already on the case', () => {
    const r = parsePastedNumbers('303-555-0142\n303-555-0143', ['3035550142']);
    expect(r.numbers.map((n) => n.number)).toEqual(['3035550143']);
    expect(r.duplicates).toBe(1);
  });

  it('reports garbage and impossible numbers instead of dropping them', () => {
    const r = parsePastedNumbers(
      'Number\tLocation\ncall me maybe\n555-12\n123-456-7890\n212-155-0100\n303 555 01422 x',
      [],
    );
    expect(r.numbers).toEqual([]);
    expect(r.unreadLines).toEqual(['Number\tLocation', 'call me maybe', '555-12']);
    expect(r.invalid.map((i) => i.text)).toEqual(['123-456-7890', '212-155-0100', '303 555 01422']);
    expect(r.invalid[0]!.reason).toMatch(/area code/);
    expect(r.invalid[1]!.reason).toMatch(/exchange/);
    expect(r.invalid[2]!.reason).toMatch(/11 digits/);
  });

  it('applies the NANP plan rules', () => {
    expect(nanpProblem('2125550142')).toBeNull();
    expect(nanpProblem('2925550142')).toMatch(/middle digit/);
    expect(nanpProblem('2124110142')).toMatch(/N11/);
  });
});

describe('conflict diff', () => {
  it('names the fields that differ and never shows a PIN', () => {
    const mine = {
      customer: { accountName: 'A', pin: '1234' },
      numbers: [{ number: '2125550142', action: 'port' }],
    };
    const theirs = {
      customer: { accountName: 'B', pin: '9999' },
      numbers: [{ number: '2125550142', action: 'keep' }],
    };
    const rows = diffInputs(mine, theirs);
    expect(rows.map((r) => r.label)).toEqual(['Account name', 'Port-out PIN', 'Numbers']);
    expect(rows[1]!.mine).not.toContain('1234');
    expect(rows[1]!.theirs).not.toContain('9999');
  });
});

describe('FOC picker grid', () => {
  it('lays a month out Monday-first', () => {
    const g = monthGrid(2026, 10); // November 2026 starts on a Sunday
    expect(g.slice(0, 7)).toEqual([null, null, null, null, null, null, '2026-11-01']);
    expect(g.length % 7).toBe(0);
  });

  it('refuses weekends, the past and more than 30 days out without the calendar', () => {
    const rule = basicRule('2026-11-20');
    expect(rule('2026-11-21').reason).toMatch(/Saturday/);
    expect(rule('2026-11-20').ok).toBe(false);
    expect(rule('2026-11-23').ok).toBe(true);
    expect(rule('2026-12-21').reason).toMatch(/30 days/);
  });
});
