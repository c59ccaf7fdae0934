// Builds PageWords from a monospace text drawing of a page: each row is a text line, runs of
// spaces become gaps, so a test can lay out a bill the way it looks.
import type { PageWords } from '../../../shared/domain';

export interface GridOpts {
  page?: number;
  charW?: number;
  lineH?: number;
  /** rotate the whole page by this many degrees (as a crooked scan would) */
  skewDeg?: number;
  source?: 'text' | 'ocr';
  conf?: number;
  /** per-row font scale (logos): row index -> factor */
  scale?: Record<number, number>;
  /** per-row taller type at the same column positions (tile values over captions) */
  tall?: Record<number, number>;
}

export function gridPage(rows: string[], o: GridOpts = {}): PageWords {
  const charW = o.charW ?? 5;
  const lineH = o.lineH ?? 12;
  const width = 612;
  const height = 792;
  const words: PageWords['words'] = [];
  let y = 40;
  rows.forEach((row, r) => {
    const f = o.scale?.[r] ?? 1;
    const t = o.tall?.[r] ?? 1;
    for (const m of row.matchAll(/\S+/g)) {
      const x0 = 30 + m.index * charW * f;
      words.push({
        text: m[0],
        x0,
        x1: x0 + m[0].length * charW * f,
        y0: y,
        y1: y + lineH * 0.75 * f * t,
        conf: o.conf ?? 1,
      });
    }
    y += lineH * f * t;
  });
  if (o.skewDeg) {
    const a = (o.skewDeg * Math.PI) / 180;
    const c = Math.cos(a);
    const s = Math.sin(a);
    for (const w of words) {
      const cx = (w.x0 + w.x1) / 2 - width / 2;
      const cy = (w.y0 + w.y1) / 2 - height / 2;
      const nx = cx * c - cy * s + width / 2;
      const ny = cx * s + cy * c + height / 2;
      const hw = (w.x1 - w.x0) / 2;
      const hh = (w.y1 - w.y0) / 2;
      Object.assign(w, { x0: nx - hw, x1: nx + hw, y0: ny - hh, y1: ny + hh });
    }
  }
  return { page: o.page ?? 1, width, height, source: o.source ?? (o.skewDeg ? 'ocr' : 'text'), words };
}
