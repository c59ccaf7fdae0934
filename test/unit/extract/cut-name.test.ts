// Which second reading of a name line finishes the first: it must hold the first reading whole.
import { describe, expect, it } from 'vitest';
import { carriesOn } from '../../../shared/extract/learn';

describe('a name read again on its own', () => {
  it('finishes a name cut at either end', () => {
    expect(carriesOn('Tomasz', 'Tomasz Kowalczyk')).toBe(true);
    expect(carriesOn('Novak', 'Nguyen Novak')).toBe(true);
    expect(carriesOn('Copper', 'Copper Kettle Print Shop Co.')).toBe(true);
    expect(carriesOn('Hollis Print Shop Lt', 'Hollis Print Shop Ltd.')).toBe(true);
  });

  it('never puts another name, or the same one read otherwise, in its place', () => {
    expect(carriesOn('Hollis Print Shop Ltd.', 'Hollis Print Shop Ltd.')).toBe(false);
    expect(carriesOn('Hollis Print Shop', 'Hollis Prlnt Shop Ltd.')).toBe(false);
    expect(carriesOn('Juan Ortiz', 'Marta Ruiz')).toBe(false);
    expect(carriesOn('Juan Ortiz Torres', 'Juan Ortiz')).toBe(false);
  });
});
