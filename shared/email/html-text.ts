// An HTML mail body as plain text, for reading the request in it. The HTML is never rendered or
// run: scripts, styles and comments are dropped whole, tags become line breaks or nothing, and the
// few entities mail clients write are decoded. Pure string work with a size bound.

const MAX_HTML = 2_000_000;

const NAMED: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  shy: '',
  zwnj: '',
  zwj: '',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
    }
    return NAMED[body.toLowerCase()] ?? m;
  });
}

// Line breaks (one item of a list, a table row) and paragraph breaks (a blank line): a run of
// tags collapses to the strongest break among them, as a mail client shows it.
const LINE = /^(div|br|tr|li|dt|dd|address)$/i;
const PARAGRAPH = /^(p|h[1-6]|table|ul|ol|blockquote|section|article|header|footer|pre|hr)$/i;

export function htmlToText(html: string): string {
  const src = html.length > MAX_HTML ? html.slice(0, MAX_HTML) : html;
  const out = src
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<(script|style|head|title|template|noscript|object|iframe|svg)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    .replace(/<\s*(\/?)\s*([a-z0-9]+)\b[^>]*>/gi, (_m, _close: string, tag: string) =>
      PARAGRAPH.test(tag) ? '\u0002' : LINE.test(tag) ? '\u0001' : /^(td|th)$/i.test(tag) ? ' ' : '',
    )
    .replace(/<[^>]*>/g, '')
    // Source line breaks inside HTML are spaces.
    .replace(/\s+/g, ' ');
  return (
    decodeEntities(out)
      // The two markers are control characters on purpose: no mail text contains them.
      // eslint-disable-next-line no-control-regex
      .replace(/[ \u0001\u0002]*\u0002[ \u0001\u0002]*/g, '\n\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[ \u0001]*\u0001[ \u0001]*/g, '\n')
      .replace(/[ \t\f\v\u00a0]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .trim()
  );
}
