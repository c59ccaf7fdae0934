// Request spreadsheets as resellers send them, written here: CSV (UTF-8 and Windows-1252), XLSX
// with formulas, 10,000 rows, and the bad ones (empty, old .xls, a bomb), against a real desk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, type Desk } from '../../../electron/desk/service';
import { commitImport, planImport } from '../../../electron/desk/import/plan';
import { readSheet } from '../../../electron/desk/import/read-sheet';
import { DeskError } from '../../../shared/errors';
import { zipOf } from '../email/fixtures';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-'));
let desk: Desk;
beforeAll(async () => {
  desk = await openDesk({ dataDir: dir, autoBackup: false, door: 'test' });
});
afterAll(async () => {
  await desk.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function failure(p: Promise<unknown>): Promise<DeskError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(DeskError);
    return err as DeskError;
  }
  throw new Error('expected a DeskError');
}

const HEAD = 'Customer,TN,BTN,Acct #,Service Address,Suite,City,ST,Zip,Port PIN,Port/Keep';

async function xlsx(rows: (string | number | ExcelJS.CellFormulaValue | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Locations');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('request spreadsheets', () => {
  it('groups rows into one case per account, with each location as its numbers’ E911 address', async () => {
    const csv = [
      HEAD,
      'Acme Plumbing LLC,212-555-0142,212-555-0100,8842-1197,12 Main St,Suite 200,New York,NY,10001,4471,port',
      'Acme Plumbing LLC,(212) 555-0143,212-555-0100,8842-1197,12 Main St,Suite 200,New York,NY,10001,4471,port',
      'Acme Plumbing LLC,212.555.0150,212-555-0100,8842-1197,40 Broad St,,New York,NY,10004,4471,keep',
      'Harbor Deli,973-555-0111,973-555-0110,,1 Oak Ave,,Newark,NJ,7102,,',
      'Bad Row,555-1234,,,1 Oak Ave,,Newark,NJ,07102,,',
      'Bad State,973-555-0199,973-555-0198,,1 Oak Ave,,Newark,XX,07102,,',
    ].join('\n');
    const plan = await planImport(desk.deps.store, Buffer.from(csv), 'locations.csv');
    expect(plan.mapping).toEqual([
      'accountName',
      'number',
      'btn',
      'accountNumber',
      'address',
      'line2',
      'city',
      'state',
      'zip',
      'pin',
      'action',
    ]);
    expect(plan.cases.map((c) => [c.key, c.rows])).toEqual([
      ['account 88421197', [2, 3, 4]],
      ['BTN 973-555-0110', [5]],
    ]);
    const acme = plan.cases[0]!.input;
    expect(acme.customer).toMatchObject({ accountName: 'Acme Plumbing LLC', btn: '2125550100', pin: '4471' });
    expect(acme.serviceAddress).toEqual({
      line1: '12 Main St',
      line2: 'Suite 200',
      city: 'New York',
      state: 'NY',
      zip: '10001',
    });
    expect(acme.numbers.map((n) => [n.number, n.action, n.e911?.line1 ?? null])).toEqual([
      ['2125550142', 'port', null],
      ['2125550143', 'port', null],
      ['2125550150', 'keep', '40 Broad St'],
    ]);
    expect(plan.cases[1]!.input.serviceAddress.zip).toBe('07102');
    expect(plan.rejected).toEqual([
      { row: 6, reason: expect.stringMatching(/555-1234.*not a 10-digit/) },
      { row: 7, reason: '"XX" is not a US state or Canadian province' },
    ]);
  });

  it('writes nothing on preview; commit creates the cases once and then refuses their numbers as duplicates', async () => {
    const csv = Buffer.from(
      [HEAD, 'Dup Co,303-555-0142,303-555-0140,5501,1 Elm St,,Denver,CO,80202,,'].join('\n'),
    );
    const before = (
      await desk.deps.store.listCases({
        query: '',
        status: [],
        sort: 'updated',
        dir: 'desc',
        offset: 0,
        limit: 5,
      })
    ).total;
    await planImport(desk.deps.store, csv, 'a.csv');
    expect(
      (
        await desk.deps.store.listCases({
          query: '',
          status: [],
          sort: 'updated',
          dir: 'desc',
          offset: 0,
          limit: 5,
        })
      ).total,
    ).toBe(before);
    const done = await commitImport(desk.deps.store, csv, 'a.csv', null, 'test');
    expect(done.created).toHaveLength(1);
    const again = await planImport(desk.deps.store, csv, 'a.csv');
    expect(again.cases).toEqual([]);
    expect(again.rejected[0]!.reason).toMatch(
      new RegExp(`303-555-0142 is already being ported in open case ${done.created[0]} \\(Dup Co\\)`),
    );
  });

  it('remembers a corrected mapping for the next file with the same headers', async () => {
    const csv = (n: string) => Buffer.from(['Site,Line,Ref', `Kiosk,719-555-01${n},77-${n}`].join('\n'));
    const first = await planImport(desk.deps.store, csv('11'), 'b.csv');
    expect(first.mapping).toEqual([null, 'number', null]);
    expect(first.remembered).toBe(false);
    await commitImport(
      desk.deps.store,
      csv('11'),
      'b.csv',
      ['accountName', 'number', 'accountNumber'],
      'test',
    );
    const next = await planImport(desk.deps.store, csv('12'), 'c.csv');
    expect(next.remembered).toBe(true);
    expect(next.mapping).toEqual(['accountName', 'number', 'accountNumber']);
    expect(next.cases[0]!.input.customer).toMatchObject({ accountName: 'Kiosk', accountNumber: '77-12' });
  });

  it('reads a Windows-1252 CSV (Excel on Windows) and a UTF-8 one alike', async () => {
    const text = [HEAD, 'Café Olé LLC,512-555-0142,512-555-0140,9001,5 Rue St,,Austin,TX,78701,,'].join(
      '\r\n',
    );
    const cp1252 = Buffer.from(text.replace('é', '\u00e9'), 'latin1');
    const a = await readSheet(cp1252, 'win.csv');
    const b = await readSheet(Buffer.from('\ufeff' + text, 'utf8'), 'utf8.csv');
    expect(a.encoding).toBe('windows-1252');
    expect(b.encoding).toBe('utf-8');
    expect(a.rows[0]![0]).toBe('Café Olé LLC');
    expect(a.rows).toEqual(b.rows);
  });

  it('takes an XLSX formula’s saved value and never runs it', async () => {
    const bytes = await xlsx([
      ['Company', 'Phone', 'Account', 'City', 'State', 'Zip', 'Address'],
      [
        'Formula Co',
        { formula: '"212"&"-555-0142"', result: '212-555-0142' },
        4410,
        'New York',
        'NY',
        '10001',
        '1 Main St',
      ],
      [
        'Other',
        { formula: 'WEBSERVICE("http://127.0.0.1/x")' },
        4411,
        'New York',
        'NY',
        '10001',
        '2 Main St',
      ],
    ]);
    const plan = await planImport(desk.deps.store, bytes, 'f.xlsx');
    expect(plan.format).toBe('xlsx');
    expect(plan.cases[0]!.input.numbers[0]!.number).toBe('2125550142');
    expect(plan.rejected).toEqual([{ row: 3, reason: 'no phone number' }]);
  });

  it('plans 10,000 rows', async () => {
    const lines = [HEAD];
    for (let i = 0; i < 10_000; i++)
      lines.push(
        `Big Co ${i % 50},${['212', '646', '917', '718'][i % 4]}-555-${String(100 + (i % 9900)).padStart(4, '0')},,${7000 + (i % 50)},${i} Main St,,New York,NY,10001,,`,
      );
    const plan = await planImport(desk.deps.store, Buffer.from(lines.join('\n')), 'big.csv');
    expect(plan.rowCount).toBe(10_000);
    expect(plan.cases).toHaveLength(50);
    expect(
      plan.cases.reduce((n, c) => n + c.input.numbers.length, 0) + plan.rejected.length,
    ).toBeLessThanOrEqual(10_000);
  });

  it('refuses an empty sheet, a header with no rows, an old .xls, a binary file and a bomb, each saying which', async () => {
    expect((await failure(readSheet(await xlsx([]), 'empty.xlsx'))).message).toMatch(
      /empty\.xlsx has no rows/,
    );
    expect((await failure(readSheet(Buffer.from('Phone,BTN\n\n'), 'head.csv'))).message).toMatch(
      /header row but no rows/,
    );
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ]);
    expect((await failure(readSheet(ole, 'old.xls'))).message).toMatch(/old Excel workbook \(\.xls\)/);
    expect((await failure(readSheet(Buffer.from([0, 1, 2, 3, 4, 5, 6, 7]), 'x.csv'))).message).toMatch(
      /binary file/,
    );
    const bomb = await zipOf([
      { name: 'xl/worksheets/sheet1.xml', bytes: Buffer.alloc(60 * 1024 * 1024, 0x20) },
    ]);
    const e = await failure(readSheet(bomb, 'bomb.xlsx'));
    expect(e.code).toBe('LIMIT_EXCEEDED');
    expect((await failure(readSheet(Buffer.alloc(0), 'none.csv'))).message).toMatch(/empty \(0 bytes\)/);
  });
});
