// A ZIP's state by its first three digits: what fills a state a photo lost.
import { describe, expect, it } from 'vitest';
import { parseCityStateZip } from '../../../shared/extract/shapes';
import { stateOfZip, zipFirstDigits } from '../../../shared/extract/zip-states';

describe('stateOfZip', () => {
  it('names the state of a ZIP or ZIP+4', () => {
    expect(stateOfZip('57104-5888')).toBe('SD');
    expect(stateOfZip('01608')).toBe('MA');
    expect(stateOfZip('05501')).toBe('MA');
    expect(stateOfZip('05401')).toBe('VT');
    expect(stateOfZip('20001')).toBe('DC');
    expect(stateOfZip('20166')).toBe('VA');
    expect(stateOfZip('73301')).toBe('TX');
    expect(stateOfZip('88510')).toBe('TX');
    expect(stateOfZip('00901')).toBe('PR');
    expect(stateOfZip('99501')).toBe('AK');
  });

  it('names none for military, unassigned or malformed codes', () => {
    for (const z of ['09012', '34002', '96201', '00100', '7310', '573O4', 'K1A 0B1', ''])
      expect(stateOfZip(z), z).toBeNull();
  });
});

describe('zipFirstDigits', () => {
  it('gives the first digits of every prefix a state uses, from the same table', () => {
    expect(zipFirstDigits('TX')).toBe('78'); // 750-799, and El Paso's 885
    expect(zipFirstDigits('NY')).toBe('01'); // 005 (Holtsville) and 100-149
    expect(zipFirstDigits('MA')).toBe('0');
    expect(zipFirstDigits('AA')).toBe(''); // military: no state's ZIPs
  });

  it("lets a state run into its city stand apart where its ZIP starts as only that state's can", () => {
    expect(parseCityStateZip('EL PASOTX 88510')).toMatchObject({
      city: 'EL PASO',
      state: 'TX',
      zip: '88510',
    });
    // "…TX" before a ZIP no Texan prefix starts with is still read as one word
    expect(parseCityStateZip('EL PASOTX 38510')?.state).not.toBe('TX');
  });
});
