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

describe('a service street read with a slipped glyph or a lost ending', () => {
  it('takes a sure copy that differs only in look-alike glyphs (Northwind photo, seed 11480 bill 1)', () => {
    // the service block's "63 Highiand Place" at 0.91, the customer box's "63 Highland Place" at 0.97
    const a = extractBill(wordDump('northwind-photo-street-lookalike')).fields.serviceAddress;
    expect(a).toMatchObject({ line1: '63 Highland Place', city: 'Grand Junction', zip: '81501' });
  });

  it('keeps its own reading when the copy is no surer', () => {
    const pages = wordDump('northwind-photo-street-lookalike').map((p) => ({
      ...p,
      words: p.words.map((w) => (w.text === 'Highiand' ? { ...w, conf: 0.97 } : w)),
    }));
    expect(extractBill(pages).fields.serviceAddress?.line1).toBe('63 Highiand Place');
  });

  it('takes the whole street of a sure copy when its own lost its end (Meridian photo, seed 11480 bill 9)', () => {
    // "47203 Harrison R" (the R at 0.60) beside the customer box's "47203 Harrison Road"
    const a = extractBill(wordDump('meridian-photo-street-cut')).fields.serviceAddress;
    expect(a).toMatchObject({ line1: '47203 Harrison Road', line2: 'Unit 289', zip: '81501-1099' });
  });

  it('keeps a short last word read surely', () => {
    const pages = wordDump('meridian-photo-street-cut').map((p) => ({
      ...p,
      words: p.words.map((w) => (w.text === 'R' && w.conf < 0.7 ? { ...w, text: 'Rd', conf: 0.95 } : w)),
    }));
    expect(extractBill(pages).fields.serviceAddress?.line1).toBe('47203 Harrison Rd');
  });
});
