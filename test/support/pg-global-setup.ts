// vitest globalSetup: one throwaway PostgreSQL for the whole run (about a second to start);
// each test that needs one creates its own database in it. Where PostgreSQL is not installed
// (a Windows or macOS laptop) the PostgreSQL half of the store tests is skipped with a message;
// in CI it must run, so a missing server fails the run instead.
import type { TestProject } from 'vitest/node';
import { NO_POSTGRES_MESSAGE, findPgBin, startPgServer, type PgServer } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the throwaway server (its `postgres` database), or null: skip. */
    pgAdminUrl: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  if (!findPgBin()) {
    if (process.env.CI) throw new Error(`CI must run the PostgreSQL store tests. ${NO_POSTGRES_MESSAGE}`);
    process.stderr.write(`\n${NO_POSTGRES_MESSAGE}\n\n`);
    project.provide('pgAdminUrl', null);
    return () => {};
  }
  // fsync off: these tests crash processes, never the machine, so the OS cache keeps every commit.
  const server: PgServer = await startPgServer({ fsync: false, maxConnections: 300 });
  project.provide('pgAdminUrl', server.url());
  return () => server.destroy();
}
