// A learned carrier is recognised by its name printed on the bill, its words together (on one
// line, or a logo's two lines). A business bill whose customer is "Driftwood & Co." and whose
// table sells "Voice" service carries both words of "Driftwood Voice", far apart: it took that
// carrier's profile (held-out p10307-022, a Harrowgate bill) and was read as Driftwood's.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { applyLearned, learnCarrier } from '../../../shared/extract/learn';
import { billText, namePrinted, nameTokensOf } from '../../../shared/extract/learn/identity';
import { buildDoc } from '../../../shared/extract/layout';
import { gridPage } from './grid';

const driftwood = (acct: string, name: string) => [
  'DRIFTWOOD VOICE                          Business Invoice',
  '',
  `Account Number    ${acct}              Invoice Date   06/05/2025`,
  `Account Name      ${name}`,
  'Service Address   12 Harbor Rd',
  '                  Mystic CT 06355',
  '',
  'Voice lines',
  'Number            Service                 Amount',
  '(860) 555-0124    Hosted voice seat       $24.00',
  '(860) 555-0125    Hosted voice seat       $24.00',
];

const harrowgate = [
  'HARROWGATE BUSINESS SERVICES             Statement',
  '',
  'Account Number    7731 0044 1920         Statement Date   05/28/2025',
  'Account Name      Driftwood & Co.',
  'Service Address   88 Pier St',
  '                  Mystic CT 06355',
  '',
  'Services on this account',
  'Number            Plan                    Amount',
  '(860) 555-0190    Business Voice line     $31.00',
  '(860) 555-0191    Business Voice line     $31.00',
];

const profile = learnCarrier(
  [gridPage(driftwood('DV-4410-2231', 'Saltmarsh Bakery LLC'))],
  { carrier: 'Driftwood Voice', accountName: 'Saltmarsh Bakery LLC', accountNumber: 'DV-4410-2231' },
  [],
  { at: '2026-01-01T00:00:00Z', by: 'test', bill: 'taught.pdf' },
).profile;

const textOf = (lines: string[]) => billText(buildDoc([gridPage(lines)]));

describe("a carrier's name, as recognition needs it printed", () => {
  it('is found on one line, split or run together by OCR, or on a logo of two lines', () => {
    const name = nameTokensOf('Driftwood Voice');
    expect(namePrinted(name, textOf(['DRIFTWOOD VOICE   Invoice']))).toBe(true);
    expect(namePrinted(name, textOf(['DRIFT WOOD VOlCE   Invoice']))).toBe(true);
    expect(namePrinted(name, textOf(['DRIFTWOODVOICE']))).toBe(true);
    expect(namePrinted(name, textOf(['DRIFTWOOD', 'VOICE', 'Invoice']))).toBe(true);
  });

  it('is not made of its words scattered over the page', () => {
    expect(namePrinted(nameTokensOf('Driftwood Voice'), textOf(harrowgate))).toBe(false);
  });

  it("another carrier's bill naming the customer after the learned carrier reads as with nothing learned", () => {
    const pages = [gridPage(harrowgate)];
    const plain = extractBill(pages);
    const applied = applyLearned(pages, plain, [profile]);
    expect(applied.profile).toBeNull();
    expect(applied.extraction).toEqual(plain);
  });

  it("the carrier's own next bill is still recognised", () => {
    const pages = [gridPage(driftwood('DV-5521-0087', 'Quahog Marine Supply'))];
    expect(applyLearned(pages, extractBill(pages), [profile]).profile?.id).toBe(profile.id);
  });
});
