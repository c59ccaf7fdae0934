// Extraction speed: `npx tsx bench/extract.ts` (or `npm run bench -- extract`).
// extractBill alone (words in, fields out) on text-layer bills: the public samples, the classic
// fixtures and the business fixtures (60-250 numbers over up to ten pages). The words are read
// once beforehand; each bill's first extraction is timed on its own (what one `desk intake`
// pays), then the median of further rounds (a batch, with the extractor's caches warm).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pdfTextWords } from '../electron/desk/intake/pdf-text';
import type { PageWords } from '../shared/domain';
import { extractBill } from '../shared/extract';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SETS: [string, string][] = [
  ['public', path.resolve(ROOT, '../shared/eval/public')], // the eval set beside the repo, where present
  ['fixtures', path.join(ROOT, 'test/fixtures/bills')],
  ['business', path.join(ROOT, 'test/fixtures/business')],
];
const ROUNDS = 5;

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]! : NaN;
};

async function textBills(dir: string): Promise<{ id: string; pages: PageWords[]; words: number }[]> {
  if (!fs.existsSync(path.join(dir, 'truth'))) return [];
  const out: { id: string; pages: PageWords[]; words: number }[] = [];
  for (const f of fs.readdirSync(path.join(dir, 'truth')).sort()) {
    const t = JSON.parse(fs.readFileSync(path.join(dir, 'truth', f), 'utf8')) as {
      id: string;
      file: string;
      rendition: string;
    };
    if (t.rendition !== 'text-pdf') continue;
    const pages = await pdfTextWords(new Uint8Array(fs.readFileSync(path.join(dir, t.file))));
    out.push({ id: t.id, pages, words: pages.reduce((n, p) => n + p.words.length, 0) });
  }
  return out;
}

console.log(
  'set        bills  words/bill  first ms p50  first ms p90  first ms max  warm ms p50  warm ms max',
);
for (const [name, dir] of SETS) {
  const bills = await textBills(dir);
  if (!bills.length) {
    console.log(`${name.padEnd(10)} (not here)`);
    continue;
  }
  const first: number[] = [];
  for (const b of bills) {
    const t0 = performance.now();
    extractBill(b.pages);
    first.push(performance.now() - t0);
  }
  const warm: number[] = [];
  for (const b of bills) {
    const ts: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      extractBill(b.pages);
      ts.push(performance.now() - t0);
    }
    warm.push(q(ts, 0.5));
  }
  const f = (n: number) => n.toFixed(1).padStart(12);
  console.log(
    `${name.padEnd(10)} ${String(bills.length).padStart(5)} ${String(
      Math.round(
        q(
          bills.map((b) => b.words),
          0.5,
        ),
      ),
    ).padStart(
      11,
    )} ${f(q(first, 0.5))}  ${f(q(first, 0.9))}  ${f(Math.max(...first))} ${f(q(warm, 0.5))} ${f(Math.max(...warm))}`,
  );
}
