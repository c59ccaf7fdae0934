// A unit written at the end of the street line ("526 Orchard Dr Apt 6", "30 E Mill Ct, Bldg C")
// belongs in line 2 (Suite / unit): bills print it on its own line or after the street, and a
// reader that joins the two lines puts it in the street.
import type { Address } from '../domain';
import { UNIT_DESIGNATOR } from './usps';

const WORDS = Object.keys(UNIT_DESIGNATOR)
  .concat(['SUITE', 'BUILDING', 'FLOOR', 'ROOM', 'APARTMENT', 'UNIT'])
  .sort((a, b) => b.length - a.length)
  .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');

const UNIT = `(?:(?:${WORDS})\\.?\\s*#?\\s*[A-Z0-9][A-Z0-9-]*|#\\s*[A-Z0-9][A-Z0-9-]*|\\d+(?:ST|ND|RD|TH)\\s+(?:FLOOR|FL))`;
const TRAILING = new RegExp(`^(.*?\\d.*?\\S)\\s*,?\\s+(${UNIT})$`, 'i');
const WHOLE = new RegExp(`^${UNIT}$`, 'i');

/** True when the text is a unit line ("Suite 200", "Building A", "#4", "2nd Floor"). */
export function isUnitLine(s: string): boolean {
  return WHOLE.test(s.trim());
}

/** Moves a unit at the end of line 1 into line 2 when line 2 is empty; anything else is kept. */
export function splitUnitLine(a: Address): Address {
  if (a.line2 && a.line2.trim()) return a;
  const m = TRAILING.exec(a.line1.trim());
  if (!m) return a;
  // The street must keep a name after its house number ("12 Suite 4" is not a street).
  if (!/\d\S*\s+\S/.test(m[1]!)) return a;
  return { ...a, line1: m[1]!.replace(/,$/, '').trim(), line2: m[2]!.trim() };
}
