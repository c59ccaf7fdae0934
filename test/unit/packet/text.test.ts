import { describe, it, expect } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import fc from 'fast-check';
import { sanitize, wrap, formatPhone, maskPin, safeName } from '../../../electron/desk/packet/text';
import { csvCell } from '../../../electron/desk/packet/csv';

const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);

describe('sanitize', () => {
  it('keeps Latin-1, folds other accents, replaces emoji', () => {
    expect(sanitize('Café Zoë ñ', font)).toBe('Café Zoë ñ');
    expect(sanitize('Łódź Őrség', font)).toBe('Lódz Orség');
    expect(sanitize('Cake 🍰 shop 👩‍💼', font)).toBe('Cake ? shop ?');
    expect(sanitize('a\tb\nc', font)).toBe('a b c');
    expect(sanitize('a\nb', font, true)).toBe('a\nb');
  });
  it('any string becomes encodable (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(() => font.encodeText(sanitize(s, font))).not.toThrow();
      }),
    );
  });
});

describe('wrap', () => {
  it('never exceeds the width, even for one long word', () => {
    const lines = wrap('short ' + 'x'.repeat(200) + ' end', font, 10, 100);
    for (const l of lines) expect(font.widthOfTextAtSize(l, 10)).toBeLessThanOrEqual(100);
    expect(lines.join('')).toContain('end');
  });
});

describe('formatting', () => {
  it('phones, PIN mask, safe names', () => {
    expect(formatPhone('2125550100')).toBe('(212) 555-0100');
    expect(formatPhone('12125550100')).toBe('(212) 555-0100');
    expect(maskPin('493871')).toBe('••••71');
    expect(maskPin('1234')).toBe('••••');
    expect(maskPin(null)).toBe('—');
    expect(safeName('Café / Zoë: "Bakery" <LLC>')).toBe('Cafe-Zoe-Bakery-LLC');
    expect(safeName('../../etc')).toBe('etc');
    expect(safeName('🍰')).toBe('case');
  });
});

describe('csvCell', () => {
  it('quotes per RFC 4180 and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});
