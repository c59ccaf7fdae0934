// Field doubts on real fixture bills: what an agent is asked to check, and why. A text layer read
// beside its labels (fx-001's sidebar, which a single confidence figure once marked "low" on every
// field) asks nothing; a value picked among two the bill prints says which and by what label; a
// word OCR could hardly make out on a scan or photo says it may be misread.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { intakeBill } from '../../../electron/desk/intake/bill';
import { sharedOcrPool, type OcrPool } from '../../../electron/desk/intake/ocr-pool';
import { doubtNotes, withBillConfidence } from '../../../shared/check/confidence';
import { checkFields } from '../../../shared/check/fields';
import { renderRendition } from '../../../scripts/make-bills/render';
import { renderRng } from '../../../scripts/make-bills/streams';
import type { Extraction } from '../../../shared/domain';

const BILLS = path.join(__dirname, '../../fixtures/bills');
const BUSINESS = path.join(__dirname, '../../fixtures/business');
const REGRESSIONS = path.join(__dirname, '../../fixtures/regressions');
const FIELDS = ['carrier', 'accountName', 'accountNumber', 'btn', 'serviceAddress', 'billDate'] as const;

const truthOf = (dir: string, id: string) =>
  (
    JSON.parse(fs.readFileSync(path.join(dir, 'truth', `${id}.json`), 'utf8')) as {
      truth: Record<string, unknown>;
    }
  ).truth;
const doubts = (x: Extraction, f: string) => x.meta[f]?.doubts ?? null;

describe('field doubts on text bills', () => {
  it('asks nothing of a text PDF whose labels sit in a sidebar, though its figure stays as before', async () => {
    const { extraction: x } = await intakeBill(path.join(BILLS, 'fx-001.pdf'));
    expect(x.fields.accountNumber).toBe('121944777');
    for (const f of [...FIELDS, 'numbers']) expect(doubts(x, f), f).toEqual([]);
    // the figure is kept for what ranks readings by it; it no longer marks the field
    expect(x.meta.accountNumber!.confidence).toBeLessThan(0.8);
    expect(doubtNotes(x.meta.accountNumber)).toEqual([]);
    for (const n of x.fields.numbers) expect(x.numberMeta[n]!.doubts).toEqual([]);
  });

  it('never says a text-layer value may be misread', async () => {
    const text = fs
      .readdirSync(path.join(BILLS, 'truth'))
      .map(
        (f) =>
          JSON.parse(fs.readFileSync(path.join(BILLS, 'truth', f), 'utf8')) as {
            rendition: string;
            file: string;
          },
      )
      .filter((r) => r.rendition === 'text-pdf');
    expect(text.length).toBeGreaterThan(10);
    for (const r of text) {
      const { extraction: x } = await intakeBill(path.join(BILLS, r.file));
      for (const f of [...FIELDS, 'numbers'])
        expect(
          doubts(x, f)?.filter((d) => d.kind === 'ocr'),
          `${r.file} ${f}`,
        ).toEqual([]);
    }
  });

  it('says which of two account numbers it picked, and by what label', async () => {
    const { extraction: x } = await intakeBill(path.join(BUSINESS, 'bh-001.pdf'));
    expect(x.fields.accountNumber).toBe(truthOf(BUSINESS, 'bh-001').accountNumber);
    const [d, ...more] = doubts(x, 'accountNumber')!;
    expect(more).toEqual([]);
    expect(d!.kind).toBe('layout');
    expect(d!.note).toBe(
      `Two account numbers on this bill; picked the one labelled “Account Number” over 3834637 (“Customer ID”) — check`,
    );
    // the BTN and the address were read beside their labels: nothing to check
    expect(doubts(x, 'btn')).toEqual([]);
    expect(doubts(x, 'serviceAddress')).toEqual([]);
  });

  it('says when no label named a field, and how the value was taken', async () => {
    const { extraction: x } = await intakeBill(path.join(BUSINESS, 'bo-001.pdf'));
    const t = truthOf(BUSINESS, 'bo-001');
    expect(x.fields.billDate).toBe(t.billDate);
    expect(doubts(x, 'billDate')).toEqual([
      {
        kind: 'layout',
        note: 'No label on the bill names the bill date: took the first date near the top of page 1 — check',
      },
    ]);
    expect(doubts(x, 'btn')![0]!.note).toMatch(
      /^No label on the bill names the billing telephone number: took/,
    );
    // its account number has a label of its own
    expect(doubts(x, 'accountNumber')).toEqual([]);
  });
});

describe('field doubts on OCR’d bills (real OCR)', () => {
  let pool: OcrPool;
  beforeAll(() => {
    pool = sharedOcrPool();
  });

  it(
    'a photo: the misread name says it may be misread; the cleanly read date and BTN ask nothing',
    { timeout: 120_000 },
    async () => {
      const { extraction: x } = await intakeBill(path.join(BILLS, 'fx-049.jpg'), { pool });
      const t = truthOf(BILLS, 'fx-049');
      // the photo's name picks up a stray word: the doubt is where the error is
      expect(x.fields.accountName).not.toBe(t.accountName);
      const [d] = doubts(x, 'accountName')!;
      expect(d).toMatchObject({ kind: 'ocr' });
      expect(d!.note).toMatch(
        /^Read from a scan or photo, and “\S+” was hard to make out \(\d+% sure\): it may be misread/,
      );
      expect(x.fields.billDate).toBe(t.billDate);
      expect(doubts(x, 'billDate')).toEqual([]);
      expect(x.fields.btn).toBe(t.btn);
      expect(doubts(x, 'btn')).toEqual([]);
    },
  );

  it(
    'a scan: an account number OCR read unsurely says so, and the check carries the words',
    { timeout: 120_000 },
    async () => {
      const { extraction: x } = await intakeBill(path.join(BILLS, 'fx-036.pdf'), { pool });
      const [d] = doubts(x, 'accountNumber')!;
      expect(d?.kind).toBe('ocr');
      const checks = withBillConfidence(
        checkFields(
          x.fields,
          {
            accountName: '',
            accountNumber: x.fields.accountNumber ?? '',
            btn: '',
            serviceAddress: null,
            numbersToPort: [],
          },
          x.fields.billDate ?? '2025-01-01',
        ),
        x.meta,
      );
      const acct = checks.find((c) => c.field === 'accountNumber')!;
      expect(acct.billDoubts).toEqual([d!.note]);
      expect(checks.find((c) => c.field === 'billAge')?.billDoubts).toEqual([]);
    },
  );

  it(
    'a fax: a line misread as a copy of the line above it asks the agent to check the list',
    { timeout: 180_000 },
    async () => {
      const pdf = new Uint8Array(fs.readFileSync(path.join(REGRESSIONS, 'cascade-fax-10301-s016.pdf')));
      const fax = await renderRendition('fax-tiff', pdf, 2, renderRng(10301, 15, false));
      const { extraction: x } = await intakeBill(fax.data, { pool, name: 's016.tif' });
      const { truth: t } = JSON.parse(
        fs.readFileSync(path.join(REGRESSIONS, 'cascade-fax-10301-s016.json'), 'utf8'),
      ) as { truth: { numbers: string[] } };
      // the slip: 0129 is lost under a second 0128, and nothing else is wrong with the list
      expect(t.numbers.filter((n) => !x.fields.numbers.includes(n))).toEqual(['4135550129']);
      expect(x.meta.numbers!.doubts).toContainEqual({
        kind: 'ocr',
        note: '413-555-0128 is read twice in one column on page 2: another line may have been misread as it — check the list on the bill',
      });
    },
  );
});
