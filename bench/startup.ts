// Start-up of a one-shot command: `npx tsx bench/startup.ts` (or `npm run bench -- startup`; the
// intake benchmark prints the same figure at its end). Issue 17's target is a text PDF through
// `npm run -s desk -- intake … --json` under 0.6 s end to end; npm itself takes ~0.2 s of that,
// so the desk's own part is printed beside it (node scripts/desk.mjs), and the floor under both:
// `desk --help` (Node, the freshness check, the CLI bundle) and a bare `node -e 0`.
// Build first (npm run -s build): scripts/desk.mjs runs the bundle only when it is fresh.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { alternate, DESK, fmt, report, ROOT, timed } from './whole-process';

const TEXT_PDF = path.resolve(ROOT, '../shared/eval/public/pub-001.pdf');
const RUNS = 15;

/** A text PDF through the CLI with npm and without, in alternating runs. */
export function textPdfStartup(file: string, runs = RUNS): void {
  report(
    `text PDF ${path.basename(file)}, start to exit`,
    alternate(
      runs,
      () => timed(['npm', 'run', '-s', 'desk', '--', 'intake', file, '--json']),
      () => timed([...DESK, 'intake', file, '--json']),
    ),
    'npm run -s desk',
    'node scripts/desk.mjs',
  );
}

function main(): void {
  const bundle = path.join(ROOT, 'dist/electron/cli.mjs');
  if (!fs.existsSync(bundle)) console.log('no dist/electron/cli.mjs: run `npm run -s build` first');
  const caches = fs.existsSync(path.join(ROOT, 'dist/electron/pdfjs'))
    ? fs.readdirSync(path.join(ROOT, 'dist/electron/pdfjs')).filter((f) => f.endsWith('.v8cache')).length
    : 0;
  // The first run writes pdfjs' code cache; alternate() warms each command up once before counting.
  console.log(`pdfjs code caches present before the runs: ${caches}`);
  if (fs.existsSync(TEXT_PDF)) textPdfStartup(TEXT_PDF);
  else console.log(`no ${TEXT_PDF}: the text-PDF figure needs the shared eval set`);
  report(
    'desk --help',
    alternate(
      RUNS,
      () => timed([...DESK, '--help']),
      () => timed(['node', '-e', '0']),
    ),
    'node scripts/desk.mjs --help',
    'node -e 0',
  );
  console.log(`(ms are medians; ${fmt(RUNS)} alternating runs each after one warm-up)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
