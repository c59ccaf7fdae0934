// A Crestline portal printout photographed page by page (make-bills seed 11480 bill 17). Its call
// detail runs over to page 3 under "Call details (continued)", the account and period line every
// page repeats, and the column captions ("Time  Line  To  Location"); the photo lost the Date
// column, so no date stood left of the called numbers, and 39 called numbers were taken for lines.
// Its "Service location" caption read "5 ervice ; location", so the caption itself became line 1.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { gridPage } from './grid';
import { wordDump } from './word-dumps';

describe('call detail continued on a later page', () => {
  it('counts no called number as a line (Crestline photo)', () => {
    const f = extractBill(wordDump('crestline-photo-continued-calls')).fields;
    expect(f.numbers).toHaveLength(15);
    expect(f.numbers).not.toContain('4065550195');
    expect(f.numbers).not.toContain('7275550169');
    expect(f.numbers.every((n) => n.startsWith('912555'))).toBe(true);
  });

  it('still counts the lines of a table that follows call detail', () => {
    const pages = [
      gridPage([
        'Account 4471 0912            Statement date 04/18/2025',
        'Call details',
        '  04/02  9:14 AM  303-555-0142   406-555-0195   Billings, MT',
        '  04/03  2:10 PM  303-555-0143   505-555-0133   Albuquerque, NM',
        'Lines on this account',
        'Number           Plan                  Amount',
        '303-555-0142     Business Line         $19.77',
        '303-555-0143     Fax Line              $14.87',
      ]),
    ];
    const f = extractBill(pages).fields;
    expect(f.numbers).toEqual(expect.arrayContaining(['3035550142', '3035550143']));
    expect(f.numbers).not.toContain('4065550195');
  });
});

describe('a caption whose first capital OCR read as a digit', () => {
  it('is a caption, not the street (Crestline photo)', () => {
    const f = extractBill(wordDump('crestline-photo-continued-calls')).fields;
    expect(f.serviceAddress).toEqual({
      line1: '365 Hawthorne Highway',
      line2: 'Suite 269',
      city: 'Savannah',
      state: 'GA',
      zip: '31401-7950',
    });
  });
});
