// Turns whatever an agent pastes (a spreadsheet column, a bill's lines table, an email) into
// clean 10-digit NANP numbers, and says exactly what it could not read, so nothing is silently
// dropped.
import { analyzePhone } from '../../../../shared/normalize/phone';
import type { PhoneKind } from '../../../../shared/domain';

// One number, in any of the shapes people type: 2125550142, (212) 555-0142, 212.555.0142,
// +1 212 555 0142, 1-212-555-0142. Digits glued to other digits are not taken apart.
const PHONE = /(?<!\d)(?:\+?1[\s.-]*)?\(?([2-9]\d{2})\)?[\s.-]*(\d{3})[\s.-]*(\d{4})(?!\d)/g;

export interface PasteResult {
  numbers: { number: string; kind: PhoneKind }[];
  duplicates: number;
  /** Fragments that looked like numbers but are not valid NANP numbers, as pasted. */
  invalid: { text: string; reason: string }[];
  /** Non-empty lines with nothing that looks like a phone number (headers, notes, garbage). */
  unreadLines: string[];
}

// The plan rules and the local/toll-free/Canadian split are the check engine's
// (shared/normalize/phone), so what the editor accepts is exactly what the checks accept. The
// 555-01XX fictitious range is allowed here: it is valid to type, and the checks warn about it.
export function nanpProblem(ten: string): string | null {
  if (!/^\d{10}$/.test(ten)) return 'must be 10 digits';
  const info = analyzePhone(ten);
  if (info.valid || info.problem === 'fictitious') return null;
  return info.reason?.replace(/^[\d-]+: /, '') ?? 'is not a valid NANP number';
}

export function classify(ten: string): PhoneKind {
  return analyzePhone(ten).kind;
}

export function parsePastedNumbers(text: string, existing: Iterable<string> = []): PasteResult {
  const seen = new Set(existing);
  const out: PasteResult = { numbers: [], duplicates: 0, invalid: [], unreadLines: [] };
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line) continue;
    let found = false;
    let rest = line;
    for (const m of line.matchAll(PHONE)) {
      found = true;
      rest = rest.replace(m[0], ' ');
      const ten = `${m[1]}${m[2]}${m[3]}`;
      const problem = nanpProblem(ten);
      if (problem) {
        out.invalid.push({ text: m[0].trim(), reason: problem });
        continue;
      }
      if (seen.has(ten)) {
        out.duplicates += 1;
        continue;
      }
      seen.add(ten);
      out.numbers.push({ number: ten, kind: classify(ten) });
    }
    // Leftover digit runs that are too short or too long to be a number are reported, not guessed.
    for (const frag of rest.match(/[+(]?\d[\d\s().-]{5,}\d/g) ?? []) {
      let digits = frag.replace(/\D/g, '');
      if (digits.length < 7) continue;
      found = true;
      if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
      const reason =
        digits.length === 10
          ? (nanpProblem(digits) ?? 'not a valid number')
          : `${digits.length} digits; a number needs 10`;
      out.invalid.push({ text: frag.trim(), reason });
    }
    if (!found) out.unreadLines.push(line.length > 60 ? line.slice(0, 57) + '…' : line);
  }
  return out;
}
