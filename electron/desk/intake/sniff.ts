// What a file really is, judged by its first bytes (agents rename files; customers send ZIPs).
import { DeskError } from '../../../shared/errors';

export type BillKind = 'pdf' | 'jpeg' | 'png' | 'tiff' | 'heic';

/** The media type a bill of each kind is stored and attached under. */
export const BILL_MIME: Record<BillKind, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tiff: 'image/tiff',
  heic: 'image/heic',
};

export const LIMITS = {
  /** Largest file accepted. */
  maxBytes: 50 * 1024 * 1024,
  /** Most pages in one bill (PDF or TIFF). */
  maxPages: 50,
  /** Largest decoded image (per page), checked from the header before decoding. */
  maxPixels: 60_000_000,
  /** OCR time per page before the worker is stopped and replaced. */
  ocrPageTimeoutMs: 60_000,
};

const REFUSED: { test: (b: Uint8Array) => boolean; what: string }[] = [
  {
    test: (b) => starts(b, [0x50, 0x4b, 0x03, 0x04]) || starts(b, [0x50, 0x4b, 0x05, 0x06]),
    what: 'a ZIP archive',
  },
  { test: (b) => starts(b, [0x47, 0x49, 0x46, 0x38]), what: 'a GIF image' },
  { test: (b) => starts(b, [0x42, 0x4d]) && b.length > 14, what: 'a BMP image' },
  { test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP', what: 'a WebP image' },
  { test: (b) => starts(b, [0xd0, 0xcf, 0x11, 0xe0]), what: 'an old Microsoft Office document' },
  { test: (b) => starts(b, [0x1f, 0x8b]), what: 'a gzip archive' },
  { test: (b) => ascii(b, 0, 6) === 'Rar!\x1a\x07', what: 'a RAR archive' },
  { test: (b) => starts(b, [0x37, 0x7a, 0xbc, 0xaf]), what: 'a 7-Zip archive' },
  { test: (b) => /^\s*<(!doctype html|html)/i.test(ascii(b, 0, 64)), what: 'a web page (HTML)' },
  { test: (b) => ascii(b, 0, 5) === '{\\rtf', what: 'an RTF document' },
  { test: (b) => ascii(b, 4, 4) === 'ftyp', what: 'a video or image format the desk does not read' },
];

function starts(b: Uint8Array, sig: number[]): boolean {
  return sig.every((v, i) => b[i] === v);
}

function ascii(b: Uint8Array, at: number, n: number): string {
  let s = '';
  for (let i = at; i < Math.min(b.length, at + n); i++) s += String.fromCharCode(b[i]!);
  return s;
}

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif']);

/** Identifies a bill's format from its bytes or throws a DeskError saying what it is instead. */
export function sniffKind(bytes: Uint8Array, name = 'The file'): BillKind {
  if (bytes.length === 0) throw new DeskError('BAD_INPUT_FILE', `${name} is empty (0 bytes)`);
  if (bytes.length > LIMITS.maxBytes) {
    throw new DeskError(
      'LIMIT_EXCEEDED',
      `${name} is ${mb(bytes.length)}; the desk accepts bills of at most ${mb(LIMITS.maxBytes)}`,
    );
  }
  // PDF: the header may follow a little junk (some scanners prepend bytes); readers allow 1 KB.
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return 'pdf';
  if (starts(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(bytes, [0x49, 0x49, 0x2a, 0x00]) || starts(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (ascii(bytes, 4, 4) === 'ftyp') {
    const major = ascii(bytes, 8, 4);
    const size = Math.min(
      bytes.length,
      ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0,
    );
    const brands = [major];
    for (let i = 16; i + 4 <= size; i += 4) brands.push(ascii(bytes, i, 4));
    if (brands.some((b) => HEIF_BRANDS.has(b)) && major !== 'avif' && !brands.includes('avis')) return 'heic';
  }
  const ext = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1]?.toLowerCase();
  const named = ext ? ` (it was named .${ext})` : '';
  const known = REFUSED.find((r) => r.test(bytes));
  if (known) {
    const docx =
      known.what === 'a ZIP archive' && /word\//.test(ascii(bytes, 0, 2000))
        ? 'a Word document (DOCX)'
        : known.what;
    throw new DeskError(
      'BAD_INPUT_FILE',
      `${name} is ${docx}, not a bill${named}; send a PDF, JPEG, PNG, TIFF or HEIC`,
    );
  }
  throw new DeskError('BAD_INPUT_FILE', `${name} is not a PDF, JPEG, PNG, TIFF or HEIC file${named}`);
}

export function mb(n: number): string {
  return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
}

/**
 * Image dimensions read from the header alone, so an image bomb is refused before a single
 * pixel is decoded. Returns null when the header does not say (sharp's limit still applies).
 */
export function headerDimensions(
  bytes: Uint8Array,
  kind: BillKind,
): { width: number; height: number } | null {
  if (kind === 'png' && bytes.length >= 24 && ascii(bytes, 12, 4) === 'IHDR') {
    return { width: u32be(bytes, 16), height: u32be(bytes, 20) };
  }
  if (kind === 'jpeg') {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) {
        i++;
        continue;
      }
      const marker = bytes[i + 1]!;
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0xff) {
        i += marker === 0xff ? 1 : 2;
        continue;
      }
      const len = (bytes[i + 2]! << 8) | bytes[i + 3]!;
      // SOF0..SOF15 except DHT(C4), JPG(C8), DAC(CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: (bytes[i + 5]! << 8) | bytes[i + 6]!, width: (bytes[i + 7]! << 8) | bytes[i + 8]! };
      }
      i += 2 + len;
    }
  }
  return null;
}

function u32be(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}

/** Refuses an image whose pixel count exceeds the limit. */
export function checkPixels(width: number, height: number, name: string): void {
  if (width * height > LIMITS.maxPixels) {
    throw new DeskError(
      'LIMIT_EXCEEDED',
      `${name} is ${width} × ${height} pixels (${Math.round((width * height) / 1e6)} MP); the desk reads images of at most ${LIMITS.maxPixels / 1e6} MP`,
    );
  }
}

export function checkPages(pages: number, name: string): void {
  if (pages > LIMITS.maxPages) {
    throw new DeskError(
      'LIMIT_EXCEEDED',
      `${name} has ${pages} pages; the desk accepts bills of at most ${LIMITS.maxPages} pages`,
    );
  }
  if (pages < 1) throw new DeskError('BAD_INPUT_FILE', `${name} has no pages`);
}
