// Puerto Rico bills in Spanish only (labels, day-first dates, island addresses that open with an
// urbanization or condominium), read from words laid out as the page shows them.
import { describe, expect, it } from 'vitest';
import { extractBill } from '../../../shared/extract';
import { parseAddressLines } from '../../../shared/extract/fields';
import { findDates, findDatesDayFirst } from '../../../shared/extract/shapes';
import { accentedPrName } from '../../../shared/extract/words-pr';
import { gridPage } from './grid';
import { wordDump } from './word-dumps';

const iso = (s: string, dayFirst = false) => (dayFirst ? findDatesDayFirst : findDates)(s)[0]?.iso ?? null;

describe('Spanish dates', () => {
  it('reads "15 de marzo de 2025" and day-month-year with Spanish month abbreviations', () => {
    expect(iso('15 de marzo de 2025')).toBe('2025-03-15');
    expect(iso('3 de enero de 2025')).toBe('2025-01-03');
    expect(iso('Fecha de emisión: 19 de agosto de 2024')).toBe('2024-08-19');
    expect(iso('1 de diciembre de 2024')).toBe('2024-12-01');
    expect(iso('22 de abril del 2025')).toBe('2025-04-22');
    expect(iso('12-dic-2024')).toBe('2024-12-12');
    expect(iso('05-ago-2025')).toBe('2025-08-05');
    expect(iso('09-ene-2025')).toBe('2025-01-09');
  });
});

describe('Puerto Rico addresses', () => {
  const parse = (lines: string[]) => parseAddressLines(lines)?.address ?? null;

  it('keeps the urbanization or condominium as line 1, the street or apartment as line 2', () => {
    expect(parse(['Urb. Villa Carolina', 'Calle 45 Bloque 12 #8', 'Carolina PR 00985'])).toEqual({
      line1: 'Urb. Villa Carolina',
      line2: 'Calle 45 Bloque 12 #8',
      city: 'Carolina',
      state: 'PR',
      zip: '00985',
    });
    expect(parse(['Cond. Torre del Mar', 'Apt 1203', 'San Juan, PR 00911-5079'])).toMatchObject({
      line1: 'Cond. Torre del Mar',
      line2: 'Apt 1203',
      zip: '00911-5079',
    });
    expect(parse(['CARR. 271 KM 27.9', 'BO. CEDRO', 'TOA BAJA PR 00949'])).toMatchObject({
      line1: 'CARR. 271 KM 27.9',
      line2: 'BO. CEDRO',
      city: 'TOA BAJA',
    });
  });

  it("reads a photo's road by kilometre run together and a unit number read twice", () => {
    // seed 11350 hq-067: "CARR.55KM 1.4" was no place and was dropped as a name line
    expect(parse(['CARR.55KM 1.4', 'BO. MARTIN GONZALEZ', 'CAGUAS PR 00727-5103'])).toMatchObject({
      line1: 'CARR. 55 KM 1.4',
      line2: 'BO. MARTIN GONZALEZ',
      city: 'CAGUAS',
    });
    expect(parse(['Carr. 271Km27.9', 'Bo. Cedro', 'Toa Baja PR 00949'])?.line1).toBe('Carr. 271 Km 27.9');
    // seed 11351 hr-067: "Apt 5" read "AptS5", its 5 read once as the S it looks like
    expect(parse(['1366 Calle San Francisco', 'AptS5', 'Trujillo Alto PR 00976-9066'])).toMatchObject({
      line1: '1366 Calle San Francisco',
      line2: 'Apt 5',
    });
  });

  it('drops a name above the address, as anywhere else', () => {
    expect(
      parse(['Farmacia Ramos CSP', 'Urb. Las Gladiolas', '123 Calle Luna', 'Arecibo PR 00612']),
    ).toMatchObject({ line1: 'Urb. Las Gladiolas', line2: '123 Calle Luna' });
  });
});

describe('a bill in Spanish only', () => {
  const page = (date: string) =>
    gridPage([
      'YUNQUE comunicaciones                                Su factura mensual',
      'Titular de la cuenta          Panadería Ortiz & Hijos Corp.',
      'Núm. de cuenta                711966716',
      'Número de teléfono principal  (787) 555-0195',
      `Fecha de factura              ${date}`,
      'Fecha de vencimiento          28/11/2024',
      'Dirección del servicio        Urb. Sierra Bayamon',
      '                              Calle Amapola A-5',
      '                              San Juan, PR 00911-5079',
      'Dirección postal                         Envíe su pago a',
      'Panadería Ortiz & Hijos Corp.            Yunque Comunicaciones, LLC',
      'Atención: Maritza Torres                 PO Box 70333',
      '1841 Ave. Fernandez Juncos               San Juan, PR 00936-8333',
      'Carolina, PR 00979',
      'Balance anterior          $45.60     Oficina comercial: (787) 555-0116',
      'IVU estatal (10.5%)        $4.54     Fax: (787) 555-0111',
      'Líneas',
      'Número de teléfono    Servicio                        Cargo',
      '(787) 555-0195        Línea comercial principal      $17.25',
      '(787) 555-0196        Línea de fax                   $12.10',
      'Líneas desconectadas',
      '(787) 555-0160        Desconectada el 12/11/2024',
    ]);

  it('reads every field, the date day first, and never the carrier office or a disconnected line', () => {
    const f = extractBill([page('04/11/2024')]).fields;
    expect(f.accountName).toBe('Panadería Ortiz & Hijos Corp.');
    expect(f.accountNumber).toBe('711966716');
    expect(f.btn).toBe('7875550195');
    expect(f.billDate).toBe('2024-11-04');
    expect(f.serviceAddress).toEqual({
      line1: 'Urb. Sierra Bayamon',
      line2: 'Calle Amapola A-5',
      city: 'San Juan',
      state: 'PR',
      zip: '00911-5079',
    });
    expect(f.numbers).toEqual(['7875550195', '7875550196']);
    expect(extractBill([page('4 de noviembre de 2024')]).fields.billDate).toBe('2024-11-04');
  });

  it('takes "Cuenta nim," (a photo\'s "Cuenta núm.", its point read as a comma) for a caption, not the name', () => {
    // seed 11441 pb-005 as OCR read it, header only: the caption was the account holder
    const pages = wordDump('yunque-photo-cuenta-nim');
    const f = extractBill(pages).fields;
    expect(f.accountName).toBe('Nilda Pérez');
    expect(f.accountNumber).toBe('587651641');
  });

  it('reads numeric dates month first when the labels are bilingual', () => {
    const f = extractBill([
      gridPage([
        'Nombre / Name                        Ana Rivera',
        'Número de cuenta / Account Number    4471 2210 98',
        'Número principal / Main Number       787-555-0140',
        'Fecha de factura / Bill Date         04/11/2024',
        'Dirección de servicio / Service Address   12 Calle Luna',
        '                                     San Juan PR 00907',
      ]),
    ]).fields;
    expect(f.billDate).toBe('2024-04-11');
  });
});

describe('names on a Puerto Rico bill read by OCR', () => {
  it('get back the accents OCR dropped or swapped, and an ñ read as "fi"', () => {
    expect(accentedPrName('Reposteria Rodriguez')).toBe('Repostería Rodríguez');
    expect(accentedPrName('Migdalia Negrén Cruz')).toBe('Migdalia Negrón Cruz');
    expect(accentedPrName('Colmado Quifiones & Hijos')).toBe('Colmado Quiñones & Hijos');
    expect(accentedPrName('Yolanda Cintr6n Ramos')).toBe('Yolanda Cintrón Ramos');
    expect(accentedPrName('TALLER MECANICO VAZQUEZ CSP')).toBe('TALLER MECÁNICO VÁZQUEZ CSP');
    // a word OCR broke at its accent
    expect(accentedPrName('Migdalia Rodríguez Cintré n')).toBe('Migdalia Rodríguez Cintrón');
    // words the island writes without accents stay as read
    expect(accentedPrName('Farmacia Rivera & Hijos LLC')).toBe('Farmacia Rivera & Hijos LLC');
    expect(accentedPrName('Carmen Ortiz Torres')).toBe('Carmen Ortiz Torres');
  });

  const ocrPage = (acctLabel: string) =>
    extractBill([
      gridPage(
        [
          'Nombre del cliente                     Migdalia Negrén Cruz',
          `${acctLabel}                            371605068`,
          'Teléfono principal                     939-555-0113',
          'Fecha de emision                       17-sep-2024',
          'Direccion de servicio                  Carr. 739 Km 29.5',
          '                                       Bo. Sabana Llana',
          '                                       Dorado PR 00646',
        ],
        { source: 'ocr', conf: 0.9 },
      ),
    ]);

  it('takes "Cuenta nam." / "Cuenta nim." (OCR of "Cuenta núm.") for a label, never for the name', () => {
    expect(ocrPage('Cuenta nim.').fields.accountName).toBe('Migdalia Negrón Cruz');
    const f = ocrPage('Cuenta nam.').fields;
    expect(f.accountName).toBe('Migdalia Negrón Cruz');
    expect(f.accountNumber).toBe('371605068');
    expect(f.serviceAddress).toMatchObject({ line1: 'Carr. 739 Km 29.5', line2: 'Bo. Sabana Llana' });
  });
});
