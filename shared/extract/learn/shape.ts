// An account number's learned shape: which places hold a digit and which a letter. A carrier
// prints every account in one shape ("CV-38119-3019"), so a letter OCR read where the shape has a
// digit ("CV-3811S-3019") is the digit it looks like.
import { LOOKS_LIKE_DIGIT, normalizeAccount } from '../../normalize/account';

/** "CV-38119-3019" -> "AA-99999-9999": digits and letters by class, separators as printed. */
export function shapeOf(value: string): string {
  return value
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[0-9]/g, '9')
    .replace(/[A-Za-z]/g, 'A');
}

const classes = (shape: string) => shape.replace(/[^9A]/g, '');

/**
 * The value made to fit one of the shapes by look-alike repairs, or null when none fits (another
 * count of characters, or a character no look-alike explains). Returns the upper-case characters
 * laid out with the separators of the fitted shape.
 */
export function fitShape(value: string, shapes: readonly string[], ocr = true): string | null {
  const raw = normalizeAccount(value);
  for (const shape of shapes) {
    const want = classes(shape);
    if (want.length !== raw.length) continue;
    let out = '';
    let ok = true;
    for (let i = 0; i < raw.length && ok; i++) {
      const c = raw[i]!;
      const isDigit = c >= '0' && c <= '9';
      if (want[i] === '9') {
        // a text layer prints what the carrier printed: only OCR mistakes one for the other
        const d = isDigit ? c : ocr ? LOOKS_LIKE_DIGIT[c] : undefined;
        if (d === undefined) ok = false;
        else out += d;
      } else if (isDigit) {
        // a digit where the taught bill had a letter: a carrier prints accounts of more than one
        // shape with as many characters ("603 555-0167 198", "5405550171-70X"), so it stays
        ok = false;
      } else out += c;
    }
    if (!ok) continue;
    let k = 0;
    return shape.replace(/[9A]/g, () => out[k++]!);
  }
  return null;
}
