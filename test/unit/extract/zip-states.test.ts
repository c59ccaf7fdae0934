// A ZIP's state by its first three digits: what fills a state a photo lost.
import { describe, expect, it } from 'vitest';
import { stateOfZip } from '../../../shared/extract/zip-states';

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
