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
import { databaseUrlFromEnv } from '../desk/store/open-store';
import { redactUrl } from '../desk/store/postgres/connect';

export const usage =
  'host [--port N] [--host 127.0.0.1|::1] [--open]   serve the app to a browser on this machine';

interface HostArgs {
  port: number;
  host: string;
  open: boolean;
}

export function parseHostArgs(argv: string[]): HostArgs {
  const out: HostArgs = { port: 0, host: '127.0.0.1', open: false };
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
    else throw new DeskError('BAD_ARGUMENT', `Unknown option '${a}'. Usage: desk ${usage}`);
  }
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

export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseHostArgs(argv);
  const dataDir = defaultDataDir();
  fs.mkdirSync(dataDir, { recursive: true });
  const rendererDir = findRendererDir();
  const databaseUrl = databaseUrlFromEnv();
  const host = await startHost({ dataDir, databaseUrl, port: args.port, host: args.host, rendererDir });
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    io.err(`warning: no built renderer at ${rendererDir}; run \`npm run build\` (the API still works).\n`);
  }
  // Tests and scripts parse this exact line.
  io.out(`Porting Desk is running at ${host.url}\n`);
  io.out(
    `Data folder: ${dataDir}\n${databaseUrl ? `Cases in: ${redactUrl(databaseUrl)}\n` : ''}Press Ctrl+C to stop.\n`,
  );
  if (args.open) openInBrowser(host.url);

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
