// Which producer draws a bill of a producer rendition, from a stream of its own: the bill, its
// layout and its request are the ones `text-pdf` gives in the same slot.
import { glyphProducer, PRODUCER_RENDITIONS, shuffledProducer, typesetProducer } from './producers';
import type { Producer, ProducerRendition } from './producers';
import { outlineProducer } from './outlines';
import { Rng } from './rng';
import { styledProducer } from './styled-text';

export const isProducer = (r: string): r is ProducerRendition =>
  (PRODUCER_RENDITIONS as readonly string[]).includes(r);

/** Bill `i`'s producer under `seed` for `rendition`, or undefined when it is not a producer rendition. */
export function producerFor(rendition: string, seed: number, i: number): Producer | undefined {
  if (!isProducer(rendition)) return undefined;
  const rng = new Rng((Math.imul(seed, 2246822519) ^ (i * 69069 + 0x70726f64)) >>> 0);
  if (rendition === 'glyph-pdf') return glyphProducer(rng);
  if (rendition === 'shuffled-pdf') return shuffledProducer(rng);
  if (rendition === 'styled-pdf') return styledProducer(rng);
  if (rendition === 'outline-pdf') return outlineProducer(rng);
  return typesetProducer(rng);
}
