// The US and Canadian carriers a porting desk meets most, with the brands their bills carry.
// When the name read off a bill is close to one of them (an OCR'd logo: "VERIZ0N", "T - Mobile",
// "XFINlTY"), the desk shows the carrier's canonical name; otherwise the bill's own text.
import { foldAccents } from '../normalize/accents';

interface Carrier {
  /** the company that holds the numbers (the losing carrier on the port request) */
  company: string;
  /** names bills print: the company's own and its brands; a brand maps to "Brand (Company)" */
  brands: string[];
  /** further spellings of the company's own name */
  aliases?: string[];
}

const CARRIERS: Carrier[] = [
  // national wireless
  {
    company: 'AT&T',
    brands: ['Cricket Wireless'],
    aliases: ['AT&T Mobility', 'AT&T Wireless', 'AT&T Business'],
  },
  {
    company: 'Verizon',
    brands: ['Visible', 'Total Wireless', 'Straight Talk', 'Tracfone'],
    aliases: ['Verizon Wireless', 'Verizon Business', 'Verizon Fios', 'Fios'],
  },
  {
    company: 'T-Mobile',
    brands: ['Metro by T-Mobile', 'MetroPCS', 'Mint Mobile', 'Sprint', 'Ultra Mobile'],
    aliases: ['T-Mobile for Business', 'TMobile'],
  },
  { company: 'UScellular', brands: [], aliases: ['U.S. Cellular', 'US Cellular', 'United States Cellular'] },
  { company: 'Boost Mobile', brands: [], aliases: ['Boost Infinite', 'EchoStar', 'DISH Wireless'] },
  { company: 'Google Fi', brands: [], aliases: ['Google Fi Wireless', 'Google Voice'] },
  { company: 'Consumer Cellular', brands: [] },
  { company: 'C Spire', brands: [], aliases: ['C Spire Wireless'] },
  { company: 'Cellcom', brands: [] },
  { company: 'Appalachian Wireless', brands: [] },
  // cable
  { company: 'Comcast', brands: ['Xfinity', 'Comcast Business', 'Xfinity Mobile', 'Xfinity Voice'] },
  {
    company: 'Charter',
    brands: ['Spectrum', 'Spectrum Business', 'Spectrum Mobile', 'Spectrum Voice'],
    aliases: ['Charter Communications'],
  },
  { company: 'Cox', brands: [], aliases: ['Cox Communications', 'Cox Business'] },
  { company: 'Altice USA', brands: ['Optimum', 'Suddenlink', 'Optimum Business'] },
  { company: 'Mediacom', brands: [], aliases: ['Mediacom Communications', 'Mediacom Business'] },
  { company: 'Cable One', brands: ['Sparklight', 'Sparklight Business'] },
  { company: 'WOW!', brands: [], aliases: ['WOW', 'WideOpenWest', 'Wide Open West'] },
  {
    company: 'Astound',
    brands: ['RCN', 'Grande Communications', 'Wave Broadband'],
    aliases: ['Astound Broadband'],
  },
  { company: 'Breezeline', brands: [], aliases: ['Atlantic Broadband'] },
  // incumbent local exchange carriers and their brands
  {
    company: 'Lumen',
    brands: ['CenturyLink', 'Quantum Fiber', 'Embarq', 'Qwest'],
    aliases: ['Lumen Technologies'],
  },
  { company: 'Frontier', brands: [], aliases: ['Frontier Communications'] },
  {
    company: 'Windstream',
    brands: ['Kinetic', 'Kinetic by Windstream'],
    aliases: ['Windstream Communications'],
  },
  { company: 'Brightspeed', brands: [] },
  { company: 'Consolidated Communications', brands: ['Fidium', 'Fidium Fiber'] },
  { company: 'Cincinnati Bell', brands: ['altafiber', 'Hawaiian Telcom'] },
  { company: 'TDS Telecom', brands: [], aliases: ['TDS'] },
  { company: 'Ziply Fiber', brands: [] },
  { company: 'Shentel', brands: ['Glo Fiber'] },
  { company: 'GCI', brands: [], aliases: ['GCI Communication'] },
  { company: 'Alaska Communications', brands: [] },
  { company: 'Granite Telecommunications', brands: [] },
  // VoIP and cloud voice
  { company: 'Vonage', brands: [], aliases: ['Vonage Business'] },
  { company: 'RingCentral', brands: [] },
  { company: '8x8', brands: [] },
  { company: 'Ooma', brands: [], aliases: ['Ooma Office'] },
  { company: 'Lingo', brands: [] },
  { company: 'Nextiva', brands: [] },
  // Canada
  {
    company: 'Bell Canada',
    brands: ['Virgin Plus', 'Lucky Mobile', 'Bell MTS', 'Bell Aliant'],
    aliases: ['Bell', 'Bell Mobility'],
  },
  { company: 'Rogers', brands: ['Fido', 'chatr'], aliases: ['Rogers Communications', 'Rogers Wireless'] },
  {
    company: 'Telus',
    brands: ['Koodo', 'Public Mobile'],
    aliases: ['TELUS Mobility', 'Telus Communications'],
  },
  { company: 'Vidéotron', brands: ['Freedom Mobile', 'Fizz'], aliases: ['Videotron'] },
  { company: 'Shaw', brands: ['Shaw Business'], aliases: ['Shaw Communications'] },
  { company: 'SaskTel', brands: [] },
  { company: 'Eastlink', brands: [] },
  { company: 'Cogeco', brands: [] },
  { company: 'Xplore', brands: [], aliases: ['Xplornet'] },
  { company: 'Tbaytel', brands: [] },
  { company: 'TekSavvy', brands: [] },
  { company: 'Distributel', brands: [] },
];

/** Letters OCR gives for others in a logo, read the way the name is spelled. */
export function squash(s: string): string {
  let v = squashed.get(s);
  if (v === undefined) {
    if (squashed.size > 20000) squashed.clear();
    v = squashRaw(s);
    squashed.set(s, v);
  }
  return v;
}
const squashed = new Map<string, string>();

const squashRaw = (s: string): string =>
  foldAccents(s)
    .toUpperCase()
    .replace(/&/g, 'AND')
    // "AT&T" with its ampersand read as an 8
    .replace(/(?<=[A-Z])8(?=[A-Z])/g, 'AND')
    .replace(/0/g, 'O')
    .replace(/[1|!]/g, 'I')
    .replace(/5/g, 'S')
    .replace(/RN/g, 'M')
    .replace(/[^A-Z0-9]/g, '')
    // I and L are one glyph apart in most logo faces
    .replace(/L/g, 'I');

const words = (s: string): string[] =>
  foldAccents(s)
    .toUpperCase()
    .replace(/&/g, ' AND ')
    .replace(/[^A-Z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);

interface Name {
  squashed: string;
  display: string;
}

const NAMES: Name[] = CARRIERS.flatMap((c) => [
  { squashed: squash(c.company), display: c.company },
  ...(c.aliases ?? []).map((a) => ({ squashed: squash(a), display: c.company })),
  ...c.brands.map((b) => ({
    squashed: squash(b),
    display: b.includes(c.company) ? b : `${b} (${c.company})`,
  })),
]).sort((a, b) => b.squashed.length - a.squashed.length);

// Glyphs OCR takes for one another in a logo's type; a swap inside a group costs half an edit,
// and so does a thin glyph gained or lost. Any other slip costs two: a different letter makes a
// different name ("Fox" is not "Cox").
const GROUPS = ['ODQCG', 'ITJ', 'EF', 'UVY', 'MNH', 'RP', 'KX', 'Z2', 'A4', 'B8'];
const GROUP_OF = new Map([...GROUPS.entries()].flatMap(([g, s]) => [...s].map((c) => [c, g])));
const THIN = new Set(['I', '.', "'", '-']);

function ocrDistance(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  if (limit <= 0 || Math.abs(a.length - b.length) * 0.5 > limit) return Infinity;
  const indel = (c: string) => (THIN.has(c) ? 0.5 : 2);
  let prev = [0];
  for (let j = 1; j <= b.length; j++) prev.push(prev[j - 1]! + indel(b[j - 1]!));
  for (let i = 1; i <= a.length; i++) {
    const ca = a[i - 1]!;
    const ga = GROUP_OF.get(ca);
    const cur = [prev[0]! + indel(ca)];
    let rowMin = cur[0]!;
    for (let j = 1; j <= b.length; j++) {
      const cb = b[j - 1]!;
      const sub = ca === cb ? 0 : ga !== undefined && ga === GROUP_OF.get(cb) ? 0.5 : 2;
      const v = Math.min(prev[j - 1]! + sub, prev[j]! + indel(ca), cur[j - 1]! + indel(cb));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    // every later cell costs at least this row's cheapest
    if (rowMin > limit) return Infinity;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * What OCR may have done to a name and it still be that name: nothing to a short one (one slip
 * turns "Sprint" into "Spring"), one look-alike glyph to a name of 7-9 letters, two to a longer
 * one.
 */
const slack = (n: number): number => (n >= 10 ? 1 : n >= 7 ? 0.5 : 0);

/**
 * The canonical carrier for a name read off a bill, or null when it is close to none. The whole
 * name must match, or its first words ("Verizon Wireless Business Services" starts with one):
 * a longer name that merely contains a carrier's word ("Spectrum Valley Telephone") is another
 * company.
 */
export function canonicalCarrier(text: string): string | null {
  let v = known.get(text);
  if (v === undefined) {
    if (known.size > 500) known.clear();
    v = canonicalRaw(text);
    known.set(text, v);
  }
  return v;
}
const known = new Map<string, string | null>();

function canonicalRaw(text: string): string | null {
  const ws = words(text);
  if (!ws.length) return null;
  for (let k = ws.length; k >= 1; k--) {
    const head = squash(ws.slice(0, k).join(' '));
    if (head.length < 2) continue;
    // a prefix of the name must be a name of its own that ends the name, or be followed only
    // by words a carrier puts after its name
    if (k < ws.length && !ws.slice(k).every((w) => TRAILING.has(w))) continue;
    for (const n of NAMES) {
      if (ocrDistance(head, n.squashed, slack(n.squashed.length)) <= slack(n.squashed.length))
        return n.display;
    }
  }
  return null;
}

/** Words that follow a carrier's name without making it another company's. */
export const TRAILING = new Set(
  'WIRELESS MOBILE MOBILITY CELLULAR BUSINESS SERVICES SERVICE COMMUNICATIONS COMMUNICATION TELECOM TELCO NETWORKS NETWORK BROADBAND DIGITAL INC LLC CORP CO COMPANY BILL STATEMENT INVOICE ACCOUNT VOICE PHONE TELEPHONE INTERNET FIBER CABLE TV LTD THE OF FOR'.split(
    ' ',
  ),
);
