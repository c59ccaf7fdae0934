// Where a page image may be cut into strips that are read at the same time on idle OCR workers.

/**
 * Rows to cut a page at so its strips cost about the same to read: the
 * middles of blank gaps between lines of print, never through a line. Returns [] when the page
 * has no such gap worth cutting at.
 */
export function cutRows(
  img: { data: Uint8Array; width: number; height: number; pointsPerPixel: number },
  parts: number,
): number[] {
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
  // OCR time follows the ink (recognition) and the area (binarising, layout): measured on the
  // sample scans, a row of paper costs about what a row 2% inked costs in recognition.
  const areaCost = width * 0.5 * 0.02;
  const total = inkTotal + areaCost * height;
  // Scan noise leaves a few dark pixels on an empty row.
  const blank = Math.max(2, width * 0.001);
  const minGap = Math.max(4, Math.round(dpi * 0.04));
  const candidates: Array<{ y: number; before: number }> = [];
  let acc = 0;
  let gapStart = -1;
  for (let y = 0; y < height; y++) {
    if (ink[y]! <= blank) {
      if (gapStart < 0) gapStart = y;
    } else {
      if (gapStart >= 0 && y - gapStart >= minGap && gapStart > 0) {
        candidates.push({ y: Math.round((gapStart + y) / 2), before: acc });
      }
      gapStart = -1;
    }
    acc += ink[y]! + areaCost;
  }
  const cuts: number[] = [];
  for (let k = 1; k < parts; k++) {
    const want = (total * k) / parts;
    let best: { y: number; before: number } | undefined;
    for (const c of candidates) {
      if (cuts.length && c.y <= cuts[cuts.length - 1]!) continue;
      if (!best || Math.abs(c.before - want) < Math.abs(best.before - want)) best = c;
    }
    // A cut that leaves one strip with almost everything is not worth a second job.
    if (!best || best.before < total * 0.15 || best.before > total * 0.85) break;
    cuts.push(best.y);
  }
  return cuts;
}
