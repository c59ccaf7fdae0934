// Port-out PINs are secrets: encrypted at rest and masked everywhere they are shown. Agents
// still paste them into free text ("customer says PIN is 822471"), which would store them in
// the clear, so free text is scrubbed of the case's own PIN before it is saved.

export const PIN_MASK = '••••';

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` with every stand-alone occurrence of `pin` replaced by the mask (PINs under 4 chars are too common to scrub). */
export function maskPinIn(text: string, pin: string | null | undefined): string {
  const p = pin?.trim();
  if (!p || p.length < 4) return text;
  return text.replace(new RegExp(`(?<![A-Za-z0-9])${escapeRe(p)}(?![A-Za-z0-9])`, 'g'), PIN_MASK);
}
