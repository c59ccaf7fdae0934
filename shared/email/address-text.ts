// A service address written in a sentence or over a few lines of an email:
// "1779 W Franklin Ln, Suite 210, Fort Collins, CO 80537" or "1779 W Franklin Ln\nFort Collins CO 80537".
import type { Address } from '../domain';
import { normalizeState } from '../normalize/address';
import { STATE_CODE_SET, STATE_CODES } from '../normalize/usps';

const STATE_NAMES = Object.keys(STATE_CODES)
  .sort((a, b) => b.length - a.length)
  .map((s) => s.replace(/ /g, '\\s+'))
  .join('|');
const STATE_ZIP = new RegExp(
  `^(.*?)\\s*\\b(${STATE_NAMES}|[A-Za-z]{2})\\.?,?\\s+(\\d{5}(?:-\\d{4})?|[A-Za-z]\\d[A-Za-z] ?\\d[A-Za-z]\\d)$`,
  'i',
);

/**
 * The address in `text` (street, optional unit, city, state and ZIP, separated by commas or line
 * breaks), or null. The first street part is line 1, the others (a suite, a building) line 2.
 */
export function parseAddressText(text: string): Address | null {
  const parts = text
    .split(/\n|,/)
    .map((p) => p.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  for (let k = 1; k < parts.length; k++) {
    const m = STATE_ZIP.exec(parts[k]!.replace(/[.;]$/, ''));
    if (!m) continue;
    const state = normalizeState(m[2]);
    if (!STATE_CODE_SET.has(state)) continue;
    // "Fort Collins CO 80537" in one part, or "Fort Collins, CO 80537" over two.
    const inline = m[1]!.trim();
    const city = inline || (k >= 2 ? parts[k - 1]! : '');
    const street = parts.slice(0, inline ? k : k - 1);
    if (!city || street.length === 0) continue;
    const line1 = street[0]!;
    if (!/^\d/.test(line1) && !/^p\.?\s*o\.?\s*box/i.test(line1)) continue;
    return {
      line1,
      line2: street.length > 1 ? street.slice(1).join(', ') : null,
      city,
      state,
      zip: m[3]!.toUpperCase(),
    };
  }
  return null;
}
