// Text helpers for the packet. The PDFs use the standard fonts (no font file to ship, tiny
// output); they only encode WinAnsi, so every string drawn goes through `sanitize` first, which
// keeps Latin-1 (é, ñ, ü) as is, folds other accents to their base letter and replaces the rest
// (emoji, CJK) with '?', so a customer name can never crash an export.
import type { PDFFont } from 'pdf-lib';
import type { Address } from '../../../shared/domain';

const charsetCache = new WeakMap<PDFFont, Set<number>>();

function charset(font: PDFFont): Set<number> {
  let set = charsetCache.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    charsetCache.set(font, set);
  }
  return set;
}

const FOLD: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
  '\u00a0': ' ',
  '\u2007': ' ',
  '\u202f': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2009': ' ',
  '\u2032': "'",
  '\u2033': '"',
  '\u0141': 'L',
  '\u0142': 'l',
  '\u0110': 'D',
  '\u0111': 'd',
  '\u0131': 'i',
};

/** Returns `s` made drawable with `font`: control characters (newlines unless kept) to spaces, unsupported characters folded or '?'. */
export function sanitize(s: string, font: PDFFont, keepNewlines = false): string {
  const ok = charset(font);
  let out = '';
  for (const ch of s.normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    if (keepNewlines && ch === '\n') {
      out += ch;
      continue;
    }
    if (cp < 0x20 || cp === 0x7f) {
      out += ' ';
      continue;
    }
    if (ok.has(cp)) {
      out += ch;
      continue;
    }
    const folded = FOLD[ch] ?? ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    out += [...folded].every((c) => ok.has(c.codePointAt(0)!)) && folded.length > 0 ? folded : '?';
  }
  // Emoji sequences (with joiners and variation selectors) would otherwise leave runs of '?'.
  return out.replace(/\?{2,}/g, '?');
}

/** Splits `text` into lines no wider than `width`, breaking at spaces, or inside very long words. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    const words = para.split(/\s+/).filter(Boolean);
    if (words.length === 0) {
      lines.push('');
      continue;
    }
    let line = '';
    for (let word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      // A single word wider than the column (a long email, an account number) is cut.
      while (font.widthOfTextAtSize(word, size) > width && word.length > 1) {
        let cut = word.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(word.slice(0, cut), size) > width) cut--;
        lines.push(word.slice(0, cut));
        word = word.slice(cut);
      }
      line = word;
    }
    lines.push(line);
  }
  return lines;
}

/** (555) 555-0100 for ten NANP digits; anything else unchanged. */
export function formatPhone(digits: string | null | undefined): string {
  const d = (digits ?? '').replace(/\D/g, '');
  const ten = d.length === 11 && d.startsWith('1') ? d.slice(1) : d;
  if (ten.length !== 10) return (digits ?? '').trim();
  return `(${ten.slice(0, 3)}) ${ten.slice(3, 6)}-${ten.slice(6)}`;
}

/** The PIN is a secret: only its last two characters are ever shown. */
export function maskPin(pin: string | null | undefined): string {
  if (!pin) return '—';
  const tail = pin.length > 4 ? pin.slice(-2) : '';
  return '\u2022\u2022\u2022\u2022' + tail;
}

export function addressLines(a: Address | null | undefined): string[] {
  if (!a) return [];
  const cityLine = [a.city, [a.state, a.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [a.line1, a.line2 ?? '', cityLine].map((s) => s.trim()).filter(Boolean);
}

export const addressOneLine = (a: Address | null | undefined): string => addressLines(a).join(', ');

/** Long date in English, e.g. "November 21, 2026", from an ISO date or a Date (UTC). */
export function longDate(d: Date | string): string {
  const date = typeof d === 'string' ? new Date(d + (d.length === 10 ? 'T12:00:00Z' : '')) : d;
  return date.toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/** A file or folder name safe on Windows, macOS and Linux. */
export function safeName(s: string, max = 60): string {
  const cleaned = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return cleaned.slice(0, max).replace(/[-.]+$/g, '') || 'case';
}
