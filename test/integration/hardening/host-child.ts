// The browser host as a child process for the crash and concurrency tests: the real startHost
// over the real desk on PORTING_DESK_DATA. It loads every module first, says "loaded", and
// opens the desk only when told "go" on stdin, so the test can load the next host while the
// current one is still taking writes (loading is most of a start on a busy machine). With
// PORTING_DESK_DATABASE_URL and DESK_TEAM=1 it is a team host on that PostgreSQL (loopback HTTP).
import path from 'node:path';
import readline from 'node:readline';
import { startHost } from '../../../electron/host';
import fs from 'node:fs';
import '../../../electron/desk/service';
import '../../../electron/desk/intake/bill';
import { openPdf } from '../../../electron/desk/intake/pdf-text';

const dataDir = process.env.PORTING_DESK_DATA ?? '';
// pdfjs loads itself (and its in-process worker) on the first PDF: do that now, not mid-test.
const warm = process.env.DESK_WARM_PDF;
if (warm) await (await openPdf(fs.readFileSync(warm))).destroy();
process.stdout.write('loaded\n');
const lines = readline.createInterface({ input: process.stdin });
lines.once('line', () => {
  lines.close();
  const databaseUrl = process.env.PORTING_DESK_DATABASE_URL || null;
  void startHost({
    dataDir,
    databaseUrl,
    rendererDir: path.join(dataDir, 'no-renderer'),
    port: 0,
    ...(process.env.DESK_TEAM === '1' ? { team: { tls: null } } : {}),
  }).then((host) => {
    process.stdout.write(`Porting Desk is running at ${host.url}\n`);
    process.on('SIGTERM', () => {
      void host.close().then(() => process.exit(0));
    });
  });
});
