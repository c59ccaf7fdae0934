// Accented words of Puerto Rico names: surnames, given names and the words of shop names. OCR on a
// scan or photo drops an accent ("Rodriguez"), swaps it for another ("Negrén" for "Negrón") or
// reads an ñ as "fi" ("Quifiones"); the account name must read as the bill prints it. Only words
// the island writes with their accents are listed.
import { foldAccents } from '../normalize/accents';

const NAME_WORDS = [
  // surnames
  'Rodríguez',
  'Colón',
  'Martínez',
  'Pérez',
  'Díaz',
  'Vázquez',
  'Velázquez',
  'Meléndez',
  'Negrón',
  'Quiñones',
  'Cintrón',
  'Hernández',
  'González',
  'Gómez',
  'López',
  'Sánchez',
  'Ramírez',
  'Fernández',
  'Jiménez',
  'Álvarez',
  'Muñoz',
  'Núñez',
  'Román',
  'Báez',
  'Ríos',
  'Pagán',
  'Beltrán',
  'Berríos',
  'Guzmán',
  'Concepción',
  'Encarnación',
  'Andújar',
  'Rincón',
  'Ibáñez',
  'Avilés',
  'Cortés',
  'Márquez',
  'Suárez',
  'Benítez',
  'Domínguez',
  // given names
  'José',
  'María',
  'Ángel',
  'Héctor',
  'Ramón',
  'Jesús',
  'Andrés',
  'Raúl',
  'Víctor',
  'Rubén',
  'Iván',
  'Sofía',
  'Lucía',
  'Inés',
  'Julián',
  'Martín',
  'Germán',
  'Efraín',
  'Adrián',
  'Noemí',
  'Nélida',
  // shops
  'Panadería',
  'Ferretería',
  'Clínica',
  'Mecánico',
  'Repostería',
  'Librería',
  'Cafetería',
  'Joyería',
  'Óptica',
  'Lavandería',
  'Carnicería',
  'Mueblería',
  'Compañía',
  'Cía.',
  'Técnico',
  'Eléctrico',
  'Ingeniería',
  'Médico',
];

const VOWEL = /[AEIOU]/;
// what OCR reads for an ñ
const ENYE_READS = /fi|ii|fl|f1|ñ/g;

/** A read word matches a listed one letter for letter, any vowel standing for an accented one. */
function matches(read: string, word: string): boolean {
  const r = foldAccents(read).toUpperCase();
  const w = foldAccents(word).toUpperCase();
  if (r.length !== w.length) return false;
  for (let i = 0; i < w.length; i++) {
    // (an ó OCR took for a 6: "Cintr6n")
    const ok = /[ÁÉÍÓÚáéíóú]/.test(word[i]!)
      ? VOWEL.test(r[i]!) || (w[i] === 'O' && r[i] === '6')
      : r[i] === w[i];
    if (!ok) return false;
  }
  return true;
}

/** The word in the case it was read in: "RODRIGUEZ" -> "RODRÍGUEZ". */
function inCase(read: string, accented: string): string {
  const letters = read.replace(/[^A-Za-zÀ-ÿ]/g, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return accented.toUpperCase();
  return accented;
}

/** The listed word a read word stands for, or null. */
function listed(w: string): string | null {
  for (const word of NAME_WORDS) {
    const bare = word.replace(/\.$/, '');
    if (matches(w, bare)) return inCase(w, bare);
    if (/ñ/.test(bare) && ENYE_READS.test(w)) {
      ENYE_READS.lastIndex = 0;
      const n = w.replace(ENYE_READS, (m) => (m === 'ñ' ? m : /^[A-Z]/.test(m) ? 'N' : 'n'));
      if (matches(n, bare)) return inCase(w, bare);
    }
    ENYE_READS.lastIndex = 0;
  }
  return null;
}

/** A person's or business's name on a Puerto Rico bill with the accents of its words put back. */
export function accentedPrName(name: string): string {
  return (
    name
      // a word OCR broke at its accent ("Cintré n")
      .replace(
        /([A-Za-zÀ-ÿ]{3,}) ([a-zà-ÿ]{1,2})(?![A-Za-zÀ-ÿ])/g,
        (m, a: string, b: string) => listed(a + b) ?? m,
      )
      .replace(/[A-Za-zÀ-ÿ0-9]+/g, (w) => listed(w) ?? w)
  );
}
