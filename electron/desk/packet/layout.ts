// A small flowing-layout writer over pdf-lib: a cursor that moves down the page, wraps text,
// breaks pages (repeating a table's header), and stamps a footer with "Page n of N" at the end.
// pdf-lib itself only draws at coordinates; every packet document is written through this.
import {
  PDFDocument,
  StandardFonts,
  rgb,
  type PDFFont,
  type PDFImage,
  type PDFPage,
  type RGB,
} from 'pdf-lib';
import type { DeskProfile } from '../../../shared/settings';
import { sanitize, wrap } from './text';

export const LETTER: [number, number] = [612, 792];
export const MARGIN = 54;

export const INK = rgb(0.1, 0.11, 0.13);
export const MUTED = rgb(0.38, 0.4, 0.44);
export const ACCENT = rgb(0.1, 0.27, 0.5);
export const RULE = rgb(0.78, 0.8, 0.84);
export const ZEBRA = rgb(0.955, 0.962, 0.975);
export const HEADER_BG = rgb(0.9, 0.925, 0.955);

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
  script: PDFFont;
}

export interface TextOpts {
  size?: number;
  font?: PDFFont;
  color?: RGB;
  x?: number;
  width?: number;
  lineGap?: number;
  align?: 'left' | 'right' | 'center';
}

export interface Column {
  title: string;
  /** Fraction of the table width. */
  width: number;
  align?: 'left' | 'right';
  bold?: boolean;
}

export interface CellStyle {
  color?: RGB;
  bold?: boolean;
}

export class Writer {
  page!: PDFPage;
  y = 0;
  private constructor(
    readonly pdf: PDFDocument,
    readonly fonts: Fonts,
    readonly footer: string,
  ) {}

  static async create(title: string, footer: string, now: Date): Promise<Writer> {
    const pdf = await PDFDocument.create();
    pdf.setTitle(title);
    pdf.setProducer('Porting Desk');
    pdf.setCreator('Porting Desk');
    // Fixed dates keep the output byte-for-byte reproducible for the same input and time.
    pdf.setCreationDate(now);
    pdf.setModificationDate(now);
    const fonts: Fonts = {
      regular: await pdf.embedFont(StandardFonts.Helvetica),
      bold: await pdf.embedFont(StandardFonts.HelveticaBold),
      italic: await pdf.embedFont(StandardFonts.HelveticaOblique),
      script: await pdf.embedFont(StandardFonts.TimesRomanBoldItalic),
    };
    const w = new Writer(pdf, fonts, footer);
    w.newPage();
    return w;
  }

  get left(): number {
    return MARGIN;
  }
  get width(): number {
    return LETTER[0] - 2 * MARGIN;
  }
  /** Lowest y content may use; the footer lives below it. */
  get bottom(): number {
    return MARGIN + 18;
  }

  newPage(): void {
    this.page = this.pdf.addPage(LETTER);
    this.y = LETTER[1] - MARGIN;
  }

  /** Starts a new page unless `height` still fits above the footer. */
  ensure(height: number): boolean {
    if (this.y - height < this.bottom) {
      this.newPage();
      return true;
    }
    return false;
  }

  space(h: number): void {
    this.y -= h;
  }

  /** Draws wrapped text at the cursor and moves it down. */
  text(s: string, o: TextOpts = {}): void {
    const font = o.font ?? this.fonts.regular;
    const size = o.size ?? 10;
    const x = o.x ?? this.left;
    const width = o.width ?? this.left + this.width - x;
    const lh = size * 1.3 + (o.lineGap ?? 0);
    for (const line of wrap(sanitize(s, font, true), font, size, width)) {
      this.ensure(lh);
      const w = font.widthOfTextAtSize(line, size);
      const dx = o.align === 'right' ? width - w : o.align === 'center' ? (width - w) / 2 : 0;
      this.page.drawText(line, { x: x + dx, y: this.y - size, size, font, color: o.color ?? INK });
      this.y -= lh;
    }
  }

  heading(s: string, size = 13): void {
    // Keep a heading with at least a table header and a row or two below it.
    this.ensure(size * 1.4 + 90);
    this.space(5);
    this.text(s, { size, font: this.fonts.bold, color: ACCENT });
    this.space(2);
  }

  rule(color = RULE, thickness = 0.75): void {
    this.page.drawLine({
      start: { x: this.left, y: this.y },
      end: { x: this.left + this.width, y: this.y },
      thickness,
      color,
    });
  }

  /** Label/value pairs in `cols` columns; values wrap inside their column. */
  fields(rows: [string, string][], cols = 2, labelWidth = 100): void {
    const gap = 18;
    const colW = (this.width - gap * (cols - 1)) / cols;
    const size = 9.5;
    const lh = size * 1.35;
    for (let i = 0; i < rows.length; i += cols) {
      const group = rows.slice(i, i + cols);
      const wrapped = group.map(([, v]) =>
        wrap(sanitize(v || '—', this.fonts.regular, true), this.fonts.regular, size, colW - labelWidth),
      );
      const labels = group.map(([l]) =>
        wrap(sanitize(l, this.fonts.bold), this.fonts.bold, size - 0.5, labelWidth - 6),
      );
      const h = Math.max(...wrapped.map((l) => l.length), ...labels.map((l) => l.length)) * lh + 3;
      this.ensure(h);
      group.forEach(([, value], c) => {
        const x = this.left + c * (colW + gap);
        labels[c]!.forEach((line, k) => {
          this.page.drawText(line, {
            x,
            y: this.y - size - k * lh,
            size: size - 0.5,
            font: this.fonts.bold,
            color: MUTED,
          });
        });
        wrapped[c]!.forEach((line, k) => {
          this.page.drawText(line, {
            x: x + labelWidth,
            y: this.y - size - k * lh,
            size,
            font: this.fonts.regular,
            color: value ? INK : MUTED,
          });
        });
      });
      this.y -= h;
    }
  }

  /** A table with wrapped cells, zebra rows, and its header repeated after each page break. */
  table(
    columns: Column[],
    rows: string[][],
    style?: (row: number, col: number) => CellStyle | undefined,
    size = 9,
  ): void {
    const pad = 4;
    const lh = size * 1.3;
    const widths = columns.map((c) => c.width * this.width);
    const drawHeader = (): void => {
      const h = lh + pad * 2;
      this.page.drawRectangle({
        x: this.left,
        y: this.y - h,
        width: this.width,
        height: h,
        color: HEADER_BG,
      });
      let x = this.left;
      columns.forEach((c, i) => {
        const t = sanitize(c.title, this.fonts.bold);
        const tw = this.fonts.bold.widthOfTextAtSize(t, size);
        const dx = c.align === 'right' ? widths[i]! - pad - tw : pad;
        this.page.drawText(t, {
          x: x + dx,
          y: this.y - pad - size + 1,
          size,
          font: this.fonts.bold,
          color: INK,
        });
        x += widths[i]!;
      });
      this.y -= h;
    };
    const laid = rows.map((row, r) => {
      const cells = row.map((v, c) => {
        const st = style?.(r, c);
        const font = st?.bold || columns[c]?.bold ? this.fonts.bold : this.fonts.regular;
        return { font, st, lines: wrap(sanitize(v, font, true), font, size, widths[c]! - pad * 2) };
      });
      return { cells, h: Math.max(1, ...cells.map((c) => c.lines.length)) * lh + pad * 2 - 2 };
    });
    // Never leave a header alone at the foot of a page: it moves with the first row.
    this.ensure(lh + pad * 2 + (laid[0]?.h ?? 0));
    drawHeader();
    laid.forEach(({ cells, h }, r) => {
      if (this.ensure(h)) drawHeader();
      if (r % 2 === 1) {
        this.page.drawRectangle({ x: this.left, y: this.y - h, width: this.width, height: h, color: ZEBRA });
      }
      let x = this.left;
      cells.forEach((cell, c) => {
        cell.lines.forEach((line, k) => {
          const tw = cell.font.widthOfTextAtSize(line, size);
          const dx = columns[c]?.align === 'right' ? widths[c]! - pad - tw : pad;
          this.page.drawText(line, {
            x: x + dx,
            y: this.y - pad - size + 1 - k * lh,
            size,
            font: cell.font,
            color: cell.st?.color ?? INK,
          });
        });
        x += widths[c]!;
      });
      this.y -= h;
    });
    this.page.drawLine({
      start: { x: this.left, y: this.y },
      end: { x: this.left + this.width, y: this.y },
      thickness: 0.5,
      color: RULE,
    });
  }

  /** Numbers laid out in `cols` columns, filled row by row, for long lists (hundreds of numbers). */
  grid(items: string[], cols = 4, size = 9.5): void {
    const lh = size * 1.45;
    const colW = this.width / cols;
    for (let i = 0; i < items.length; i += cols) {
      this.ensure(lh);
      items.slice(i, i + cols).forEach((item, c) => {
        this.page.drawText(sanitize(item, this.fonts.regular), {
          x: this.left + c * colW,
          y: this.y - size,
          size,
          font: this.fonts.regular,
          color: INK,
        });
      });
      this.y -= lh;
    }
  }

  /** The desk's letterhead: logo at the left, company name and contact lines beside it. */
  letterhead(profile: DeskProfile, logo: PDFImage | null, docTitle: string): void {
    const top = this.y;
    let textX = this.left;
    if (logo) {
      const maxH = 46;
      const maxW = 140;
      const s = Math.min(maxH / logo.height, maxW / logo.width);
      const w = logo.width * s;
      const h = logo.height * s;
      this.page.drawImage(logo, { x: this.left, y: top - h, width: w, height: h });
      textX = this.left + w + 14;
    }
    const name = profile.companyName || 'Porting Desk';
    // A long company name shrinks to fit beside the logo rather than running off the page.
    let nameSize = 15;
    while (
      nameSize > 9 &&
      this.fonts.bold.widthOfTextAtSize(sanitize(name, this.fonts.bold), nameSize) >
        this.left + this.width - textX
    ) {
      nameSize -= 0.5;
    }
    this.page.drawText(sanitize(name, this.fonts.bold), {
      x: textX,
      y: top - nameSize,
      size: nameSize,
      font: this.fonts.bold,
      color: ACCENT,
    });
    const contact = [
      ...profile.addressLines,
      [profile.phone, profile.email].filter(Boolean).join('  |  '),
    ].filter(Boolean);
    let y = top - nameSize - 4;
    for (const line of contact) {
      y -= 10.5;
      this.page.drawText(sanitize(line, this.fonts.regular), {
        x: textX,
        y,
        size: 8.5,
        font: this.fonts.regular,
        color: MUTED,
      });
    }
    // The document title sits at the right on the company name's line when there is room, else
    // at the foot of the letterhead, so a long name or a logo never runs into it.
    const title = sanitize(docTitle.toUpperCase(), this.fonts.bold);
    const tw = this.fonts.bold.widthOfTextAtSize(title, 10);
    const nameEnd = textX + this.fonts.bold.widthOfTextAtSize(sanitize(name, this.fonts.bold), nameSize);
    const right = this.left + this.width - tw;
    const titleY = nameEnd + 36 <= right ? top - nameSize : Math.min(y, top - (logo ? 46 : 0)) - 12;
    this.page.drawText(title, { x: right, y: titleY, size: 10, font: this.fonts.bold, color: MUTED });
    if (titleY < y) y = titleY;
    this.y = Math.min(y, top - (logo ? 46 : 0)) - 10;
    this.rule(ACCENT, 1.5);
    this.y -= 16;
  }

  /** A signature box: the signature (image or typed) above a line, with the caption under it. */
  signatureLine(
    x: number,
    width: number,
    caption: string,
    content?: { image?: PDFImage; typed?: string; text?: string },
  ): void {
    const lineY = this.y - 40;
    if (content?.image) {
      const s = Math.min(36 / content.image.height, (width - 8) / content.image.width);
      this.page.drawImage(content.image, {
        x: x + 4,
        y: lineY + 2,
        width: content.image.width * s,
        height: content.image.height * s,
      });
    } else if (content?.typed) {
      const t = sanitize(content.typed, this.fonts.script);
      let size = 22;
      while (size > 10 && this.fonts.script.widthOfTextAtSize(t, size) > width - 8) size -= 1;
      this.page.drawText(t, {
        x: x + 4,
        y: lineY + 6,
        size,
        font: this.fonts.script,
        color: rgb(0.05, 0.12, 0.35),
      });
    } else if (content?.text) {
      this.page.drawText(sanitize(content.text, this.fonts.regular), {
        x: x + 4,
        y: lineY + 6,
        size: 11,
        font: this.fonts.regular,
        color: INK,
      });
    }
    this.page.drawLine({
      start: { x, y: lineY },
      end: { x: x + width, y: lineY },
      thickness: 0.8,
      color: INK,
    });
    this.page.drawText(sanitize(caption, this.fonts.regular), {
      x,
      y: lineY - 11,
      size: 8,
      font: this.fonts.regular,
      color: MUTED,
    });
  }

  /** Stamps the footer and page numbers on every page and returns the PDF bytes. */
  async finish(): Promise<Uint8Array> {
    const pages = this.pdf.getPages();
    let footer = sanitize(this.footer, this.fonts.regular);
    while (footer.length > 10 && this.fonts.regular.widthOfTextAtSize(footer, 7.5) > this.width - 70)
      footer = footer.slice(0, -2) + '…';
    pages.forEach((p, i) => {
      const size = 7.5;
      p.drawLine({
        start: { x: this.left, y: MARGIN + 8 },
        end: { x: this.left + this.width, y: MARGIN + 8 },
        thickness: 0.5,
        color: RULE,
      });
      const pn = `Page ${i + 1} of ${pages.length}`;
      p.drawText(footer, { x: this.left, y: MARGIN - 4, size, font: this.fonts.regular, color: MUTED });
      const w = this.fonts.regular.widthOfTextAtSize(pn, size);
      p.drawText(pn, {
        x: this.left + this.width - w,
        y: MARGIN - 4,
        size,
        font: this.fonts.regular,
        color: MUTED,
      });
    });
    return this.pdf.save({ useObjectStreams: true });
  }
}

/** Embeds a PNG or JPEG from a data URL; returns null for anything else. */
export async function embedDataUrl(
  pdf: PDFDocument,
  dataUrl: string | null | undefined,
): Promise<PDFImage | null> {
  const m = /^data:image\/(png|jpeg);base64,(.+)$/.exec(dataUrl ?? '');
  if (!m) return null;
  const bytes = Buffer.from(m[2]!, 'base64');
  return m[1] === 'png' ? pdf.embedPng(bytes) : pdf.embedJpg(bytes);
}
