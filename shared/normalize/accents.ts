// Accents off: "Montréal" and "Montreal", "Numéro" and "Numero" are one word to the desk.
// Customers type French names without their accents and OCR drops or swaps them.

/** The text with its combining accents removed (é -> e, ô -> o); everything else kept. */
export function foldAccents(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Its letters only, upper case, accents off: the key two spellings of one word share. */
export function foldedLetters(s: string): string {
  return foldAccents(s)
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}
