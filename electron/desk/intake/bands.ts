// Light print on dark bands (a bill's header bar, a shaded table heading). Tesseract binarises
// the whole page as dark-on-light, so such print comes out as noise ("Bill date Soa"). We find
// the bands precisely and invert only them, in place, so the rest of the page is untouched.

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Side of the square cells the page is judged in. Big enough that print covers well under half
 * of a cell, so a cell's median grey is its background whether the print is dark or light.
 */
const CELL = 16;
/** Grey below this is the background of a band (or ink), not paper. */
const DARK = 100;
/**
 * Grey below this (but not below DARK) is a band lightened, not paper: where a reprint's diagonal
 * watermark crosses a dark header band, the band under it turns mid-grey (~85-130).
 */
const TINT = 135;
/** A row of the band must be dark for at least this share of the page width. */
const MIN_RUN_FRACTION = 0.2;
/** Gaps (in cells) a band's run may have, for the big light letters of a logo. */
const MAX_GAP = 3;
/** Rows of cells (a line or two of print) a band may be broken by vertically. */
const V_GAP = 4;

/**
 * Marks the cells of dark bands: horizontal runs of dark cells at least a fifth of the page
 * wide (light gaps of a few cells allowed, for the letters printed on the band), stacked at least
 * two cells high. Cell-wise rather than as rectangles so a band photographed at a slant is
 * followed along its edges. `within` limits the search (a photographed sheet: the table around it
 * is dark too but carries nothing to read).
 */
export function darkBandCells(
  data: Uint8Array,
  width: number,
  height: number,
  within?: Rect,
): { mask: Uint8Array; cw: number; ch: number; area: Rect } | null {
  const area = within ?? { left: 0, top: 0, width, height };
  const cw = Math.floor(area.width / CELL);
  const ch = Math.floor(area.height / CELL);
  if (cw < 4 || ch < 2) return null;
  // Dark pixels per cell: more than half means the cell's background (its median) is dark.
  // Tinted ones (below TINT): more than half means a band lightened, or darker.
  const darkCount = new Uint16Array(cw * ch);
  const tintCount = new Uint16Array(cw * ch);
  for (let cy = 0; cy < ch; cy++) {
    for (let y = area.top + cy * CELL, ye = y + CELL; y < ye; y++) {
      const row = y * width + area.left;
      for (let cx = 0; cx < cw; cx++) {
        let s = 0;
        let t = 0;
        for (let i = row + cx * CELL, e = i + CELL; i < e; i++) {
          s += (data[i]! - DARK) >>> 31;
          t += (data[i]! - TINT) >>> 31;
        }
        darkCount[cy * cw + cx]! += s;
        tintCount[cy * cw + cx]! += t;
      }
    }
  }
  const half = (CELL * CELL) / 2;
  const minRun = Math.max(4, Math.round(cw * MIN_RUN_FRACTION));
  const rowRuns = new Uint8Array(cw * ch);
  // A run goes on across tinted cells however many: a watermark crossing a band lightens a
  // stripe of it wider than MAX_GAP, and cut there, the band's end beyond the stripe ("INVOICE
  // DATE Dec 10, 2024": only the date) was too short a run to count and was never turned.
  for (let cy = 0; cy < ch; cy++) {
    let start = -1;
    let lastDark = -1;
    let lastSeen = -1;
    const close = (): void => {
      if (start >= 0 && lastDark - start + 1 >= minRun)
        rowRuns.fill(1, cy * cw + start, cy * cw + lastDark + 1);
    };
    for (let cx = 0; cx < cw; cx++) {
      const dark = darkCount[cy * cw + cx]! > half;
      if (!dark && !(start >= 0 && tintCount[cy * cw + cx]! > half)) continue;
      if (cx - lastSeen - 1 > MAX_GAP) {
        close();
        start = -1;
      }
      if (start < 0) {
        if (!dark) continue;
        start = cx;
      }
      lastSeen = cx;
      if (dark) lastDark = cx;
    }
    close();
  }
  // A lone row of cells is a thick rule or the edge of something, not a band of print.
  const mask = new Uint8Array(cw * ch);
  let any = false;
  for (let i = 0; i < rowRuns.length; i++) {
    if (!rowRuns[i]) continue;
    const up = i >= cw && rowRuns[i - cw];
    const down = i + cw < rowRuns.length && rowRuns[i + cw];
    if (up || down) {
      mask[i] = 1;
      any = true;
    }
  }
  if (!any) return null;
  // A line of light print can fill more than half of the cells it crosses; such a cell still
  // belongs to the band when band lies just above and below it and it is far from bare paper.
  const inkish = (CELL * CELL) / 10;
  for (let cy = 1; cy < ch - 1; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      const i = cy * cw + cx;
      if (mask[i] || darkCount[i]! <= inkish) continue;
      let up = false;
      let down = false;
      for (let d = 1; d <= V_GAP && !up; d++) up = cy - d >= 0 && mask[i - d * cw] === 1;
      for (let d = 1; d <= V_GAP && !down; d++) down = cy + d < ch && rowRuns[i + d * cw] === 1;
      if (up && down) mask[i] = 1;
    }
  }
  // Bold print blurred on a photo fills a cell nearly all light (the "68" of a sidebar's ZIP):
  // a cell the band encloses on all four sides, close by, is the band's too. Left out, it was
  // never turned, and read as "€3".
  const hole = new Uint8Array(cw * ch);
  for (let cy = 1; cy < ch - 1; cy++) {
    for (let cx = 1; cx < cw - 1; cx++) {
      const i = cy * cw + cx;
      if (mask[i]) continue;
      let left = false;
      let right = false;
      let up = false;
      let down = false;
      for (let d = 1; d <= MAX_GAP && !left; d++) left = cx - d >= 0 && mask[i - d] === 1;
      for (let d = 1; d <= MAX_GAP && !right; d++) right = cx + d < cw && mask[i + d] === 1;
      for (let d = 1; d <= V_GAP && !up; d++) up = cy - d >= 0 && mask[i - d * cw] === 1;
      for (let d = 1; d <= V_GAP && !down; d++) down = cy + d < ch && mask[i + d * cw] === 1;
      if (left && right && up && down) hole[i] = 1;
    }
  }
  for (let i = 0; i < hole.length; i++) if (hole[i]) mask[i] = 1;
  return { mask, cw, ch, area };
}

/** The box (in cells) of a mask's marked cells. */
function maskBox(mask: Uint8Array, cw: number): { x0: number; y0: number; x1: number; y1: number } {
  const box = { x0: cw, y0: Infinity, x1: -1, y1: -1 };
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] !== 1) continue;
    const x = i % cw;
    const y = (i - x) / cw;
    if (x < box.x0) box.x0 = x;
    if (x > box.x1) box.x1 = x;
    if (y < box.y0) box.y0 = y;
    box.y1 = y;
  }
  return box;
}

/** Dark runs at least this long (px) near a band are the band's slanted edge, not print. */
const EDGE_RUN = 48;
/**
 * Inside a band's cells, a long light run is paper the cell overlaps only where a square this
 * wide (px) of light fits around it. White print blurs its strokes together: the crossbars of
 * "3444" in a sidebar made one light run as long as a paper edge's, and kept light it struck the
 * digits through (read "3414", or "342" as "242"); a stroke is well under this at reading sizes.
 */
const PAPER_SQUARE = 12;
/** How far (in cells) around a band its edge is looked for. */
const EDGE_CELLS = 2;
/** Cells with light print a band needs before it is worth turning (a word or two). */
const MIN_PRINT_CELLS = 8;

/** The run map's bit for paper: a long light run (bit 2) that a square of light covers. */
const PAPER = 8;

/**
 * Marks PAPER in `runs` on the pixels of `box` that lie on a long light run and are covered by
 * some PAPER_SQUARE-wide square of light pixels (a morphological opening). Beyond the area's own
 * edges all is taken for light: paper runs off the picture there, and a scan's sliver of margin
 * beside a sidebar printed to the page's edge is paper however thin it shows.
 */
function markPaper(data: Uint8Array, width: number, box: Rect, area: Rect, runs: Uint8Array): void {
  const S = PAPER_SQUARE;
  // Light pixels of the box grown by S - 1 on every side (the squares that cover it lie there),
  // all light past the area's edge.
  const g = S - 1;
  const w = box.width + 2 * g;
  const h = box.height + 2 * g;
  const lit = new Uint8Array(w * h);
  const ax1 = area.left + area.width;
  const ay1 = area.top + area.height;
  for (let y = 0; y < h; y++) {
    const py = box.top - g + y;
    const offY = py < area.top || py >= ay1;
    for (let x = 0; x < w; x++) {
      const px = box.left - g + x;
      lit[y * w + x] = offY || px < area.left || px >= ax1 || data[py * width + px]! >= DARK ? 1 : 0;
    }
  }
  // Squares of light by their top-left corner: S light pixels rightwards, on S rows downwards.
  // Every pass walks the rows in order (columns are counted side by side): ~4x faster than
  // walking down the columns of a page-tall sidebar.
  const run = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    let n = 0;
    for (let i = y * w + w - 1, e = y * w; i >= e; i--) {
      n = lit[i] ? (n < S ? n + 1 : S) : 0;
      run[i] = n;
    }
  }
  const col = new Uint8Array(w);
  for (let y = h - 1; y >= 0; y--) {
    for (let x = 0, i = y * w; x < w; x++, i++) {
      const n = run[i] === S ? (col[x]! < S ? col[x]! + 1 : S) : 0;
      col[x] = n;
      lit[i] = n === S ? 1 : 0;
    }
  }
  // A pixel is covered when a corner lies less than S to its left and above: spread the corners
  // right along the rows, then down the columns.
  for (let y = 0; y < h; y++) {
    let since = S;
    for (let i = y * w, e = i + w; i < e; i++) {
      since = lit[i] ? 0 : since < S ? since + 1 : S;
      run[i] = since < S ? 1 : 0;
    }
  }
  col.fill(S);
  for (let y = 0; y < g + box.height; y++) {
    const row = (box.top + y - g) * width + box.left - g;
    for (let x = 0, i = y * w; x < g + box.width; x++, i++) {
      const since = run[i] ? 0 : col[x]! < S ? col[x]! + 1 : S;
      col[x] = since;
      if (y < g || x < g || since >= S) continue;
      if (runs[row + x]! & 2) runs[row + x]! |= PAPER;
    }
  }
}

/**
 * Inverts light-on-dark bands in place (single-band 8-bit pixels) and returns how many cells
 * were turned. Around a band, only long horizontal or vertical runs of dark pixels (the rest of
 * a slanted band's edge) are lightened, so no dark frame is left for the layout analysis to
 * take for a picture, and print beside the band is left alone.
 */
export function invertDarkBands(
  data: Uint8Array,
  width: number,
  height: number,
  within?: Rect,
): BandCells | null {
  const found = darkBandCells(data, width, height, within);
  if (!found) return null;
  const { mask, cw, ch, area } = found;
  // Mark long runs first, on the untouched pixels: dark ones (bit 1) near a band are its slanted
  // edge; light ones (bit 2) inside a band's cells are paper a cell overlaps, to be kept light,
  // where a square of light covers them too (PAPER: see PAPER_SQUARE).
  // The last column and row of cells reach to the area's edge (a band often runs off the page).
  const x1 = area.left + area.width;
  const y1 = area.top + area.height;
  const yEnd = (cy: number): number => (cy === ch - 1 ? y1 : area.top + (cy + 1) * CELL);
  const xLen = (cx: number): number => (cx === cw - 1 ? x1 - area.left - cx * CELL : CELL);
  // Runs matter only in the bands' cells and the zone around them; they are measured over that
  // box grown by EDGE_RUN, so a run reaching out of the box still measures long enough (over
  // the whole page the vertical pass alone, column by column, cost ~8 ms).
  const box = maskBox(mask, cw);
  const grow = EDGE_CELLS * CELL + EDGE_RUN;
  const rx0 = Math.max(area.left, area.left + box.x0 * CELL - grow);
  const rx1 = Math.min(x1, area.left + (box.x1 + 1) * CELL + grow);
  const ry0 = Math.max(area.top, area.top + box.y0 * CELL - grow);
  const ry1 = Math.min(y1, area.top + (box.y1 + 1) * CELL + grow);
  const runs = new Uint8Array(width * height);
  for (let y = ry0; y < ry1; y++) {
    let start = rx0;
    let prev = data[y * width + start]! < DARK;
    for (let x = rx0 + 1; x <= rx1; x++) {
      const dark = x < rx1 ? data[y * width + x]! < DARK : !prev;
      if (dark === prev) continue;
      if (x - start >= EDGE_RUN) {
        const bit = prev ? 1 : 2;
        for (let i = y * width + start, e = y * width + x; i < e; i++) runs[i]! |= bit;
      }
      start = x;
      prev = dark;
    }
  }
  for (let x = rx0; x < rx1; x++) {
    let start = ry0;
    let prev = data[start * width + x]! < DARK;
    for (let y = ry0 + 1; y <= ry1; y++) {
      const dark = y < ry1 ? data[y * width + x]! < DARK : !prev;
      if (dark === prev) continue;
      if (y - start >= EDGE_RUN) {
        const bit = prev ? 1 : 2;
        for (let k = start; k < y; k++) runs[k * width + x]! |= bit;
      }
      start = y;
      prev = dark;
    }
  }
  // Keep only bands that carry print: cells holding a few light pixels that are not part of
  // long light runs (the paper beside a photographed sheet's dark table edge is). A table
  // around a photographed sheet is dark too, but carries nothing to read.
  const seen = new Uint8Array(cw * ch);
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] !== 1 || seen[start]) continue;
    const comp: number[] = [start];
    seen[start] = 1;
    let [cx0, cy0, cx1, cy1] = [cw, ch, 0, 0];
    for (let k = 0; k < comp.length; k++) {
      const c = comp[k]!;
      const cx = c % cw;
      const cy = (c - cx) / cw;
      [cx0, cy0, cx1, cy1] = [Math.min(cx0, cx), Math.min(cy0, cy), Math.max(cx1, cx), Math.max(cy1, cy)];
      for (const d of [c - cw, c + cw, cx > 0 ? c - 1 : -1, cx < cw - 1 ? c + 1 : -1]) {
        if (d >= 0 && d < mask.length && mask[d] === 1 && !seen[d]) {
          seen[d] = 1;
          comp.push(d);
        }
      }
    }
    // Paper is looked for only where it matters: in this band's cells (over the box of all the
    // bands, a header and a sidebar made it a whole page's work).
    const left = area.left + cx0 * CELL;
    const top = area.top + cy0 * CELL;
    const right = cx1 === cw - 1 ? x1 : area.left + (cx1 + 1) * CELL;
    const bottom = cy1 === ch - 1 ? y1 : area.top + (cy1 + 1) * CELL;
    markPaper(data, width, { left, top, width: right - left, height: bottom - top }, area, runs);
    let printCells = 0;
    for (const c of comp) {
      const cx = c % cw;
      const cy = (c - cx) / cw;
      let light = 0;
      for (let y = area.top + cy * CELL, ye = yEnd(cy); y < ye; y++) {
        for (let i = y * width + area.left + cx * CELL, e = i + xLen(cx); i < e; i++) {
          if (data[i]! > 150 && !(runs[i]! & PAPER)) light++;
        }
      }
      if (light >= 8) printCells++;
    }
    if (printCells < MIN_PRINT_CELLS) for (const c of comp) mask[c] = 0;
  }
  const zone = new Uint8Array(cw * ch);
  let n = 0;
  for (let cy = 0; cy < ch; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      if (mask[cy * cw + cx] !== 1) continue;
      n++;
      for (let y = Math.max(0, cy - EDGE_CELLS); y <= Math.min(ch - 1, cy + EDGE_CELLS); y++) {
        for (let x = Math.max(0, cx - EDGE_CELLS); x <= Math.min(cw - 1, cx + EDGE_CELLS); x++) {
          if (mask[y * cw + x] !== 1) zone[y * cw + x] = 1;
        }
      }
    }
  }
  // The band's own shade, inverted, becomes its new background. Left grey it looks like a
  // picture to tesseract's layout analysis, which then drops the print on it; so it is
  // stretched to white.
  // Print on a photographed band is faint too; its darkest percent becomes black.
  const hist = new Uint32Array(256);
  let total = 0;
  for (let cy = 0; cy < ch; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      if (mask[cy * cw + cx] !== 1) continue;
      for (let y = area.top + cy * CELL, ye = yEnd(cy); y < ye; y++) {
        for (let i = y * width + area.left + cx * CELL, e = i + xLen(cx); i < e; i++) {
          if (runs[i]! & PAPER) continue;
          hist[255 - data[i]!]!++;
          total++;
        }
      }
    }
  }
  const percentile = (q: number): number => {
    let acc = 0;
    for (let v = 0; v < 256; v++) if ((acc += hist[v]!) >= q * total) return v;
    return 255;
  };
  const white = Math.max(120, percentile(0.4) - 10);
  const black = Math.min(white - 60, percentile(0.01));
  const stretch = new Uint8Array(256);
  for (let v = 0; v < 256; v++) {
    const inv = 255 - v;
    stretch[v] = Math.max(0, Math.min(255, Math.round(((inv - black) * 255) / (white - black))));
  }
  for (let cy = 0; cy < ch; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      const inside = mask[cy * cw + cx] === 1;
      if (!inside && zone[cy * cw + cx] !== 1) continue;
      for (let y = area.top + cy * CELL, ye = yEnd(cy); y < ye; y++) {
        for (let i = y * width + area.left + cx * CELL, e = i + xLen(cx); i < e; i++) {
          const r = runs[i]!;
          if (inside ? !(r & PAPER) : r & 1) data[i] = stretch[data[i]!]!;
        }
      }
    }
  }
  if (!n) return null;
  // Bounding boxes of what is left of each band, a cell of margin around it.
  const rects: Rect[] = [];
  seen.fill(0);
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] !== 1 || seen[start]) continue;
    const comp: number[] = [start];
    seen[start] = 1;
    let cx0 = cw;
    let cy0 = ch;
    let cx1 = 0;
    let cy1 = 0;
    for (let k = 0; k < comp.length; k++) {
      const c = comp[k]!;
      const cx = c % cw;
      const cy = (c - cx) / cw;
      cx0 = Math.min(cx0, cx);
      cx1 = Math.max(cx1, cx);
      cy0 = Math.min(cy0, cy);
      cy1 = Math.max(cy1, cy);
      for (const d of [c - cw, c + cw, cx > 0 ? c - 1 : -1, cx < cw - 1 ? c + 1 : -1]) {
        if (d >= 0 && d < mask.length && mask[d] === 1 && !seen[d]) {
          seen[d] = 1;
          comp.push(d);
        }
      }
    }
    const left = Math.max(area.left, area.left + (cx0 - 1) * CELL);
    const top = Math.max(area.top, area.top + (cy0 - 1) * CELL);
    const right = Math.min(x1, area.left + (cx1 + 2) * CELL);
    const bottom = Math.min(y1, area.top + (cy1 + 2) * CELL);
    rects.push({ left, top, width: right - left, height: bottom - top });
  }
  return { mask, cw, ch, area, cell: CELL, rects };
}

/** Where bands were found and turned: their cells, and a box around each. */
export interface BandCells {
  mask: Uint8Array;
  cw: number;
  ch: number;
  area: Rect;
  cell: number;
  rects: Rect[];
  /**
   * The page was turned half over after its bands were found (turnBandsHalf): `area` and
   * `rects` are where they lie now, while the cells are still counted from the corner they were
   * found from, the far one now (the last row and column of cells may be cut short).
   */
  halfTurned?: boolean;
}

/** True when the pixel lies in a band's cell. */
export function inBand(b: BandCells, x: number, y: number): boolean {
  if (b.halfTurned) {
    // the same point as it lay when the cells were counted
    x = 2 * b.area.left + b.area.width - x;
    y = 2 * b.area.top + b.area.height - y;
  }
  const cx = Math.floor((x - b.area.left) / b.cell);
  const cy = Math.floor((y - b.area.top) / b.cell);
  const ccx = Math.min(cx, b.cw - 1);
  const ccy = Math.min(cy, b.ch - 1);
  return cx >= 0 && cy >= 0 && b.mask[ccy * b.cw + ccx] === 1;
}

/** Copies a rectangle out of single-band pixels. */
export function cropGrey(data: Uint8Array, width: number, r: Rect): Buffer {
  const out = Buffer.allocUnsafe(r.width * r.height);
  for (let y = 0; y < r.height; y++) {
    const from = (r.top + y) * width + r.left;
    out.set(data.subarray(from, from + r.width), y * r.width);
  }
  return out;
}

/** Paints the band cells white (their print is read from the crops instead). */
export function blankBands(data: Uint8Array, width: number, b: BandCells): void {
  const x1 = b.area.left + b.area.width;
  const y1 = b.area.top + b.area.height;
  for (let cy = 0; cy < b.ch; cy++) {
    const ye = cy === b.ch - 1 ? y1 : b.area.top + (cy + 1) * b.cell;
    for (let cx = 0; cx < b.cw; cx++) {
      if (b.mask[cy * b.cw + cx] !== 1) continue;
      const xe = cx === b.cw - 1 ? x1 : b.area.left + (cx + 1) * b.cell;
      for (let y = b.area.top + cy * b.cell; y < ye; y++) {
        data.fill(255, y * width + b.area.left + cx * b.cell, y * width + xe);
      }
    }
  }
}

/**
 * The bands of a `width`×`height` page turned half over: their boxes move to the opposite
 * corner and each crop is turned with them, so a page found upside down (or on its side the
 * other way) still reads its bands from their crops.
 */
export function turnBandsHalf(
  b: { cells: BandCells; crops: Array<{ rect: Rect; data: Buffer }> },
  width: number,
  height: number,
): { cells: BandCells; crops: Array<{ rect: Rect; data: Buffer }> } {
  const turn = (r: Rect): Rect => ({
    left: width - r.left - r.width,
    top: height - r.top - r.height,
    width: r.width,
    height: r.height,
  });
  const cells = b.cells;
  return {
    cells: { ...cells, area: turn(cells.area), rects: cells.rects.map(turn), halfTurned: !cells.halfTurned },
    crops: b.crops.map((c) => ({ rect: turn(c.rect), data: Buffer.from(c.data).reverse() })),
  };
}
