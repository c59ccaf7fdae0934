// A bill that prints no bill date, only the period it bills: its bill date is the period's close
// (period-date.ts says why), with a doubt that says so. A bill date caption always wins.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { gridPage } from './grid';

const bill = (period: string, extra: string[] = []) =>
  extractBill([
    gridPage([
      'Comcast Business',
      'Account Name: Harbor Dental LLC',
      'Account Number: 8155 4471 0912 3345',
      period,
      ...extra,
      'Service Address: 12 Elm St, Boise, ID 83702',
      'Amount due: $120.00        Please pay by May 3, 2025',
      '',
      '(208) 555-0101   Business Line   $40.00',
    ]),
  ]);

describe('the bill date of a bill that prints only its billing period', () => {
  it('is the close of the period, however the carrier words it', () => {
    for (const p of [
      'Billing period: Mar 14 - Apr 13, 2025', // AT&T, Rogers
      'Billing Period: Mar 14, 2025 - Apr 13, 2025', // Verizon
      'Service period 03/14/25 to 04/13/25', // Comcast Business
      'Statement period: 03/14/2025 - 04/13/2025', // Lumen
      'For service from March 14, 2025 through April 13, 2025', // Frontier, Bell
      'Service From: 03/14/25 thru 04/13/25', // Spectrum
      'Billing cycle    Mar 14 to Apr 13, 2025', // Telus
      'For services through April 13, 2025', // 8x8
    ]) {
      const x = bill(p);
      expect(x.fields.billDate, p).toBe('2025-04-13');
      expect(
        x.meta.billDate?.doubts?.some((d) => /billing period/.test(d.note)),
        p,
      ).toBe(true);
    }
  });

  it('reads the period under its caption in a header table (Telus, Vonage)', () => {
    const f = extractBill([
      gridPage([
        'VONAGE BUSINESS',
        'Account Number        Billing Period             Amount Due',
        '8155 4471 0912        03/14/25 - 04/13/25        $120.00',
        '',
        'Customer name: Harbor Dental LLC',
        'Service address: 12 Elm St, Boise, ID 83702',
        '(208) 555-0101   Business Line   $40.00',
      ]),
    ]).fields;
    expect(f.billDate).toBe('2025-04-13');
    expect(f.accountNumber).toBe('8155 4471 0912');
  });

  it('yields to a bill date caption', () => {
    for (const caption of [
      'Statement Date: Apr 16, 2025',
      'Invoice date  04/16/2025',
      'Bill date: April 16, 2025',
    ])
      expect(bill('Billing period: Mar 14 - Apr 13, 2025', [caption]).fields.billDate, caption).toBe(
        '2025-04-16',
      );
  });

  it('reads a French bill’s period day first (Bell, Vidéotron)', () => {
    const f = extractBill([
      gridPage([
        'Bell',
        'Nom du client : Boulangerie Coté inc.',
        'Numéro de compte : 5142 8870 113',
        'Période de facturation du 14/03/2025 au 13/04/2025',
        'Adresse de service : 1200 rue Sherbrooke, Montréal (Québec) H3A 1A1',
        'Montant à payer : 120,00 $   Date d’échéance : 3 mai 2025',
        '514-555-0101   Ligne d’affaires   40,00 $',
      ]),
    ]).fields;
    expect(f.billDate).toBe('2025-04-13');
  });
});
