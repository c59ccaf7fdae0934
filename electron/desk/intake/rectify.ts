// A phone photo of a bill, flattened. The sheet's four edges are found on a small copy, where
// paper meets table; its corners are where the edges cross; and the sheet is remapped onto an
// upright rectangle through the homography between the two. Perspective bends a photo's lines
// of print so that no straight cut shares the page between engines; flat, the sheet is read like
// a scan: in strips, at once.

import { otsuThreshold } from './threshold';

export interface Point {
  x: number;
  y: number;
}

/** A sheet's corners: top-left, top-right, bottom-right, bottom-left. */
export type Quad = [Point, Point, Point, Point];

interface Grey {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Points of an edge within this many small-copy pixels of the edge's line support it. */
const ON_LINE = 1.5;

/**
 * The corners of the sheet in a photo, in the small copy's pixels, or null when there is no clear
 * sheet on a background: a scan (all paper), a sheet cut off by the frame, or edges that do not
 * make a plausible page.
 *
 * Each edge is where, going in from the frame, the grey first steps by more than the table's
 * own noise: not where paper begins, because a full-width header band printed to the sheet's
 * edge is as dark as many tables, and the sheet would lose it.
 */
export function findSheet(small: Grey): Quad | null {
  const quad = outline(small);
  return quad && plausibleSheet(quad, small.width, small.height) && onBackground(small, quad) ? quad : null;
}

/**
 * A phone's outline is this much taller than wide (a 19.5:9 screen in its bezel is ~2.15); a
 * sheet of paper is at most 1.65 (legal).
 */
const PHONE_ASPECT = [1.85, 2.6] as const;
/** Grey below this is a phone's bezel (or a dark screen's black). */
const BEZEL_DARK = 40;

/**
 * The outline of a phone photographed upright on a table, in the small copy's pixels, or null:
 * a tall quadrilateral whose rim, just inside it, is near-black (the bezel) and whose outside is
 * not (the table). A phone photographed at a slant has its screen's lines at a slant too, and
 * tesseract reads a slanted screen badly: on a screen photo turned 4.5°, "251 Market Boulevard"
 * came apart into lines of its own ("Primary … ulevard", "Market BO", "251"). Its outline
 * flattens it as a sheet's does.
 */
export function findPhone(small: Grey): Quad | null {
  const q = outline(small);
  if (!q) return null;
  const { width: w, height: h } = small;
  const [tl, tr, br, bl] = q;
  const len = (p: Point, r: Point) => Math.hypot(r.x - p.x, r.y - p.y);
  const aspect = (len(tl, bl) + len(tr, br)) / (len(tl, tr) + len(bl, br));
  const alike = (a: number, b: number) => Math.min(a, b) / Math.max(a, b) > 0.9;
  const tilt = (p: Point, r: Point, horizontal: boolean) =>
    Math.abs(horizontal ? (r.y - p.y) / (r.x - p.x) : (r.x - p.x) / (r.y - p.y));
  if (
    aspect < PHONE_ASPECT[0] ||
    aspect > PHONE_ASPECT[1] ||
    !alike(len(tl, tr), len(bl, br)) ||
    !alike(len(tl, bl), len(tr, br)) ||
    [tilt(tl, tr, true), tilt(bl, br, true), tilt(tl, bl, false), tilt(tr, br, false)].some((t) => t > 0.2) ||
    quadArea(q) < 0.15 * w * h
  )
    return null;
  const inside = rimGreys(small, q, 2);
  const outside = rimGreys(small, q, -3);
  if (inside.length < 20 || outside.length < 20) return null;
  const dark = inside.filter((v) => v < BEZEL_DARK).length / inside.length;
  const median = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1]!;
  return dark >= 0.8 && median(outside) >= median(inside) + 16 ? q : null;
}

/** The greys `d` small pixels inside the quad's sides (outside for a negative `d`), over their middle. */
function rimGreys(small: Grey, q: Quad, d: number): number[] {
  const { data, width: w, height: h } = small;
  const cx = (q[0].x + q[1].x + q[2].x + q[3].x) / 4;
  const cy = (q[0].y + q[1].y + q[2].y + q[3].y) / 4;
  const out: number[] = [];
  for (let s = 0; s < 4; s++) {
    const p = q[s]!;
    const r = q[(s + 1) % 4]!;
    // the side's normal, pointing in
    const l = Math.hypot(r.x - p.x, r.y - p.y);
    let nx = -(r.y - p.y) / l;
    let ny = (r.x - p.x) / l;
    if (nx * (cx - p.x) + ny * (cy - p.y) < 0) [nx, ny] = [-nx, -ny];
    for (let k = 0.15; k <= 0.85; k += 0.02) {
      const x = Math.round(p.x + (r.x - p.x) * k + nx * d);
      const y = Math.round(p.y + (r.y - p.y) * k + ny * d);
      if (x >= 0 && y >= 0 && x < w && y < h) out.push(data[y * w + x]!);
    }
  }
  return out;
}

function quadArea(q: Quad): number {
  let a = 0;
  for (let i = 0; i < 4; i++) {
    const p = q[i]!;
    const r = q[(i + 1) % 4]!;
    a += p.x * r.y - r.x * p.y;
  }
  return Math.abs(a) / 2;
}

/**
 * The quadrilateral of the first steps in grey in from the frame on all four sides, each side a
 * straight line (see findSheet), or null when a side is not one line.
 */
function outline(small: Grey): Quad | null {
  const { data, width: w, height: h } = small;
  const step = stepThreshold(small);
  /**
   * Along a line of pixels from the frame inwards: where the first step lies, or -1. The step
   * is placed at the centroid of the grey's change across it, between two pixels' centres.
   */
  const firstStep = (n: number, at: (i: number) => number): number => {
    for (let i = 2; i < n - 3; i++) {
      if (Math.abs(at(i + 1) + at(i + 2) - at(i - 1) - at(i - 2)) < 2 * step) continue;
      let sum = 0;
      let at0 = 0;
      for (let j = i - 1; j <= i + 2; j++) {
        const d = Math.abs(at(j + 1) - at(j));
        sum += d;
        at0 += d * (j + 0.5);
      }
      return sum ? at0 / sum : i;
    }
    return -1;
  };
  // Each edge is sampled over its middle 70%: the corners' own neighbourhood is where shadows,
  // curl and the other edges meet.
  const across = (n: number): number[] => {
    const out: number[] = [];
    for (let i = Math.round(n * 0.15); i <= Math.round(n * 0.85); i++) out.push(i);
    return out;
  };
  const edge = (pts: Array<[number, number]>): Line | null => {
    const seen = pts.filter(([, s]) => s > 2);
    return seen.length >= pts.length * 0.5 ? fitLine(seen) : null;
  };
  const px = (x: number, y: number) => data[y * w + x]!;
  const top = edge(across(w).map((x) => [x, firstStep(h >> 1, (i) => px(x, i))]));
  const bottom = edge(across(w).map((x) => [x, firstStep(h >> 1, (i) => px(x, h - 1 - i))]));
  const left = edge(across(h).map((y) => [y, firstStep(w >> 1, (i) => px(i, y))]));
  const right = edge(across(h).map((y) => [y, firstStep(w >> 1, (i) => px(w - 1 - i, y))]));
  if (!top || !bottom || !left || !right) return null;
  // Lines in the small copy's coordinates: top/bottom give y from x, left/right x from y.
  const yTop = (x: number) => top.a * x + top.b;
  const yBottom = (x: number) => h - 1 - (bottom.a * x + bottom.b);
  const xLeft = (y: number) => left.a * y + left.b;
  const xRight = (y: number) => w - 1 - (right.a * y + right.b);
  const cross = (yOf: (x: number) => number, xOf: (y: number) => number): Point => {
    // Both lines lie within a few degrees of the axes: substitution settles in a few rounds.
    let x = xOf(yOf(w / 2));
    for (let k = 0; k < 4; k++) x = xOf(yOf(x));
    return { x, y: yOf(x) };
  };
  return [cross(yTop, xLeft), cross(yTop, xRight), cross(yBottom, xRight), cross(yBottom, xLeft)];
}

/**
 * The least step in grey that marks an edge: well above the noise between neighbouring pixels
 * of the picture's outer rim (table, in a photo), and never under 8 levels.
 */
function stepThreshold(small: Grey): number {
  const { data, width: w, height: h } = small;
  const diffs: number[] = [];
  for (let x = 1; x < w; x++) {
    diffs.push(
      Math.abs(data[x]! - data[x - 1]!),
      Math.abs(data[(h - 1) * w + x]! - data[(h - 1) * w + x - 1]!),
    );
  }
  for (let y = 1; y < h; y++) {
    diffs.push(
      Math.abs(data[y * w]! - data[(y - 1) * w]!),
      Math.abs(data[y * w + w - 1]! - data[(y - 1) * w + w - 1]!),
    );
  }
  diffs.sort((a, b) => a - b);
  return Math.max(8, 4 * (diffs[diffs.length >> 1] ?? 0) + 2);
}

/**
 * Whether what lies just outside the quad is background rather than more paper: a scan's
 * margins around its print, or a page with a ruled box, would otherwise pass for a sheet.
 */
function onBackground(small: Grey, q: Quad): boolean {
  const { data, width: w, height: h } = small;
  const t = otsuThreshold(data);
  const [tl, tr, br, bl] = q;
  let outside = 0;
  let paper = 0;
  const sample = (p: Point, r: Point, dx: number, dy: number) => {
    for (let k = 0.15; k <= 0.85; k += 0.02) {
      const x = Math.round(p.x + (r.x - p.x) * k + dx);
      const y = Math.round(p.y + (r.y - p.y) * k + dy);
      if (x < 0 || y < 0 || x >= w || y >= h) continue;
      outside++;
      if (data[y * w + x]! > t) paper++;
    }
  };
  for (const d of [3, 5]) {
    sample(tl, tr, 0, -d);
    sample(bl, br, 0, d);
    sample(tl, bl, -d, 0);
    sample(tr, br, d, 0);
  }
  return outside > 0 && paper / outside < 0.25;
}

interface Line {
  /** s = a·t + b, with t along the edge and s the depth from the frame. */
  a: number;
  b: number;
}

/**
 * The line most edge points lie on, then refitted by least squares on those points alone.
 * Candidate lines join points from the edge's first and last thirds: a band of print that runs
 * into the table cuts out a stretch of the edge, and must not tilt it.
 */
export function fitLine(pts: Array<[number, number]>): Line | null {
  if (pts.length < 8) return null;
  const n = pts.length;
  const third = Math.max(1, Math.floor(n / 3));
  let best: Line | null = null;
  let bestIn = 0;
  for (let i = 0; i < third; i += Math.max(1, third >> 3)) {
    for (let j = n - third; j < n; j += Math.max(1, third >> 3)) {
      const [t0, s0] = pts[i]!;
      const [t1, s1] = pts[j]!;
      if (t1 === t0) continue;
      const a = (s1 - s0) / (t1 - t0);
      const b = s0 - a * t0;
      let inliers = 0;
      for (const [t, s] of pts) if (Math.abs(a * t + b - s) <= ON_LINE) inliers++;
      if (inliers > bestIn) {
        bestIn = inliers;
        best = { a, b };
      }
    }
  }
  if (!best || bestIn < n * 0.5) return null;
  let st = 0;
  let ss = 0;
  let stt = 0;
  let sts = 0;
  let m = 0;
  for (const [t, s] of pts) {
    if (Math.abs(best.a * t + best.b - s) > ON_LINE) continue;
    st += t;
    ss += s;
    stt += t * t;
    sts += t * s;
    m++;
  }
  const den = m * stt - st * st;
  if (!den) return best;
  const a = (m * sts - st * ss) / den;
  return { a, b: (ss - a * st) / m };
}

/** A page-shaped quadrilateral: most of the picture, sides near the axes, opposite sides alike. */
function plausibleSheet(q: Quad, w: number, h: number): boolean {
  const [tl, tr, br, bl] = q;
  const len = (p: Point, r: Point) => Math.hypot(r.x - p.x, r.y - p.y);
  const topW = len(tl, tr);
  const botW = len(bl, br);
  const leftH = len(tl, bl);
  const rightH = len(tr, br);
  const area =
    0.5 *
    Math.abs(
      tl.x * tr.y -
        tr.x * tl.y +
        (tr.x * br.y - br.x * tr.y) +
        (br.x * bl.y - bl.x * br.y) +
        (bl.x * tl.y - tl.x * bl.y),
    );
  const frac = area / (w * h);
  const alike = (a: number, b: number) => Math.min(a, b) / Math.max(a, b) > 0.85;
  const tilt = (p: Point, r: Point, horizontal: boolean) =>
    Math.abs(horizontal ? (r.y - p.y) / (r.x - p.x) : (r.x - p.x) / (r.y - p.y));
  const aspect = (leftH + rightH) / (topW + botW);
  return (
    frac >= 0.25 &&
    frac <= 0.97 &&
    alike(topW, botW) &&
    alike(leftH, rightH) &&
    tilt(tl, tr, true) < 0.25 &&
    tilt(bl, br, true) < 0.25 &&
    tilt(tl, bl, false) < 0.25 &&
    tilt(tr, br, false) < 0.25 &&
    // From a half-page slip to legal paper, upright: anything else is more likely a misread edge.
    aspect > 0.55 &&
    aspect < 1.8
  );
}

/**
 * The 3×3 homography (row-major, last entry 1) taking each `from` point to its `to` point:
 * the eight unknowns of the four point pairs, solved by Gaussian elimination.
 */
export function homography(from: Quad, to: Quad): number[] {
  const m: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i]!;
    const { x: u, y: v } = to[i]!;
    m.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    m.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const pivot = m[c]![c]!;
    if (Math.abs(pivot) < 1e-12) throw new Error('degenerate quadrilateral');
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / pivot;
      if (f) for (let k = c; k < 9; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return [...m.map((row, i) => row[8]! / row[i]!), 1];
}

/** A quadrilateral's width and height: the means of its opposite sides. */
export function quadSize(q: Quad): { w: number; h: number } {
  const [tl, tr, br, bl] = q;
  const len = (p: Point, r: Point) => Math.hypot(r.x - p.x, r.y - p.y);
  return { w: (len(tl, tr) + len(bl, br)) / 2, h: (len(tl, bl) + len(tr, br)) / 2 };
}

/** The homography taking an upright `width` × `height` rectangle at the origin onto `q`. */
export function rectHomography(width: number, height: number, q: Quad): number[] {
  return homography(
    [
      { x: 0, y: 0 },
      { x: width, y: 0 },
      { x: width, y: height },
      { x: 0, y: height },
    ],
    q,
  );
}

export function applyHomography(hm: number[], x: number, y: number): Point {
  const z = hm[6]! * x + hm[7]! * y + hm[8]!;
  return { x: (hm[0]! * x + hm[1]! * y + hm[2]!) / z, y: (hm[3]! * x + hm[4]! * y + hm[5]!) / z };
}

/** Output pixels between two exact projections: the projection is all but straight over a span. */
const SPAN = 8;

/**
 * A width×height image whose pixel (u, v) is `src` at hm(u, v), interpolated between its four
 * neighbours; outside `src` is paper white. The projection is computed exactly every SPAN
 * pixels and linearly between (its curvature over 8 pixels is far below a hundredth of one).
 */
export function warpGrey(src: Grey, hm: number[], width: number, height: number): Buffer {
  const out = Buffer.allocUnsafe(width * height);
  const { data, width: sw, height: sh } = src;
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = hm as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const maxX = sw - 1;
  const maxY = sh - 1;
  for (let v = 0, o = 0; v < height; v++) {
    const X0 = h1 * v + h2;
    const Y0 = h4 * v + h5;
    const Z0 = h7 * v + h8;
    let xa = X0 / Z0;
    let ya = Y0 / Z0;
    for (let u0 = 0; u0 < width; u0 += SPAN) {
      const u1 = Math.min(width, u0 + SPAN);
      const z1 = h6 * u1 + Z0;
      const xb = (h0 * u1 + X0) / z1;
      const yb = (h3 * u1 + Y0) / z1;
      const sx = (xb - xa) / (u1 - u0);
      const sy = (yb - ya) / (u1 - u0);
      let x = xa;
      let y = ya;
      for (let u = u0; u < u1; u++, o++, x += sx, y += sy) {
        if (x < 0 || y < 0 || x >= maxX || y >= maxY) {
          out[o] = 255;
          continue;
        }
        const x0 = x | 0;
        const y0 = y | 0;
        const fx = x - x0;
        const fy = y - y0;
        const i = y0 * sw + x0;
        const p = data[i]!;
        const q = data[i + 1]!;
        const r = data[i + sw]!;
        const t = data[i + sw + 1]!;
        const top = p + (q - p) * fx;
        out[o] = (top + (r + (t - r) * fx - top) * fy + 0.5) | 0;
      }
      xa = xb;
      ya = yb;
    }
  }
  return out;
}

/**
 * The paper's brightness over an image, for evening out a photo's light so that one threshold
 * splits print from paper all over the sheet, as on a scan. Measured block by block (a high
 * percentile: print is sparse) and fitted with a smooth surface, a quadratic in x and y (each
 * from -1 to 1 across the image), as a lamp's falloff and a lens's vignette are. Blocks much
 * darker than the paper (a dark header band, a shaded box, a bold heading) are left out of the
 * fit, so they stay as dark as they are printed.
 */
export function fitLight(data: Uint8Array, width: number, height: number, block: number): Quadric | null {
  const bw = Math.ceil(width / block);
  const bh = Math.ceil(height / block);
  const hist = new Uint32Array(256);
  const samples: Array<[number, number, number]> = [];
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      hist.fill(0);
      const y1 = Math.min(height, (by + 1) * block);
      const x1 = Math.min(width, (bx + 1) * block);
      let n = 0;
      for (let y = by * block; y < y1; y += 2) {
        for (let x = bx * block, i = y * width + x; x < x1; x += 2, i += 2) {
          hist[data[i]!]!++;
          n++;
        }
      }
      let v = 255;
      for (let acc = 0; v > 0; v--) if ((acc += hist[v]!) > n * 0.1) break;
      // Block centres in -1..1, so the fit's terms are of one size.
      samples.push([((bx + 0.5) * block * 2) / width - 1, ((by + 0.5) * block * 2) / height - 1, v]);
    }
  }
  const sorted = samples.map((s) => s[2]).sort((a, b) => a - b);
  const bright = sorted[Math.floor(sorted.length * 0.9)] ?? 255;
  let keep = samples.filter((s) => s[2] >= bright * 0.7);
  const first = fitQuadric(keep);
  if (!first) return null;
  // Once more without the blocks well under the first fit: print that passed for paper.
  keep = keep.filter(([x, y, v]) => v >= quadric(first, x, y) * 0.9);
  return fitQuadric(keep) ?? first;
}

/**
 * Scales each pixel in place by the paper's brightness `light` finds there. Along a row the
 * quadric is a quadratic in x alone: its row terms are summed once a row, not once a pixel
 * (a full sheet is ~4.7 MP, and this ran at half the speed).
 */
export function evenLight(data: Uint8Array, width: number, height: number, light: Quadric): void {
  const [c0, c1, c2, c3, c4, c5] = light;
  const xs = new Float64Array(width);
  for (let x = 0; x < width; x++) xs[x] = ((x + 0.5) * 2) / width - 1;
  for (let y = 0; y < height; y++) {
    const ny = ((y + 0.5) * 2) / height - 1;
    const a = c0 + c2 * ny + c5 * ny * ny;
    const b = c1 + c4 * ny;
    for (let x = 0, i = y * width; x < width; x++, i++) {
      const nx = xs[x]!;
      const q = a + b * nx + c3 * nx * nx;
      const v = (data[i]! * 240) / (q > 32 ? q : 32);
      data[i] = v > 255 ? 255 : v;
    }
  }
}

export type Quadric = [number, number, number, number, number, number];

function quadric(c: Quadric, x: number, y: number): number {
  return c[0] + c[1] * x + c[2] * y + c[3] * x * x + c[4] * x * y + c[5] * y * y;
}

/** Least squares of v over 1, x, y, x², xy, y² (normal equations, Gaussian elimination). */
function fitQuadric(pts: Array<[number, number, number]>): Quadric | null {
  if (pts.length < 12) return null;
  const a = Array.from({ length: 6 }, () => new Array<number>(7).fill(0));
  for (const [x, y, v] of pts) {
    const t = [1, x, y, x * x, x * y, y * y];
    for (let r = 0; r < 6; r++) {
      for (let k = 0; k < 6; k++) a[r]![k]! += t[r]! * t[k]!;
      a[r]![6]! += t[r]! * v;
    }
  }
  for (let col = 0; col < 6; col++) {
    let p = col;
    for (let r = col + 1; r < 6; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[p]![col]!)) p = r;
    [a[col], a[p]] = [a[p]!, a[col]!];
    const pivot = a[col]![col]!;
    if (Math.abs(pivot) < 1e-9) return null;
    for (let r = 0; r < 6; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / pivot;
      for (let k = col; k < 7; k++) a[r]![k]! -= f * a[col]![k]!;
    }
  }
  return a.map((row, i) => row[6]! / row[i]!) as Quadric;
}
