// How a page image is cut into strips that are read at the same time on idle OCR workers.
//
// Strips overlap: each reaches STRIP_OVERLAP inches past its cut, and a word belongs to the
// strip on whose side of the cut its centre lies. So a cut need not find a blank row (a skewed
// scan's table has none: each row of print slants across the rows of pixels), and a word lying
// across the cut is read whole by the strip that keeps it.

/** Inches each strip reaches past its cut: more than the tallest line a word can stand in. */
const STRIP_OVERLAP = 0.2;

type PageImage = { data: Uint8Array; width: number; height: number; pointsPerPixel: number };

/** The overlap in rows of this image. */
function overlapRows(img: PageImage): number {
  return Math.round((72 / img.pointsPerPixel) * STRIP_OVERLAP);
}

/** The page in `parts` strips (one strip, the whole page, when it is not worth sharing). */
export function pageStrips(img: PageImage, parts: number): Strip[] {
  return stripsOf(img.height, cutRows(img, parts), overlapRows(img));
}

export interface Strip {
  /** Rows read (with the overlap). */
  top: number;
  end: number;
  /** Rows whose words this strip keeps (a word by its centre). */
  keepTop: number;
  keepEnd: number;
}

/**
 * Rows to cut a page at so its strips cost about the same to read. Near the balance point the
 * emptiest row is taken (a gap between lines where there is one). Returns [] when the page has
 * nothing worth sharing.
 */
export function cutRows(img: PageImage, parts: number): number[] {
  if (parts < 2) return [];
  const { data, width, height } = img;
  const dpi = 72 / img.pointsPerPixel;
  // Ink per row on every other column: plenty to tell print from paper, half the work.
  const ink = new Float64Array(height);
  let inkTotal = 0;
  for (let y = 0; y < height; y++) {
    let n = 0;
    for (let i = y * width, e = i + width; i < e; i += 2) if (data[i]! < 128) n++;
    ink[y] = n;
    inkTotal += n;
  }
  if (inkTotal === 0) return [];
  // OCR time follows the ink (recognition) and the area (binarising, layout). Fitted on sample
  // scans by timing the two strips of each cut: a row of paper costs about what a row 4%
  // inked costs in recognition.
  const areaCost = width * 0.5 * 0.04;
  const before = new Float64Array(height + 1);
  for (let y = 0; y < height; y++) before[y + 1] = before[y]! + ink[y]! + areaCost;
  const total = before[height]!;
  const overlap = overlapRows(img);
  // Where the emptiest row may be looked for around the balance point.
  const reach = Math.round(dpi * 0.12);
  const cuts: number[] = [];
  let y = 0;
  for (let k = 1; k < parts; k++) {
    const want = (total * k) / parts;
    while (y < height && before[y]! < want) y++;
    let best = -1;
    for (let c = Math.max(overlap, y - reach); c <= Math.min(height - overlap, y + reach); c++) {
      if (best < 0 || ink[c]! < ink[best]!) best = c;
    }
    // A strip must be worth its own job, and strips stay in order.
    if (best < 0 || (cuts.length && best <= cuts[cuts.length - 1]! + 2 * overlap)) break;
    if (before[best]! < total * 0.15 || before[best]! > total * 0.85) break;
    cuts.push(best);
  }
  return cuts;
}

/** The strips for these cuts, each with its overlap and the rows it keeps words from. */
export function stripsOf(height: number, cuts: number[], overlapRows: number): Strip[] {
  const edges = [0, ...cuts, height];
  return edges.slice(1).map((end, i) => {
    const keepTop = edges[i]!;
    return {
      keepTop,
      keepEnd: end,
      top: Math.max(0, keepTop - (i > 0 ? overlapRows : 0)),
      end: Math.min(height, end + (end < height ? overlapRows : 0)),
    };
  });
}
