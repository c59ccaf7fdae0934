// Dates as customers write them in an email ("3/14", "March 14th", "2025-03-14", "14 Mar 2025"),
// read as ISO dates. A date without a year is the next one on or after the day the email was sent.

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(?:,?\\s*(\\d{4}))?';

/** One date somewhere in a text, with where it was. */
export interface FoundDate {
  iso: string;
  index: number;
  length: number;
}

const PATTERNS: { re: RegExp; parts: (m: RegExpExecArray) => [y: number | null, mo: number, d: number] }[] = [
  { re: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g, parts: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  {
    re: /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?\b/g,
    parts: (m) => [
      m[3] ? (m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])) : null,
      Number(m[1]),
      Number(m[2]),
    ],
  },
  {
    re: new RegExp(`\\b${MONTH}\\s+${DAY}${YEAR}\\b`, 'gi'),
    parts: (m) => [
      m[3] ? Number(m[3]) : null,
      MONTHS[m[1]!.slice(0, m[1]!.toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()]!,
      Number(m[2]),
    ],
  },
  {
    re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}${YEAR}\\b`, 'gi'),
    parts: (m) => [
      m[3] ? Number(m[3]) : null,
      MONTHS[m[2]!.slice(0, m[2]!.toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()]!,
      Number(m[1]),
    ],
  },
];

const pad = (n: number) => String(n).padStart(2, '0');

export function isoOf(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 2000 || y > 2100) return null;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  const t = new Date(iso + 'T00:00:00Z');
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === iso ? iso : null;
}

/** Every date in the text, in order. `sent` (YYYY-MM-DD) gives dates without a year their year. */
export function findDates(text: string, sent: string | null): FoundDate[] {
  const out: FoundDate[] = [];
  const taken: [number, number][] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const [y, mo, d] = p.parts(m);
      let iso: string | null;
      if (y !== null) iso = isoOf(y, mo, d);
      else {
        const base = sent ? Number(sent.slice(0, 4)) : null;
        if (base === null) continue;
        iso = isoOf(base, mo, d);
        // "the 3rd of January" written in December means next year's.
        if (iso && sent && iso < sent) iso = isoOf(base + 1, mo, d);
      }
      if (!iso) continue;
      taken.push([start, end]);
      out.push({ iso, index: start, length: m[0].length });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
