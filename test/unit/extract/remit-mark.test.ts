// A Cascade scan (make-bills seed 11300, bill 41) as OCR read it, header only: three boxes side
// by side, BILL TO | SERVICE LOCATION | REMIT TO. The remit box's caption came out "ol REMITTO",
// its border read as "ol" in front, so it was no label, and its PO box was taken as the service
// location's value to the right: a false alarm on a clean request.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { wordDump } from './word-dumps';

const pages = wordDump('cascade-scan-remit-mark');

describe('a remit-to caption behind a mark OCR made of the box border', () => {
  it('still closes the service location: its address is the premises', () => {
    const a = extractBill(pages).fields.serviceAddress;
    expect(a).toMatchObject({ line1: '90 LINCOLN LN', line2: 'APT 22', city: 'WILMINGTON', state: 'DE' });
    expect(a?.zip).toBe('19801');
  });
});

describe('an OCR-read value', () => {
  it('keeps its words and how sure OCR was of each, for the check to weigh a one-glyph slip', () => {
    const m = extractBill(pages).meta.serviceAddress!;
    expect(m.ocrWords?.map((w) => w.text)).toEqual(
      expect.arrayContaining(['LINCOLN', 'WILMINGTON,', '19801']),
    );
    expect(m.ocrWords?.every((w) => w.conf >= 0 && w.conf <= 1)).toBe(true);
  });
});
