// Boxes grouped into runs along one line of print: the grouping the second looks share, for
// words (reread.ts) and for letter-sized marks no word covers (missed-ink.ts).

export interface LineBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface RunRule {
  /** Boxes share at least this fraction of the shorter one's height. */
  overlap: number;
  /** And stand no further apart than this many heights (of the taller). */
  gap: number;
  /** Added to y1 - y0 to get a height: 1 for inclusive pixel rows, 0 for points. */
  pad?: number;
}

/** Left to right, each box joins the first run whose last box it follows on its line. */
export function lineRuns<T extends LineBox>(boxes: T[], rule: RunRule): T[][] {
  const pad = rule.pad ?? 0;
  const sorted = [...boxes].sort((a, b) => a.x0 - b.x0);
  const runs: T[][] = [];
  for (const b of sorted) {
    const h = b.y1 - b.y0 + pad;
    let home: T[] | undefined;
    for (const run of runs) {
      const last = run[run.length - 1]!;
      const lh = last.y1 - last.y0 + pad;
      const overlap = Math.min(b.y1, last.y1) - Math.max(b.y0, last.y0) + pad;
      if (overlap < rule.overlap * Math.min(h, lh)) continue;
      if (b.x0 - last.x1 > rule.gap * Math.max(h, lh)) continue;
      home = run;
      break;
    }
    if (home) home.push(b);
    else runs.push([b]);
  }
  return runs;
}
