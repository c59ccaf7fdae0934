// Words as OCR read a held-out bill (scripts/dump-words.ts, trimmed), committed under
// test/fixtures/words: an extractor test on real OCR output without running OCR.
import fs from 'node:fs';
import path from 'node:path';
import type { PageWords } from '../../../shared/domain';

export function wordDump(name: string): PageWords[] {
  const file = path.resolve(__dirname, `../../fixtures/words/${name}.words.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as PageWords[];
}
