import { describe, expect, it } from 'vitest';
import { headerDimensions, sniffKind } from '../../../electron/desk/intake/sniff';
import { tsvToWords } from '../../../electron/desk/intake/ocr';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('sniffKind', () => {
  it('knows bills by their first bytes, whatever their name', () => {
    expect(sniffKind(bytes('%PDF-1.7\n'), 'x.jpg')).toBe('pdf');
    expect(sniffKind(bytes([0xff, 0xd8, 0xff, 0xe0]), 'x.pdf')).toBe('jpeg');
    expect(sniffKind(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
    expect(sniffKind(bytes('II*\0'))).toBe('tiff');
    expect(sniffKind(bytes('MM\0*'))).toBe('tiff');
    expect(sniffKind(bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'))).toBe('heic');
    expect(sniffKind(bytes([0, 0, 0, 0x18], 'ftypmif1', [0, 0, 0, 0], 'heicmif1'))).toBe('heic');
  });

  it('names what a refused file really is', () => {
    expect(() => sniffKind(bytes('PK\x03\x04....'), 'bill.pdf')).toThrow(
      'bill.pdf is a ZIP archive, not a bill (it was named .pdf)',
    );
    expect(() => sniffKind(bytes('GIF89a'), 'a.gif')).toThrow(/a\.gif is a GIF image, not a bill/);
    expect(() => sniffKind(bytes('<!DOCTYPE html><html>'), 'bill.pdf')).toThrow(/web page/);
    expect(() => sniffKind(bytes([0, 0, 0, 0x18], 'ftypisom'), 'clip.mp4')).toThrow(/video or image format/);
    expect(() => sniffKind(bytes('hello'), 'notes.txt')).toThrow(
      'notes.txt is not a PDF, JPEG, PNG, TIFF or HEIC file (it was named .txt)',
    );
    expect(() => sniffKind(new Uint8Array(), 'e.pdf')).toThrow('e.pdf is empty (0 bytes)');
  });
});

describe('headerDimensions', () => {
  it('reads PNG and JPEG sizes without decoding', () => {
    const png = bytes(
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13],
      'IHDR',
      [0, 0, 0x4e, 0x20, 0, 0, 0x4e, 0x20],
    );
    expect(headerDimensions(png, 'png')).toEqual({ width: 20000, height: 20000 });
    const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0x0b, 0xb8, 0x09, 0xc4, 3]);
    expect(headerDimensions(jpeg, 'jpeg')).toEqual({ width: 2500, height: 3000 });
  });
});

describe('tsvToWords', () => {
  it('keeps level-5 rows as words, scaled to points, confidence 0..1', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '4\t1\t1\t1\t1\t0\t100\t200\t300\t40\t-1\t',
      '5\t1\t1\t1\t1\t1\t100\t200\t120\t40\t96.5\tAccount',
      '5\t1\t1\t1\t1\t2\t250\t200\t150\t40\t88\t1234-567',
      '5\t1\t1\t1\t1\t3\t420\t200\t10\t40\t95\t ',
    ].join('\n');
    expect(tsvToWords(tsv, 72 / 300)).toEqual([
      { text: 'Account', x0: 24, y0: 48, x1: 52.8, y1: 57.6, conf: 0.965 },
      { text: '1234-567', x0: 60, y0: 48, x1: 96, y1: 57.6, conf: 0.88 },
    ]);
  });

  it('drops a fragment in a box that cannot hold its letters, keeps small marks and real words', () => {
    const row = (left: number, w: number, h: number, text: string) =>
      `5\t1\t1\t1\t1\t1\t${left}\t200\t${w}\t${h}\t90\t${text}`;
    // a photo's "Mill ill Drive Dri": the fragments 3 px square beside the words read whole
    const tsv = [
      row(100, 40, 20, 'Mill'),
      row(120, 3, 3, 'ill'),
      row(150, 60, 20, 'Drive'),
      row(190, 3, 3, 'Dri'),
      row(260, 3, 3, '.'),
      row(270, 8, 20, 'l'),
      row(280, 12, 20, '18'),
    ].join('\n');
    expect(tsvToWords(tsv, 1).map((w) => w.text)).toEqual(['Mill', 'Drive', '.', 'l', '18']);
  });

  it('drops a rule read as a word (a box flatter than a quarter of a letter), keeps flat print', () => {
    const row = (left: number, w: number, h: number, text: string) =>
      `5\t1\t1\t1\t1\t1\t${left}\t200\t${w}\t${h}\t0\t${text}`;
    // a scan's underline under "Name", read "Riess" in an enlarged look: 264 px by 7 px
    const tsv = [
      row(0, 264, 7, 'Riess'),
      row(200, 50, 9, 'mm'),
      row(300, 60, 3, '—'),
      row(400, 90, 12, 'www'),
    ].join('\n');
    expect(tsvToWords(tsv, 1).map((w) => w.text)).toEqual(['mm', '—', 'www']);
  });
});
