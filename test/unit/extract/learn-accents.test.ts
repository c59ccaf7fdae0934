// A Quebec customer's name whose accents OCR dropped: the generic reader puts them back
// ("Benoit" -> "Benoît"); a learned place reads the same print, and must not take the accents off
// again (fleuve c10304-008 read "Benoît Pelletier" without a profile, "Benoit Pelletier" with one).
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { applyLearned, learnCarrier } from '../../../shared/extract/learn';
import { gridPage } from './grid';

const bill = (name: string, acct: string, street: string, city: string) => [
  'FLEUVE TELECOM                          Votre facture / Your bill',
  '',
  `Titulaire du compte / Account holder    ${name}`,
  `Numero de compte / Account number       ${acct}`,
  'Date de la facture / Bill date          2024-08-21',
  `Adresse de service / Service address    ${street}`,
  `                                        ${city}`,
  '',
  'Vos lignes',
  'Numero       Service                 Montant',
  '(418) 555-0124  Ligne residentielle   20,21 $',
];

const profile = learnCarrier(
  [
    gridPage(
      bill('Stéphane Pelletier', '3683 1346 2275', '6559, chemin René-Lévesque', 'Saguenay QC G7J 2X3'),
    ),
  ],
  {
    carrier: 'Fleuve Télécom',
    accountName: 'Stéphane Pelletier',
    accountNumber: '3683 1346 2275',
  },
  [],
  { at: '2026-01-01T00:00:00Z', by: 'test', bill: 'taught.pdf' },
).profile;

describe('a learned name on a Quebec bill whose accents OCR dropped', () => {
  const pages = [
    gridPage(bill('Benoit Pelletier', '8846 0618 7774', '456, boul. Notre-Dame', 'Quebec QC G1V 4N3'), {
      source: 'ocr',
      conf: 0.95,
    }),
  ];
  const generic = extractBill(pages);

  it('keeps the accents the generic reader put back', () => {
    expect(generic.fields.accountName).toBe('Benoît Pelletier');
    const { extraction, sources } = applyLearned(pages, generic, [profile]);
    expect(sources.accountName).toBe('learned');
    expect(extraction.fields.accountName).toBe('Benoît Pelletier');
  });
});
