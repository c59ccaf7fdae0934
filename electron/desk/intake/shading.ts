// Grey-shaded cells (a table's "BILL TO | SERVICE LOCATION | REMIT TO" heading row) turned to
// paper white under their dark print. One global threshold puts a mid-grey fill on the ink side,
// so the print inside vanishes in a black bar: on a generated scan the "SERVICE LOCATION"
// label was never read and the bill-to address was taken for the service address. Dark bands
// with light print are bands.ts's business; this is the mid-grey case.

/** Side of the square cells whose background is judged, in pixels. */
const CELL = 16;
/** A cell whose background is this grey is shaded (paper is lighter, a dark band darker). */
const SHADE_MIN = 110;
const SHADE_MAX = 215;

/** Lightens shaded cells in place; returns how many cells were shaded. */
export function lightenShading(data: Uint8Array, width: number, height: number): number {
  const cw = Math.floor(width / CELL);
  const ch = Math.floor(height / CELL);
  const hist = new Uint16Array(256);
  // The background grey of each shaded cell (0: not shaded).
  const shade = new Uint8Array(cw * ch);
  let shaded = 0;
  // A cell with more than a quarter of its pixels lighter than any shading has paper for its
  // 75th percentile. Most cells of a page are such paper, and counting settles them without
  // building a histogram (lightening was ~16 ms a page, mostly histograms of bare paper).
  const paperMax = CELL * CELL * 0.25;
  for (let cy = 0; cy < ch; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      const x0 = cx * CELL;
      const y0 = cy * CELL;
      let paper = 0;
      for (let y = y0; y < y0 + CELL && paper <= paperMax; y++) {
        const row = y * width;
        for (let x = x0; x < x0 + CELL; x++) paper += (SHADE_MAX - data[row + x]!) >>> 31;
      }
      if (paper > paperMax) continue;
      hist.fill(0);
      for (let y = y0; y < y0 + CELL; y++) {
        const row = y * width;
        for (let x = x0; x < x0 + CELL; x++) hist[data[row + x]!]!++;
      }
      // The cell's background: its 75th percentile (print covers well under a quarter of a
      // cell of text; a scan's speckles are single pixels).
      let acc = 0;
      let bg = 0;
      for (; bg < 256; bg++) if ((acc += hist[bg]!) >= CELL * CELL * 0.75) break;
      if (bg < SHADE_MIN || bg > SHADE_MAX) continue;
      // Most of the cell must sit at that grey: a mere edge of a letter or a rule is not shading.
      let near = 0;
      for (let v = Math.max(0, bg - 25); v <= Math.min(255, bg + 25); v++) near += hist[v]!;
      if (near < CELL * CELL * 0.5) continue;
      shade[cy * cw + cx] = bg;
      shaded++;
    }
  }
  if (shaded === 0) return 0;
  for (let cy = 0; cy < ch; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      const bg = shade[cy * cw + cx]!;
      const x0 = cx * CELL;
      const y0 = cy * CELL;
      if (bg) {
        for (let y = y0; y < y0 + CELL; y++) {
          const row = y * width;
          for (let x = x0; x < x0 + CELL; x++) {
            const v = (data[row + x]! * 255) / bg;
            data[row + x] = v >= 255 ? 255 : v;
          }
        }
        continue;
      }
      // A shaded band's edge rarely falls on the cell grid (and a scan is skewed): the cells
      // beside a shaded one hold a strip of the same grey over paper, judged paper by their
      // percentile. That strip would stay as a grey bar touching the print; its pixels of the
      // neighbour's grey go white, ink (darker) and paper stay.
      let near = 0;
      for (let dy = -1; dy <= 1 && !near; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = cx + dx;
          const ny = cy + dy;
          if (nx < 0 || ny < 0 || nx >= cw || ny >= ch) continue;
          const g = shade[ny * cw + nx]!;
          if (g) {
            near = g;
            break;
          }
        }
      }
      if (!near) continue;
      const lo = Math.max(0, near - 25);
      for (let y = y0; y < y0 + CELL; y++) {
        const row = y * width;
        for (let x = x0; x < x0 + CELL; x++) if (data[row + x]! >= lo) data[row + x] = 255;
      }
    }
  }
  return shaded;
}
