// Email and spreadsheet intake (`npm run bench -- email`):
// - a customer's .eml carrying a three-page scanned bill (fixture fx-008, in the repo so the bench
//   runs on any checkout), read end to end (parse, unpack, body request, OCR of the bill), against
//   the same bill read alone: the email's cost;
// - the same .eml through the one-shot CLI (`desk intake x.eml --json`), whole process;
// - a 2,000-row request spreadsheet (CSV and XLSX) to the import preview on a desk with 500 cases.
//   Target: under 3 s to the preview.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { intakeEmail } from '../electron/desk/email/intake';
import { intakeBill } from '../electron/desk/intake/bill';
import { closeSharedOcrPool } from '../electron/desk/intake/ocr-pool';
import { planImport } from '../electron/desk/import/plan';
import { openDesk } from '../electron/desk/service';
import { makeEml } from '../test/support/mail-fixtures';
import { fixtureBill, fixtureRequest, requestBody } from '../test/support/request-bodies';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => `${Math.round(n)} ms`;
const time = async <T>(f: () => Promise<T>): Promise<[number, T]> => {
  const t = performance.now();
  const v = await f();
  return [performance.now() - t, v];
};
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-email-'));

try {
  const bill = fixtureBill('fx-008'); // scan-pdf, 3 pages
  const eml = await makeEml({
    fromName: 'Dana Whitfield',
    from: 'dana@customer.example',
    ...requestBody(fixtureRequest('fx-008'), 'prose'),
    attachments: [{ filename: bill.name, content: bill.bytes }],
  });
  const [cold, first] = await time(() => intakeEmail(eml, { name: 'request.eml' }));
  console.log(
    `email with a scanned bill (${(eml.length / 1024).toFixed(0)} KB .eml, ${first.bill!.pages.length} pages): first ${ms(cold)} (OCR pool cold)`,
  );
  const emailRuns: number[] = [];
  const billRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    emailRuns.push((await time(() => intakeEmail(eml, { name: 'request.eml' })))[0]);
    billRuns.push((await time(() => intakeBill(bill.bytes, { name: bill.name })))[0]);
  }
  console.log(
    `  warm, median of 3 alternating: email ${ms(median(emailRuns))}, the bill alone ${ms(median(billRuns))} (email parse + unpack + body: ${ms(median(emailRuns) - median(billRuns))})`,
  );
  await closeSharedOcrPool();
  const file = path.join(dir, 'request.eml');
  fs.writeFileSync(file, eml);
  const cli = [];
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, ['scripts/desk.mjs', 'intake', file, '--json'], {
      encoding: 'utf8',
      env: { ...process.env, PORTING_DESK_DATA: path.join(dir, 'no-store') },
    });
    if (r.status !== 0) throw new Error(r.stderr);
    cli.push(performance.now() - t);
  }
  console.log(`  CLI, whole process (desk intake request.eml --json): ${cli.map(ms).join(', ')}`);

  const desk = await openDesk({ dataDir: path.join(dir, 'desk'), autoBackup: false, door: 'bench' });
  try {
    // 500 open cases, so the duplicate rule has something to search.
    const inputs = [];
    for (let i = 0; i < 500; i++) {
      const n = `303555${String(1000 + i).slice(-4)}`;
      inputs.push({
        customer: {
          accountName: `Seed ${i}`,
          accountType: 'business' as const,
          accountNumber: `S-${i}`,
          btn: n,
          pin: null,
          losingCarrier: 'X',
          wireless: false,
        },
        authorized: { name: '', title: '', email: '', phone: '' },
        serviceAddress: { line1: '1 Main St', line2: null, city: 'Denver', state: 'CO', zip: '80202' },
        numbers: [{ number: n, action: 'port' as const, kind: 'local' as const, e911: null }],
        newBtn: null,
        focDate: null,
        focTime: null,
        flags: { dsl: false, contractTerm: false, personalCell: false },
        notes: '',
      });
    }
    await desk.deps.store.createCases(inputs, 'bench');
    const head = [
      'Location',
      'Phone',
      'BTN',
      'Acct #',
      'Service Address',
      'Suite',
      'City',
      'State',
      'Zip',
      'Port PIN',
    ];
    const rows: string[][] = [];
    for (let i = 0; i < 2000; i++) {
      const acct = 5000 + Math.floor(i / 40); // 40 locations per reseller account
      rows.push([
        `Store ${i}`,
        `${['212', '646', '917', '718', '303'][i % 5]}-555-${String(1000 + i).slice(-4)}`,
        `212-555-${String(acct % 10000).padStart(4, '0')}`,
        `A-${acct}`,
        `${100 + i} Main St`,
        i % 3 ? '' : `Suite ${i}`,
        'New York',
        'NY',
        '10001',
        '4471',
      ]);
    }
    const csv = Buffer.from([head, ...rows].map((r) => r.join(',')).join('\n'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Locations');
    ws.addRow(head);
    for (const r of rows) ws.addRow(r);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    for (const [name, bytes] of [
      ['2000-rows.csv', csv],
      ['2000-rows.xlsx', xlsx],
    ] as const) {
      const [first, plan] = await time(() => planImport(desk.deps.store, bytes, name));
      const runs = [first];
      for (let i = 1; i < 5; i++) runs.push((await time(() => planImport(desk.deps.store, bytes, name)))[0]);
      console.log(
        `import preview, ${name} (${(bytes.length / 1024).toFixed(0)} KB, ${plan.cases.length} cases, ${plan.rejected.length} rows refused): median of 5 ${ms(median(runs))}, first ${ms(runs[0]!)}`,
      );
    }
  } finally {
    await desk.close();
  }
} finally {
  await closeSharedOcrPool();
  fs.rmSync(dir, { recursive: true, force: true });
}
