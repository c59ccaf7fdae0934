// The mod-10 (Luhn) check digit that IMEIs, ICCIDs, an old ILEC's account numbers and the banks'
// remittance scan lines end with. One copy for every template that prints one.

/** The Luhn check digit of a digit string. */
export function luhnDigit(digits: string): number {
  let sum = 0;
  [...digits].reverse().forEach((ch, i) => {
    let v = Number(ch) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  });
  return (10 - (sum % 10)) % 10;
}
