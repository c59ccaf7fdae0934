// What the cut-name look costs: the held-out regression bills (test/fixtures/regressions, scanned
// or photographed from their text PDFs with the generator's seeded streams) are read once, then
// the look alone (finding unread ink beside the name, one crop read, the bill re-read) is timed.
// It should cost nothing where a name's line has no unread ink, and one small crop where it has.
//   npm run bench -- name-look
import fs from 'node:fs';
import path from 'node:path';
import { closeSharedOcrPool } from '../electron/desk/intake/ocr-pool';
import { readBillWords } from '../electron/desk/intake/pipeline';
import { renderRendition } from '../scripts/make-bills/render';
import { renderRng } from '../scripts/make-bills/streams';
import { extractBill } from '../shared/extract';
import { CUT_NAME_LOOK, cutNameRegion, nameLines, settleCutName, withLooks } from '../shared/extract/learn';

const DIR = path.join(import.meta.dirname, '../test/fixtures/regressions');
/** name, seed, bill index, rendition, business suite (a fax-header fork before the render's) */
const BILLS: Array<[string, number, number, 'scan-pdf' | 'photo', boolean]> = [
  ['lakeshore-scan-10901-ho008', 10901, 7, 'scan-pdf', false],
  ['tamarack-photo-10901-ho019', 10901, 18, 'photo', true],
  ['lakeshore-scan-10502-hp008', 10502, 7, 'scan-pdf', false],
  ['cascade-scan-10501-hs003', 10501, 2, 'scan-pdf', false],
  ['tidewater-scan-10501-hs012', 10501, 11, 'scan-pdf', false],
  ['yunque-photo-10502-hp029', 10502, 28, 'photo', false],
  ['redwood-photo-10502-hp007', 10502, 6, 'photo', false],
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;

async function main(): Promise<void> {
  const reads: number[] = [];
  const looks: number[] = [];
  let fired = 0;
  for (const [name, seed, i, kind, business] of BILLS) {
    const truth = JSON.parse(fs.readFileSync(path.join(DIR, `${name}.json`), 'utf8')) as { pages: number };
    const pdf = new Uint8Array(fs.readFileSync(path.join(DIR, `${name}.pdf`)));
    const rendition = kind === 'photo' && truth.pages > 1 ? 'photo-pages' : kind;
    const bill = await renderRendition(rendition, pdf, truth.pages, renderRng(seed, i, business));
    const t0 = performance.now();
    const words = await readBillWords(bill.data, { keepPictures: true, name });
    const first = extractBill(words.pages);
    const t1 = performance.now();
    let note = 'no unread ink';
    if (words.look && words.inkBeside) {
      for (const line of nameLines(words.pages, first)) {
        const ink = words.inkBeside(line, words.pages.find((p) => p.page === line.page)?.words ?? []);
        if (!ink) continue;
        fired++;
        const region = cutNameRegion(line, ink);
        const again = withLooks(words.pages, [region], [await words.look(region, CUT_NAME_LOOK)]);
        const settled = settleCutName(first, extractBill(again));
        note = `"${first.fields.accountName}" -> "${settled.fields.accountName}"`;
        break;
      }
    }
    const t2 = performance.now();
    reads.push(t1 - t0);
    looks.push(t2 - t1);
    console.log(
      `${name.padEnd(30)} read+extract ${((t1 - t0) / 1000).toFixed(2)} s  look ${(t2 - t1).toFixed(0).padStart(4)} ms  ${note}`,
    );
  }
  console.log(
    `${BILLS.length} bills: look fired on ${fired}; median read+extract ${(median(reads) / 1000).toFixed(2)} s, ` +
      `median look ${median(looks).toFixed(0)} ms, max look ${Math.max(...looks).toFixed(0)} ms`,
  );
  await closeSharedOcrPool();
}

void main();
