// A bill's words, packed to be kept with its stored extraction: an agent's correction later
// teaches the carrier from them without reading the bill again (OCR of a scan costs seconds).
// One word is [text, x0, y0, x1, y1, conf] with boxes to a tenth of a point: about 40 bytes.
import { z } from 'zod';
import type { PageWords } from '../../domain';

const WordTuple = z.tuple([z.string(), z.number(), z.number(), z.number(), z.number(), z.number()]);

export const PackedPageSchema = z.object({
  page: z.number().int().positive(),
  width: z.number().positive(),
  height: z.number().positive(),
  source: z.enum(['text', 'ocr']),
  rotate: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]).optional(),
  words: z.array(WordTuple),
});
export const PackedWordsSchema = z.array(PackedPageSchema);
export type PackedWords = z.infer<typeof PackedWordsSchema>;

const r1 = (n: number) => Math.round(n * 10) / 10;
const r2 = (n: number) => Math.round(n * 100) / 100;

export function packWords(pages: readonly PageWords[]): PackedWords {
  return pages.map((p) => ({
    page: p.page,
    width: p.width,
    height: p.height,
    source: p.source,
    ...(p.rotate ? { rotate: p.rotate } : {}),
    words: p.words.map((w) => [w.text, r1(w.x0), r1(w.y0), r1(w.x1), r1(w.y1), r2(w.conf)] as const),
  }));
}

/** The words kept with an extraction, or null when it has none (stored before, or damaged). */
export function unpackWords(value: unknown): PageWords[] | null {
  const r = PackedWordsSchema.safeParse(value);
  if (!r.success || !r.data.length) return null;
  return r.data.map((p) => ({
    page: p.page,
    width: p.width,
    height: p.height,
    source: p.source,
    ...(p.rotate ? { rotate: p.rotate } : {}),
    words: p.words.map(([text, x0, y0, x1, y1, conf]) => ({ text, x0, y0, x1, y1, conf })),
  }));
}
