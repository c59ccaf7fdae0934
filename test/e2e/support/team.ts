// A team desk for e2e specs: a throwaway PostgreSQL (test/support/postgres.ts), its schema and
// accounts, and `desk host --team` in a child process on loopback, as a lead would start it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createPg } from '../../../electron/desk/store/postgres/connect';
import { migratePg } from '../../../electron/desk/store/postgres/migrate';
import { createAccounts } from '../../../electron/desk/team/accounts';
import { nullLogger } from '../../../electron/desk/log';
import { findPgBin, startPgServer, type PgServer } from '../../support/postgres';
import { deskCli } from './host';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

export const AGENTS = {
  lead: { email: 'lee@desk.test', name: 'Lee Park', role: 'lead' as const, password: 'lead password 1' },
  ann: { email: 'ann@desk.test', name: 'Ann Ortega', role: 'agent' as const, password: 'ann password 12' },
  dana: { email: 'dana@desk.test', name: 'Dana Reyes', role: 'agent' as const, password: 'dana password 1' },
};

export interface TeamDesk {
  origin: string;
  url: string;
  dataDir: string;
  server: PgServer;
  output(): string;
  signIn(page: Page, who: keyof typeof AGENTS): Promise<void>;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export const hasPostgres = (): boolean => !!findPgBin();

export async function startTeamDesk(): Promise<TeamDesk> {
  const server = await startPgServer({ fsync: false });
  const url = await server.createDatabase('team');
  const pg = createPg(url, { max: 2 });
  await migratePg(pg);
  const accounts = createAccounts(pg, nullLogger);
  for (const a of Object.values(AGENTS)) await accounts.add(a);
  await pg.end();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-team-e2e-'));
  const [cmd, ...args] = deskCli(['host', '--team', '--listen', '127.0.0.1:0']);
  const child: ChildProcess = spawn(cmd!, args, {
    cwd: root,
    env: { ...process.env, PORTING_DESK_DATA: dataDir, PORTING_DESK_DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const found = await new Promise<string>((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`team host did not start:\n${log.join('')}`)), 30_000);
    child.stdout!.on('data', (c: Buffer) => {
      log.push(c.toString());
      buf += c.toString();
      const m = /Porting Desk is running at (http:\/\/\S+)/.exec(buf);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.on('data', (c: Buffer) => log.push(c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`team host exited ${code}:\n${log.join('')}`));
    });
  });
  const origin = new URL(found).origin;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    origin,
    url: found,
    dataDir,
    server,
    output: () => log.join(''),
    async signIn(page, who) {
      const a = AGENTS[who];
      await page.goto(origin + '/');
      await page.getByLabel('Email').fill(a.email);
      await page.getByLabel('Password').fill(a.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      server.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
