// Quebec bills (French labels, day-first dates, Canadian city lines) and accounts billed under a
// master account, read from words laid out as the page shows them.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { findDates, findDatesDayFirst, parseCityStateZip } from '../../../shared/extract/shapes';
import { accentedQcCity } from '../../../shared/extract/places-qc';
import { accentedQcName, accentedQcStreet } from '../../../shared/extract/words-qc';
import { gridPage } from './grid';

const iso = (s: string, dayFirst = false) => (dayFirst ? findDatesDayFirst : findDates)(s)[0]?.iso ?? null;

describe('French dates', () => {
  it('reads month names with or without accents, "1er", and ISO dates', () => {
    expect(iso('15 avril 2025')).toBe('2025-04-15');
    expect(iso('1er février 2025')).toBe('2025-02-01');
    expect(iso('3 fevrier 2025')).toBe('2025-02-03');
    expect(iso('12 août 2024')).toBe('2024-08-12');
    expect(iso('30 juin 2024')).toBe('2024-06-30');
    expect(iso('9 juillet 2024')).toBe('2024-07-09');
    expect(iso('2 décembre 2025')).toBe('2025-12-02');
    expect(iso('2025-04-15')).toBe('2025-04-15');
  });

  it('reads "août" whose û a scan lost or misread', () => {
    for (const mois of ['aolt', 'aoit', 'aot', 'aolit', 'AOÜT'])
      expect(iso(`4 ${mois} 2025`), mois).toBe('2025-08-04');
    // nothing else that starts with AO is a month
    expect(iso('4 aorta 2025')).toBeNull();
  });

  it('reads a "1er" whose 1 a scan read as l or I (seed 11101 hp-021: "ler avril 2024")', () => {
    expect(iso('ler avril 2024')).toBe('2024-04-01');
    expect(iso('Date de facturation  Ier mars 2024', true)).toBe('2024-03-01');
    // only before a month: a word ending in "ler" is no date
    expect(iso('Teller 12 2024')).toBe(null);
  });

  it('reads numeric dates day first on a French bill, month first elsewhere', () => {
    expect(iso('05/04/2025', true)).toBe('2025-04-05');
    expect(iso('05/04/2025')).toBe('2025-05-04');
    // a first part above 12 can only be a day, either way
    expect(iso('15/04/2025')).toBe('2025-04-15');
    expect(iso('15/04/2025', true)).toBe('2025-04-15');
  });
});

describe('Canadian city lines', () => {
  it('reads the province in parentheses, as a code, or from the postal code alone', () => {
    expect(parseCityStateZip('Montréal (Québec) H3B 4W8')).toMatchObject({
      city: 'Montréal',
      state: 'QC',
      zip: 'H3B 4W8',
    });
    expect(parseCityStateZip('Trois-Rivières QC  G9A5H1')).toMatchObject({
      city: 'Trois-Rivières',
      state: 'QC',
      zip: 'G9A 5H1',
    });
    expect(parseCityStateZip('Ottawa, Ontario K1P 1J1')).toMatchObject({ state: 'ON', zip: 'K1P 1J1' });
    expect(parseCityStateZip('Laval H7N 2R5')).toMatchObject({ city: 'Laval', state: 'QC' });
  });

  it('reads a postal code OCR put a speck or a space inside (seed 11101 hp-027: "V5H 8! N4")', () => {
    expect(parseCityStateZip('Burnaby BC V5H 8! N4')).toMatchObject({
      city: 'Burnaby',
      state: 'BC',
      zip: 'V5H 8N4',
    });
    expect(parseCityStateZip('Burnaby BC V5H 8N 4')).toMatchObject({ zip: 'V5H 8N4' });
    // a US city line stays a US one
    expect(parseCityStateZip('Boise, ID 83702')).toMatchObject({ state: 'ID', zip: '83702' });
  });

  it('reads a letter of the code OCR read twice (seed 11480 hp-027, a Borealis photo: "V1Y 3wW1")', () => {
    expect(parseCityStateZip('Kelowna, British Columbia V1Y 3wW1')).toMatchObject({
      city: 'Kelowna',
      state: 'BC',
      zip: 'V1Y 3W1',
    });
    // a code whose two letters differ is no code read twice
    expect(parseCityStateZip('Kelowna, British Columbia V1Y 3WX1')).toBeNull();
  });

  it('reads a Z of the code OCR read as a 7 (a Fleuve scan\'s "G6W 875")', () => {
    expect(parseCityStateZip('Lévis (Québec) G6W 875')).toMatchObject({
      city: 'Lévis',
      state: 'QC',
      zip: 'G6W 8Z5',
    });
    // a US ZIP with a 7 in it stays a US one
    expect(parseCityStateZip('Kent, WA 98075')).toMatchObject({ state: 'WA', zip: '98075' });
  });

  it('keeps a one-line address before the city, and repairs look-alike digits in the code', () => {
    expect(parseCityStateZip('1250, boul. René-Lévesque O., bureau 400, Montréal (Québec) H3B 4WB')).toEqual({
      city: 'Montréal',
      state: 'QC',
      zip: 'H3B 4W8',
      before: '1250, boul. René-Lévesque O., bureau 400',
    });
  });

  it('gives a Quebec city back the accents OCR dropped or swapped', () => {
    expect(accentedQcCity('Montreal')).toBe('Montréal');
    expect(accentedQcCity('Trois-Riviéres')).toBe('Trois-Rivières');
    expect(accentedQcCity('SAINT-JEROME')).toBe('SAINT-JÉRÔME');
    expect(accentedQcCity('Sherbrooke')).toBe('Sherbrooke');
  });
});

describe('a French bill', () => {
  const page = (date: string) =>
    gridPage([
      'FLEUVE télécom                                   Votre facture',
      'Titulaire du compte          Boulangerie Côté inc.',
      'Numéro de compte / Account number   2458 1998 2764',
      'Numéro principal             514 555-0170',
      `Date de facturation          ${date}`,
      "Date d'échéance              28/05/2025",
      'Adresse de service           1250, boul. René-Lévesque O., bureau 400, Montréal (Québec) H3B 4W8',
      '',
      'Montant total à payer        1 234,56 $',
      'Service à la clientèle : 1-800-555-0104     Télécopieur : 514 555-0189',
      '',
      'Numéros de téléphone',
      'Numéro            Service                        Montant',
      "514 555-0170      Ligne d'affaires principale     76,89 $",
      '514 555-0171      Ligne de télécopieur            20,13 $',
      'Lignes débranchées',
      '514 555-0160      Débranchée le 2025-04-13',
    ]);

  it('reads every field, the date day first, and never the carrier fax or a removed line', () => {
    const f = extractBill([page('05/04/2025')]).fields;
    expect(f.accountName).toBe('Boulangerie Côté inc.');
    expect(f.accountNumber).toBe('2458 1998 2764');
    expect(f.btn).toBe('5145550170');
    expect(f.billDate).toBe('2025-04-05');
    expect(f.serviceAddress).toEqual({
      line1: '1250, boul. René-Lévesque O., bureau 400',
      line2: null,
      city: 'Montréal',
      state: 'QC',
      zip: 'H3B 4W8',
    });
    expect(f.numbers).toEqual(['5145550170', '5145550171']);
    expect(extractBill([page('5 avril 2025')]).fields.billDate).toBe('2025-04-05');
  });
});

describe('master accounts and sub-accounts', () => {
  it('takes the sub-account the numbers are billed under, never the master account', () => {
    const f = extractBill([
      gridPage([
        'Master account:      4354 6767 90',
        'Sub-Account No.:     4354 6767 1768',
        'Bill Date:           12/19/2024',
        'Billing Telephone Number: 860.555.0178',
        '',
        '860.555.0178    Business Line - Main    $71.86',
      ]),
    ]).fields;
    expect(f.accountNumber).toBe('4354 6767 1768');
    // printed the other way round, and as a "Billing account"
    const g = extractBill([
      gridPage([
        'Billing account:     4768 2691 2155',
        'Master account:      4768 2691 36',
        '806-555-0181    Business Line - Main    $80.99',
      ]),
    ]).fields;
    expect(g.accountNumber).toBe('4768 2691 2155');
  });

  it('joins a short sub-account to its parent: "Account 8773 1051 / Sub-account 0044"', () => {
    const f = extractBill([
      gridPage([
        'Account:     8773 1051 / Sub-account 0044',
        'Bill Date:   09/20/2025',
        '520.555.0141    Business Line - Main    $80.99',
      ]),
    ]).fields;
    expect(f.accountNumber?.replace(/\D/g, '')).toBe('877310510044');
  });

  it('takes a master account when it is the only account the bill names', () => {
    const f = extractBill([
      gridPage(['Master Account Number: 5120 4471 09', '312-555-0101    Business Line    $20.00']),
    ]).fields;
    expect(f.accountNumber).toBe('5120 4471 09');
  });
});

describe('Quebec city names OCR bent', () => {
  it('takes back an accented letter OCR read as another glyph, in a long name only', () => {
    expect(accentedQcCity('Saint-Jérdme')).toBe('Saint-Jérôme');
    // a plain English spelling one letter from a listed city is left alone
    expect(accentedQcCity('Sherbrooks')).toBe('Sherbrooks');
  });
});

describe('Quebec streets and names OCR read without their accents', () => {
  it('puts back the accents of listed street words, in the case they were read', () => {
    expect(accentedQcStreet('57, boul. des Erables Est')).toBe('57, boul. des Érables Est');
    expect(accentedQcStreet('1393, boulevard Cote-Vertu O.')).toBe('1393, boulevard Côte-Vertu O.');
    expect(accentedQcStreet('1250, BOUL. RENE-LEVESQUE O.')).toBe('1250, BOUL. RENÉ-LÉVESQUE O.');
    expect(accentedQcStreet("12, rue de l'eglise")).toBe("12, rue de l'église");
    // one accent of two kept by OCR
    expect(accentedQcStreet('80, rue Belanger')).toBe('80, rue Bélanger');
    // words that have no accents, or that are not listed, are left as read
    expect(accentedQcStreet('300, rue Frontenac')).toBe('300, rue Frontenac');
    expect(accentedQcStreet('44, avenue Laurier O., app. 12')).toBe('44, avenue Laurier O., app. 12');
  });

  it('puts back the accents of surnames, given names and business words', () => {
    expect(accentedQcName('Melanie Coté')).toBe('Mélanie Côté');
    expect(accentedQcName('Cafe Bistro Lea')).toBe('Café Bistro Léa');
    expect(accentedQcName('GARAGE THERIAULT LTEE')).toBe('GARAGE THÉRIAULT LTÉE');
    // a name English speakers also write without accents is left as read
    expect(accentedQcName('Eric Tremblay')).toBe('Eric Tremblay');
  });

  it('reads a Quebec bill whose photo lost the accents of the street and the name', () => {
    const f = extractBill([
      gridPage([
        'Titulaire du compte          Stephane Cote',
        'Numéro de compte             2458 1998 2764',
        'Date de facturation          05/04/2025',
        "Date d'échéance              28/05/2025",
        'Adresse de service           57, boul. des Erables Est, Saint-Jerome (Quebec) J7Z 3B7',
        '514 555-0170      Ligne résidentielle     36,89 $',
      ]),
    ]).fields;
    expect(f.accountName).toBe('Stéphane Côté');
    expect(f.serviceAddress).toMatchObject({ line1: '57, boul. des Érables Est', city: 'Saint-Jérôme' });
  });

  it('leaves a name on a bill from elsewhere as read', () => {
    const f = extractBill([
      gridPage([
        'Account Name:     Rene Cote',
        'Account Number:   2458 1998 2764',
        'Bill Date:        05/04/2025',
        'Service Address:  12 Main St, Burlington, VT 05401',
        '802-555-0170      Business Line    $36.89',
      ]),
    ]).fields;
    expect(f.accountName).toBe('Rene Cote');
  });
});

describe('legal forms OCR bent', () => {
  it('reads "Lid." at the end of a name as Ltd., and splits a glued French form', async () => {
    const { cleanName } = await import('../../../shared/extract/fields');
    expect(cleanName('Okonkwo Brewing Company Lid.')).toBe('Okonkwo Brewing Company Ltd.');
    expect(cleanName('Services Techniques Poirierinc.')).toBe('Services Techniques Poirier inc.');
  });
});

describe('a ZIP+4 a scan broke', () => {
  it('keeps the five digits when the +4 is garbled or carried to a line of its own', async () => {
    const { parseAddressLines } = await import('../../../shared/extract/fields');
    expect(parseCityStateZip('Providence, RI 02903-3(')).toMatchObject({ zip: '02903', state: 'RI' });
    expect(parseCityStateZip('Billings, MT 59101-9 249')?.zip).toBe('59101-9249');
    expect(
      parseAddressLines(['2728 Harrison Way', 'Apt 891', '-3012', 'Providence, RI 02903-3('])?.address,
    ).toEqual({
      line1: '2728 Harrison Way',
      line2: 'Apt 891',
      city: 'Providence',
      state: 'RI',
      zip: '02903',
    });
  });
});
