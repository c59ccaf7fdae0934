// `porting-desk` CLI: `npm run -s desk -- <command> …`. Each command lives in electron/cli/<name>.ts
// and is loaded only when used, so `desk intake` does not pay for the store or the packet code.
import { DeskError } from '../shared/errors';

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}
export type CliCommand = (argv: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, () => Promise<{ run: CliCommand; usage: string }>> = {
  cases: () => import('./cli/cases'),
  db: () => import('./cli/db'),
  intake: () => import('./cli/intake'),
  teach: () => import('./cli/teach'),
  check: () => import('./cli/check'),
  packet: () => import('./cli/packet'),
  host: () => import('./cli/host'),
  users: () => import('./cli/users'),
};

async function usage(io: CliIo): Promise<void> {
  io.err('usage: desk <command> [options]\n');
  for (const name of Object.keys(COMMANDS)) {
    try {
      const mod = await COMMANDS[name]!();
      io.err(`  ${mod.usage}\n`);
    } catch {
      /* a command module that is not built yet is simply not listed */
    }
  }
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
  const name = args[0];
  if (!name || name === '--help' || name === '-h' || !(name in COMMANDS)) {
    if (name && name !== '--help' && name !== '-h') io.err(`error: unknown command '${name}'\n`);
    await usage(io);
    return 2;
  }
  try {
    const mod = await COMMANDS[name]!();
    return await mod.run(args.slice(1), io);
  } catch (err) {
    const msg = err instanceof DeskError ? err.message : err instanceof Error ? err.message : String(err);
    io.err(`error: ${msg.split('\n')[0]}\n`);
    if (debug && err instanceof Error && err.stack) io.err(err.stack + '\n');
    return err instanceof DeskError && err.code === 'BAD_ARGUMENT' ? 2 : 1;
  }
}

const isEntry = process.argv[1] && /cli\.(ts|js|mjs|cjs)$/.test(process.argv[1]);
if (isEntry) {
  const io: CliIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
