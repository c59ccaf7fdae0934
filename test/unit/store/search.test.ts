import { describe, expect, it } from 'vitest';
import { ftsRow, parseQuery } from '../../../electron/desk/store/search';
import { statusRankSql } from '../../../electron/desk/store/list';
import { sql as listOrderSql } from '../../../electron/desk/store/migrations/004-list-order';
import { caseInput } from './fixtures';

describe('ftsRow', () => {
  it('indexes the name, every number and the BTN once, both spellings of the account, and the address', () => {
    const row = ftsRow(caseInput({ numbers: ['2125550100', '2125550124'], account: '123-456 789' }));
    expect(row.name).toBe('Acme Plumbing LLC');
    expect(row.numbers).toBe('2125550100 2125550124');
    expect(row.account).toBe('123-456 789 123456789');
    expect(row.address).toBe('12 Main St Albany NY 12207');
  });
});

describe('parseQuery', () => {
  it('treats an empty query as no filter', () => {
    expect(parseQuery('   ')).toBeNull();
  });
  it('collapses a formatted phone number to its digits and drops the +1', () => {
    expect(parseQuery('(212) 555-0124')).toMatchObject({ match: '"2125550124"', namePrefix: null });
    expect(parseQuery('+1 212 555 0124')).toMatchObject({ match: '"2125550124"', namePrefix: null });
  });
  it('ANDs words and quotes them, so FTS syntax typed by an agent is searched literally', () => {
    expect(parseQuery('acme NOT "x*"')).toMatchObject({
      match: '"acme" AND "NOT" AND """x*"""',
      namePrefix: null,
    });
  });
  it('drops 1–2 character terms beside longer ones, and reads a short-only query as a name prefix', () => {
    expect(parseQuery('Jo plumbing')).toMatchObject({ match: '"plumbing"', namePrefix: null });
    expect(parseQuery(' Ac ')).toMatchObject({ match: null, namePrefix: 'Ac' });
  });
  it('strips separators from a number-like term inside a longer query', () => {
    expect(parseQuery('acme 555-0124')).toMatchObject({ match: '"acme" AND "5550124"', namePrefix: null });
  });
});

describe('status rank index', () => {
  it('migration 004 indexes exactly the expression the list sorts by', () => {
    expect(listOrderSql).toContain(`(${statusRankSql('status')}),`);
    expect(listOrderSql).toContain(`(${statusRankSql('status')}) DESC,`);
  });
});
