// A customer's pen circle round a number, erased from a page image before OCR. The loop is drawn
// wide enough to cross the rows above and below the number in a dense table ("540-555-0137"
// struck through by its lower arc), and it joins their letters into one mark several lines
// tall: tesseract's layout takes it for a picture and drops those lines, or merges them (a
// scanned Meridian bill lost two of its four lines). A person reads through the ink; we paint
// the loop paper, and keep the pixels where a letter's stroke runs on across it.
//
// A loop is found as what it is: one mark that closes round a large, elliptical space and is
// thin all the way round. The marks leader erasing labelled (leaders.ts) are reused, and only a
// mark several lines tall but mostly paper is looked at closer, so a page without one costs a
// pass over its marks.

import type { InkBlobs } from './ink-blobs';

export interface PenCircle {
  cx: number;
  cy: number;
  /** Semi-axes of the stroke's centre line, in pixels, and its turn (radians). */
  a: number;
  b: number;
  angle: number;
  /** The stroke's width, pixels. */
  width: number;
}

/** A mark at least this tall (inches) spans more than a line of print. */
const MIN_TALL = 0.2;
/** And at least this wide: a loop round a number is wider than the number. */
const MIN_WIDE = 0.5;
/** At most this much of a candidate's box is ink: a loop is mostly the paper it encloses. */
const MAX_FILL = 0.3;
/** Boxes larger than this (square inches) are a ruled table or a frame, not one loop. */
const MAX_BOX = 12;
/** Share of the fitted ellipse that must run over ink. */
const MIN_COVER = 0.8;
/** A pen line is at most this wide (inches): a big letter "O" is thicker for its size. */
const MAX_STROKE = 0.04;

/**
 * Finds pen loops among the page's marks and paints them paper in place (`data` is 8-bit
 * grey at `dpi`; `t` the ink threshold the marks were labelled with). Returns the loops erased.
 */
export function erasePenCircles(
  data: Uint8Array,
  width: number,
  height: number,
  marks: InkBlobs,
  t: number,
  dpi: number,
): PenCircle[] {
  const found: PenCircle[] = [];
  const { blobs, runs } = marks;
  for (let k = 0; k < blobs.length; k++) {
    const b = blobs[k]!;
    const bw = b.x1 - b.x0 + 1;
    const bh = b.y1 - b.y0 + 1;
    if (bh < MIN_TALL * dpi || bw < MIN_WIDE * dpi) continue;
    if (b.area > MAX_FILL * bw * bh || bw * bh > MAX_BOX * dpi * dpi) continue;
    const mask = blobMask(runs, k, b);
    const loop = fitLoop(mask, bw + 2, bh + 2, dpi);
    if (!loop) continue;
    const circle = { ...loop, cx: loop.cx + b.x0 - 1, cy: loop.cy + b.y0 - 1 };
    if (!holdsPrint(data, width, height, t, circle, mask, b)) continue;
    erase(data, width, height, t, circle);
    found.push(circle);
  }
  return found;
}

/** The mark's own pixels in its box, with a one-pixel border of paper round it. */
function blobMask(runs: InkBlobs['runs'], k: number, b: { x0: number; y0: number; x1: number; y1: number }) {
  const w = b.x1 - b.x0 + 3;
  const mask = new Uint8Array(w * (b.y1 - b.y0 + 3));
  // Runs are in row order: start at the mark's first row.
  let i = firstRunAt(runs.row, b.y0);
  for (; i < runs.row.length && runs.row[i]! <= b.y1; i++) {
    if (runs.blob[i] !== k) continue;
    const row = (runs.row[i]! - b.y0 + 1) * w;
    mask.fill(1, row + runs.start[i]! - b.x0 + 1, row + runs.end[i]! - b.x0 + 2);
  }
  return mask;
}

function firstRunAt(rows: Int32Array, y: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]! < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The ellipse a closed loop in `mask` draws, or null. The loop and all it encloses (the paper
 * the outside cannot reach) is opened, so the rule or the letters the stroke touches outside drop
 * away, and the rest's moments give the loop's outer edge; the stroke must then run along most
 * of an ellipse just inside it, and be thin.
 */
function fitLoop(mask: Uint8Array, w: number, h: number, dpi: number): PenCircle | null {
  // The body's shape is judged at ~100 dpi (a quarter of the pixels at 200): any ink in a 2×2
  // block keeps the loop closed.
  const f = dpi >= 150 ? 2 : 1;
  const small = f === 1 ? { data: mask, w, h } : shrinkAny(mask, w, h);
  const sw = small.w;
  const sh = small.h;
  const filled = fillHoles(small.data, sw, sh);
  const r = Math.max(1, Math.round((dpi / f) * 0.012));
  const body = dilate(erode(filled, sw, sh, r), sw, sh, r);
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let y = 0, i = 0; y < sh; y++)
    for (let x = 0; x < sw; x++, i++)
      if (body[i]) {
        n++;
        sx += x;
        sy += y;
        sxx += x * x;
        syy += y * y;
        sxy += x * y;
      }
  if (n * f * f < MIN_TALL * MIN_WIDE * dpi * dpi * 0.5) return null;
  const mx = sx / n;
  const my = sy / n;
  // A filled ellipse's second moments are a²/4 and b²/4 along its axes.
  const xx = (sxx / n - mx * mx) * f * f;
  const yy = (syy / n - my * my) * f * f;
  const xy = (sxy / n - mx * my) * f * f;
  // back to the mask's pixels: a shrunk pixel's centre lies at f·x + (f - 1) / 2
  const cx = mx * f + (f - 1) / 2;
  const cy = my * f + (f - 1) / 2;
  const angle = 0.5 * Math.atan2(2 * xy, xx - yy);
  const mid = (xx + yy) / 2;
  const rad = Math.sqrt(((xx - yy) / 2) ** 2 + xy * xy);
  // A shrunk pixel reaches half a pixel past the ink it holds: the body is that much larger.
  const outerA = 2 * Math.sqrt(mid + rad) - (f - 1) / 2;
  const outerB = 2 * Math.sqrt(Math.max(0, mid - rad)) - (f - 1) / 2;
  if (2 * outerB < MIN_TALL * dpi || 2 * outerA < MIN_WIDE * dpi) return null;
  // The body is the loop's outside edge; its stroke's centre lies half a pen's width in.
  const maxStroke = MAX_STROKE * dpi;
  let best: { cover: number; width: number; s: number } | null = null;
  for (const inset of [0.5, 1.5, 2.5, 3.5, 5]) {
    if (inset > outerB / 4) break;
    const got = coverage(mask, w, h, cx, cy, outerA - inset, outerB - inset, angle, maxStroke);
    if (!best || got.cover > best.cover) best = { ...got, s: inset };
  }
  // The moments only start the fit (letters inside the loop, or a highlight, pull them): half the
  // line is enough to begin with, and the fitted ellipse must then run over ink nearly all round.
  if (!best || best.cover < MIN_COVER / 2) return null;
  const fit = refine(
    mask,
    w,
    h,
    { cx, cy, a: outerA - best.s, b: outerB - best.s, angle, width: best.width },
    maxStroke,
  );
  if (!fit || fit.width > maxStroke) return null;
  const on = coverage(mask, w, h, fit.cx, fit.cy, fit.a, fit.b, fit.angle, maxStroke);
  return on.cover >= MIN_COVER && on.width <= maxStroke ? fit : null;
}

/**
 * The ellipse moved onto the pen line's centre by a few Gauss-Newton steps: at points along it,
 * the middle of the ink crossing its normal is how far the line lies off it. Points where the
 * ink across is wider than a pen line (a letter crosses there) are left out.
 */
function refine(mask: Uint8Array, w: number, h: number, c: PenCircle, maxStroke: number): PenCircle | null {
  const N = 120;
  const reach = Math.ceil(maxStroke * 1.5) + 2;
  const at = (x: number, y: number): number => {
    const xi = Math.round(x);
    const yi = Math.round(y);
    return xi >= 0 && yi >= 0 && xi < w && yi < h ? mask[yi * w + xi]! : 0;
  };
  let cur = { ...c };
  for (let iter = 0; iter < 4; iter++) {
    const JtJ = Array.from({ length: 5 }, () => new Float64Array(5));
    const Jtr = new Float64Array(5);
    const cos = Math.cos(cur.angle);
    const sin = Math.sin(cur.angle);
    const widths: number[] = [];
    for (let k = 0; k < N; k++) {
      const t = (2 * Math.PI * k) / N;
      const ct = Math.cos(t);
      const st = Math.sin(t);
      const u = cur.a * ct;
      const v = cur.b * st;
      const x = cur.cx + u * cos - v * sin;
      const y = cur.cy + u * sin + v * cos;
      let nu = ct / cur.a;
      let nv = st / cur.b;
      const len = Math.hypot(nu, nv);
      nu /= len;
      nv /= len;
      const nx = nu * cos - nv * sin;
      const ny = nu * sin + nv * cos;
      // the run of ink along the normal nearest the ellipse
      let lo = 0;
      let hi = 0;
      let found = false;
      for (let d = 0; d <= reach && !found; d++)
        for (const s of d ? [d, -d] : [0])
          if (at(x + s * nx, y + s * ny)) {
            lo = hi = s;
            found = true;
            break;
          }
      if (!found) continue;
      while (lo > -2 * reach && at(x + (lo - 1) * nx, y + (lo - 1) * ny)) lo--;
      while (hi < 2 * reach && at(x + (hi + 1) * nx, y + (hi + 1) * ny)) hi++;
      const width = hi - lo + 1;
      if (width > maxStroke + 1) continue;
      widths.push(width);
      const r = (lo + hi) / 2;
      // how the point moves along its normal with cx, cy, a, b and the turn
      const J = [
        nx,
        ny,
        nx * ct * cos + ny * ct * sin,
        -nx * st * sin + ny * st * cos,
        nx * (-u * sin - v * cos) + ny * (u * cos - v * sin),
      ];
      for (let i = 0; i < 5; i++) {
        const row = JtJ[i]!;
        Jtr[i] = Jtr[i]! + J[i]! * r;
        for (let j = 0; j < 5; j++) row[j] = row[j]! + J[i]! * J[j]!;
      }
    }
    if (widths.length < N * MIN_COVER * 0.6) return null;
    // a little damping: a loop seen only in part leaves a direction unconstrained
    for (let i = 0; i < 5; i++) JtJ[i]![i] = JtJ[i]![i]! * 1.001 + 1e-3;
    const dp = solve(JtJ, Jtr);
    if (!dp) return null;
    widths.sort((p, q) => p - q);
    cur = {
      cx: cur.cx + dp[0]!,
      cy: cur.cy + dp[1]!,
      a: cur.a + dp[2]!,
      b: cur.b + dp[3]!,
      angle: cur.angle + dp[4]!,
      width: widths[widths.length >> 1]!,
    };
    if (cur.b <= 0 || cur.a <= 0) return null;
  }
  return cur;
}

/** Solves the small system A·x = y by elimination with partial pivoting (null when singular). */
function solve(A: Float64Array[], y: Float64Array): Float64Array | null {
  const n = y.length;
  const m = A.map((row, i) => [...row, y[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    if (Math.abs(m[p]![c]!) < 1e-12) return null;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return Float64Array.from({ length: n }, (_, i) => m[i]![n]! / m[i]![i]!);
}

/**
 * Share of points along the ellipse with the mark's ink under them (a pixel either way), and
 * the median width of the ink across the line there.
 */
function coverage(
  mask: Uint8Array,
  w: number,
  h: number,
  cx: number,
  cy: number,
  a: number,
  b: number,
  angle: number,
  maxStroke: number,
): { cover: number; width: number } {
  const N = 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const at = (x: number, y: number): number => {
    const xi = Math.round(x);
    const yi = Math.round(y);
    return xi >= 0 && yi >= 0 && xi < w && yi < h ? mask[yi * w + xi]! : 0;
  };
  let hit = 0;
  const widths: number[] = [];
  for (let k = 0; k < N; k++) {
    const t = (2 * Math.PI * k) / N;
    const u = a * Math.cos(t);
    const v = b * Math.sin(t);
    const x = cx + u * cos - v * sin;
    const y = cy + u * sin + v * cos;
    // the outward normal
    let nu = Math.cos(t) / a;
    let nv = Math.sin(t) / b;
    const len = Math.hypot(nu, nv);
    nu /= len;
    nv /= len;
    const nx = nu * cos - nv * sin;
    const ny = nu * sin + nv * cos;
    let on = false;
    for (const d of [0, -1, 1, -2, 2]) if (at(x + d * nx, y + d * ny)) on = true;
    if (!on) continue;
    hit++;
    // ink across the line at this point, up to twice a pen's width each way
    let across = 0;
    const reach = Math.ceil(maxStroke * 2);
    for (let d = -reach; d <= reach; d++) across += at(x + d * nx, y + d * ny);
    widths.push(across);
  }
  widths.sort((p, q) => p - q);
  return { cover: hit / N, width: widths[widths.length >> 1] ?? Infinity };
}

/** The mark with the paper it encloses: every pixel the outside (4-connected) cannot reach. */
function fillHoles(mask: Uint8Array, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h).fill(1);
  const stack = new Int32Array(w * h);
  let top = 0;
  const seed = (i: number) => {
    if (out[i] && !mask[i]) {
      out[i] = 0;
      stack[top++] = i;
    }
  };
  for (let x = 0; x < w; x++) {
    seed(x);
    seed((h - 1) * w + x);
  }
  for (let y = 0; y < h; y++) {
    seed(y * w);
    seed(y * w + w - 1);
  }
  while (top > 0) {
    const i = stack[--top]!;
    const x = i % w;
    // each neighbour is taken once: it is marked as it is pushed
    if (x > 0) seed(i - 1);
    if (x < w - 1) seed(i + 1);
    if (i >= w) seed(i - w);
    if (i + w < w * h) seed(i + w);
  }
  return out;
}

/**
 * Min (erode) or max (dilate) of a 0/1 image over a (2r+1)² square, as a pass along rows and one
 * along columns, each a sliding count of the ones in the window (pixels past the edges are 0).
 */
function squarePass(src: Uint8Array, w: number, h: number, r: number, dilating: boolean): Uint8Array {
  const need = dilating ? 1 : 2 * r + 1;
  const pass = (a: Uint8Array, n: number, lines: number, step: number, stride: number) => {
    const out = new Uint8Array(a.length);
    for (let line = 0; line < lines; line++) {
      const base = line * stride;
      let count = 0;
      for (let i = 0; i < r && i < n; i++) count += a[base + i * step]!;
      for (let i = 0; i < n; i++) {
        if (i + r < n) count += a[base + (i + r) * step]!;
        if (i - r - 1 >= 0) count -= a[base + (i - r - 1) * step]!;
        out[base + i * step] = count >= need ? 1 : 0;
      }
    }
    return out;
  };
  return pass(pass(src, w, h, 1, w), h, w, w, 1);
}

/** Halves a 0/1 image each way: a pixel is 1 when any of its 2×2 block is. */
function shrinkAny(m: Uint8Array, w: number, h: number): { data: Uint8Array; w: number; h: number } {
  const sw = Math.ceil(w / 2);
  const sh = Math.ceil(h / 2);
  const out = new Uint8Array(sw * sh);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const o = (y >> 1) * sw;
    for (let x = 0; x < w; x++) if (m[row + x]) out[o + (x >> 1)] = 1;
  }
  return { data: out, w: sw, h: sh };
}

const erode = (m: Uint8Array, w: number, h: number, r: number) => squarePass(m, w, h, r, false);
const dilate = (m: Uint8Array, w: number, h: number, r: number) => squarePass(m, w, h, r, true);

/**
 * A loop round print: ink that is not the loop's own lies well inside it. A big letter "O" or a
 * ring in a logo encloses only paper.
 */
function holdsPrint(
  data: Uint8Array,
  width: number,
  height: number,
  t: number,
  c: PenCircle,
  mask: Uint8Array,
  b: { x0: number; y0: number; x1: number },
): boolean {
  const mw = b.x1 - b.x0 + 3;
  const cos = Math.cos(c.angle);
  const sin = Math.sin(c.angle);
  let ink = 0;
  const a = c.a * 0.8;
  const bb = c.b * 0.7;
  const box = ellipseBox({ ...c, a, b: bb }, 0, width, height);
  for (let y = box.y0; y <= box.y1; y++)
    for (let x = box.x0; x <= box.x1; x++) {
      const dx = x - c.cx;
      const dy = y - c.cy;
      const u = dx * cos + dy * sin;
      const v = -dx * sin + dy * cos;
      if ((u / a) ** 2 + (v / bb) ** 2 > 1) continue;
      if (data[y * width + x]! >= t) continue;
      if (mask[(y - b.y0 + 1) * mw + (x - b.x0 + 1)]) continue;
      ink++;
    }
  return ink >= 0.02 * Math.PI * a * bb;
}

/**
 * Paints the loop's stroke paper, with the grey rim a scan blurs round it. Where a letter's
 * stroke runs on through the loop (ink just past the pen line on both sides), its pixels stay.
 */
function erase(data: Uint8Array, width: number, height: number, t: number, c: PenCircle): void {
  const half = c.width / 2 + 1.5;
  const cos = Math.cos(c.angle);
  const sin = Math.sin(c.angle);
  const { x0, y0, x1, y1 } = ellipseBox(c, half + 1, width, height);
  const paper = paperOf(data, width, x0, y0, x1, y1);
  const dark = (x: number, y: number): boolean => {
    const xi = Math.round(x);
    const yi = Math.round(y);
    return xi >= 0 && yi >= 0 && xi < width && yi < height && data[yi * width + xi]! < t;
  };
  const paint: number[] = [];
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      const i = y * width + x;
      if (data[i]! >= paper) continue;
      const dx = x - c.cx;
      const dy = y - c.cy;
      const u = dx * cos + dy * sin;
      const v = -dx * sin + dy * cos;
      // distance to the ellipse, to first order: (ρ - 1) / |∇ρ|
      const gu = u / (c.a * c.a);
      const gv = v / (c.b * c.b);
      const rho = Math.sqrt(u * gu + v * gv);
      if (rho === 0) continue;
      const grad = Math.hypot(gu, gv) / rho;
      const d = (rho - 1) / grad;
      if (Math.abs(d) > half) continue;
      // the normal there, and the ink a little past the line on either side
      const nx = (gu * cos - gv * sin) / (grad * rho);
      const ny = (gu * sin + gv * cos) / (grad * rho);
      const past = half + 1.5;
      const out = -d + past;
      const inn = -d - past;
      if (dark(x + out * nx, y + out * ny) && dark(x + inn * nx, y + inn * ny)) continue;
      paint.push(i);
    }
  for (const i of paint) data[i] = paper;
}

/** The pixels an ellipse (grown by `pad`) lies in, within the image. */
function ellipseBox(
  c: Pick<PenCircle, 'cx' | 'cy' | 'a' | 'b' | 'angle'>,
  pad: number,
  width: number,
  height: number,
): { x0: number; y0: number; x1: number; y1: number } {
  const cos = Math.cos(c.angle);
  const sin = Math.sin(c.angle);
  const ex = Math.hypot(c.a * cos, c.b * sin) + pad;
  const ey = Math.hypot(c.a * sin, c.b * cos) + pad;
  return {
    x0: Math.max(0, Math.floor(c.cx - ex)),
    y0: Math.max(0, Math.floor(c.cy - ey)),
    x1: Math.min(width - 1, Math.ceil(c.cx + ex)),
    y1: Math.min(height - 1, Math.ceil(c.cy + ey)),
  };
}

/** The paper's grey round a box: a high percentile of its pixels (a loop's box is mostly paper). */
function paperOf(data: Uint8Array, width: number, x0: number, y0: number, x1: number, y1: number): number {
  const hist = new Uint32Array(256);
  let n = 0;
  for (let y = y0; y <= y1; y += 2)
    for (let x = x0; x <= x1; x += 2) {
      hist[data[y * width + x]!]!++;
      n++;
    }
  let acc = 0;
  for (let v = 0; v < 256; v++) if ((acc += hist[v]!) >= n * 0.6) return v;
  return 255;
}
