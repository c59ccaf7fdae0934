// The port request a customer wrote in an email body, read the way an agent reads it: numbers to
// port ("please port 212-555-0142 and 0143", ranges), numbers to keep ("keep the fax line …"),
// account name and number, BTN, PIN ("PIN", "passcode", "port-out PIN"; never the voicemail PIN),
// service address, requested date, and the sender as the authorized person. Every value keeps the
// words it came from, so the agent can see why the desk read it. Pure: no I/O, no clock.
import type { Address } from '../domain';
import { parseAddressText } from './address-text';
import { findDates } from './dates';
import { findPhoneTokens, type PhoneToken } from './phone-tokens';
import { parseAddressHeader, splitSegments, type Segment } from './segments';

/** What the body gave, in the eval request format (shared/eval/README.md); absent when not found. */
export interface BodyRequest {
  accountName?: string;
  accountNumber?: string;
  btn?: string;
  serviceAddress?: Address;
  numbersToPort?: string[];
  pin?: string;
  asOf?: string;
  requestedFocDate?: string;
  accountType?: 'business' | 'residential';
  /** Extras the eval format lacks: numbers that stay on the old account … */
  numbersToKeep?: string[];
  /** … "port all our numbers": the bill's numbers, less those to keep. */
  portAll?: true;
  /** The person who asked, from the sender and the signature. */
  authorized?: { name?: string; email?: string; phone?: string; title?: string };
}
export type BodyField = Exclude<keyof BodyRequest, 'asOf'>;

export interface BodyReading {
  request: BodyRequest;
  /** For each field found, the words it was read from (one line, trimmed). */
  sources: Partial<Record<BodyField, string>>;
}

export interface MailContext {
  from?: { name?: string | null; address?: string | null } | null;
  /** The day the email was sent, YYYY-MM-DD: the request's asOf, and the year of "March 14". */
  sent?: string | null;
}

const MAX_TEXT = 200_000;

type Mode = 'port' | 'keep' | 'contact';
const KEYWORDS: { mode: Mode; re: RegExp }[] = [
  {
    mode: 'keep',
    re: /\b(?:keep(?:ing)?|kept|retain(?:ing)?|stay(?:s|ing)?|remain(?:s|ing)?|leave|leaving|exclud(?:e|ing)|except|but not|other than|not (?:be )?port(?:ed|ing)?|(?:do not|don'?t|won'?t|will not|should not|shouldn'?t) (?:port|move|transfer)|not (?:moving|transferring)|no port)\b/gi,
  },
  {
    mode: 'port',
    re: /\b(?:port(?:s|ed|ing)?|move|moving|transfer(?:ring)?|bring(?:ing)? over|switch(?:ing)? over|switch|numbers? to port|lines? to port)\b/gi,
  },
  {
    mode: 'contact',
    re: /\b(?:call me|reach me|text me|contact me|my (?:cell|mobile|direct(?: line)?|phone|number)|call(?:back| back)|questions?|best number|cell phone)\b/gi,
  },
];

const ACCOUNT_LABEL =
  /\b(?:account|acct|a\/c|customer)\.?\s*(?:number|num|nbr|no\.?|#|id|code)?\s*#?\s*(?:on (?:the|our|my) (?:bill|invoice|statement)\s*)?(?:is|:|=|-|of)?\s*/gi;
const PIN_LABEL =
  /\b(?:(?:port[\s-]*out|porting|transfer|number transfer|account|security)\s+)?(?:pin|passcode|pass code|pass-code|security code|transfer pin|nip)\b(?:\s*(?:code|number|no\.?|#))?\s*(?:is|:|=|-|of)?\s*/gi;
const BTN_LABEL =
  /\b(?:btn|billing (?:tele)?phone(?: number)?|billing (?:number|tn)|main (?:number|line|phone)|primary (?:number|line)|account (?:phone|telephone) number)\b\s*(?:is|:|=|-|#)?\s*/gi;
const NAME_LABEL =
  /\b(?:under the name(?: of)?|in the name of|(?:account|business|company|customer|subscriber|legal|billing) name|name on (?:the |our |my )?account|account holder|account is (?:under|in the name of)|registered to)\b\s*(?:is|:|-|=)?\s*/gi;
const ADDRESS_LABEL =
  /\b(?:(?:service|site|install(?:ation)?|physical|street|location) address|service location|location of service|address of service|(?<!(?:billing|mailing|remit(?:tance)?|e-?mail) )address)\b\s*(?:is|:|-|=)?\s*/gi;
const DATE_KEY =
  /\b(?:foc|port(?:ing)? (?:date|on|by|for)|port(?:ed)? (?:on|by)|cut[\s-]?over|go[\s-]?live|switch(?:over)? (?:on|date)|transfer (?:on|date)|requested date|due date for the port|date (?:of|for) (?:the )?port|(?:would like|want|need|prefer)[^.\n]{0,40}\b(?:on|by|for))\b/gi;
const NOT_REQUEST_DATE = /\b(?:bill(?:ing)?|statement|invoice|dated|due|paid|payment|sent|received)\b/i;
const PORT_ALL =
  /\b(?:port|move|transfer|bring over)\b[^.\n]{0,30}\b(?:all|every|each)\b[^.\n]{0,25}\b(?:numbers?|lines?|dids?|tns?|phones?)\b|\b(?:all|every)\s+(?:of\s+)?(?:our|my|the)?\s*(?:numbers?|lines?)\b[^.\n]{0,30}\b(?:port|move|transfer)/i;

const clip = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 160);

/** The sentence (within its line) around `index`, for sources. */
function lineAt(text: string, index: number): string {
  const [s, e] = sentenceBounds(text, index);
  const a = Math.max(s, text.lastIndexOf('\n', index - 1) + 1);
  const nl = text.indexOf('\n', index);
  const b = Math.min(e + 1, nl < 0 ? text.length : nl);
  return clip(text.slice(a, b));
}

function sentenceBounds(text: string, index: number): [number, number] {
  // A full stop after a lone capital is an initial ("Hannah F. Johansson"), not a sentence end.
  const stop = /(?<!\b[A-Z])[.!?](?=\s)|;|\n\s*\n/g;
  let start = 0;
  let end = text.length;
  for (let m = stop.exec(text); m; m = stop.exec(text)) {
    // A dot inside a number ("970.555.0184") or an abbreviation followed by a digit is no stop.
    if (m.index < index) start = m.index + m[0].length;
    else {
      end = m.index;
      break;
    }
  }
  // A line ending in ":" (a heading) ends the sentence before it too.
  return [start, end];
}

interface Found {
  value: string;
  index: number;
  end: number;
}

function labelled(
  text: string,
  label: RegExp,
  value: RegExp,
  reject?: (before: string) => boolean,
): Found | null {
  label.lastIndex = 0;
  for (let m = label.exec(text); m; m = label.exec(text)) {
    const at = m.index + m[0].length;
    if (reject?.(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    const v = value.exec(text.slice(at, at + 200));
    if (v && v.index === 0) return { value: v[0], index: at, end: at + v[0].length };
  }
  return null;
}

function accountNumber(text: string): Found | null {
  // Groups of letters and digits joined by dashes or single spaces; at least three digits, and
  // not a name ("Account name …" is a different label) or a phone number with its BTN label.
  const VALUE = /[A-Z0-9][A-Z0-9]*(?:[-./ ][A-Z0-9]+){0,5}/i;
  ACCOUNT_LABEL.lastIndex = 0;
  for (let m = ACCOUNT_LABEL.exec(text); m; m = ACCOUNT_LABEL.exec(text)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
    if (/^(?:name|holder|type|is (?:under|in))\b/i.test(after)) continue;
    const v = VALUE.exec(after);
    if (!v || v.index !== 0) continue;
    // Trailing words are not part of it: keep groups while they hold a digit (or are short codes).
    const groups = v[0].split(/(?=[-./ ])/);
    let value = '';
    for (const g of groups) {
      const core = g.replace(/^[-./ ]/, '');
      if (value && !/\d/.test(core)) break;
      value += g;
    }
    value = value.replace(/[-./ ]+$/, '');
    if ((value.match(/\d/g) ?? []).length < 3 || value.length < 4) continue;
    const at = m.index + m[0].length;
    return { value, index: at, end: at + value.length };
  }
  return null;
}

function pin(text: string): Found | null {
  return (
    labelled(
      text,
      PIN_LABEL,
      /[A-Za-z0-9]{4,15}\b/,
      // The voicemail PIN is not the port-out PIN (DOMAIN.md).
      (before) => /\b(?:voice\s*mail|vm|voicemail)\s*$/i.test(before),
    ) ?? null
  );
}

function accountName(text: string): Found | null {
  NAME_LABEL.lastIndex = 0;
  for (let m = NAME_LABEL.exec(text); m; m = NAME_LABEL.exec(text)) {
    const at = m.index + m[0].length;
    const line = text.slice(at, (text.indexOf('\n', at) + 1 || text.length + 1) - 1);
    // Up to the end of the sentence; a comma is kept only before an entity suffix ("Acme, LLC").
    let value = line.split(/(?<!\b[A-Z])[.;(]\s|;|\(|\s[-–—]\s|\.$/)[0]!;
    value = value.replace(/,(?!\s*(?:L\.?L\.?C|Inc|Corp|Co|Ltd|LLP|PLLC|P\.?C|N\.?A)\b).*$/i, '');
    value = value.replace(/^["'“‘]|["'”’.,:]+$/g, '').trim();
    if (
      /\b(?:inc|corp|co|ltd|llc|l\.l\.c)$/i.test(value) &&
      /\.\s/.test(line.slice(value.length, value.length + 3))
    )
      value += '.';
    if (value.length >= 2 && value.length <= 120 && /[A-Za-z]/.test(value))
      return { value, index: at, end: at + value.length };
  }
  return null;
}

const ENTITY =
  /\b((?:[A-Z][\w&'’.-]*,?\s+(?:(?:of|and|&|the)\s+)?){1,6}(?:L\.?L\.?C\.?|Inc\.?|Incorporated|Corp\.?|Corporation|Co\.|Company|Ltd\.?|L\.?L\.?P\.?|P\.?L\.?L\.?C\.?|P\.C\.))(?![\w])/;

/** "… for Hannah F. Johansson (acct # …": a name right before the account it owns. */
function nameBeforeAccount(text: string): Found | null {
  const m =
    /\b(?:for|on behalf of)\s+((?:[A-Za-z&][\w&'’.-]*,?\s+){0,5}[A-Za-z][\w&'’.-]*)\s*(?:\(|,\s*)(?:acct|account|a\/c)\b/i.exec(
      text,
    );
  if (!m) return null;
  const value = m[1]!.replace(/[,\s]+$/, '');
  const index = m.index + m[0].indexOf(m[1]!);
  return { value, index, end: index + value.length };
}

/** Without a label, a business named with its entity suffix ("… for Brightwater Engineering Inc."). */
function entityName(text: string): Found | null {
  const m = ENTITY.exec(text);
  if (!m) return null;
  // Sentence-initial words that are not part of a name ("Please", "Our", "Hi").
  const value = m[1]!
    .replace(
      /^(?:(?:Hi|Hello|Dear|Please|Our|We|The|For|This|At|From|With|Re|Fwd?|Port|Account)\b[,:]?\s+)+/,
      '',
    )
    .trim();
  if (value.split(/\s+/).length < 2) return null;
  const index = m.index + m[1]!.indexOf(value);
  return { value, index, end: index + value.length };
}

function serviceAddress(text: string): { value: Address; index: number; end: number } | null {
  ADDRESS_LABEL.lastIndex = 0;
  for (let m = ADDRESS_LABEL.exec(text); m; m = ADDRESS_LABEL.exec(text)) {
    const at = m.index + m[0].length;
    // The address may run over the next three lines; stop at a blank line.
    const chunk = text
      .slice(at, at + 240)
      .split(/\n\s*\n/)[0]!
      .split('\n')
      .slice(0, 4)
      .join('\n');
    const a = parseAddressText(chunk);
    if (a) return { value: a, index: at, end: at + chunk.length };
  }
  return null;
}

function requestedDate(text: string, sent: string | null): Found | null {
  const dates = findDates(text, sent);
  DATE_KEY.lastIndex = 0;
  for (let m = DATE_KEY.exec(text); m; m = DATE_KEY.exec(text)) {
    const [, end] = sentenceBounds(text, m.index);
    const d = dates.find((x) => x.index >= m.index && x.index < Math.min(end, m.index + m[0].length + 60));
    if (!d) continue;
    const between = text.slice(m.index, d.index);
    if (NOT_REQUEST_DATE.test(between.replace(/\bdue date for the port\b/i, ''))) continue;
    return { value: d.iso, index: d.index, end: d.index + d.length };
  }
  return null;
}

/** The mode in force at `index`: the nearest keyword before it in its sentence, else after it. */
function modeAt(text: string, tok: PhoneToken, heading: Mode | null): Mode | null {
  const [start, end] = sentenceBounds(text, tok.index);
  // "(keep)" or "- keep" written right after the number wins.
  const after = text.slice(tok.end, Math.min(end, tok.end + 24));
  const note = /^\s*[-–(:]?\s*\(?\s*(keep|stays?|port|not ported|do not port)\b/i.exec(after);
  if (note) return /keep|stay|not|do not/i.test(note[1]!) ? 'keep' : 'port';
  // A keyword after the number counts only on its own line ("0150 stays"); the next line may
  // be a heading of another list.
  const nl = text.indexOf('\n', tok.end);
  const lineEnd = nl < 0 ? text.length : nl;
  let before: { mode: Mode; at: number } | null = null;
  let next: { mode: Mode; at: number } | null = null;
  for (const k of KEYWORDS) {
    k.re.lastIndex = start;
    for (let m = k.re.exec(text); m && m.index < end; m = k.re.exec(text)) {
      if (m.index < tok.index) {
        if (!before || m.index > before.at) before = { mode: k.mode, at: m.index };
      } else if (m.index >= tok.end && m.index < lineEnd && (!next || m.index < next.at))
        next = { mode: k.mode, at: m.index };
    }
  }
  return before?.mode ?? next?.mode ?? heading;
}

/**
 * A line that ends in ":" and names a mode sets it for the list below it, until a blank line
 * after the list (blank lines right under the heading, as HTML bodies have, do not end it).
 */
function headingModes(text: string): { at: number; mode: Mode | null }[] {
  const out: { at: number; mode: Mode | null }[] = [];
  let pos = 0;
  let listed = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      if (listed > 0) out.push({ at: pos, mode: null });
      listed = 0;
    } else if (/:\s*$/.test(line)) {
      const mode = KEYWORDS.find((k) => {
        k.re.lastIndex = 0;
        return k.re.test(line);
      })?.mode;
      out.push({ at: pos, mode: mode ?? null });
      listed = 0;
    } else listed++;
    pos += line.length + 1;
  }
  return out;
}

function signatureOf(seg: Segment, from: MailContext['from']) {
  const sig = seg.signature;
  const lines = sig
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const phone = findPhoneTokens(sig).find((t) => !/\bfax\b/i.test(lineAt(sig, t.index)));
  const name =
    from?.name?.trim() ||
    lines.find((l, i) => i > 0 && /^[A-Z][a-z'.-]+(?: [A-Z][a-z'.-]+){1,3}$/.test(l)) ||
    '';
  const at = name ? lines.findIndex((l) => l.toLowerCase() === name.toLowerCase()) : -1;
  const titleLine = at >= 0 ? lines[at + 1] : undefined;
  const title =
    titleLine &&
    titleLine.length <= 60 &&
    !/[@\d]/.test(titleLine) &&
    !/\b(?:llc|inc|corp|ltd|co)\b\.?$/i.test(titleLine)
      ? titleLine
      : undefined;
  return { phone: phone?.digits, name: name || undefined, title };
}

/** Reads the request in an email body (plain text; see htmlToText for HTML bodies). */
export function readRequestText(text: string, ctx: MailContext = {}): BodyReading {
  const request: BodyRequest = {};
  const sources: BodyReading['sources'] = {};
  const segments = splitSegments(
    text
      .slice(0, MAX_TEXT)
      .replace(/[\u00a0\u2007\u202f]/g, ' ')
      .replace(/\u2010|\u2011/g, '-'),
  );
  const sent = ctx.sent ?? null;
  if (sent) request.asOf = sent;

  let requester: { seg: Segment; from: MailContext['from'] } | null = null;
  const port: string[] = [];
  const keep: string[] = [];
  const neutral: string[] = [];
  const contact: string[] = [];
  const btnOnly: string[] = [];
  let neutralSource: string | undefined;
  for (const seg of segments) {
    const body = seg.body;
    if (!body) continue;
    const set = <K extends BodyField>(k: K, v: BodyRequest[K], at: number) => {
      if (request[k] !== undefined || v === undefined) return;
      request[k] = v;
      sources[k] = lineAt(body, at);
    };
    const acct = accountNumber(body);
    const p = pin(body);
    const name = accountName(body) ?? nameBeforeAccount(body) ?? entityName(body);
    const addr = serviceAddress(body);
    const date = requestedDate(body, sent);
    if (acct) set('accountNumber', acct.value, acct.index);
    if (p && /\d/.test(p.value)) set('pin', p.value, p.index);
    if (name) set('accountName', name.value, name.index);
    if (addr) set('serviceAddress', addr.value, addr.index);
    if (date) set('requestedFocDate', date.value, date.index);
    const type =
      /\bresidential\b|\bhome (?:phone|line|service)\b/i.exec(body) ??
      /\bbusiness (?:account|line|service)s?\b/i.exec(body);
    if (type) set('accountType', /business/i.test(type[0]) ? 'business' : 'residential', type.index);

    const skip: [number, number][] = [acct, p, date, addr].flatMap((f) =>
      f ? [[f.index, f.end] as [number, number]] : [],
    );
    const tokens = findPhoneTokens(body, skip);
    // A number right after a BTN label is the account's number, ported only when a port verb
    // governs the label itself ("port our main number 212-…"), not one earlier in the sentence.
    const labelledBtn = new Map<PhoneToken, boolean>();
    BTN_LABEL.lastIndex = 0;
    for (let m = BTN_LABEL.exec(body); m; m = BTN_LABEL.exec(body)) {
      const at = m.index + m[0].length;
      const t = tokens.find((x) => x.index >= at && x.index <= at + 4);
      if (!t) continue;
      set('btn', t.digits, m.index);
      labelledBtn.set(
        t,
        /\b(?:port|move|transfer)\b\W+(?:\w+\W+)?$/i.test(body.slice(Math.max(0, m.index - 24), m.index)),
      );
    }
    const heads = headingModes(body);
    const before = { port: port.length, keep: keep.length, neutral: neutral.length, btn: btnOnly.length };
    for (const t of tokens) {
      const head = [...heads].reverse().find((h) => h.at <= t.index)?.mode ?? null;
      const governed = labelledBtn.get(t);
      if (governed === false) {
        btnOnly.push(t.digits);
        continue;
      }
      const mode = governed ? 'port' : modeAt(body, t, head);
      (mode === 'port' ? port : mode === 'keep' ? keep : mode === 'contact' ? contact : neutral).push(
        t.digits,
      );
      if (mode === 'port' && !sources.numbersToPort) sources.numbersToPort = lineAt(body, t.index);
      if (mode === 'keep' && !sources.numbersToKeep) sources.numbersToKeep = lineAt(body, t.index);
      if (mode === null && !neutralSource) neutralSource = lineAt(body, t.index);
    }
    const all = PORT_ALL.exec(body);
    if (all && !request.portAll) {
      request.portAll = true;
      sources.portAll = lineAt(body, all.index);
    }
    const gave =
      port.length + keep.length + neutral.length + btnOnly.length >
        before.port + before.keep + before.neutral + before.btn ||
      acct ||
      p ||
      name ||
      addr ||
      all;
    if (gave && !requester) requester = { seg, from: seg.from ?? ctx.from ?? null };
  }

  const keepSet = new Set(keep);
  // Numbers written with no word saying what to do with them are the ones to port, unless the
  // customer named the numbers to port elsewhere (then they are context: a BTN, a list of lines).
  const toPort = [...new Set(port.length ? port : neutral.length ? neutral : btnOnly)].filter(
    (n) => !keepSet.has(n),
  );
  if (toPort.length) request.numbersToPort = toPort;
  if (!toPort.length) delete sources.numbersToPort;
  else if (!port.length) sources.numbersToPort = neutralSource;
  if (keepSet.size) request.numbersToKeep = [...keepSet];
  else delete sources.numbersToKeep;

  const who = requester ?? {
    seg: segments[0] ?? { body: '', signature: '', from: null },
    from: ctx.from ?? null,
  };
  const sig = signatureOf(who.seg, who.from);
  const authorized: NonNullable<BodyRequest['authorized']> = {};
  const name = who.from?.name?.trim() || sig.name;
  if (name) authorized.name = name.replace(/^"|"$/g, '');
  if (who.from?.address) authorized.email = who.from.address.trim();
  const phone = sig.phone ?? contact[0];
  if (phone) authorized.phone = phone;
  if (sig.title) authorized.title = sig.title;
  if (Object.keys(authorized).length) {
    request.authorized = authorized;
    sources.authorized =
      who.seg === segments[0] && !who.seg.from ? 'the sender and signature' : 'the forwarded message';
  }
  return { request, sources };
}

/** True when the body asked for nothing the desk can use (no numbers, account, PIN or address). */
export function isEmptyRequest(r: BodyRequest): boolean {
  return !(
    r.numbersToPort?.length ||
    r.numbersToKeep?.length ||
    r.portAll ||
    r.accountNumber ||
    r.accountName ||
    r.btn ||
    r.pin ||
    r.serviceAddress
  );
}

export { parseAddressHeader };
