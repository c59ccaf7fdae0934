// A service-address label whose block OCR read only in part: the city line's start lost at a
// Summit photo's edge ("gton, KY ¢", make-bills seed 11301 bill 4), a Quebec postal code garbled
// on a Fleuve scan ("Montréal Qc [HAN SRZ,,", seed 11300 bill 59). The whole block did not parse,
// so the envelope's or the mailing address was taken and compared as the service address: a
// false alarm on a clean request, or a real discrepancy "caught" for the wrong reason. What was
// read stands; the rest is left empty for the agent to verify.
import { describe, expect, it } from 'vitest';
import { checkServiceAddress } from '../../../shared/check/fields';
import { extractBill } from '../../../shared/extract';
import { wordDump } from './word-dumps';

const load = wordDump;

describe('a service address read in part', () => {
  it('keeps the street and unit under its label, not the envelope address (Summit photo)', () => {
    const a = extractBill(load('summit-photo-city-cut')).fields.serviceAddress;
    expect(a).toEqual({ line1: '6055 NE Station Cir', line2: 'Suite 904', city: '', state: 'KY', zip: '' });
    // the truth's address against it: verify by eye, not a mismatch
    const truth = {
      line1: '6055 NE Station Cir',
      line2: 'Suite 904',
      city: 'Lexington',
      state: 'KY',
      zip: '40507',
    };
    expect(checkServiceAddress(a, truth).verdict).toBe('missing');
    expect(checkServiceAddress(a, { ...truth, line1: '6065 NE Station Cir' }).verdict).toBe('mismatch');
  });

  it('keeps the street and the city when only the postal code is garbled (Fleuve scan)', () => {
    const a = extractBill(load('fleuve-scan-postal-garbled')).fields.serviceAddress;
    expect(a).toMatchObject({ city: 'Montréal', state: 'QC', zip: '' });
    expect(a?.line1).toMatch(/^62, avenue Jean-Talon/);
  });
});
