/**
 * A page coordinate or size to hundredths of a point: far finer than any glyph, and the words a
 * reading gives (stored with the bill, dumped for tests) stay short and compare equal run to run.
 */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
