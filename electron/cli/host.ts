// `desk host [--port N] [--host 127.0.0.1|::1] [--open]`: starts the browser host on the data dir
// and keeps it running until SIGINT/SIGTERM, then closes the desk cleanly (WAL checkpointed).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../cli';
import { DeskError } from '../../shared/errors';
import { defaultDataDir } from '../desk/paths';
import { startHost } from '../host';
import { sharedOcrPool } from '../desk/intake/ocr-pool';
import { databaseUrlFromEnv } from '../desk/store/open-store';
import { redactUrl } from '../desk/store/postgres/connect';

export const usage = [
  'host [--port N] [--host 127.0.0.1|::1] [--open]   serve the app to a browser on this machine',
  '  host --team --listen <address:port> [--tls-cert f --tls-key f] [--name host]…   a team desk (PostgreSQL)',
].join('\n');

interface HostArgs {
  port: number;
  host: string;
  open: boolean;
  team: boolean;
  tlsCert?: string;
  tlsKey?: string;
  names: string[];
}

/** "0.0.0.0:8443", "[::]:8443", "desk.office.lan:8443" or a bare port. */
function parseListen(v: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]+))?:?(\d+)$/.exec(v.trim());
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65535)
    throw new DeskError('BAD_ARGUMENT', `--listen takes address:port (e.g. 0.0.0.0:8443), not '${v}'.`);
  return { host: m[1] ?? m[2] ?? '0.0.0.0', port };
}

export function parseHostArgs(argv: string[]): HostArgs {
  const out: HostArgs = { port: 0, host: '127.0.0.1', open: false, team: false, names: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=')
      ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
      : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new DeskError('BAD_ARGUMENT', `${flag} needs a value.`);
      return v;
    };
    if (flag === '--port') {
      const v = value();
      const n = Number(v);
      if (!/^\d+$/.test(v) || n > 65535)
        throw new DeskError('BAD_ARGUMENT', `--port must be a number from 0 to 65535, not '${v}'.`);
      out.port = n;
    } else if (flag === '--host') out.host = value();
    else if (flag === '--open') out.open = true;
    else if (flag === '--team') out.team = true;
    else if (flag === '--listen') Object.assign(out, parseListen(value()));
    else if (flag === '--tls-cert') out.tlsCert = value();
    else if (flag === '--tls-key') out.tlsKey = value();
    else if (flag === '--name') out.names.push(value());
    else throw new DeskError('BAD_ARGUMENT', `Unknown option '${a}'. Usage: desk ${usage}`);
  }
  if (!out.team && (out.tlsCert || out.tlsKey || out.names.length))
    throw new DeskError('BAD_ARGUMENT', '--tls-cert, --tls-key and --name are for a team desk (--team).');
  if (!!out.tlsCert !== !!out.tlsKey)
    throw new DeskError('BAD_ARGUMENT', 'Give both --tls-cert and --tls-key.');
  return out;
}

/**
 * The built renderer next to this code: dist/renderer from the bundle (dist/electron/*.mjs), or
 * from the sources under tsx. The first one holding an index.html wins.
 */
export function findRendererDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    process.env.PORTING_DESK_RENDERER_DIR,
    path.resolve(here, '../renderer'),
    path.resolve(here, '../../dist/renderer'),
    path.resolve(here, '../dist/renderer'),
    path.resolve(process.cwd(), 'dist/renderer'),
  ].filter((c): c is string => !!c);
  return (
    candidates.find((c) => fs.existsSync(path.join(c, 'index.html'))) ?? candidates[candidates.length - 1]!
  );
}

function openInBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    /* no browser launcher: the printed URL is enough */
  }
}

/**
 * PORTING_DESK_TEST_NOW=<ISO instant> starts the desk's clock at that instant (it then runs on):
 * the e2e specs set it so "today" (FOC calendar, bill age) is a day they know, whatever day they
 * run on. Only test runs set it; the host says so on stderr when it is set.
 */
export function pinnedClock(value: string | undefined): (() => number) | null {
  if (!value) return null;
  const at = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at))
    throw new DeskError(
      'BAD_ARGUMENT',
      `PORTING_DESK_TEST_NOW must be an ISO instant like 2025-11-10T15:00:00Z, not '${value}'.`,
    );
  const offset = at - Date.now();
  return () => Date.now() + offset;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseHostArgs(argv);
  const dataDir = defaultDataDir();
  fs.mkdirSync(dataDir, { recursive: true });
  const rendererDir = findRendererDir();
  const databaseUrl = databaseUrlFromEnv();
  let team: Parameters<typeof startHost>[0]['team'];
  if (args.team) {
    if (!databaseUrl)
      throw new DeskError(
        'BAD_ARGUMENT',
        'A team desk keeps its cases in PostgreSQL: set PORTING_DESK_DATABASE_URL (or --database-url) first.',
      );
    const { isLoopbackBindAddress } = await import('../host/auth');
    const { certificateNames, loadTls, selfSignedTls } = await import('../host/tls');
    // Plain HTTP only on loopback (behind a local proxy); anywhere else TLS, self-signed if need be.
    const tls = args.tlsCert
      ? loadTls(args.tlsCert, args.tlsKey!)
      : isLoopbackBindAddress(args.host)
        ? null
        : await selfSignedTls(dataDir, certificateNames(args.host, args.names));
    team = { tls, names: args.names };
  }
  const clock = pinnedClock(process.env.PORTING_DESK_TEST_NOW);
  if (clock)
    io.err(
      `warning: the desk's clock starts at ${new Date(clock()).toISOString()} (PORTING_DESK_TEST_NOW, for tests only)\n`,
    );
  const host = await startHost({
    dataDir,
    databaseUrl,
    port: args.port,
    host: args.host,
    rendererDir,
    team,
    ...(clock ? { clock } : {}),
  });
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    io.err(`warning: no built renderer at ${rendererDir}; run \`npm run build\` (the API still works).\n`);
  }
  // Tests and scripts parse this exact line.
  io.out(`Porting Desk is running at ${host.url}\n`);
  if (team?.tls)
    io.out(
      `TLS certificate${team.tls.selfSigned ? ' (self-signed, kept in ' + team.tls.source + ')' : ''}: SHA-256 fingerprint\n  ${team.tls.fingerprint}\n` +
        'Agents should see this fingerprint the first time they connect.\n',
    );
  if (team) io.out('Agents sign in with the accounts made by `desk users add`.\n');
  io.out(
    `Data folder: ${dataDir}\n${databaseUrl ? `Cases in: ${redactUrl(databaseUrl)}\n` : ''}Press Ctrl+C to stop.\n`,
  );
  if (args.open) openInBrowser(host.url);
  // A team server reads every agent's bills: its OCR engines are warmed once it is up, so the
  // first scan of the day is read as fast as the rest (OcrPool.prime). A personal browser host
  // is for trying the desk and for tests, and starts nothing it may not need.
  if (team) setTimeout(() => void sharedOcrPool().prime(), 2000).unref();

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await host.close();
  io.out('Porting Desk host stopped.\n');
  return 0;
}
