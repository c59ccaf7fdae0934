// Rule checks on the case: the carrier rejections that can be seen coming before submission,
// each with a severity and the carrier code it prevents (from DOMAIN.md).
import type { Address, BillFields, CaseInput } from '../domain';
import { isPoBox, parseStreet } from '../normalize/address';
import { analyzePhone, formatPhone, phoneDigits } from '../normalize/phone';
import { VALID_DIRECTIONALS } from '../normalize/usps';
import type { FieldCheck, RuleCheck, Severity } from './types';

export const BUSINESS_NAME_MAX = 25;
export const AUTHORIZER_NAME_MAX = 15;

/** A number of another open case, supplied by the caller (the store's findOpenCasesWithNumbers). */
export interface OpenCaseNumber {
  caseId: number;
  accountName: string;
  number: string;
}

export interface RuleContext {
  /** The bill's fields, when a bill has been read: numbers on it that are not ported remain on the account. */
  bill?: BillFields | null;
  /** Numbers of this case found in other open cases. */
  otherOpenCases?: OpenCaseNumber[];
}

const rule = (
  id: string,
  severity: Severity,
  code: string | null,
  title: string,
  reason: string,
  numbers: string[] = [],
): RuleCheck => ({ id, severity, code, title, reason, numbers });

const list = (nums: string[], max = 6) =>
  nums.slice(0, max).map(formatPhone).join(', ') +
  (nums.length > max ? ` and ${nums.length - max} more` : '');

export function addressComplete(a: Address | null | undefined): boolean {
  return !!a && !!a.line1.trim() && !!a.city.trim() && !!a.state.trim() && !!a.zip.trim();
}

/** Numbers on the account that are not being ported: 'keep' numbers of the case plus the bill's others. */
export function remainingNumbers(c: CaseInput, bill?: BillFields | null): string[] {
  const port = new Set(c.numbers.filter((n) => n.action === 'port').map((n) => n.number));
  const keep = new Set(c.numbers.filter((n) => n.action === 'keep').map((n) => n.number));
  for (const n of bill?.numbers ?? []) {
    const d = phoneDigits(n);
    if (d && !port.has(d)) keep.add(d);
  }
  return [...keep];
}

export function checkRules(c: CaseInput, ctx: RuleContext = {}): RuleCheck[] {
  const out: RuleCheck[] = [];
  const port = c.numbers.filter((n) => n.action === 'port');
  const portDigits = port.map((n) => n.number);
  const btn = phoneDigits(c.customer.btn);
  const remaining = remainingNumbers(c, ctx.bill);

  // Completeness: a port request cannot go out without these.
  if (port.length === 0)
    out.push(rule('no_numbers', 'blocker', null, 'No numbers to port', 'List at least one number to port.'));
  if (!c.customer.accountNumber.trim())
    out.push(
      rule(
        'no_account_number',
        'blocker',
        'ACCOUNT_NUMBER_MISMATCH',
        'No account number',
        'Enter the account number exactly as on the bill.',
      ),
    );
  if (!c.customer.btn.trim())
    out.push(
      rule(
        'no_btn',
        'blocker',
        'BTN_ATN_MISMATCH',
        'No BTN',
        'Enter the billing telephone number from the bill.',
      ),
    );
  if (!c.authorized.name.trim())
    out.push(
      rule(
        'no_authorizer',
        'warning',
        null,
        'No authorized signer',
        'The LOA needs the name of the person who signs it.',
      ),
    );

  // Wireless without PIN (Bandwidth 7117).
  if (c.customer.wireless && !c.customer.pin)
    out.push(
      rule(
        'wireless_pin',
        'blocker',
        '7117',
        'Wireless account without a port-out PIN',
        'Wireless ports need the port-out PIN (not the voicemail PIN); ask the customer to get it from the carrier.',
      ),
    );

  // Partial port that strands the BTN.
  if (btn && portDigits.includes(btn) && remaining.length > 0) {
    if (!c.newBtn)
      out.push(
        rule(
          'btn_stranded',
          'blocker',
          'MAIN_BTN_PORTING',
          'BTN ported while numbers stay on the account',
          `The BTN ${formatPhone(btn)} is ported but ${list(remaining)} stay${remaining.length === 1 ? 's' : ''}; name a new BTN for the old account from the remaining numbers.`,
          [btn],
        ),
      );
    else if (!remaining.includes(c.newBtn))
      out.push(
        rule(
          'new_btn_not_remaining',
          'warning',
          'MAIN_BTN_PORTING',
          'New BTN is not a remaining number',
          `The new BTN ${formatPhone(c.newBtn)} should be one of the numbers that stay on the account (${list(remaining)}).`,
          [c.newBtn],
        ),
      );
  }

  // Numbers remain: the old account must stay open.
  if (remaining.length > 0 && port.length > 0)
    out.push(
      rule(
        'numbers_remain',
        'warning',
        null,
        'Numbers remain on the old account',
        `${list(remaining)} ${remaining.length === 1 ? 'is' : 'are'} not ported: tell the customer not to close the old account, and to call the old provider 2 days after the port.`,
        remaining,
      ),
    );

  // Number kinds: toll-free and Canadian flows.
  const infos = port.map((n) => ({ n, info: analyzePhone(n.number) }));
  const tollFree = infos.filter((x) => x.info.tollFree).map((x) => x.n.number);
  const canadian = infos.filter((x) => x.info.canadian).map((x) => x.n.number);
  const local = infos.filter((x) => !x.info.tollFree && !x.info.canadian).map((x) => x.n.number);
  if (tollFree.length)
    out.push(
      rule(
        'tollfree_resporg',
        'warning',
        null,
        'Toll-free numbers need a RespOrg letter',
        `${list(tollFree)} ${tollFree.length === 1 ? 'is' : 'are'} toll-free: attach a RespOrg change letter (the LOA does not cover toll-free).`,
        tollFree,
      ),
    );
  if (tollFree.length && (local.length || canadian.length))
    out.push(
      rule(
        'split_tollfree',
        'blocker',
        null,
        'Split local and toll-free into separate orders',
        `This request mixes ${tollFree.length} toll-free and ${local.length + canadian.length} other number(s); carriers take them as separate orders.`,
        tollFree,
      ),
    );
  if (canadian.length)
    out.push(
      rule(
        'canadian',
        'warning',
        null,
        'Canadian numbers follow their own flow',
        `${list(canadian)} ${canadian.length === 1 ? 'is' : 'are'} Canadian: submit through the Canadian request flow${local.length ? ', separately from the US numbers' : ''}.`,
        canadian,
      ),
    );

  // Invalid or fictitious numbers.
  const invalid = infos.filter((x) => !x.info.valid && !x.info.fictitious);
  if (invalid.length)
    out.push(
      rule(
        'invalid_numbers',
        'blocker',
        'PHONE_NUMBER_MISMATCH',
        'Invalid numbers',
        invalid.map((x) => x.info.reason).join('; ') + '.',
        invalid.map((x) => x.n.number),
      ),
    );
  const fictitious = infos.filter((x) => x.info.fictitious).map((x) => x.n.number);
  if (fictitious.length)
    out.push(
      rule(
        'fictitious_numbers',
        'warning',
        null,
        'Fictitious numbers (555-01XX)',
        `${list(fictitious)} ${fictitious.length === 1 ? 'is' : 'are'} in the 555-0100–0199 range reserved for fiction: fine for training, never portable.`,
        fictitious,
      ),
    );
  if (btn) {
    const b = analyzePhone(btn);
    if (!b.valid && !b.fictitious)
      out.push(rule('invalid_btn', 'blocker', 'BTN_ATN_MISMATCH', 'Invalid BTN', `${b.reason}.`, [btn]));
  } else if (c.customer.btn.trim())
    out.push(
      rule(
        'invalid_btn',
        'blocker',
        'BTN_ATN_MISMATCH',
        'Invalid BTN',
        `"${c.customer.btn}" is not a 10-digit NANP number.`,
      ),
    );

  // Duplicate orders.
  const dups = (ctx.otherOpenCases ?? []).filter((d) =>
    portDigits.includes(phoneDigits(d.number) ?? d.number),
  );
  if (dups.length) {
    const byCase = new Map<number, OpenCaseNumber[]>();
    for (const d of dups) byCase.set(d.caseId, [...(byCase.get(d.caseId) ?? []), d]);
    const text = [...byCase.entries()]
      .map(([id, ds]) => `${list(ds.map((d) => d.number))} in case #${id} (${ds[0]!.accountName})`)
      .join('; ');
    out.push(
      rule(
        'duplicate_order',
        'blocker',
        '7205/22137',
        'Numbers already in another open case',
        `${text}: a second order for the same number is rejected as a duplicate (Bandwidth 7205, Twilio 22137). Cancel or merge the other case first.`,
        [...new Set(dups.map((d) => phoneDigits(d.number) ?? d.number))],
      ),
    );
  }

  // Service address.
  const sa = c.serviceAddress;
  if (isPoBox(sa.line1) || isPoBox(sa.line2))
    out.push(
      rule(
        'po_box',
        'blocker',
        'LOCATION_MISMATCH',
        'PO box as service address',
        'A PO box is not a service address; use the street address where the lines are installed (often the billing or remit address was given by mistake).',
      ),
    );
  else if (!addressComplete(sa))
    out.push(
      rule(
        'service_address_incomplete',
        'blocker',
        'LOCATION_MISMATCH',
        'Service address incomplete',
        'Enter street, city, state and ZIP of the service address.',
      ),
    );
  else {
    const street = parseStreet(sa.line1, sa.line2).streetDisplay.split(' ');
    const raw = `${sa.line1} ${sa.line2 ?? ''}`.toUpperCase();
    const spelled = raw.match(
      /\b(NORTH|SOUTH|EAST|WEST|NORTHEAST|NORTHWEST|SOUTHEAST|SOUTHWEST|N\.\s?[EW]\.?|S\.\s?[EW]\.?)\b/g,
    );
    const dirs = [street[0], street[street.length - 1]].filter(
      (t): t is string => !!t && /^[NSEW]{1,2}$/.test(t),
    );
    const badDir = dirs.filter((t) => !(VALID_DIRECTIONALS as readonly string[]).includes(t));
    if (spelled?.length || badDir.length)
      out.push(
        rule(
          'directionals',
          'info',
          null,
          'Directionals are abbreviated on the order',
          `Carriers accept only N, S, E, W, NE, NW, SE, SW; "${(spelled ?? badDir).join('", "')}" will be written in that form.`,
        ),
      );
  }

  // Field limits.
  const name = c.customer.accountName.trim();
  if (c.customer.accountType === 'business' && name.length > BUSINESS_NAME_MAX)
    out.push(
      rule(
        'name_length',
        'warning',
        null,
        `Business name over ${BUSINESS_NAME_MAX} characters`,
        `"${name}" has ${name.length} characters; carrier forms take ${BUSINESS_NAME_MAX}. Agree the abbreviation with the customer so it still matches the bill.`,
      ),
    );
  const signer = c.authorized.name.trim();
  if (signer.length > AUTHORIZER_NAME_MAX)
    out.push(
      rule(
        'authorizer_length',
        'warning',
        null,
        `Authorizing person over ${AUTHORIZER_NAME_MAX} characters`,
        `"${signer}" has ${signer.length} characters; the LOA field takes ${AUTHORIZER_NAME_MAX} (e.g. initial and last name).`,
      ),
    );

  // E911 per number: null means the service address, which must then be complete.
  const noE911 = port.filter((n) =>
    n.e911 ? !addressComplete(n.e911) || isPoBox(n.e911.line1) : !addressComplete(sa) || isPoBox(sa.line1),
  );
  if (noE911.length && port.length)
    out.push(
      rule(
        'e911_missing',
        'blocker',
        null,
        'E911 address missing',
        `${list(noE911.map((n) => n.number))} ${noE911.length === 1 ? 'has' : 'have'} no usable E911 street address (the service address is used when none is given; it must be a complete street address).`,
        noE911.map((n) => n.number),
      ),
    );

  // Informational.
  if (c.flags.dsl)
    out.push(
      rule(
        'dsl',
        'info',
        null,
        'DSL on the line',
        'DSL on a ported line stops working once the number is ported; arrange other internet first.',
      ),
    );
  if (c.flags.contractTerm)
    out.push(
      rule(
        'etf',
        'info',
        null,
        'Early termination fee',
        'The old contract may charge an early termination fee when the numbers leave.',
      ),
    );
  if (c.flags.personalCell || (c.customer.wireless && c.customer.accountType === 'residential'))
    out.push(
      rule(
        'personal_cell',
        'info',
        null,
        'Personal cell number',
        'Porting a personal cell number moves it to VoIP: two-factor codes by SMS may stop arriving, and the phone loses the number.',
      ),
    );
  return out;
}

const FIELD_CODES: Record<string, string> = {
  accountName: 'ENTITY_NAME_MISMATCH',
  accountNumber: 'ACCOUNT_NUMBER_MISMATCH',
  btn: 'BTN_ATN_MISMATCH',
  serviceAddress: 'LOCATION_MISMATCH',
  numbersOnBill: 'PHONE_NUMBER_MISMATCH',
};

/** Field-check outcomes as rules: a mismatch or stale bill blocks; an unread bill field is a warning. */
export function fieldRules(fields: FieldCheck[]): RuleCheck[] {
  const out: RuleCheck[] = [];
  for (const f of fields) {
    if (f.verdict === 'mismatch') {
      const code =
        f.field === 'serviceAddress' && /\bZIP\b/.test(f.reason)
          ? 'POSTAL_CODE_MISMATCH'
          : (FIELD_CODES[f.field] ?? null);
      out.push(
        rule(
          `field_mismatch:${f.field}`,
          'blocker',
          code,
          f.field === 'numbersOnBill'
            ? `${f.missingNumbers.length === 1 ? 'A number' : 'Numbers'} to port not on the bill`
            : `${f.label} does not match the bill`,
          f.reason,
          f.missingNumbers,
        ),
      );
    } else if (f.verdict === 'stale')
      out.push(rule('bill_stale', 'blocker', null, 'Bill older than 30 days', f.reason));
    else if (f.verdict === 'missing')
      out.push(rule(`field_missing:${f.field}`, 'warning', null, `${f.label}: not verified`, f.reason));
  }
  return out;
}
