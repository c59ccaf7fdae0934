// A text PDF's first page as a reader gives its lines: words grouped by baseline, left to right.
// The producer tests compare these with what the page shows.
import { pdfTextWords } from '../../../electron/desk/intake/pdf-text';

export async function textLines(bytes: Uint8Array): Promise<string[]> {
  const [pg] = await pdfTextWords(bytes);
  const rows = new Map<number, Array<{ x: number; t: string }>>();
  for (const w of pg!.words) {
    const k = Math.round(w.y1);
    rows.set(k, [...(rows.get(k) ?? []), { x: w.x0, t: w.text }]);
  }
  return [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, ws]) =>
      ws
        .sort((a, b) => a.x - b.x)
        .map((w) => w.t)
        .join(' '),
    );
}
