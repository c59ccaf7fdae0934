// The desk CLI as a child process, from its TypeScript sources: what an agent or a script sees
// (exit code, stdout, stderr), for the tests that hold the CLI's contract.
import { spawn } from 'node:child_process';
import path from 'node:path';

const TSX = path.resolve('node_modules/.bin/tsx');
const CLI = path.resolve('electron/cli.ts');

export interface DeskRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface DeskRunOptions {
  /** Added to this process's environment; a key set to undefined is removed from it. */
  env?: Record<string, string | undefined>;
  /** What the command reads on stdin (empty by default). */
  stdin?: string;
}

export function runDesk(args: string[], opts: DeskRunOptions = {}): Promise<DeskRun> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [CLI, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.stdin ?? '');
  });
}
