// Connected blobs of ink in a grey page image: the marks the leader and rule erasers judge.

/** A connected mark (8-connected pixels darker than the threshold). */
export interface Blob {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Ink pixels. */
  area: number;
}

/** The blobs and, for painting a blob exactly, every row run of ink with its blob's index. */
export interface InkBlobs {
  blobs: Blob[];
  runs: { row: Int32Array; start: Int32Array; end: Int32Array; blob: Int32Array };
}

/**
 * Labels ink by row runs joined with a union-find: one pass over the pixels, memory in runs
 * rather than pixels (a page of print has a few hundred thousand runs).
 */
export function inkBlobs(data: Uint8Array, width: number, height: number, t: number): InkBlobs {
  const runStart: number[] = [];
  const runEnd: number[] = [];
  const runRow: number[] = [];
  const parent: number[] = [];
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]!]!;
      a = parent[a]!;
    }
    return a;
  };
  let prevFirst = 0;
  let prevLast = 0;
  for (let y = 0; y < height; y++) {
    const first = runStart.length;
    const row = y * width;
    let x = 0;
    while (x < width) {
      while (x < width && data[row + x]! >= t) x++;
      if (x >= width) break;
      const s = x;
      while (x < width && data[row + x]! < t) x++;
      const id = runStart.length;
      runStart.push(s);
      runEnd.push(x - 1);
      runRow.push(y);
      parent.push(id);
      // Join with runs of the previous row that touch this one (diagonals included).
      for (let p = prevFirst; p < prevLast; p++) {
        if (runEnd[p]! < s - 1) continue;
        if (runStart[p]! > x) break;
        const a = find(p);
        const b = find(id);
        if (a !== b) parent[b] = a;
      }
    }
    prevFirst = first;
    prevLast = runStart.length;
  }
  const blobs: Blob[] = [];
  const n = runStart.length;
  // A root run's blob (-1: none yet); roots are run indices, so an array serves as the map.
  const index = new Int32Array(n).fill(-1);
  const runBlob = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const len = runEnd[i]! - runStart[i]! + 1;
    let k = index[r]!;
    if (k < 0) {
      k = blobs.length;
      index[r] = k;
      blobs.push({ x0: runStart[i]!, x1: runEnd[i]!, y0: runRow[i]!, y1: runRow[i]!, area: len });
    } else {
      const b = blobs[k]!;
      if (runStart[i]! < b.x0) b.x0 = runStart[i]!;
      if (runEnd[i]! > b.x1) b.x1 = runEnd[i]!;
      if (runRow[i]! > b.y1) b.y1 = runRow[i]!;
      b.area += len;
    }
    runBlob[i] = k;
  }
  return {
    blobs,
    runs: {
      row: Int32Array.from(runRow),
      start: Int32Array.from(runStart),
      end: Int32Array.from(runEnd),
      blob: runBlob,
    },
  };
}
