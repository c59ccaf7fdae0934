// A French (Quebec) bill prints its numeric dates day first, and the generic reader reads them so;
// a learned place must read the same print the same way (fleuve la-065 of dev seed 11500: the
// generic reader read "09/12/2025" as December 9, the learned place as September 12, and won).
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { applyLearned, learnCarrier } from '../../../shared/extract/learn';
import { gridPage } from './grid';

const bill = (name: string, acct: string, date: string) => [
  'FLEUVE TELECOM                          Votre facture / Your bill',
  '',
  `Titulaire du compte / Account holder    ${name}`,
  `Numero de compte / Account number       ${acct}`,
  `Date de la facture / Bill date          ${date}`,
  'Periode de facturation / Billing period du 05/11/2025 au 06/12/2025',
  'Adresse de service / Service address    456, boul. Notre-Dame',
  '                                        Quebec QC G1V 4N3',
  '',
  'Vos lignes / Your lines',
  'Numero       Service                 Montant',
  '(418) 555-0124  Ligne residentielle   20,21 $',
];

const profile = learnCarrier(
  [gridPage(bill('Stephane Pelletier', '3683 1346 2275', '21/08/2024'))],
  {
    carrier: 'Fleuve Télécom',
    accountName: 'Stephane Pelletier',
    accountNumber: '3683 1346 2275',
    billDate: '2024-08-21',
  },
  [],
  { at: '2026-01-01T00:00:00Z', by: 'test', bill: 'taught.pdf' },
).profile;

describe('a learned bill date on a bill that prints dates day first', () => {
  it('is learned from the taught bill', () => {
    expect(profile.fields.billDate?.anchors.length).toBeGreaterThan(0);
  });

  it('reads the next bill day first, as the generic reader does', () => {
    const pages = [
      gridPage(bill('Benoit Tremblay', '8846 0618 7774', '09/12/2025'), { source: 'ocr', conf: 0.95 }),
    ];
    const generic = extractBill(pages);
    expect(generic.fields.billDate).toBe('2025-12-09');
    const { extraction, sources } = applyLearned(pages, generic, [profile]);
    expect(sources.billDate).toBe('learned');
    expect(extraction.fields.billDate).toBe('2025-12-09');
  });
});
