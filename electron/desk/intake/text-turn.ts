// Which way a text layer's page is read. A bill's text layer is not always upright: a landscape
// page can be drawn turned inside a portrait box with no /Rotate (the agent turns the viewer),
// and upright pages carry strips of text up their margins (a document id, a print-run code, the
// stub's account digits printed sideways). The extractor reads lines left to right, so the page
// is turned until most of its text reads that way, and text running across those lines is set
// aside: laid flat where it starts, a vertical strip would lie across the lines it crosses.
import type { PageWords } from '../../../shared/domain';

export type Turn = 0 | 90 | 180 | 270;

/** Degrees within which a run counts as running along one of the four axes. */
const AXIS_SLACK = 10;
/** Characters a page needs along one axis before its text may turn it (a few words decide nothing). */
const MIN_TURN_CHARS = 80;
/** Share of the axis-aligned characters the winning direction needs to turn a page. */
const MIN_TURN_SHARE = 0.6;

/**
 * The axis a run reads along, as the clockwise degrees it points to on the page (device space,
 * y down: 0 = left to right, 90 = top to bottom, 180 = upside down, 270 = bottom to top), or
 * null for a slanted run (a diagonal watermark).
 */
export function runAxis(dx: number, dy: number): Turn | null {
  if (!dx && !dy) return 0;
  const deg = ((Math.atan2(dy, dx) * 180) / Math.PI + 360) % 360;
  for (const axis of [0, 90, 180, 270, 360] as const) {
    if (Math.abs(deg - axis) <= AXIS_SLACK) return (axis % 360) as Turn;
  }
  return null;
}

/**
 * The clockwise turn that makes most of a page's text read left to right, from the characters
 * counted along each axis. Upright unless one other direction clearly holds the page.
 */
export function pageTurn(charsByAxis: Record<Turn, number>): Turn {
  const axes = [0, 90, 180, 270] as const;
  const total = axes.reduce<number>((s, a) => s + charsByAxis[a], 0);
  let best: Turn = 0;
  for (const a of axes) if (charsByAxis[a] > charsByAxis[best]) best = a;
  if (best === 0 || charsByAxis[best] < MIN_TURN_CHARS || charsByAxis[best] < total * MIN_TURN_SHARE)
    return 0;
  // Text pointing at `best` degrees reads left to right once the page turns the other way round.
  return ((360 - best) % 360) as Turn;
}

/** A point of a width x height page, on the page turned `turn` degrees clockwise. */
export function turnPoint(x: number, y: number, width: number, height: number, turn: Turn): [number, number] {
  switch (turn) {
    case 90:
      return [height - y, x];
    case 180:
      return [width - x, height - y];
    case 270:
      return [y, width - x];
    default:
      return [x, y];
  }
}

/** The size of a width x height page turned `turn` degrees. */
export function turnedSize(width: number, height: number, turn: Turn): { width: number; height: number } {
  return turn === 90 || turn === 270 ? { width: height, height: width } : { width, height };
}

/** The turn recorded on a page's words: absent when upright, as the OCR path records it. */
export function turnField(turn: Turn): Pick<PageWords, 'rotate'> {
  return turn ? { rotate: turn } : {};
}
