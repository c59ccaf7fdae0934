import { describe, expect, it } from 'vitest';
import { plainTypography } from '../../../shared/normalize/typography';

describe('plainTypography', () => {
  it('reads a word processor’s dashes, spaces, apostrophes and ligatures as ASCII', () => {
    expect(plainTypography('1\u2012800\u2012555\u20120170')).toBe('1-800-555-0170');
    expect(plainTypography('(802)\u2009555\u20110123')).toBe('(802) 555-0123');
    expect(plainTypography('802\u2007555\u20100124 \u2013 0131')).toBe('802 555-0124 - 0131');
    expect(plainTypography('O\u2019Brien \u201cDBA\u201d')).toBe('O\'Brien "DBA"');
    expect(plainTypography('Of\ufb01ce Pro\ufb01le \ufb02at \ufb03x')).toBe('Office Profile flat ffix');
    expect(plainTypography('1204\u00a0Wilming\u00adton\u200b Rd\u202fN')).toBe('1204 Wilmington Rd N');
  });
  it('keeps what is not typography: accents, the em dash, ASCII', () => {
    expect(plainTypography('Montréal — Numéro')).toBe('Montréal — Numéro');
    expect(plainTypography('Acct # 555-0100')).toBe('Acct # 555-0100');
  });
});
