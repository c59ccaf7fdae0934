// Account numbers. Separators are ignored (the scorer does the same). Characters that OCR
// confuses (0/O, 1/I/L, 5/S, 8/B, 2/Z, 6/G) are never silently equated: the verdict stays
// 'mismatch' and the difference is flagged as a probable OCR confusion, so the agent looks at
// the bill image instead of porting on a guess. A digit against another digit is always real.

/** Uppercase alphanumerics only. Idempotent. */
export function normalizeAccount(s: string | null | undefined): string {
  return String(s ?? '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** Letters OCR reads where a digit was printed, and that digit. */
export const LOOKS_LIKE_DIGIT: Readonly<Record<string, string>> = {
  O: '0',
  Q: '0',
  D: '0',
  I: '1',
  L: '1',
  S: '5',
  B: '8',
  Z: '2',
  G: '6',
};

/** The character a confusable letter most likely stands for ('O' -> '0'); others unchanged. */
export function ocrCanonical(s: string): string {
  return normalizeAccount(s).replace(/[A-Z]/g, (c) => LOOKS_LIKE_DIGIT[c] ?? c);
}

export interface AccountComparison {
  equal: boolean;
  /** Equal once confusable letters are read as digits: probably an OCR misread, not a real difference. */
  probableOcr: boolean;
  /** 1-based positions (in the normalized strings) that differ, when the lengths agree. */
  positions: number[];
  /** "digit 3 differs", "O on the bill where the request has 0 (position 5)". */
  detail: string | null;
}

export function compareAccounts(bill: string, other: string, otherLabel = 'request'): AccountComparison {
  const a = normalizeAccount(bill);
  const b = normalizeAccount(other);
  if (a && a === b) return { equal: true, probableOcr: false, positions: [], detail: null };
  const positions: number[] = [];
  if (a.length === b.length) for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) positions.push(i + 1);
  const probableOcr = a !== '' && ocrCanonical(a) === ocrCanonical(b);
  let detail: string | null;
  if (probableOcr) {
    const parts = positions.map(
      (p) => `${a[p - 1]} on the bill where the ${otherLabel} has ${b[p - 1]} (position ${p})`,
    );
    detail = `probable OCR confusion: ${parts.join(', ')}`;
  } else if (a.length !== b.length) {
    detail = `${a.length} characters on the bill, ${b.length} on the ${otherLabel}`;
  } else if (
    positions.length === 2 &&
    positions[1] === positions[0]! + 1 &&
    a[positions[0]! - 1] === b[positions[1] - 1] &&
    a[positions[1] - 1] === b[positions[0]! - 1]
  ) {
    detail = `characters ${positions[0]} and ${positions[1]} transposed`;
  } else if (positions.length === 1) {
    const p = positions[0]!;
    detail = `${/\d/.test(a[p - 1]!) && /\d/.test(b[p - 1]!) ? 'digit' : 'character'} ${p} differs`;
  } else detail = `${positions.length} characters differ`;
  return { equal: false, probableOcr, positions, detail };
}
