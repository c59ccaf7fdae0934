import { describe, expect, it } from 'vitest';
import { PIN_MASK, auditableInput, diffCaseInput } from '../../../electron/desk/store/diff';
import { caseInput } from './fixtures';

describe('diffCaseInput', () => {
  it('reports nothing for an unchanged case', () => {
    expect(diffCaseInput(caseInput(), caseInput())).toEqual([]);
  });

  it('reports each changed field with its old and new value', () => {
    const before = caseInput();
    const after = caseInput({ name: 'Acme Plumbing Inc', city: 'Troy' });
    expect(diffCaseInput(before, after)).toEqual([
      { field: 'customer.accountName', oldValue: 'Acme Plumbing LLC', newValue: 'Acme Plumbing Inc' },
      { field: 'serviceAddress.city', oldValue: 'Albany', newValue: 'Troy' },
    ]);
  });

  it('never puts a PIN in the diff, only that it changed', () => {
    const changes = diffCaseInput(caseInput({ pin: '1111' }), caseInput({ pin: '2222' }));
    expect(changes).toEqual([{ field: 'customer.pin', oldValue: PIN_MASK, newValue: PIN_MASK }]);
    expect(diffCaseInput(caseInput({ pin: null }), caseInput({ pin: '2222' }))).toEqual([
      { field: 'customer.pin', oldValue: null, newValue: PIN_MASK },
    ]);
    expect(JSON.stringify(auditableInput(caseInput({ pin: '9876' })))).not.toContain('9876');
  });

  it('diffs numbers as added, removed and changed', () => {
    const before = caseInput({ numbers: ['2125550100', '2125550124', '2125550142'] });
    const after = caseInput({ numbers: ['2125550100', '2125550124', '2125550199'] });
    after.numbers[1] = { ...after.numbers[1]!, action: 'keep' };
    const changes = diffCaseInput(before, after);
    expect(changes.map((c) => [c.field, c.note])).toEqual([
      ['numbers.2125550124', 'number changed'],
      ['numbers.2125550199', 'number added'],
      ['numbers.2125550142', 'number removed'],
    ]);
    expect(changes[0]).toMatchObject({ oldValue: { action: 'port' }, newValue: { action: 'keep' } });
    expect(changes[2]).toMatchObject({ newValue: null });
  });

  it('ignores a reordering of the same numbers', () => {
    const a = caseInput({ numbers: ['2125550100', '2125550124'] });
    const b = { ...a, numbers: [...a.numbers].reverse() };
    expect(diffCaseInput(a, b)).toEqual([]);
  });
});
