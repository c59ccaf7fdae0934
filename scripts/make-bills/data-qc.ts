// Quebec places, streets and names for the French / bilingual carrier. Postal codes are drawn in
// each city's own forward sortation area; numbers stay in the fictitious 555-01XX range of the
// city's real area codes (Canadian NPAs, so the desk's Canadian-number rule must fire).
import type { Addr } from './model';
import type { Rng } from './rng';

export interface QcCity {
  city: string;
  fsa: string[];
  npa: string[];
}

export const QC_CITIES: QcCity[] = [
  { city: 'Montréal', fsa: ['H3B', 'H2X', 'H2Y', 'H3A', 'H4N', 'H2S'], npa: ['514', '438'] },
  { city: 'Québec', fsa: ['G1R', 'G1K', 'G1V'], npa: ['418', '581'] },
  { city: 'Laval', fsa: ['H7N', 'H7T'], npa: ['450', '579'] },
  { city: 'Longueuil', fsa: ['J4K', 'J4H'], npa: ['450'] },
  { city: 'Gatineau', fsa: ['J8X', 'J8Y'], npa: ['819', '873'] },
  { city: 'Sherbrooke', fsa: ['J1H', 'J1J'], npa: ['819'] },
  { city: 'Trois-Rivières', fsa: ['G9A', 'G8T'], npa: ['819', '873'] },
  { city: 'Lévis', fsa: ['G6V', 'G6W'], npa: ['418', '581'] },
  { city: 'Saint-Jérôme', fsa: ['J7Z', 'J7Y'], npa: ['450'] },
  { city: 'Saguenay', fsa: ['G7H', 'G7J'], npa: ['418'] },
  { city: 'Rimouski', fsa: ['G5L'], npa: ['418', '581'] },
  { city: 'Drummondville', fsa: ['J2B', 'J2C'], npa: ['819', '873'] },
];

// Canada Post never uses D, F, I, O, Q or U in a postal code.
const LETTERS = [...'ABCEGHJKLMNPRSTVWXYZ'];
export function postalCode(r: Rng, c: QcCity): string {
  return `${r.pick(c.fsa)} ${r.int(1, 9)}${r.pick(LETTERS)}${r.int(0, 9)}`;
}

const STREET_TYPES = ['rue', 'boul.', 'boulevard', 'avenue', 'av.', 'chemin', 'ch.', 'place'];
const STREET_NAMES_QC = [
  'René-Lévesque',
  'Saint-Laurent',
  'Sainte-Catherine',
  'Notre-Dame',
  'Sherbrooke',
  'Jean-Talon',
  'de la Gauchetière',
  'du Parc',
  'Saint-Joseph',
  'Cartier',
  'des Érables',
  'Honoré-Mercier',
  'Côte-Vertu',
  'Bélanger',
  'Wellington',
  'Saint-Hubert',
  'de la Montagne',
  'Marie-Victorin',
  'des Forges',
  'Laurier',
];
const DIRS_QC = ['O.', 'E.', 'Ouest', 'Est', 'N.'];

export function streetQc(r: Rng): string {
  const num = r.pick([r.int(10, 99), r.int(100, 999), r.int(1000, 9999)]);
  const dir = r.chance(0.3) ? ' ' + r.pick(DIRS_QC) : '';
  return `${num}, ${r.pick(STREET_TYPES)} ${r.pick(STREET_NAMES_QC)}${dir}`;
}

export function unitQc(r: Rng, business: boolean): string | null {
  if (r.chance(0.35)) return null;
  return business
    ? r.pick([`bureau ${r.int(100, 950)}`, `local ${r.int(1, 40)}`, `suite ${r.int(100, 950)}`])
    : r.pick([`app. ${r.int(1, 40)}`, `app. ${r.int(101, 950)}`]);
}

export function addrQc(r: Rng, c: QcCity, business: boolean): Addr {
  return {
    line1: streetQc(r),
    line2: unitQc(r, business),
    city: c.city,
    state: 'QC',
    zip: postalCode(r, c),
  };
}

const STEMS = [
  'Boulangerie Côté',
  'Quincaillerie Bélanger',
  'Clinique Dentaire Saint-Hubert',
  'Les Entreprises Gagnon',
  'Traiteur Pépin',
  'Cabinet Lévesque',
  'Imprimerie Ménard',
  'Garage Thériault',
  'Pharmacie Dubé',
  'Café Bistro Léa',
  'Atelier Gélinas',
  'Déménagement Fréchette',
  'Services Techniques Poirier',
  'Fromagerie Roy',
];
const FORMS = ['inc.', 'ltée', 'S.E.N.C.', 'Inc.', ''];
const FIRST_QC = ['Mélanie', 'François', 'Hélène', 'Jérôme', 'Geneviève', 'Stéphane', 'Josée', 'Benoît'];
const LAST_QC = ['Tremblay', 'Côté', 'Bouchard', 'Gagnon', 'Lévesque', 'Bélanger', 'Pelletier', 'Fortin'];

export function nameQc(r: Rng, business: boolean): string {
  if (!business) return `${r.pick(FIRST_QC)} ${r.pick(LAST_QC)}`;
  const form = r.pick(FORMS);
  return form ? `${r.pick(STEMS)} ${form}` : r.pick(STEMS);
}
export const personQc = (r: Rng): string => `${r.pick(FIRST_QC)} ${r.pick(LAST_QC)}`;

export const WIRELINE_PLANS_QC = [
  "Ligne d'affaires",
  "Ligne d'affaires - Forfait illimité",
  'Ligne résidentielle',
  'Afficheur et messagerie vocale',
  'Ligne de télécopieur',
  'Interurbain Canada - É.-U.',
  'Ligne de service 24 h',
];
