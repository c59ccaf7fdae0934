// `porting-desk` CLI: `npm run -s desk -- <command> …`. Each command lives in electron/cli/<name>.ts
// and is loaded only when used, so `desk intake` does not pay for the store or the packet code.
import { fileURLToPath } from 'node:url';
import { DeskError } from '../shared/errors';
import { releaseAll } from './desk/release';

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}
export type CliCommand = (argv: string[], io: CliIo) => Promise<number>;

type CommandName = 'intake' | 'import' | 'teach' | 'check' | 'cases' | 'packet' | 'db' | 'host' | 'users';

const COMMANDS: Record<CommandName, () => Promise<{ run: CliCommand; usage: string }>> = {
  intake: () => import('./cli/intake'),
  import: () => import('./cli/import'),
  teach: () => import('./cli/teach'),
  check: () => import('./cli/check'),
  cases: () => import('./cli/cases'),
  packet: () => import('./cli/packet'),
  db: () => import('./cli/db'),
  host: () => import('./cli/host'),
  users: () => import('./cli/users'),
};

/**
 * One line per command for `desk --help`; the command's own module holds its full usage. Keyed by
 * the command names, so a command added without its line fails to compile (import had none).
 */
const SUMMARY: Record<CommandName, string> = {
  intake: 'read a bill (text PDF, scan, fax TIFF, photo) and print its fields as JSON',
  import: "turn a reseller's request spreadsheet (CSV or XLSX) into cases; --dry-run shows them first",
  teach: "teach the desk where a bill's carrier prints each field, from the bill's right values",
  check: 'check a bill against a stored case or a request.json, rule by rule',
  cases: 'list, show and create cases, and move them through their statuses',
  packet: 'write the LOA packet for a case, or in one shot from a request and a bill',
  db: 'back up, restore, inspect or migrate the case store, or copy it into a team desk',
  host: 'serve the app to a browser on this machine, or a team desk to the office (--team)',
  users: "a team desk's accounts: add, list, disable, enable, reset-password",
};

const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];
// Own keys only: `desk toString` is no command, though `'toString' in COMMANDS` holds.
const isCommand = (n: string): n is CommandName => Object.hasOwn(COMMANDS, n);

const isHelp = (a: string) => a === '--help' || a === '-h';

/** A help flag anywhere before `--` (after it, arguments are taken as they are). */
function asksHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some(isHelp);
}

function overview(): string {
  const width = Math.max(...COMMAND_NAMES.map((n) => n.length));
  return [
    'usage: desk <command> [options]        (from the repository: npm run -s desk -- <command> …)',
    '',
    'commands:',
    ...COMMAND_NAMES.map((n) => `  ${n.padEnd(width)}  ${SUMMARY[n]}`),
    '',
    "Run 'desk <command> --help' for a command's options. --debug adds a stack trace to errors.",
    '',
  ].join('\n');
}

/** A command's usage, each form on its own line ("desk cases list …", "desk cases show …"). */
async function commandHelp(name: CommandName): Promise<string> {
  const { usage } = await COMMANDS[name]();
  const forms = usageForms(usage).map((f) => `  desk ${f}`);
  return [`desk ${name}: ${SUMMARY[name]}`, '', 'usage:', ...forms, ''].join('\n');
}

/**
 * A usage's forms: one a line, or side by side as "a | b". A bare | inside a form (list|show)
 * and a spaced one inside brackets ("[--bill <file> | --fields <f>]": one option or the other)
 * belong to the form.
 */
function usageForms(usage: string): string[] {
  const forms: string[] = [];
  for (const line of usage.split('\n')) {
    let depth = 0;
    let start = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (c === '[' || c === '<') depth++;
      else if (c === ']' || c === '>') depth--;
      else if (c === '|' && depth === 0 && /\s/.test(line[i - 1] ?? '') && /\s/.test(line[i + 1] ?? '')) {
        forms.push(line.slice(start, i));
        start = i + 1;
      }
    }
    forms.push(line.slice(start));
  }
  return forms.map((f) => f.trim()).filter(Boolean);
}

/**
 * `--database-url <url>` anywhere on the line: the same as PORTING_DESK_DATABASE_URL for this
 * command, so every command (cases, check, packet, db, host) opens the same PostgreSQL desk.
 */
function takeDatabaseUrl(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--database-url' || a.startsWith('--database-url=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!v)
        throw new DeskError('BAD_ARGUMENT', '--database-url needs a value: postgres://user:password@host/db');
      process.env.PORTING_DESK_DATABASE_URL = v;
    } else out.push(a);
  }
  return out;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug');
  let args: string[];
  try {
    args = takeDatabaseUrl(argv.filter((a) => a !== '--debug'));
  } catch (err) {
    io.err(`error: ${(err as Error).message}\n`);
    return 2;
  }
  try {
    return await runCommand(args, io, debug);
  } finally {
    // The OCR engines a bill started must not keep a finished command alive.
    await releaseAll();
  }
}

async function runCommand(args: string[], io: CliIo, debug: boolean): Promise<number> {
  const name = args[0];
  if (!name) {
    io.err(overview());
    return 2;
  }
  // `desk --help`, `desk -h`, `desk help` and `desk help <command>` answer on stdout and succeed.
  if (isHelp(name) || (name === 'help' && !args[1])) {
    io.out(overview());
    return 0;
  }
  const target = name === 'help' ? args[1]! : name;
  if (!isCommand(target)) {
    io.err(`error: unknown command '${target}'\n`);
    io.err(overview());
    return 2;
  }
  try {
    if (name === 'help' || asksHelp(args.slice(1))) {
      io.out(await commandHelp(target));
      return 0;
    }
    // Every command but the long-lived host ends when its work does (see loadPdfJsForOneShot).
    if (name !== 'host') {
      // pdfjs as plain scripts with a V8 code cache: the build puts them in pdfjs/ beside the
      // bundled CLI (run from the sources there is no such folder, and pdfjs is imported).
      (await import('./desk/intake/pdf-text')).loadPdfJsForOneShot(
        fileURLToPath(new URL('./pdfjs/', import.meta.url)),
      );
      (await import('./desk/intake/prepare-where')).preparePagesInline();
    }
    const mod = await COMMANDS[target]();
    return await mod.run(args.slice(1), io);
  } catch (err) {
    const msg = err instanceof DeskError ? err.message : err instanceof Error ? err.message : String(err);
    io.err(`error: ${msg.split('\n')[0]}\n`);
    if (debug && err instanceof Error && err.stack) io.err(err.stack + '\n');
    return err instanceof DeskError && err.code === 'BAD_ARGUMENT' ? 2 : 1;
  }
}

/**
 * Ends the process once what it printed is out. A one-shot command is done when main()
 * returns; anything still holding the event loop open then (a worker, a timer, a socket
 * some library left behind) must not keep the terminal or a calling script waiting.
 */
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = (): void => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

/** The CLI as a process: runs the command, then exits with its code. */
export function runCli(argv: string[]): void {
  const io: CliIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };
  main(argv, io).then(exitWhenFlushed, (err: unknown) => {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    exitWhenFlushed(1);
  });
}

// Run directly (node dist/electron/cli.mjs, tsx electron/cli.ts); scripts/desk.mjs calls runCli.
if (process.argv[1] && /cli\.(ts|js|mjs|cjs)$/.test(process.argv[1])) runCli(process.argv.slice(2));
