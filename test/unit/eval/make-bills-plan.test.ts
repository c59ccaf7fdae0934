// Which rendition the bill generator deals each bill, for the lists a held-out set is asked with.
import { describe, expect, it } from 'vitest';
import { PAPER, renditionFor } from '../../../scripts/make-bills/plan';

const deal = (allowed: readonly string[], n = 20) =>
  Array.from({ length: n }, (_, i) => renditionFor(i, i, allowed, 2));

describe('make-bills renditions', () => {
  it('makes a set of a rendition outside the cycle all that rendition, not text PDFs', () => {
    // `--renditions scan-rot90` gave text PDFs for every bill but the sixth
    expect(new Set(deal(['scan-rot90']))).toEqual(new Set(['scan-rot90']));
    expect(new Set(deal(['scan-turn270']))).toEqual(new Set(['scan-turn270']));
  });

  it('deals the lists it dealt before as it did', () => {
    const all = deal(PAPER);
    expect(all[5]).toBe('scan-rot90');
    expect(all[11]).toBe('fax-tiff');
    expect(all.slice(0, 4)).toEqual(['text-pdf', 'scan-pdf', 'text-pdf', 'photo']);
    // a list with a cycle rendition in it falls back to that one, whatever comes first
    expect(new Set(deal(['fax-tiff', 'scan-pdf']).filter((_, i) => i !== 11))).toEqual(new Set(['scan-pdf']));
    expect(deal(['two-up-pdf', 'two-up-scan']).slice(0, 2)).toEqual(['two-up-pdf', 'two-up-scan']);
    expect(new Set(deal(['screenshot']))).toEqual(new Set(['text-pdf']));
  });

  it('deals e-fax PDFs in the scan and photo slots, beside text PDFs when both are asked', () => {
    expect(new Set(deal(['efax-pdf']))).toEqual(new Set(['efax-pdf']));
    expect(deal(['text-pdf', 'efax-pdf']).slice(0, 4)).toEqual([
      'text-pdf',
      'efax-pdf',
      'text-pdf',
      'efax-pdf',
    ]);
  });

  it('deals the producer renditions alone to every bill, several in turn, and never over text-pdf', () => {
    expect(new Set(deal(['glyph-pdf']))).toEqual(new Set(['glyph-pdf']));
    expect(new Set(deal(['styled-pdf']))).toEqual(new Set(['styled-pdf']));
    expect(new Set(deal(['glyph-pdf', 'rotate-pdf']))).toEqual(new Set(['glyph-pdf', 'rotate-pdf']));
    expect(new Set(deal(['text-pdf', 'typeset-pdf', 'scan-pdf']))).toEqual(new Set(['text-pdf', 'scan-pdf']));
    expect(deal(['typeset-pdf', 'scan-pdf']).slice(0, 2)).toEqual(['typeset-pdf', 'scan-pdf']);
  });
});
