// Quebec bills and master/sub-account bills from scripts/make-bills (test/fixtures/business
// bq-*, text PDFs with their truth), read through the whole intake: the text layer as committed,
// and a scan and a phone photo rendered here from the same PDFs with the generator's own seeded
// renditions, through real OCR.
import { beforeAll, describe, expect, it } from 'vitest';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { sharedOcrPool, type OcrPool } from '../../../electron/desk/intake/ocr-pool';
import { renderRendition } from '../../../scripts/make-bills/render';
import { Rng } from '../../../scripts/make-bills/rng';
import { alnum, pdfOf, requestOf, truthOf, type BusinessTruth } from '../../support/business-fixtures';
import { addrEqual, normName } from '../../../scripts/eval/normalize.mjs';
import type { BillFields } from '../../../shared/domain';
import { evalChecks } from '../../../shared/check/eval';
import { runChecks } from '../../../shared/check/run';
import { requestToCaseInput } from '../../../shared/request';

type Truth = BusinessTruth;

/** The fields as the eval scores them: accents count (the eval's normalization keeps them apart). */
function expectScored(f: BillFields, t: Truth['truth'], id: string): void {
  expect(normName(f.accountName), `${id} name`).toBe(normName(t.accountName));
  expect(alnum(f.accountNumber), `${id} account`).toBe(alnum(t.accountNumber));
  expect(f.btn, `${id} btn`).toBe(t.btn);
  expect(f.billDate, `${id} date`).toBe(t.billDate);
  expect(addrEqual(f.serviceAddress, t.serviceAddress), `${id} ${JSON.stringify(f.serviceAddress)}`).toBe(
    true,
  );
}

describe('Quebec and sub-account bills through the text layer', () => {
  it('has French bills and both sub-account styles', () => {
    expect(truthOf('bq-001').template).toBe('fleuve-telecom');
    expect(truthOf('bq-003').template).toBe('fleuve-telecom');
    expect(truthOf('bq-002').template).toBe('harrow-business');
    expect(truthOf('bq-004').template).toBe('harrow-business');
  });

  it('reads every field as printed, accents and postal code included, and checks the request', async () => {
    for (const id of ['bq-001', 'bq-002', 'bq-003', 'bq-004']) {
      const t = truthOf(id);
      const f = (await intakeBill(pdfOf(id), { name: `${id}.pdf` })).extraction.fields;
      expectScored(f, t.truth, id);
      expect(f.accountName, id).toBe(t.truth.accountName);
      expect(f.serviceAddress?.city, id).toBe(t.truth.serviceAddress.city);
      expect(f.serviceAddress?.zip, id).toBe(t.truth.serviceAddress.zip);
      expect(new Set(f.numbers), `${id} numbers`).toEqual(new Set(t.truth.numbers));
      expect(evalChecks(f, requestOf(id)), `${id} checks`).toEqual(t.expected.verdicts);
    }
  });

  it('takes the sub-account, never the master account', async () => {
    // bq-002 prints "Master account 7710 9518 05" above "Sub-account 7710 9518 7720"
    const f = (await intakeBill(pdfOf('bq-002'), { name: 'bq-002.pdf' })).extraction.fields;
    expect(alnum(f.accountNumber)).toBe(alnum(truthOf('bq-002').truth.accountNumber));
    expect(alnum(f.accountNumber)).not.toBe('7710951805');
    // bq-004 prints "Account: 5243 3588 / Sub-Account No. 6761": the port names both parts
    const g = (await intakeBill(pdfOf('bq-004'), { name: 'bq-004.pdf' })).extraction.fields;
    expect(alnum(g.accountNumber)).toBe('524335886761');
  });

  it('flags the Quebec numbers as Canadian, for their own request flow', async () => {
    const id = 'bq-003';
    const f = (await intakeBill(pdfOf(id), { name: `${id}.pdf` })).extraction.fields;
    const req = requestOf(id);
    const report = runChecks({
      caseId: null,
      input: requestToCaseInput(req, f),
      bill: f,
      asOf: req.asOf,
      ranAt: '2025-10-30T12:00:00Z',
    });
    const canadian = report.rules.find((r) => r.id === 'canadian');
    expect(canadian, JSON.stringify(report.rules.map((r) => r.id))).toBeDefined();
    expect(canadian!.numbers?.length).toBe(req.numbersToPort.length);
  });
});

describe('Quebec bills through OCR', () => {
  let pool: OcrPool;
  beforeAll(() => {
    pool = sharedOcrPool();
  });

  it(
    'reads a scanned French bill: day-first date, postal code, province and accented city',
    {
      timeout: 180_000,
    },
    async () => {
      const id = 'bq-003';
      const t = truthOf(id);
      const scan = (await renderRendition('scan-pdf', pdfOf(id), t.pages, new Rng(5))).data;
      const res = await intakeBill(scan, { pool, name: `${id}.pdf` });
      expect(res.renditionHint).toBe('scan-pdf');
      const f = res.extraction.fields;
      expect(f.billDate).toBe(t.truth.billDate);
      expect(f.serviceAddress?.zip).toBe(t.truth.serviceAddress.zip);
      expect(f.serviceAddress?.state).toBe('QC');
      expect(f.serviceAddress?.city).toBe(t.truth.serviceAddress.city);
      expect(alnum(f.accountNumber)).toBe(alnum(t.truth.accountNumber));
      expect(new Set(f.numbers)).toEqual(new Set(t.truth.numbers));
    },
  );

  it('reads a photographed French bill', { timeout: 180_000 }, async () => {
    const id = 'bq-001';
    const t = truthOf(id);
    const photo = await renderRendition('photo', pdfOf(id), t.pages, new Rng(3));
    const res = await intakeBill(photo.data, { pool, name: `${id}.${photo.ext}` });
    const f = res.extraction.fields;
    expect(f.billDate).toBe(t.truth.billDate);
    expect(f.btn).toBe(t.truth.btn);
    expect(alnum(f.accountNumber)).toBe(alnum(t.truth.accountNumber));
    expect(f.serviceAddress?.zip).toBe(t.truth.serviceAddress.zip);
    expect(f.serviceAddress?.city).toBe(t.truth.serviceAddress.city);
    expect(new Set(f.numbers)).toEqual(new Set(t.truth.numbers));
  });
});
