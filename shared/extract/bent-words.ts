// A photographed sheet that bends lets a printed line drop part way along it. Tesseract then
// finds two text lines where there is one and reads the word at the bend twice, in part, once
// on each: "511 Kingsley Way" came back as "511 King" over "ngsley Way", the two pieces sharing
// the "ng" under their overlapping boxes, and the service address was lost.
import type { Word } from '../domain';

const hh = (w: Word) => Math.max(1e-6, w.y1 - w.y0);
const cy = (w: Word) => (w.y0 + w.y1) / 2;

/** How many letters the end of `a` and the start of `b` share (two or more), or 0. */
function sharedLetters(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  for (let k = Math.min(x.length, y.length) - 1; k >= 2; k--) {
    if (/^[a-z]+$/.test(y.slice(0, k)) && x.endsWith(y.slice(0, k))) return k;
  }
  return 0;
}

/**
 * Joins the two pieces of a word read across a bend: a piece that starts inside another's box,
 * ends past it, stands at most a line's height off it, and repeats its last letters (the ink both
 * readings took) is the rest of that word. Words on text layers never bend; OCR pages only.
 */
export function rejoinBentWords(words: Word[]): Word[] {
  const gone = new Set<Word>();
  const joined = new Map<Word, Word>();
  const byX = words.slice().sort((p, q) => p.x0 - q.x0);
  for (const [i, a] of byX.entries()) {
    if (gone.has(a) || joined.has(a) || !/[A-Za-z]{3}$/.test(a.text)) continue;
    const h = hh(a);
    const charW = (a.x1 - a.x0) / a.text.length;
    // (the other piece starts inside this one's box: only the words starting before its end)
    for (let j = i + 1; j < byX.length && byX[j]!.x0 < a.x1; j++) {
      const b = byX[j]!;
      if (gone.has(b) || joined.has(b)) continue;
      const hb = hh(b);
      if (hb > h * 1.5 || h > hb * 1.5) continue;
      if (!(b.x0 > a.x0 + h * 0.3 && b.x0 < a.x1 && b.x1 > a.x1)) continue;
      const dy = Math.abs(cy(b) - cy(a));
      if (dy < Math.min(h, hb) * 0.3 || dy > Math.min(h, hb) * 1.1) continue;
      const k = sharedLetters(a.text, b.text);
      if (!k || k >= b.text.length) continue;
      // the boxes overlap by about the shared letters' width, as one stretch of ink read twice
      if (a.x1 - b.x0 > (k + 1.5) * charW) continue;
      joined.set(a, {
        text: a.text + b.text.slice(k),
        x0: a.x0,
        x1: b.x1,
        y0: Math.min(a.y0, b.y0),
        y1: Math.max(a.y1, b.y1),
        conf: Math.min(a.conf, b.conf),
      });
      gone.add(b);
      break;
    }
  }
  if (!gone.size) return words;
  return words.filter((w) => !gone.has(w)).map((w) => joined.get(w) ?? w);
}
