// Runs the extractor over cached word dumps of the public bills when a developer machine has them
// (.cache/words/<id>.json from the intake pipeline, truth in ../shared/eval). CI has neither: skip.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageWords } from '../../../shared/domain';
import { ExtractionSchema } from '../../../shared/domain';
import { extractBill } from '../../../shared/extract';

const WORDS = path.resolve('.cache/words');
const TRUTH = path.resolve('../shared/eval/public/truth');
const have = fs.existsSync(WORDS) && fs.existsSync(TRUTH);

interface Truth {
  id: string;
  rendition: string;
  truth: { accountNumber: string; btn: string; billDate: string; accountName: string; numbers: string[] };
}

describe.skipIf(!have)('extractBill on cached word dumps', () => {
  const recs = have
    ? fs
        .readdirSync(TRUTH)
        .map((f) => JSON.parse(fs.readFileSync(path.join(TRUTH, f), 'utf8')) as Truth)
        .filter((r) => fs.existsSync(path.join(WORDS, `${r.id}.json`)))
    : [];
  const load = (id: string) =>
    JSON.parse(fs.readFileSync(path.join(WORDS, `${id}.json`), 'utf8')) as PageWords[];

  it('returns a valid extraction for every dump', () => {
    for (const r of recs) expect(() => ExtractionSchema.parse(extractBill(load(r.id))), r.id).not.toThrow();
  });

  it('gets text-layer bills exactly right', () => {
    const acct = (s: string | null) => (s ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
    for (const r of recs.filter((x) => x.rendition === 'text-pdf')) {
      const f = extractBill(load(r.id)).fields;
      expect(acct(f.accountNumber), r.id).toBe(acct(r.truth.accountNumber));
      expect(f.btn, r.id).toBe(r.truth.btn);
      expect(f.billDate, r.id).toBe(r.truth.billDate);
      expect(new Set(f.numbers), r.id).toEqual(new Set(r.truth.numbers));
    }
  });
});
