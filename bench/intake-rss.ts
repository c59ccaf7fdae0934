// Child of bench/intake.ts: reads one bill in a fresh process and prints its peak RSS.
import fs from 'node:fs';
import { closeSharedOcrPool } from '../electron/desk/intake/ocr-pool';
import { readBillWords } from '../electron/desk/intake/pipeline';

const file = process.argv[2]!;
const t0 = performance.now();
const res = await readBillWords(fs.readFileSync(file));
await closeSharedOcrPool();
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(`${Math.round(peakMb)} MB (${res.pages.length} pages, ${Math.round(performance.now() - t0)} ms)`);
