// `desk cases …`: the case store from a terminal. Every call goes through dispatch, like the
// renderer's, so the CLI gets the same validation and the same error messages.
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIo } from '../cli';
import type { ArgsIn, Channel, Result } from '../../shared/contract';
import type { Case, CaseSummary } from '../../shared/domain';
import { DeskError } from '../../shared/errors';
import { CASE_STATUSES, STATUS_LABELS, type CaseStatus } from '../../shared/status';
import { defaultDataDir } from '../desk/paths';
import type { Desk } from '../desk/service';
import { PIN_MASK } from '../desk/store/diff';

export const usage = [
  'cases list [--query q] [--status s]… [--sort updated|created|name|foc|status] [--asc] [--limit n] [--offset n] [--json]',
  '  cases show <id> [--json] [--show-pin]',
  '  cases create --json <file|->        create a case from CaseInput JSON (prints the case as JSON)',
  '  cases status <id> <status> [--reason text] [--code carrier-code]',
].join('\n');

/** Who the audit trail names for CLI changes. */
export function cliActor(): string {
  const fromEnv = process.env.PORTING_DESK_ACTOR?.trim();
  if (fromEnv) return fromEnv;
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return 'cli';
  }
}

/** node:util parseArgs, with its errors turned into one clear BAD_ARGUMENT line. */
export function parseCli<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  cmd: string,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new DeskError('BAD_ARGUMENT', `${(err as Error).message.split('\n')[0]} (usage: desk ${cmd})`);
  }
}

export function parseId(raw: string | undefined, what = 'case id'): number {
  if (raw === undefined) throw new DeskError('BAD_ARGUMENT', `Missing ${what}.`);
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new DeskError('BAD_ARGUMENT', `The ${what} must be a positive whole number, not '${raw}'.`);
  }
  return Number(raw);
}

/** Opens the desk on the data dir, runs fn, and always closes it (WAL checkpoint, locks released). */
export async function withDesk<T>(fn: (desk: Desk) => Promise<T>): Promise<T> {
  // Loaded on demand: the service pulls in every domain (PDF, OCR, packet), which a bad-argument
  // error should not have to wait for.
  const [{ openDesk }, { databaseUrlFromEnv }] = await Promise.all([
    import('../desk/service'),
    import('../desk/store/open-store'),
  ]);
  const desk = await openDesk({ dataDir: defaultDataDir(), databaseUrl: databaseUrlFromEnv(), door: 'cli' });
  try {
    return await fn(desk);
  } finally {
    await desk.close();
  }
}

export async function call<C extends Channel>(desk: Desk, channel: C, args: ArgsIn<C>): Promise<Result<C>> {
  const { dispatch } = await import('../desk/dispatch');
  const res = await dispatch(desk.handlers, channel, args, { actor: cliActor() });
  if (!res.ok) throw new DeskError(res.error.code, res.error.message, res.error.issues);
  return res.value as Result<C>;
}

/** "Port Submitted", "port-submitted" and "port_submitted" all name the same status. */
export function parseStatus(raw: string): CaseStatus {
  const key = raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const found = CASE_STATUSES.find(
    (s) => s === key || STATUS_LABELS[s].toLowerCase().replace(/\s+/g, '_') === key,
  );
  if (!found) {
    throw new DeskError('BAD_ARGUMENT', `Unknown status '${raw}'. Statuses: ${CASE_STATUSES.join(', ')}.`);
  }
  return found;
}

const maskCase = (c: Case): Case =>
  c.customer.pin ? { ...c, customer: { ...c.customer, pin: PIN_MASK } } : c;

function readJsonInput(src: string): unknown {
  let text: string;
  try {
    text = src === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(src, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DeskError(
      'BAD_ARGUMENT',
      code === 'ENOENT' ? `No such file: ${src}` : `Cannot read ${src}: ${(err as Error).message}`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const where = src === '-' ? 'standard input' : src;
    throw new DeskError('BAD_ARGUMENT', `${where} is not valid JSON: ${(err as Error).message}`);
  }
}

function pad(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s.padEnd(n);
}

function formatList(total: number, items: CaseSummary[], offset: number): string {
  if (!items.length) return total ? `No cases on this page (${total} in all).\n` : 'No cases.\n';
  const head = `${pad('ID', 7)} ${pad('STATUS', 22)} ${pad('ACCOUNT', 30)} ${pad('BTN', 12)} ${pad('NUMS', 5)} ${pad('FOC', 10)} ${pad('READY', 8)} UPDATED`;
  const rows = items.map(
    (c) =>
      `${pad(String(c.id), 7)} ${pad(STATUS_LABELS[c.status], 22)} ${pad(c.accountName, 30)} ${pad(c.btn, 12)} ` +
      `${pad(String(c.numberCount), 5)} ${pad(c.focDate ?? '-', 10)} ${pad(c.readiness ?? '-', 8)} ${c.updatedAt}`,
  );
  const tail = `${offset + 1}–${offset + items.length} of ${total}`;
  return [head, ...rows, tail].join('\n') + '\n';
}

function formatCase(c: Case): string {
  const a = c.serviceAddress;
  const lines = [
    `Case ${c.id} · ${STATUS_LABELS[c.status]} · version ${c.version} · updated ${c.updatedAt}`,
    `Account:     ${c.customer.accountName} (${c.customer.accountType}) #${c.customer.accountNumber}`,
    `BTN:         ${c.customer.btn || '-'}${c.newBtn ? `   new BTN ${c.newBtn}` : ''}`,
    `Carrier:     ${c.customer.losingCarrier}${c.customer.wireless ? ' (wireless)' : ''}   PIN ${c.customer.pin ?? '-'}`,
    `Authorized:  ${c.authorized.name}${c.authorized.title ? `, ${c.authorized.title}` : ''} ${c.authorized.email} ${c.authorized.phone}`.trimEnd(),
    `Service:     ${[a.line1, a.line2, `${a.city}, ${a.state} ${a.zip}`].filter(Boolean).join(', ')}`,
    `FOC:         ${c.focDate ?? '-'}${c.focTime ? ` ${c.focTime} ET` : ''}`,
    `Numbers (${c.numbers.length}):`,
    ...c.numbers.map(
      (n) =>
        `  ${n.number}  ${n.action.padEnd(4)}  ${n.kind}${n.e911 ? `  E911: ${n.e911.line1}, ${n.e911.city}` : ''}`,
    ),
  ];
  if (c.notes) lines.push(`Notes:       ${c.notes}`);
  return lines.join('\n') + '\n';
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'list': {
      const { values, positionals } = parseCli(
        rest,
        {
          query: { type: 'string', short: 'q' },
          status: { type: 'string', multiple: true },
          sort: { type: 'string' },
          asc: { type: 'boolean' },
          limit: { type: 'string' },
          offset: { type: 'string' },
          json: { type: 'boolean' },
        },
        'cases list',
      );
      if (positionals.length) throw new DeskError('BAD_ARGUMENT', `Unexpected argument '${positionals[0]}'.`);
      const num = (v: string | undefined, name: string) => {
        if (v === undefined) return undefined;
        if (!/^\d+$/.test(v))
          throw new DeskError('BAD_ARGUMENT', `--${name} must be a whole number, not '${v}'.`);
        return Number(v);
      };
      const args = {
        query: values.query ?? '',
        status: (values.status ?? [])
          .flatMap((s) => s.split(','))
          .filter(Boolean)
          .map(parseStatus),
        sort: values.sort as ArgsIn<'cases:list'>['sort'],
        dir: values.asc ? ('asc' as const) : ('desc' as const),
        limit: num(values.limit, 'limit'),
        offset: num(values.offset, 'offset'),
      };
      const res = await withDesk((desk) => call(desk, 'cases:list', args));
      io.out(
        values.json
          ? JSON.stringify(res, null, 2) + '\n'
          : formatList(res.total, res.items, args.offset ?? 0),
      );
      return 0;
    }
    case 'show': {
      const { values, positionals } = parseCli(
        rest,
        { json: { type: 'boolean' }, 'show-pin': { type: 'boolean' } },
        'cases show <id>',
      );
      const id = parseId(positionals[0]);
      const c = await withDesk((desk) => call(desk, 'cases:get', { id }));
      // The PIN is a secret: terminals get scrolled, copied and logged, so it is masked unless asked for.
      const shown = values['show-pin'] ? c : maskCase(c);
      io.out(values.json ? JSON.stringify(shown, null, 2) + '\n' : formatCase(shown));
      return 0;
    }
    case 'create': {
      const { values, positionals } = parseCli(
        rest,
        { json: { type: 'string' } },
        'cases create --json <file|->',
      );
      if (values.json === undefined) {
        throw new DeskError(
          'BAD_ARGUMENT',
          'cases create needs --json <file> (or --json - to read standard input).',
        );
      }
      if (positionals.length) throw new DeskError('BAD_ARGUMENT', `Unexpected argument '${positionals[0]}'.`);
      const input = readJsonInput(values.json);
      // The JSON is passed as it is: dispatch's zod parse names every bad field at once.
      const c = await withDesk((desk) => call(desk, 'cases:create', { input } as ArgsIn<'cases:create'>));
      io.out(JSON.stringify(maskCase(c), null, 2) + '\n');
      return 0;
    }
    case 'status': {
      const { values, positionals } = parseCli(
        rest,
        { reason: { type: 'string' }, code: { type: 'string' } },
        'cases status <id> <status>',
      );
      const id = parseId(positionals[0]);
      if (positionals[1] === undefined) throw new DeskError('BAD_ARGUMENT', 'Missing the new status.');
      const status = parseStatus(positionals.slice(1).join(' '));
      const c = await withDesk((desk) =>
        call(desk, 'cases:setStatus', { id, status, reason: values.reason, code: values.code }),
      );
      io.out(`Case ${c.id} is now ${STATUS_LABELS[c.status]} (version ${c.version}).\n`);
      return 0;
    }
    default:
      throw new DeskError(
        'BAD_ARGUMENT',
        sub
          ? `Unknown cases command '${sub}'. Try: list, show, create, status.`
          : `Usage: desk ${usage.split('\n')[0]}`,
      );
  }
}
