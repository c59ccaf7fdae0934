// Puerto Rico places, addresses and names for the Spanish-only carrier. Addresses are written as the
// carrier's USPS-standardized mailing system keeps them (no accents in streets or cities), in the
// island's own forms: an urbanization line over the street ("Urb. Villa Carolina" / "Calle 45
// Bloque 12 #8"), a condominium over its apartment, a street with the number first, or a rural
// road by kilometre and barrio. Numbers stay in the fictitious 555-01XX range of 787 and 939.
import type { Addr } from './model';
import type { Rng } from './rng';

export interface PrCity {
  city: string;
  zips: string[];
}

export const PR_CITIES: PrCity[] = [
  { city: 'San Juan', zips: ['00901', '00907', '00909', '00911', '00917', '00918', '00920', '00926'] },
  { city: 'Carolina', zips: ['00979', '00982', '00983', '00985', '00987'] },
  { city: 'Bayamon', zips: ['00956', '00957', '00959', '00961'] },
  { city: 'Guaynabo', zips: ['00965', '00966', '00968', '00969', '00971'] },
  { city: 'Caguas', zips: ['00725', '00727'] },
  { city: 'Ponce', zips: ['00716', '00717', '00728', '00730', '00731'] },
  { city: 'Mayaguez', zips: ['00680', '00682'] },
  { city: 'Arecibo', zips: ['00612'] },
  { city: 'Humacao', zips: ['00791'] },
  { city: 'Trujillo Alto', zips: ['00976'] },
  { city: 'Dorado', zips: ['00646'] },
  { city: 'Toa Baja', zips: ['00949'] },
];
export const PR_NPAS = ['787', '787', '939'];

const URBS = [
  'Villa Carolina',
  'Las Gladiolas',
  'Santa Rosa',
  'Villa Fontana',
  'Los Caobos',
  'Country Club',
  'Rio Hondo',
  'Sierra Bayamon',
  'Park Gardens',
  'Jardines de Caparra',
  'Villa Nevarez',
  'Altamira',
  'Puerto Nuevo',
  'Summit Hills',
];
const CONDOS = [
  'Torre del Mar',
  'Plaza Athenee',
  'El Monte Norte',
  'Parque de Loyola',
  'Torres de Cervantes',
  'Ocean Park Towers',
  'Laguna Gardens',
  'Bahia Plaza',
];
const CALLES = [
  'Amapola',
  'Loiza',
  'Del Parque',
  'San Francisco',
  'Fortaleza',
  'Tanca',
  'Las Flores',
  'Luna',
];
const AVES = ['Ponce de Leon', 'Munoz Rivera', 'Ashford', 'Roosevelt', 'Fernandez Juncos', 'De Diego'];
const BARRIOS = ['Bo. Quebrada Arenas', 'Bo. Martin Gonzalez', 'Bo. Cacao', 'Bo. Sabana Llana', 'Bo. Cedro'];

export function zipPr(r: Rng, c: PrCity): string {
  const z = r.pick(c.zips);
  return r.chance(0.3) ? `${z}-${r.int(1000, 9999)}` : z;
}

/**
 * A Puerto Rico service address. Line 1 is the first line as printed: the urbanization, the
 * condominium, the street or the road; line 2 the street under an urbanization, or the unit.
 */
export function addrPr(r: Rng, c: PrCity, business: boolean): Addr {
  const zip = zipPr(r, c);
  const u = r.float(0, 1);
  const at = (line1: string, line2: string | null): Addr => ({
    line1,
    line2,
    city: c.city,
    state: 'PR',
    zip,
  });
  if (u < 0.35)
    return at(
      `Urb. ${r.pick(URBS)}`,
      r.pick([
        `Calle ${r.int(1, 60)} Bloque ${r.int(1, 40)} #${r.int(1, 30)}`,
        `${r.int(1, 250)} Calle ${r.pick(CALLES)}`,
        `Calle ${r.pick(CALLES)} ${r.pick([...'ABCDEFGH'])}-${r.int(1, 40)}`,
      ]),
    );
  if (u < 0.55) return at(`Cond. ${r.pick(CONDOS)}`, `Apt ${r.int(101, 2205)}`);
  if (u < 0.9) {
    const street = r.chance(0.5) ? `Calle ${r.pick(CALLES)}` : `Ave. ${r.pick(AVES)}`;
    const unit = business
      ? r.pick([`Suite ${r.int(100, 950)}`, `Local ${r.int(1, 20)}`, null])
      : r.pick([`Apt ${r.int(1, 40)}`, null, null]);
    return at(`${r.int(1, 2200)} ${street}`, unit);
  }
  return at(`Carr. ${r.int(1, 990)} Km ${r.int(1, 40)}.${r.int(0, 9)}`, r.pick(BARRIOS));
}

const FIRST_PR = [
  'José',
  'María',
  'Luis',
  'Carmen',
  'Juan',
  'Ana',
  'Carlos',
  'Wanda',
  'Ángel',
  'Yolanda',
  'Héctor',
  'Migdalia',
  'Edwin',
  'Nilda',
  'Ramón',
  'Maritza',
];
const LAST_PR = [
  'Rivera',
  'Rodríguez',
  'Colón',
  'Martínez',
  'Ortiz',
  'Torres',
  'Santiago',
  'Pérez',
  'Cruz',
  'Díaz',
  'Vázquez',
  'Figueroa',
  'Meléndez',
  'Ramos',
  'Negrón',
  'Quiñones',
  'Rosario',
  'Cintrón',
];
const SHOPS = [
  'Panadería',
  'Ferretería',
  'Colmado',
  'Farmacia',
  'Clínica Dental',
  'Taller Mecánico',
  'Repostería',
  'Oficina Legal',
  'Distribuidora',
  'Supermercado',
];
const FORMS_PR = ['Inc.', 'LLC', 'CSP', 'Corp.', ''];

export const personPr = (r: Rng): string => `${r.pick(FIRST_PR)} ${r.pick(LAST_PR)}`;

/** "Ramón Quiñones Rivera" (two surnames, as the island writes them) or a shop's name. */
export function namePr(r: Rng, business: boolean): string {
  if (!business) {
    const two = r.chance(0.6);
    return `${r.pick(FIRST_PR)} ${r.pick(LAST_PR)}${two ? ' ' + r.pick(LAST_PR) : ''}`;
  }
  const form = r.pick(FORMS_PR);
  const base = `${r.pick(SHOPS)} ${r.pick(LAST_PR)}${r.chance(0.3) ? ' & Hijos' : ''}`;
  return form ? `${base}${form === 'Inc.' ? ', ' : ' '}${form}` : base;
}

export const WIRELINE_PLANS_PR = [
  'Línea residencial básica',
  'Línea comercial adicional',
  'Plan ilimitado local y larga distancia',
  'Línea de fax',
  'Llamadas ilimitadas a EE.UU.',
  'Buzón de voz',
];
