// Pieces of the service address OCR read unsurely, under a copy of the same address that reads
// them surely. A service city OCR read as noise ("ASneviie," at 0.01, a Summit photo: make-bills seed 11450
// bill 4) under an envelope that prints the same city, state and ZIP surely ("ASHEVILLE, NC
// 28801"): three glyphs apart, too far for a slip, near enough for a city read as noise.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { wordDump } from './word-dumps';

describe('a service city read as noise', () => {
  it('takes the city of a sure copy with the same state and ZIP (Summit photo)', () => {
    const a = extractBill(wordDump('summit-photo-city-noise')).fields.serviceAddress;
    expect(a).toMatchObject({ line1: '329 Summit Dr', line2: 'Suite 6B', state: 'NC', zip: '28801' });
    expect(a?.city.toUpperCase()).toBe('ASHEVILLE');
  });

  it('keeps a city read surely, however far from another copy’s', () => {
    const pages = wordDump('summit-photo-city-noise');
    const sure = pages.map((p) => ({
      ...p,
      words: p.words.map((w) => (w.text === 'ASneviie,' ? { ...w, text: 'Asbury,', conf: 0.95 } : w)),
    }));
    expect(extractBill(sure).fields.serviceAddress?.city).toBe('Asbury');
  });
});

describe('a service unit line read unsurely', () => {
  it('takes the unit of a sure copy of the same street (Bluebird photo, seed 11450 bill 2)', () => {
    // the service block's "Fl 3" read "FI13" at 0.35, the envelope's "FL3" at 0.90
    const a = extractBill(wordDump('bluebird-photo-unit-unsure')).fields.serviceAddress;
    expect(a).toEqual({
      line1: '12553 Aspen Ter',
      line2: 'FL 3',
      city: 'Sioux Falls',
      state: 'SD',
      zip: '57104',
    });
  });

  it('keeps a unit read surely', () => {
    const pages = wordDump('bluebird-photo-unit-unsure').map((p) => ({
      ...p,
      words: p.words.map((w) => (w.text === 'FI13' ? { ...w, text: 'Fl13', conf: 0.93 } : w)),
    }));
    expect(extractBill(pages).fields.serviceAddress?.line2).toBe('Fl 13');
  });
});
