// Thin drawing layer over pdf-lib with a top-left origin, so templates read like page layouts.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { fillField } from './form-fill';
import type { Producer } from './producers';
import { embedUnmapped } from './unmapped-fonts';

export type Family = 'helvetica' | 'times' | 'courier';
export interface Fonts {
  reg: PDFFont;
  bold: PDFFont;
  ital: PDFFont;
}
export type FontKey = keyof Fonts;

export const hex = (h: string): RGB => {
  const n = parseInt(h.replace('#', ''), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
};
export const BLACK = hex('#111111');
export const GREY = hex('#555555');
export const LIGHT = hex('#bbbbbb');

const FAMILY: Record<Family, [StandardFonts, StandardFonts, StandardFonts]> = {
  helvetica: [StandardFonts.Helvetica, StandardFonts.HelveticaBold, StandardFonts.HelveticaOblique],
  times: [StandardFonts.TimesRoman, StandardFonts.TimesRomanBold, StandardFonts.TimesRomanItalic],
  courier: [StandardFonts.Courier, StandardFonts.CourierBold, StandardFonts.CourierOblique],
};

/** The standard fonts templates take outside their families (fax headers, a cover sheet's Courier). */
const OUTSIDE = [StandardFonts.Courier, StandardFonts.CourierBold] as const;

export interface TextOpts {
  size?: number;
  font?: FontKey | PDFFont;
  color?: RGB;
  align?: 'left' | 'right' | 'center';
}

/** A string as a template drew it: page index, left x, baseline y (from the top), width and size. */
export interface Drawn {
  page: number;
  x: number;
  y: number;
  w: number;
  size: number;
  s: string;
  font: PDFFont;
}

export class Doc {
  pages: PDFPage[] = [];
  page!: PDFPage;
  /** Every string drawn, where: an overlay (marks.ts) finds the values a customer would mark. */
  readonly drawn: Drawn[] = [];
  private constructor(
    readonly pdf: PDFDocument,
    readonly fonts: Fonts,
    /** second family for templates that mix (e.g. Times headings over Helvetica body) */
    readonly alt: Fonts,
    /** every font an embedded subset without a ToUnicode map (the `cid-pdf` rendition) */
    readonly unmapped: boolean,
    /** outside fonts (standardFont), embedded ahead when `unmapped`: templates draw synchronously */
    private readonly extra: Map<StandardFonts, PDFFont>,
    /** the strings filled into form fields instead of drawn (the `form-pdf` rendition, form-fill.ts) */
    private readonly filled: ((s: string) => boolean) | null,
    /** another PDF writer's way of writing the strings (the producer renditions, producers.ts) */
    private readonly producer: Producer | null,
  ) {}

  /**
   * `unmapped`: draw with embedded subsets of metric-compatible fonts instead of the standard 14
   * (the same layout, glyph for glyph), for the `cid-pdf` rendition (unmapped-fonts.ts).
   */
  static async create(
    family: Family,
    alt: Family,
    title: string,
    author: string,
    o: { unmapped?: boolean; filled?: (s: string) => boolean; producer?: Producer } = {},
  ): Promise<Doc> {
    const pdf = await PDFDocument.create();
    const unmapped = o.unmapped ?? false;
    const one = (f: StandardFonts): Promise<PDFFont> => (unmapped ? embedUnmapped(pdf, f) : pdf.embedFont(f));
    const load = async (f: Family): Promise<Fonts> => {
      const [a, b, c] = FAMILY[f];
      return { reg: await one(a), bold: await one(b), ital: await one(c) };
    };
    // Fixed dates keep the output byte-identical between runs.
    const d = new Date(Date.UTC(2025, 0, 1));
    pdf.setTitle(title);
    pdf.setAuthor(author);
    pdf.setProducer(author + ' billing system');
    pdf.setCreator(author);
    pdf.setCreationDate(d);
    pdf.setModificationDate(d);
    const extra = new Map<StandardFonts, PDFFont>();
    if (unmapped) for (const f of OUTSIDE) extra.set(f, await one(f));
    const doc = new Doc(
      pdf,
      await load(family),
      await load(alt),
      unmapped,
      extra,
      o.filled ?? null,
      o.producer ?? null,
    );
    doc.addPage();
    return doc;
  }

  /** A standard font outside the template's families (a fax header's Courier), as this document embeds fonts. */
  standardFont(f: (typeof OUTSIDE)[number]): PDFFont {
    return this.extra.get(f) ?? this.pdf.embedStandardFont(f);
  }

  /** Width and height of the current page: letter portrait, or landscape where a template asks. */
  get W(): number {
    return this.page.getWidth();
  }
  get H(): number {
    return this.page.getHeight();
  }

  addPage(o: { landscape?: boolean } = {}): PDFPage {
    this.page = this.pdf.addPage(o.landscape ? [792, 612] : [612, 792]);
    this.pages.push(this.page);
    return this.page;
  }

  font(f: FontKey | PDFFont | undefined): PDFFont {
    if (!f) return this.fonts.reg;
    return typeof f === 'string' ? this.fonts[f] : f;
  }

  width(s: string, size: number, f?: FontKey | PDFFont): number {
    return this.font(f).widthOfTextAtSize(s, size);
  }

  /** y is the baseline measured from the top of the page. Returns the x after the text. */
  text(s: string, x: number, y: number, o: TextOpts = {}): number {
    const size = o.size ?? 9;
    const font = this.font(o.font);
    // a producer may print other characters (a ligature, a thin space); a soft hyphen takes no room
    const shown = this.producer ? this.producer.shape(s, font) : s;
    const w = font.widthOfTextAtSize(this.producer ? shown.replace(/\u00ad/g, '') : s, size);
    const x0 = o.align === 'right' ? x - w : o.align === 'center' ? x - w / 2 : x;
    if (s) {
      const color = o.color ?? BLACK;
      if (this.filled?.(s)) fillField(this.pdf, this.page, s, x0, this.H - y, w, size, font, color);
      else if (this.producer)
        this.producer.text({
          page: this.page,
          s: shown,
          x: x0,
          y: this.H - y,
          size,
          font,
          color,
          align: o.align,
        });
      else this.page.drawText(s, { x: x0, y: this.H - y, size, font, color });
      this.drawn.push({ page: this.pages.indexOf(this.page), x: x0, y, w, size, s, font });
    }
    return x0 + w;
  }

  lines(ls: string[], x: number, y: number, lh: number, o: TextOpts = {}): number {
    for (const l of ls) {
      this.text(l, x, y, o);
      y += lh;
    }
    return y;
  }

  rect(x: number, y: number, w: number, h: number, o: { fill?: RGB; stroke?: RGB; lw?: number } = {}): void {
    this.page.drawRectangle({
      x,
      y: this.H - y - h,
      width: w,
      height: h,
      color: o.fill,
      borderColor: o.stroke,
      borderWidth: o.stroke ? (o.lw ?? 0.75) : 0,
    });
  }

  hline(x1: number, x2: number, y: number, o: { color?: RGB; lw?: number; dash?: number[] } = {}): void {
    this.page.drawLine({
      start: { x: x1, y: this.H - y },
      end: { x: x2, y: this.H - y },
      thickness: o.lw ?? 0.6,
      color: o.color ?? BLACK,
      dashArray: o.dash,
    });
  }

  vline(x: number, y1: number, y2: number, o: { color?: RGB; lw?: number } = {}): void {
    this.page.drawLine({
      start: { x, y: this.H - y1 },
      end: { x, y: this.H - y2 },
      thickness: o.lw ?? 0.6,
      color: o.color ?? BLACK,
    });
  }

  /** Draw on every page once the page count is known (footers with "Page 2 of 3"). */
  eachPage(fn: (i: number, n: number) => void): void {
    const keep = this.page;
    this.pages.forEach((p, i) => {
      this.page = p;
      fn(i, this.pages.length);
    });
    this.page = keep;
  }

  /** Draws what a producer held back (`shuffled-pdf` draws a page's strings once all are known). */
  flushText(): void {
    this.producer?.flush();
  }

  async save(): Promise<Uint8Array> {
    this.flushText();
    return this.pdf.save({ useObjectStreams: false });
  }
}

export type KvStyle = 'colon' | 'plain' | 'below' | 'leaders' | 'right' | 'upper-colon';
export interface KvOpts {
  style: KvStyle;
  size?: number;
  labelSize?: number;
  labelFont?: FontKey;
  valueFont?: FontKey;
  labelColor?: RGB;
  valueColor?: RGB;
  /** where values start for colon/plain; where values end for leaders/right */
  valueX?: number;
  lh?: number;
}

/** One label/value pair in one of the arrangements bills use. Returns the y below it. */
export function kv(
  doc: Doc,
  x: number,
  y: number,
  label: string,
  value: string | string[],
  o: KvOpts,
): number {
  const size = o.size ?? 9;
  const ls = o.labelSize ?? size;
  const lh = o.lh ?? size * 1.3;
  const vals = Array.isArray(value) ? value : [value];
  const lab = { size: ls, font: o.labelFont ?? 'reg', color: o.labelColor ?? GREY };
  const val = { size, font: o.valueFont ?? 'bold', color: o.valueColor ?? BLACK };
  switch (o.style) {
    case 'below': {
      doc.text(label, x, y, lab);
      return doc.lines(vals, x, y + ls + 3, lh, val) + 2;
    }
    case 'colon':
    case 'upper-colon':
    case 'plain': {
      const l =
        o.style === 'upper-colon' ? label.toUpperCase() + ':' : o.style === 'colon' ? label + ':' : label;
      doc.text(l, x, y, lab);
      const vx = o.valueX ?? x + doc.width(l, ls, lab.font) + 6;
      return doc.lines(vals, vx, y, lh, val);
    }
    case 'leaders':
    case 'right': {
      const rx = o.valueX ?? x + 220;
      const end = doc.text(label, x, y, lab);
      if (o.style === 'leaders') {
        const first = vals[0] ?? '';
        const vw = doc.width(first, size, val.font);
        const dot = doc.width('.', ls, lab.font);
        const n = Math.max(2, Math.floor((rx - vw - end - 8) / dot));
        doc.text(' ' + '.'.repeat(n), end, y, lab);
      }
      return doc.lines(vals, rx, y, lh, { ...val, align: 'right' });
    }
  }
}

export interface Col {
  title: string;
  w: number;
  align?: 'left' | 'right';
}
export interface TableOpts {
  x: number;
  y: number;
  cols: Col[];
  rows: string[][];
  size?: number;
  rowH?: number;
  headFill?: RGB;
  headColor?: RGB;
  zebra?: RGB;
  rule?: RGB;
  /** y at which a page is full */
  bottom: number;
  /** starts a continuation page and returns the y where the table resumes */
  onNewPage: () => number;
  headFont?: FontKey;
  bodyFont?: FontKey;
  upperHead?: boolean;
}

/** A lines/charges table that breaks across pages and repeats its header row. */
export function table(doc: Doc, o: TableOpts): number {
  const size = o.size ?? 8;
  const rowH = o.rowH ?? size + 5;
  const total = o.cols.reduce((s, c) => s + c.w, 0);
  const head = (y: number): number => {
    if (o.headFill) doc.rect(o.x, y - size - 3, total, rowH + 1, { fill: o.headFill });
    let cx = o.x;
    for (const c of o.cols) {
      const t = o.upperHead ? c.title.toUpperCase() : c.title;
      const font = o.headFont ?? 'bold';
      if (c.align === 'right')
        doc.text(t, cx + c.w - 3, y, { size, font, align: 'right', color: o.headColor });
      else doc.text(t, cx + 3, y, { size, font, color: o.headColor });
      cx += c.w;
    }
    doc.hline(o.x, o.x + total, y + 3, { color: o.rule ?? BLACK, lw: 0.8 });
    return y + rowH + 1;
  };
  let y = head(o.y);
  o.rows.forEach((r, i) => {
    if (y > o.bottom) y = head(o.onNewPage());
    if (o.zebra && i % 2 === 1) doc.rect(o.x, y - size - 2, total, rowH, { fill: o.zebra });
    let cx = o.x;
    o.cols.forEach((c, j) => {
      const s = r[j] ?? '';
      if (c.align === 'right') doc.text(s, cx + c.w - 3, y, { size, font: o.bodyFont, align: 'right' });
      else doc.text(s, cx + 3, y, { size, font: o.bodyFont });
      cx += c.w;
    });
    y += rowH;
  });
  return y;
}

export const money = (n: number): string =>
  (n < 0 ? '-$' : '$') +
  Math.abs(n).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
