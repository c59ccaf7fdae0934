// Dumps the words the intake pipeline reads from bills, one JSON file (PageWords[]) per bill,
// so the extractor can be developed and tested without re-running OCR.
//   npx tsx scripts/dump-words.ts <file…> [--out .cache/words]
import fs from 'node:fs/promises';
import path from 'node:path';
import { closeSharedOcrPool } from '../electron/desk/intake/ocr-pool';
import { readBillWords } from '../electron/desk/intake/pipeline';

async function main(argv: string[]): Promise<number> {
  let out = '.cache/words';
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = argv[++i] ?? out;
    else files.push(argv[i]!);
  }
  if (!files.length) {
    process.stderr.write('usage: tsx scripts/dump-words.ts <file…> [--out dir]\n');
    return 2;
  }
  await fs.mkdir(out, { recursive: true });
  let failed = 0;
  try {
    for (const file of files) {
      const t0 = performance.now();
      try {
        const res = await readBillWords(file);
        const base = path.basename(file).replace(/\.[^.]+$/, '');
        await fs.writeFile(path.join(out, `${base}.json`), JSON.stringify(res.pages));
        const n = res.pages.reduce((s, p) => s + p.words.length, 0);
        process.stderr.write(
          `${path.basename(file)}: ${res.renditionHint}, ${res.pages.length} page(s), ${n} words, ${Math.round(performance.now() - t0)} ms\n`,
        );
      } catch (err) {
        failed++;
        process.stderr.write(`${path.basename(file)}: error: ${(err as Error).message}\n`);
      }
    }
  } finally {
    await closeSharedOcrPool();
  }
  return failed ? 1 : 0;
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
